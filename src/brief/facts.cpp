#include "brief/facts.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "facts/lexicon.h"
#include "text/tokens.h"
#include "text/utf8.h"
#include "util/term_set.h"

namespace chorus {
namespace {

// The range a reported value allows, by its qualifier: "about 2,000" is 1,800 to 2,200,
// "more than 2,000" 2,000 to 4,000 (news says "more than" near the figure), "up to 10" 0 to
// 10.
std::pair<double, double> allowed(double v, double v_max, std::string_view approx, bool vague) {
  // A vague amount ("hundreds") is a word, not a figure: it allows half as much again.
  if (vague) return {v, v_max * 1.5};
  if (approx == "about") return {v * 0.9, v_max * 1.1};
  if (approx == "nearly") return {v * 0.9, v_max};
  if (approx == "over" || approx == "at least") return {v, v_max * 2};
  if (approx == "under" || approx == "up to") return {0, v_max};
  return {v, v_max};
}

bool overlap(std::pair<double, double> a, std::pair<double, double> b) {
  return a.first <= b.second && b.first <= a.second;
}

// Reported values near enough to be about the same thing (within a factor of two, or
// overlapping); further apart they are usually different things counted under one word
// ("100 Armenian soldiers" and "2,000 troops").
bool comparable(const FactValue& a, const FactValue& b) {
  if (overlap({a.value, a.value_max}, {b.value, b.value_max})) return true;
  double lo = std::min(a.value_max, b.value_max), hi = std::max(a.value, b.value);
  return lo > 0 && hi / lo <= 2.0;
}

// "people killed" for a "killed" fact with generic people; what the articles wrote otherwise.
std::string describe(const std::string& kind, const std::vector<std::string_view>& counted) {
  std::map<std::string_view, int> n;
  for (std::string_view c : counted) ++n[c];
  std::string best;
  int most = 0;
  for (const auto& [c, k] : n) {
    if (k > most) best = std::string(c), most = k;
  }
  if (kind.starts_with("duration:")) {
    std::string act = kind.substr(9);
    return act.empty() ? "duration" : act + " duration";
  }
  if (kind == "age") return "age";
  return best;
}

std::string value_text(const Article& a, uint32_t begin, uint32_t end) {
  return normalize_spaces(a.view(begin, end));
}

// Subject nouns of a casualty count that stand for everyone ("people killed", "the death
// toll"): counts with them compare; others ("security officers killed") are a different
// count.
bool everyone(const std::string& counted) {
  std::string first = counted.substr(0, counted.find(' '));
  return first == "people" || first == "persons" || first == "death" || first == "dead" ||
         first == "deaths" || first == "lives" || first == "killed" || first == "injured" ||
         first == "arrested" || first == "toll" || first == "official" || first == "wounded" ||
         first == "fatalities" || first == "bodies" || first == "victims" || first == "casualties";
}

// Verbs that say an act begins or ends ("will complete the pullout by January 19"): the phase
// ("end" or "start") of a term, or "". Asked of every token of dated sentences: a flat index.
std::string_view phase_of_term(uint64_t term) {
  static const TermIndex kPhases = [] {
    TermIndex p;  // 0: end, 1: start
    for (std::string_view w : {"complete", "completed", "end", "ended", "finish", "finished", "conclude", "concluded"}) {
      if (!p.find(english_term(w))) p.insert(english_term(w), 0);
    }
    for (std::string_view w : {"begin", "began", "begun", "begins", "start", "started", "starts", "commence",
                               "commenced", "launched"}) {
      if (!p.find(english_term(w))) p.insert(english_term(w), 1);
    }
    return p;
  }();
  const uint32_t* phase = kPhases.find(term);
  return phase ? (*phase == 0 ? "end" : "start") : "";
}

struct Reported {
  std::string kind, scope, unit;
  FactValue value;  // without its text and sources, given when it is kept as a distinct value
  std::string counted;
  size_t article;
  uint32_t text_begin, text_end;  // the value's words in the article
};

}  // namespace

std::vector<size_t> agreeing_sources(const Fact& f) {
  std::vector<size_t> all = f.reported.sources;
  for (const FactValue& v : f.agreeing) all.insert(all.end(), v.sources.begin(), v.sources.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

std::vector<Fact> compare_facts(const std::vector<Article>& articles,
                                const std::vector<ArticleFacts>& facts, const EntityIndex& entities) {
  std::vector<Reported> all;
  size_t reported = 0;
  for (const ArticleFacts& f : facts) reported += f.quantities.size() + f.dates.size();
  all.reserve(reported);
  for (size_t a = 0; a < articles.size(); ++a) {
    for (const Quantity& q : facts[a].quantities) {
      Reported r;
      r.kind = q.kind;
      r.unit = q.unit == "years" ? "years" : q.unit;
      r.scope = q.scope;
      if (q.kind == "age" && !q.scope.empty()) {
        int e = entities.find(q.scope);
        if (e < 0) continue;  // an age of someone we cannot name
        r.scope = entities.entities[e].name;
      }
      if (q.kind == "killed" || q.kind == "injured" || q.kind == "arrested") {
        if (!everyone(q.counted)) r.scope = q.counted.substr(0, q.counted.rfind(' '));
      }
      r.value = FactValue{q.value, q.value_max, q.vague, q.approx, "", {}};
      r.counted = q.counted;
      r.article = a;
      r.text_begin = q.begin, r.text_end = q.end;
      all.push_back(std::move(r));
    }
    // Dated acts: "will complete the pullout by January 19", "began withdrawing on Thursday".
    for (const DateMention& d : facts[a].dates) {
      const Article& art = articles[a];
      const Sentence& s = art.sentences[d.sentence];
      std::string act, phase;
      uint32_t best = UINT32_MAX;
      for (uint32_t k = s.first_token; k < s.first_token + s.token_count; ++k) {
        const uint64_t term = art.tokens[k].term;
        uint32_t distance = art.tokens[k].begin < d.begin ? d.begin - art.tokens[k].begin : art.tokens[k].begin - d.begin;
        std::string_view a_here = act_of_term(term);
        if (!a_here.empty() && distance < best) best = distance, act = std::string(a_here);
        std::string_view p = phase_of_term(term);
        if (!p.empty() && (phase.empty() || p == "end")) phase = std::string(p);
      }
      if (act.empty() || phase.empty() || best > 120) continue;
      Reported r;
      r.kind = "date:" + act + " " + phase;
      r.unit = "date";
      double day = day_of(d.date);
      // "by January 19" reads as a deadline: the phrase keeps its preposition.
      uint32_t from = d.begin;
      std::string_view before = art.view(d.begin >= 4 ? d.begin - 3 : 0, d.begin);
      if (before == "by ") from = d.begin - 3;
      r.value = FactValue{day, day, false, "", "", {}};
      r.counted = act + " " + phase;
      r.article = a;
      r.text_begin = from, r.text_end = d.end;
      all.push_back(std::move(r));
    }
  }

  // Group by what is counted, then by magnitude. The groups are runs of the values ordered by
  // (kind, scope), each in the order reported (a stable sort): the order a map keyed by the
  // pair gave, without a node and two string copies per value.
  std::vector<size_t> by_key(all.size());
  for (size_t i = 0; i < all.size(); ++i) by_key[i] = i;
  std::stable_sort(by_key.begin(), by_key.end(), [&](size_t x, size_t y) {
    if (int c = all[x].kind.compare(all[y].kind); c != 0) return c < 0;
    return all[x].scope < all[y].scope;
  });
  std::vector<Fact> out;
  std::vector<size_t> members;
  // Articles are counted once each when a candidate value's agreeing articles are counted:
  // marked with a number new for each count (one array for all, where one per chain cost a
  // pass over all the articles each).
  std::vector<size_t> mark(articles.size(), SIZE_MAX);
  size_t count_number = 0;
  for (size_t run = 0; run < by_key.size();) {
    size_t run_end = run + 1;
    while (run_end < by_key.size() && all[by_key[run_end]].kind == all[by_key[run]].kind &&
           all[by_key[run_end]].scope == all[by_key[run]].scope) {
      ++run_end;
    }
    members.assign(by_key.begin() + run, by_key.begin() + run_end);
    run = run_end;
    const std::string& kind = all[members[0]].kind;
    const std::string& scope = all[members[0]].scope;
    std::sort(members.begin(), members.end(), [&](size_t x, size_t y) { return all[x].value.value < all[y].value.value; });
    // Chains of comparable values.
    std::vector<std::vector<size_t>> chains;
    for (size_t m : members) {
      if (chains.empty() || !comparable(all[chains.back().back()].value, all[m].value)) chains.emplace_back();
      chains.back().push_back(m);
    }
    for (const std::vector<size_t>& chain : chains) {
      // Distinct values (same number, range and qualifier), with their articles.
      std::vector<FactValue> values;
      std::vector<std::string_view> counted;  // views into `all`, which stays put
      for (size_t m : chain) {
        const FactValue& v = all[m].value;
        counted.push_back(all[m].counted);
        auto same = std::find_if(values.begin(), values.end(), [&](const FactValue& x) {
          return x.value == v.value && x.value_max == v.value_max && x.approx == v.approx;
        });
        if (same == values.end()) {
          values.push_back(v);
          values.back().text = value_text(articles[all[m].article], all[m].text_begin, all[m].text_end);
          values.back().sources = {all[m].article};
        } else if (std::find(same->sources.begin(), same->sources.end(), all[m].article) == same->sources.end()) {
          same->sources.push_back(all[m].article);
        }
      }
      // The reported value: the one agreeing with the most articles; a precise figure over a
      // vague one, the most stated over the less.
      // Each value's allowed range, once (compared below with every other value's).
      std::vector<std::pair<double, double>> ranges;
      for (const FactValue& v : values) ranges.push_back(allowed(v.value, v.value_max, v.approx, v.vague));
      auto agreeing_articles = [&](size_t candidate) {
        const size_t number = count_number++;
        size_t n = 0;
        for (size_t i = 0; i < values.size(); ++i) {
          if (!overlap(ranges[candidate], ranges[i])) continue;
          for (size_t a : values[i].sources) {
            if (mark[a] != number) mark[a] = number, ++n;
          }
        }
        return n;
      };
      size_t best = 0;
      std::tuple<bool, size_t, size_t, bool> best_score{false, 0, 0, false};
      for (size_t i = 0; i < values.size(); ++i) {
        const FactValue& v = values[i];
        std::tuple<bool, size_t, size_t, bool> score{!v.vague, agreeing_articles(i), v.sources.size(), v.approx.empty()};
        if (score > best_score) best_score = score, best = i;
      }
      Fact f;
      f.reported = values[best];
      f.unit = all[chain[0]].unit;
      f.about = describe(kind, counted);
      if (kind == "age") f.about = "age of " + scope;
      else if (!scope.empty() && !kind.starts_with("killed") && !kind.starts_with("injured") &&
               !kind.starts_with("arrested")) {
        f.about = scope + " " + f.about;
      }
      std::set<size_t> outlets(f.reported.sources.begin(), f.reported.sources.end());
      for (size_t i = 0; i < values.size(); ++i) {
        if (i == best) continue;
        outlets.insert(values[i].sources.begin(), values[i].sources.end());
        if (overlap(ranges[best], ranges[i])) {
          f.agreeing.push_back(values[i]);
        } else {
          f.conflicts.push_back(values[i]);
        }
      }
      f.outlets = outlets.size();
      for (FactValue* v : {&f.reported}) std::sort(v->sources.begin(), v->sources.end());
      for (auto* list : {&f.agreeing, &f.conflicts}) {
        for (FactValue& v : *list) std::sort(v.sources.begin(), v.sources.end());
        std::sort(list->begin(), list->end(), [](const FactValue& x, const FactValue& y) {
          return x.sources.size() > y.sources.size();
        });
      }
      out.push_back(std::move(f));
    }
  }
  // Most reported first; facts with conflicts before equally reported ones without.
  std::stable_sort(out.begin(), out.end(), [](const Fact& x, const Fact& y) {
    if (x.outlets != y.outlets) return x.outlets > y.outlets;
    return x.conflicts.size() > y.conflicts.size();
  });
  // Facts only one article reports are kept, marked by their one source, up to a limit.
  constexpr size_t kMaxFacts = 40;
  if (out.size() > kMaxFacts) out.resize(kMaxFacts);
  return out;
}

std::vector<Quote> merge_quotes(const std::vector<Article>& articles, const std::vector<ArticleFacts>& facts) {
  struct Found {
    const QuoteFound* quote;
    size_t article;
    std::vector<uint64_t> terms;  // of its content words, sorted, unique
  };
  std::vector<Found> found;
  for (size_t a = 0; a < articles.size(); ++a) {
    const Article& art = articles[a];
    for (const QuoteFound& q : facts[a].quotes.quotes) {
      Found f{&q, a, {}};
      auto first = std::lower_bound(art.tokens.begin(), art.tokens.end(), q.begin,
                                    [](const Token& t, uint32_t o) { return t.begin < o; });
      for (auto t = first; t != art.tokens.end() && t->begin < q.end; ++t) {
        if (!(t->flags & Token::kStopword)) f.terms.push_back(t->term);
      }
      std::sort(f.terms.begin(), f.terms.end());
      f.terms.erase(std::unique(f.terms.begin(), f.terms.end()), f.terms.end());
      found.push_back(std::move(f));
    }
  }
  // Two quotations are one when most content words of the shorter (at least three) are in
  // the longer. Each quotation joins the first group whose leader it matches. The words it
  // shares with each leader are counted through the leaders' words (a group appears once in
  // the postings of each word its leader shares), so that an event with thousands of
  // quotations is not compared pair by pair.
  std::vector<std::vector<size_t>> groups;  // each led by its first quotation
  std::unordered_map<uint64_t, std::vector<size_t>> groups_by_leader_term;
  std::vector<size_t> shared;  // a group index for each word shared with its leader
  for (size_t i = 0; i < found.size(); ++i) {
    shared.clear();
    for (uint64_t t : found[i].terms) {
      auto it = groups_by_leader_term.find(t);
      if (it != groups_by_leader_term.end()) shared.insert(shared.end(), it->second.begin(), it->second.end());
    }
    std::sort(shared.begin(), shared.end());
    size_t match = groups.size();
    for (size_t run = 0; run < shared.size() && match == groups.size();) {
      size_t end = run;
      while (end < shared.size() && shared[end] == shared[run]) ++end;
      const size_t common = end - run;
      const size_t shorter = std::min(found[groups[shared[run]][0]].terms.size(), found[i].terms.size());
      if (common >= 3 && common * 10 >= shorter * 8) match = shared[run];
      run = end;
    }
    if (match < groups.size()) {
      groups[match].push_back(i);
    } else {
      for (uint64_t t : found[i].terms) groups_by_leader_term[t].push_back(groups.size());
      groups.push_back({i});
    }
  }
  std::vector<Quote> out;
  for (const std::vector<size_t>& g : groups) {
    Quote q;
    std::map<std::string, int> speakers;
    std::set<size_t> sources;
    for (size_t i : g) {
      const QuoteFound& f = *found[i].quote;
      if (f.text.size() > q.text.size()) q.text = f.text;
      ++speakers[f.speaker];
      // A named entity outweighs the words of a single article.
      if (f.entity >= 0) ++speakers[f.speaker];
      sources.insert(found[i].article);
    }
    int most = 0;
    for (const auto& [s, n] : speakers) {
      if (n > most) q.speaker = s, most = n;
    }
    q.sources.assign(sources.begin(), sources.end());
    out.push_back(std::move(q));
  }
  std::stable_sort(out.begin(), out.end(), [](const Quote& x, const Quote& y) { return x.sources.size() > y.sources.size(); });
  return out;
}

void add_facts(const std::vector<Article>& articles, const SentenceSpace& space, Brief& brief) {
  EntityIndex entities = find_entities(articles);
  std::vector<ArticleFacts> facts(articles.size());
  for (size_t a = 0; a < articles.size(); ++a) {
    facts[a].quantities = find_quantities(articles[a]);
    facts[a].dates = find_date_mentions(articles[a], brief.first_published);
    facts[a].quotes = find_quotes(articles, a, entities);
  }
  brief.facts = compare_facts(articles, facts, entities);
  brief.quotes = merge_quotes(articles, facts);
  brief.timeline = build_timeline(articles, facts, space);
  brief.framing = find_framing(articles, facts, space);
  brief.entities = std::move(entities.entities);
}

}  // namespace chorus
