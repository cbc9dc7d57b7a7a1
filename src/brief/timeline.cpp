// The event's timeline: sentences that name a day, merged across articles.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "brief/facts.h"
#include "brief/tidy.h"

namespace chorus {

std::vector<TimelineEntry> build_timeline(const std::vector<Article>& articles,
                                          const std::vector<ArticleFacts>& facts,
                                          const SentenceSpace& space) {
  struct Candidate {
    size_t article;
    uint32_t sentence;
    uint32_t unit;
  };
  std::map<int32_t, std::vector<Candidate>> by_day;
  for (size_t a = 0; a < articles.size(); ++a) {
    if (!articles[a].duplicate_of.empty()) continue;
    std::set<std::pair<int32_t, uint32_t>> seen;  // one entry per day and sentence
    for (const DateMention& d : facts[a].dates) {
      int32_t day = day_of(d.date);
      if (!seen.insert({day, d.sentence}).second) continue;
      const int64_t unit = space.unit_of(static_cast<uint32_t>(a), d.sentence);
      if (unit < 0) continue;  // a heading
      by_day[day].push_back(Candidate{a, d.sentence, static_cast<uint32_t>(unit)});
    }
  }
  std::vector<TimelineEntry> out;
  for (auto& [day, candidates] : by_day) {
    // Candidates of one day stating the same thing are one happening: each joins the first
    // group whose first sentence it matches (kSameStatement), else starts a group. Compared
    // with groups' first sentences only, so a day reported by many articles costs
    // candidates x happenings, not candidates squared.
    std::vector<int> group(candidates.size(), -1);
    std::vector<size_t> leaders;
    constexpr size_t kMaxHappeningsPerDay = 64;
    // A sentence with the same words as one already placed (a wire copy) joins its group
    // without a comparison.
    std::unordered_map<uint64_t, int> group_of_words;
    for (size_t i = 0; i < candidates.size(); ++i) {
      const uint64_t words = space.signature(candidates[i].unit);
      if (auto it = group_of_words.find(words); it != group_of_words.end()) {
        group[i] = it->second;
        continue;
      }
      for (size_t g = 0; g < leaders.size(); ++g) {
        if (space.similarity(candidates[leaders[g]].unit, candidates[i].unit) >= kSameStatement) {
          group[i] = static_cast<int>(g);
          break;
        }
      }
      if (group[i] < 0 && leaders.size() < kMaxHappeningsPerDay) {
        group[i] = static_cast<int>(leaders.size());
        leaders.push_back(i);
      }
      if (group[i] >= 0) group_of_words.emplace(words, group[i]);
    }
    auto length = [&](size_t i) {
      const Sentence& s = articles[candidates[i].article].sentences[candidates[i].sentence];
      return s.end - s.begin;
    };
    for (size_t g = 0; g < leaders.size(); ++g) {
      TimelineEntry e;
      std::set<size_t> sources;
      size_t best = leaders[g];  // a group's leader is its first member
      for (size_t i = leaders[g]; i < candidates.size(); ++i) {
        if (group[i] != static_cast<int>(g)) continue;
        sources.insert(candidates[i].article);
        if (length(i) < length(best)) best = i;  // the shortest telling reads best on a timeline
      }
      const Article& a = articles[candidates[best].article];
      e.date = date_of(day).iso();
      e.text = tidy_sentence(a.sentence_text(a.sentences[candidates[best].sentence]), false);
      e.from = candidates[best].article;
      e.sources.assign(sources.begin(), sources.end());
      out.push_back(std::move(e));
    }
  }
  // Long events: keep the happenings most articles report, then put them back in date order.
  constexpr size_t kMaxEntries = 40;
  if (out.size() > kMaxEntries) {
    std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& x, const TimelineEntry& y) {
      return x.sources.size() > y.sources.size();
    });
    out.resize(kMaxEntries);
    std::stable_sort(out.begin(), out.end(), [](const TimelineEntry& x, const TimelineEntry& y) { return x.date < y.date; });
  }
  return out;
}

}  // namespace chorus
