#include "eval/extract_eval.h"

#include <unicode/uchar.h>
#include <xxhash.h>

#include <algorithm>
#include <unordered_map>

#include "text/utf8.h"

namespace chorus {
namespace {

bool is_word(char32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z' ? true : (c >= '0' && c <= '9') || c == '_';
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER: case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER: case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

// Multiset of shingles, keyed by a hash of their tokens.
std::unordered_map<uint64_t, int> shingles(std::string_view text) {
  std::vector<std::string_view> tokens = aeb_tokens(text);
  std::unordered_map<uint64_t, int> out;
  constexpr size_t n = 4;
  size_t count = tokens.size() >= n ? tokens.size() - n + 1 : (tokens.empty() ? 0 : 1);
  out.reserve(count);
  std::vector<uint64_t> hashes(tokens.size());
  for (size_t k = 0; k < tokens.size(); ++k) hashes[k] = XXH3_64bits(tokens[k].data(), tokens[k].size());
  for (size_t i = 0; i < count; ++i) {
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (size_t k = i; k < std::min(i + n, tokens.size()); ++k) {
      h = (h ^ hashes[k]) * 0x100000001B3ULL;  // order-dependent combination
      h ^= h >> 29;
    }
    ++out[h];
  }
  return out;
}

}  // namespace

std::vector<std::string_view> aeb_tokens(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = utf8_next(text, i);
    if (!is_word(c)) continue;
    size_t end = i;
    while (end < text.size()) {
      size_t j = end;
      if (!is_word(utf8_next(text, j))) break;
      end = j;
    }
    out.push_back(text.substr(start, end - start));
    i = end;
  }
  return out;
}

ShingleMatch shingle_match(std::string_view predicted, std::string_view truth) {
  auto p = shingles(predicted);
  auto t = shingles(truth);
  ShingleMatch m;
  for (const auto& [key, pc] : p) {
    auto it = t.find(key);
    int tc = it == t.end() ? 0 : it->second;
    m.tp += std::min(pc, tc);
    m.fp += std::max(0, pc - tc);
  }
  for (const auto& [key, tc] : t) {
    auto it = p.find(key);
    int pc = it == p.end() ? 0 : it->second;
    m.fn += std::max(0, tc - pc);
  }
  return m;
}

double ShingleMatch::precision() const {
  if (fp == 0 && fn == 0) return 1.0;
  return tp + fp > 0 ? tp / (tp + fp) : 0.0;
}

double ShingleMatch::recall() const {
  if (fp == 0 && fn == 0) return 1.0;
  return tp + fn > 0 ? tp / (tp + fn) : 0.0;
}

ExtractScore combine(const std::vector<ShingleMatch>& pages) {
  ExtractScore s;
  s.pages = pages.size();
  double p = 0, r = 0;
  size_t np = 0, nr = 0;
  for (const ShingleMatch& m : pages) {
    if (m.tp + m.fp > 0) {
      p += m.precision();
      ++np;
    }
    if (m.tp + m.fn > 0) {
      r += m.recall();
      ++nr;
    }
  }
  s.precision = np ? p / static_cast<double>(np) : 0;
  s.recall = nr ? r / static_cast<double>(nr) : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

}  // namespace chorus
