// How the articles' wording differs, derived from the event itself, with no list of loaded
// words. Two nouns are substitutes where the event uses them in the same places: they share
// at least two neighbouring words ("CSTO troops", "CSTO forces"; "Russia-led troops",
// "Russia-led soldiers"), or two articles stating the same thing (kSameStatement) use one
// where the other uses the other, with a shared neighbour. Compounds of one pattern
// ("Russia-led", "Moscow-led", "Russian-led") are substitutes of each other. An article's
// framing terms are the substitutes it uses where another article uses a different one; its
// quoted terms are the words it puts in quotation marks ("terrorists"), and a word some
// article quotes is listed for the articles that write it without marks.
//
// Words are compared by their terms (Token::term), so nothing here lower-cases text but the
// terms finally shown.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "brief/facts.h"
#include "facts/lexicon.h"
#include "text/utf8.h"

namespace chorus {
namespace {

constexpr size_t kMaxArticles = 32;  // bounds the cost for large events; fits a 64-bit mask

uint64_t mix(uint64_t a, uint64_t b) {
  uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x7F4A7C159E3779B9ULL + (a << 6) + (a >> 2));
  return h ^ (h >> 31);
}

const std::unordered_set<uint64_t>& determiners() {
  static const std::unordered_set<uint64_t> kTerms = [] {
    std::unordered_set<uint64_t> t;
    for (std::string_view w : {"the", "a", "an", "its", "their", "his", "her", "our", "these", "those"}) {
      t.insert(english_term(w));
    }
    return t;
  }();
  return kTerms;
}

const std::unordered_map<uint64_t, uint64_t>& compound_suffixes() {  // term -> pattern id
  static const std::unordered_map<uint64_t, uint64_t> kTerms = [] {
    std::unordered_map<uint64_t, uint64_t> t;
    for (std::string_view w : {"led", "backed", "based", "allied"}) t.emplace(english_term(w), english_term(w));
    return t;
  }();
  return kTerms;
}

struct Word {
  uint64_t id;       // the token's term, or a compound's id
  uint64_t pattern;  // the compound's suffix term; 0 for a plain word
  uint32_t begin, end;
  bool quoted;       // inside quotation marks
};

// Framing candidates of a sentence in order: words of four letters or more that are not
// capitalised, stopwords or numbers, and compounds "X-led", "X-backed", "X-based",
// "X-allied". `neighbours` gets a key per token (0 for stopwords) for context counting.
void words_of(const Article& a, const Sentence& s, std::vector<Word>& out,
              std::vector<uint64_t>* neighbours) {
  out.clear();
  if (neighbours) neighbours->clear();
  const uint32_t end = s.first_token + s.token_count;
  int straight = 0, curly = 0;  // quotation marks seen so far in the sentence
  uint32_t scanned = s.begin;
  for (uint32_t k = s.first_token; k < end; ++k) {
    const Token& t = a.tokens[k];
    for (; scanned < t.begin; ++scanned) {
      char c = a.text[scanned];
      if (c == '"') ++straight;
      if (c == '\xE2' && a.text.compare(scanned, 3, "\xE2\x80\x9C") == 0) ++curly;
      if (c == '\xE2' && a.text.compare(scanned, 3, "\xE2\x80\x9D") == 0) --curly;
    }
    const bool quoted = straight % 2 == 1 || curly > 0;
    if ((t.flags & Token::kCapitalized) && k + 1 < end && a.tokens[k + 1].begin == t.begin + t.size + 1 &&
        a.text[t.begin + t.size] == '-') {
      auto suffix = compound_suffixes().find(a.tokens[k + 1].term);
      if (suffix != compound_suffixes().end()) {
        Word w{mix(t.term, suffix->second), suffix->second, t.begin, a.tokens[k + 1].begin + a.tokens[k + 1].size, quoted};
        if (neighbours) neighbours->push_back(w.id);
        out.push_back(w);
        ++k;
        continue;
      }
    }
    if (neighbours) neighbours->push_back((t.flags & Token::kStopword) ? 0 : (t.flags & Token::kNumber) ? 1 : t.term);
    if (t.flags & (Token::kNumber | Token::kStopword | Token::kCapitalized) || t.size < 4) continue;
    out.push_back(Word{t.term, 0, t.begin, t.begin + t.size, quoted});
  }
}

}  // namespace

