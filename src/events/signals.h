// Helpers of the event stage's per-article signals (ArticleSignals: chorus/events.h).
#pragma once

#include <climits>
#include <cstdint>
#include <utility>
#include <vector>

#include "chorus/article.h"
#include "chorus/events.h"

namespace chorus {

// Days since 1970-01-01 of a "YYYY-MM-DD" date; INT32_MIN when it is not one.
int32_t day_number(std::string_view iso_date);

// Bits in which two SimHashes differ.
inline int hamming(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

}  // namespace chorus
