#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_map>

#include "brief/facts.h"
#include "brief/summary.h"
#include "chorus/brief.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace chorus {
namespace {

// The id of an event: a hash of its sorted article ids.
std::string event_id(const std::vector<Article>& articles) {
  std::vector<std::string_view> ids;
  for (const Article& a : articles) ids.push_back(a.id);
  std::sort(ids.begin(), ids.end());
  XXH3_state_t* st = XXH3_createState();
  XXH3_64bits_reset(st);
  for (std::string_view id : ids) {
    XXH3_64bits_update(st, id.data(), id.size());
    XXH3_64bits_update(st, "\n", 1);  // separator: {"ab","c"} and {"a","bc"} differ
  }
  uint64_t h = XXH3_64bits_digest(st);
  XXH3_freeState(st);
  char buf[24];
  std::snprintf(buf, sizeof buf, "ev-%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// The headline whose words occur most in the other headlines (each word's count of other
// headlines holding it, averaged over the headline's words). Linear in the headlines.
std::string central_title(const std::vector<Article>& articles) {
  std::vector<std::vector<uint64_t>> words(articles.size());
  std::unordered_map<uint64_t, uint32_t> df;
  for (size_t i = 0; i < articles.size(); ++i) {
    std::string lower = utf8_lower(articles[i].title);
    std::vector<RawToken> tokens;
    split_words(lower, tokens);
    for (const RawToken& t : tokens) {
      if (t.size <= 3) continue;  // short words are mostly function words
      words[i].push_back(term_of(std::string_view(lower).substr(t.begin, t.size)));
    }
    std::sort(words[i].begin(), words[i].end());
    words[i].erase(std::unique(words[i].begin(), words[i].end()), words[i].end());
    for (uint64_t w : words[i]) ++df[w];
  }
  size_t best = articles.size();
  double best_score = -1;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (words[i].empty()) continue;
    double score = 0;
    for (uint64_t w : words[i]) score += df[w] - 1;
    score /= static_cast<double>(words[i].size());
    if (score > best_score) {
      best_score = score;
      best = i;
    }
  }
  return best < articles.size() ? articles[best].title : "";
}

}  // namespace

Brief make_brief(const std::vector<Article>& articles, const BriefOptions& options) {
  Brief b;
  b.articles = &articles;
  b.id = event_id(articles);
  b.title = central_title(articles);
  std::set<std::string> languages;
  for (const Article& a : articles) {
    if (!a.published.empty()) {
      if (b.first_published.empty() || a.published < b.first_published) b.first_published = a.published;
      if (b.last_published.empty() || a.published > b.last_published) b.last_published = a.published;
    }
    if (!a.language.empty() && a.language != "und") languages.insert(a.language);
  }
  b.languages.assign(languages.begin(), languages.end());
  std::set<std::string> outlets;
  for (const Article& a : articles) {
    if (!a.duplicate_of.empty() || !a.wire_of.empty()) continue;
    ++b.independent_articles;
    outlets.insert(a.source.empty() ? "\x01" + a.id : a.source);
  }
  b.independent_sources = outlets.size();
  SentenceSpace space(articles);
  b.summary = summarize(articles, space, options);
  if (options.facts) add_facts(articles, space, b);
  if (b.title.empty() && !b.summary.empty()) b.title = b.summary.front().text;
  return b;
}

}  // namespace chorus