std::vector<Framing> find_framing(const std::vector<Article>& articles,
                                  const std::vector<ArticleFacts>& facts, const SentenceSpace& space) {
  // The articles read: the first kMaxArticles that are not duplicates; `rank` is the bit of
  // each in the masks below.
  std::vector<int> rank(articles.size(), -1);
  size_t taken = 0;
  for (size_t a = 0; a < articles.size() && taken < kMaxArticles; ++a) {
    if (articles[a].duplicate_of.empty()) rank[a] = static_cast<int>(taken++);
  }
  std::vector<Framing> out;
  if (taken < 2) return out;

  // Nouns, roughly: words after a determiner somewhere in the event, plurals, compounds.
  // Verbs and adverbs that differ between tellings are not framing.
  std::unordered_set<uint64_t> nounish;
  std::unordered_map<uint64_t, uint64_t> users;       // word -> mask of articles using it unquoted
  std::unordered_map<uint64_t, uint64_t> pattern_of;  // compound -> suffix
  std::unordered_map<uint64_t, std::pair<size_t, Word>> shown;  // word -> an occurrence
  std::vector<std::pair<uint64_t, uint64_t>> contexts;  // (neighbour key, word)
  std::vector<Word> words;
  std::vector<uint64_t> keys;
  for (size_t a = 0; a < articles.size(); ++a) {
    if (rank[a] < 0) continue;
    const Article& art = articles[a];
    for (size_t k = 1; k < art.tokens.size(); ++k) {
      const Token& t = art.tokens[k];
      if (determiners().count(art.tokens[k - 1].term) ||
          (t.size > 4 && art.text[t.begin + t.size - 1] == 's' && art.text[t.begin + t.size - 2] != 's')) {
        nounish.insert(t.term);
      }
    }
    for (const Sentence& s : art.sentences) {
      if (s.heading) continue;
      words_of(art, s, words, &keys);
      for (const Word& w : words) {
        if (!w.quoted) users[w.id] |= uint64_t{1} << rank[a];
        if (w.pattern) pattern_of[w.id] = w.pattern;
        shown.try_emplace(w.id, a, w);
      }
      for (size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] <= 1) continue;
        if (i > 0 && keys[i - 1]) contexts.emplace_back(mix(1, keys[i - 1]), keys[i]);
        if (i + 1 < keys.size() && keys[i + 1]) contexts.emplace_back(mix(2, keys[i + 1]), keys[i]);
      }
    }
  }
  auto candidate = [&](uint64_t w) { return pattern_of.count(w) || nounish.count(w); };
  auto pair_key = [](uint64_t x, uint64_t y) { return std::make_pair(std::min(x, y), std::max(x, y)); };

  // Evidence for substitutes: shared neighbours.
  std::map<std::pair<uint64_t, uint64_t>, int> evidence;
  std::sort(contexts.begin(), contexts.end());
  contexts.erase(std::unique(contexts.begin(), contexts.end()), contexts.end());
  for (size_t i = 0; i < contexts.size();) {
    size_t j = i;
    while (j < contexts.size() && contexts[j].first == contexts[i].first) ++j;
    if (j - i <= 30) {  // a neighbour of everything tells nothing
      for (size_t x = i; x < j; ++x) {
        if (!candidate(contexts[x].second)) continue;
        for (size_t y = x + 1; y < j; ++y) {
          if (candidate(contexts[y].second)) ++evidence[pair_key(contexts[x].second, contexts[y].second)];
        }
      }
    }
    i = j;
  }
  // Swaps between two tellings of the same thing add one more piece of evidence.
  std::vector<Word> left, right;
  uint32_t below = 0;  // units of the articles read (units are in article order)
  for (size_t u = 0; u < space.size(); ++u) {
    if (rank[space.ref(u).article] >= 0) below = static_cast<uint32_t>(u + 1);
  }
  for (size_t u = 0; u < below; ++u) {
    const auto& ru = space.ref(u);
    if (rank[ru.article] < 0) continue;
    std::map<uint32_t, std::pair<float, uint32_t>> best;  // other article -> best match
    for (auto [v, sim] : space.matches(u, kSameStatement, below)) {
      uint32_t art = space.ref(v).article;
      if (art <= ru.article || rank[art] < 0) continue;
      auto& b = best[art];
      if (sim > b.first) b = {sim, v};
    }
    if (!best.empty()) words_of(articles[ru.article], articles[ru.article].sentences[ru.sentence], left, nullptr);
    for (const auto& [art, match] : best) {
      const auto& rv = space.ref(match.second);
      words_of(articles[rv.article], articles[rv.article].sentences[rv.sentence], right, nullptr);
      auto only = [&](const std::vector<Word>& x, const std::vector<Word>& y) {
        std::vector<uint64_t> o;
        for (const Word& w : x) {
          bool in_y = std::any_of(y.begin(), y.end(), [&](const Word& z) { return z.id == w.id; });
          if (!in_y && candidate(w.id) && std::find(o.begin(), o.end(), w.id) == o.end()) o.push_back(w.id);
        }
        return o;
      };
      std::vector<uint64_t> l = only(left, right), r = only(right, left);
      if (l.empty() || r.empty() || l.size() > 3 || r.size() > 3) continue;
      for (uint64_t x : l) {
        for (uint64_t y : r) ++evidence[pair_key(x, y)];
      }
    }
  }
  std::unordered_map<uint64_t, std::vector<uint64_t>> substitutes;
  for (const auto& [pair, n] : evidence) {
    if (n < 2) continue;
    substitutes[pair.first].push_back(pair.second);
    substitutes[pair.second].push_back(pair.first);
  }
  for (const auto& [w, pattern] : pattern_of) {
    for (const auto& [v, other] : pattern_of) {
      if (w < v && pattern == other && evidence[pair_key(w, v)] < 2) {
        substitutes[w].push_back(v);
        substitutes[v].push_back(w);
      }
    }
  }
  auto display = [&](uint64_t id) {
    const auto& [a, w] = shown.at(id);
    std::string_view text = articles[a].view(w.begin, w.end);
    return w.pattern ? std::string(text) : utf8_lower(text);
  };

  // Words some article puts in quotation marks as a scare quote of their own ("terrorists").
  std::unordered_set<std::string> scare_quoted;
  for (const ArticleFacts& f : facts) scare_quoted.insert(f.quotes.scare_quotes.begin(), f.quotes.scare_quotes.end());
  std::unordered_set<uint64_t> quoted_words;
  for (const auto& [id, occurrence] : shown) {
    if (occurrence.second.quoted && scare_quoted.count(display(id))) quoted_words.insert(id);
  }
  const uint64_t all = taken == 64 ? ~uint64_t{0} : (uint64_t{1} << taken) - 1;
  for (size_t a = 0; a < articles.size(); ++a) {
    if (rank[a] < 0) continue;
    const uint64_t me = uint64_t{1} << rank[a];
    Framing f;
    f.article = a;
    // Its substitutes where another article uses a different one that this one does not.
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [w, mask] : users) {
      if (!(mask & me) || mask == all) continue;
      auto it = substitutes.find(w);
      int contrast = 0;
      if (it != substitutes.end()) {
        for (uint64_t other : it->second) {
          auto o = users.find(other);
          if (o != users.end() && !(o->second & me)) contrast += __builtin_popcountll(o->second);
        }
      }
      if (contrast > 0) {
        ranked.emplace_back(contrast, display(w));
      } else if (quoted_words.count(w)) {
        ranked.emplace_back(0, display(w));  // others quote it; this article does not
      }
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    constexpr size_t kMaxTerms = 10;
    for (const auto& [n, w] : ranked) {
      if (f.terms.size() < kMaxTerms) f.terms.push_back(w);
    }
    std::set<std::string> seen;
    for (const std::string& q : facts[a].quotes.scare_quotes) {
      if (f.quoted.size() < kMaxTerms && seen.insert(q).second) f.quoted.push_back(q);
    }
    if (!f.terms.empty() || !f.quoted.empty()) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace chorus
