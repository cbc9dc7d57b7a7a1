#include "events/signals.h"

#include <algorithm>
#include <chrono>

#include "text/tokens.h"

namespace chorus {
namespace {

// Names and numbers tell one event from another of the same kind (two fires at the same
// supermarket chain, two title fights of the same boxer): they count three times. Chosen on
// ECB+ pairs of sibling events, where 3 separated them better than 1 or 2 (docs/events.md).
constexpr float kSpecificBoost = 3.0f;

uint64_t mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace

int32_t day_number(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return INT32_MIN;
  auto num = [&](size_t p, size_t n) {
    int v = 0;
    for (size_t i = p; i < p + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return INT32_MIN;
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return INT32_MIN;
  return static_cast<int32_t>(sys_days(ymd).time_since_epoch().count());
}

ArticleSignals signals_of(const Article& a) {
  ArticleSignals s;
  s.day = day_number(a.published);
  s.words = a.words;

  std::vector<std::pair<uint64_t, float>> terms;
  terms.reserve(a.tokens.size() + 16);
  for (const Sentence& sent : a.sentences) {
    for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) {
      const Token& tok = a.tokens[t];
      if (tok.flags & Token::kStopword) continue;
      float w = 1.0f;
      if ((tok.flags & Token::kNumber) || ((tok.flags & Token::kCapitalized) && t != sent.first_token)) {
        w = kSpecificBoost;
      }
      terms.emplace_back(tok.term, w);
    }
  }
  if (!a.title.empty()) {
    std::vector<Token> title;
    annotate_tokens(a.title, 0, static_cast<uint32_t>(a.title.size()), a.language, title);
    for (const Token& tok : title) {
      if (!(tok.flags & Token::kStopword)) terms.emplace_back(tok.term, 3.0f);
    }
  }
  std::sort(terms.begin(), terms.end());
  for (const auto& [term, w] : terms) {
    if (!s.terms.empty() && s.terms.back().first == term) {
      s.terms.back().second += w;
    } else {
      s.terms.emplace_back(term, w);
    }
  }

  // SimHash over word 3-shingles (all words, stopwords included: copies keep them too).
  int32_t votes[64] = {0};
  const std::vector<Token>& tk = a.tokens;
  for (size_t i = 0; i + 2 < tk.size(); ++i) {
    uint64_t h = mix(tk[i].term * 31 + mix(tk[i + 1].term) * 17 + mix(tk[i + 2].term));
    for (int b = 0; b < 64; ++b) votes[b] += static_cast<int32_t>((h >> b) & 1) * 2 - 1;
  }
  for (int b = 0; b < 64; ++b) {
    if (votes[b] > 0) s.simhash |= uint64_t{1} << b;
  }

  // Sentence fingerprints: the sequence of a sentence's terms.
  for (const Sentence& sent : a.sentences) {
    if (sent.token_count < 6 || sent.heading) continue;
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) {
      h = mix(h ^ tk[t].term);
    }
    s.sentence_hashes.push_back(h);
  }
  std::sort(s.sentence_hashes.begin(), s.sentence_hashes.end());
  s.sentence_hashes.erase(std::unique(s.sentence_hashes.begin(), s.sentence_hashes.end()),
                          s.sentence_hashes.end());
  return s;
}

}  // namespace chorus
