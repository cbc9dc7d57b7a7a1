#include "events/signals.h"

#include <algorithm>
#include <array>
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

  // Counts gathered in a small open-addressing table (the same words recur), then sorted.
  thread_local std::vector<std::pair<uint64_t, float>> table;
  size_t capacity = 64;
  while (capacity < 2 * (a.tokens.size() + 32)) capacity *= 2;
  table.assign(capacity, {0, 0.0f});
  auto count = [&](uint64_t term, float w) {
    if (term == 0) term = 1;  // 0 marks a free cell
    size_t i = (term * 0x9E3779B97F4A7C15ULL) >> 32 & (capacity - 1);
    while (table[i].first != 0 && table[i].first != term) i = (i + 1) & (capacity - 1);
    table[i].first = term;
    table[i].second += w;
  };
  for (const Sentence& sent : a.sentences) {
    for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) {
      const Token& tok = a.tokens[t];
      if (tok.flags & Token::kStopword) continue;
      float w = 1.0f;
      if ((tok.flags & Token::kNumber) || ((tok.flags & Token::kCapitalized) && t != sent.first_token)) {
        w = kSpecificBoost;
      }
      count(tok.term, w);
    }
  }
  if (!a.title.empty()) {
    std::vector<Token> title;
    annotate_tokens(a.title, 0, static_cast<uint32_t>(a.title.size()), a.language, title);
    for (const Token& tok : title) {
      if (!(tok.flags & Token::kStopword)) count(tok.term, kSpecificBoost);
    }
  }
  for (const auto& cell : table) {
    if (cell.first != 0) s.terms.push_back(cell);
  }
  std::sort(s.terms.begin(), s.terms.end());

  // SimHash over word 3-shingles (all words, stopwords included: copies keep them too).
  // Bits are counted eight at a time: each byte of a shingle's hash indexes a table that
  // spreads its bits over the bytes of a word, and those words are summed (at most 255
  // shingles between flushes, so no byte overflows).
  static const auto spread = [] {
    std::array<uint64_t, 256> t{};
    for (int v = 0; v < 256; ++v) {
      for (int b = 0; b < 8; ++b) {
        if (v & (1 << b)) t[v] |= uint64_t{1} << (8 * b);
      }
    }
    return t;
  }();
  uint32_t ones[64] = {0};
  uint64_t packed[8] = {0};
  uint32_t shingles = 0, pending = 0;
  auto flush = [&] {
    for (int k = 0; k < 8; ++k) {
      for (int b = 0; b < 8; ++b) ones[8 * k + b] += static_cast<uint32_t>((packed[k] >> (8 * b)) & 0xFF);
      packed[k] = 0;
    }
    pending = 0;
  };
  const std::vector<Token>& tk = a.tokens;
  thread_local std::vector<uint64_t> mixed;  // each token's term, mixed once
  mixed.resize(tk.size());
  for (size_t i = 0; i < tk.size(); ++i) mixed[i] = mix(tk[i].term);
  for (size_t i = 0; i + 2 < tk.size(); ++i) {
    uint64_t h = mix(mixed[i] * 31 + mixed[i + 1] * 17 + mixed[i + 2]);
    for (int k = 0; k < 8; ++k) packed[k] += spread[(h >> (8 * k)) & 0xFF];
    ++shingles;
    if (++pending == 255) flush();
  }
  flush();
  for (int bit = 0; bit < 64; ++bit) {
    if (2 * ones[bit] > shingles) s.simhash |= uint64_t{1} << bit;
  }

  // Sentence fingerprints: the sequence of a sentence's terms.
  for (const Sentence& sent : a.sentences) {
    if (sent.token_count < 6 || sent.heading) continue;
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) {
      h = (h ^ mixed[t]) * 0x100000001B3ULL;  // order matters: a sentence, not a bag
    }
    h = mix(h);
    s.sentence_hashes.push_back(h);
  }
  std::sort(s.sentence_hashes.begin(), s.sentence_hashes.end());
  s.sentence_hashes.erase(std::unique(s.sentence_hashes.begin(), s.sentence_hashes.end()),
                          s.sentence_hashes.end());
  return s;
}

}  // namespace chorus
