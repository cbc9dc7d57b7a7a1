// What the event stage reads from an analysed article, computed once per article.
#pragma once

#include <climits>
#include <cstdint>
#include <utility>
#include <vector>

#include "chorus/article.h"

namespace chorus {

struct ArticleSignals {
  // Content terms (stopwords left out) with boosted counts, sorted by term: a title word, a
  // name (a capitalised word not opening its sentence) and a number count three times.
  std::vector<std::pair<uint64_t, float>> terms;
  uint64_t simhash = 0;                  // over word 3-shingles, for near-duplicates
  std::vector<uint64_t> sentence_hashes; // sentences of 6+ words, for wire copies
  int32_t day = INT32_MIN;               // days since 1970-01-01; INT32_MIN when undated
  uint32_t words = 0;
};

// Cost: linear in the article's tokens.
ArticleSignals signals_of(const Article& article);

// Days since 1970-01-01 of a "YYYY-MM-DD" date; INT32_MIN when it is not one.
int32_t day_number(std::string_view iso_date);

// Bits in which two SimHashes differ.
inline int hamming(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

}  // namespace chorus
