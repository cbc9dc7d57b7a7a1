// ROUGE-N, ROUGE-L and ROUGE-S/SU counted as ROUGE-1.5.5 counts them (see rouge.h).
#include "eval/rouge.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace chorus {
namespace {

constexpr uint32_t kUnknown = UINT32_MAX;  // a candidate token no reference has

// ROUGE prints sprintf("%7.5f") and computes F from those printed R and P.
double round5(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.5f", x);
  return std::strtod(buf, nullptr);
}

void finish(RougeScore& s, double alpha) {
  s.r = s.reference_units ? round5(static_cast<double>(s.hits) / s.reference_units) : 0.0;
  s.p = s.candidate_units ? round5(static_cast<double>(s.hits) / s.candidate_units) : 0.0;
  double denominator = (1 - alpha) * s.p + alpha * s.r;
  s.f = denominator > 0 ? round5((s.p * s.r) / denominator) : 0.0;
}

using Units = std::vector<std::pair<uint64_t, int32_t>>;

// Sorts `keys` and appends them to `out` as (key, count) runs.
void count_sorted(std::vector<uint64_t>& keys, Units& out) {
  std::sort(keys.begin(), keys.end());
  for (size_t i = 0; i < keys.size();) {
    size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    out.emplace_back(keys[i], static_cast<int32_t>(j - i));
    i = j;
  }
}

// Clipped matches: sum over units of min(count in a, count in b); both sorted.
int64_t clipped_hits(const Units& a, const Units& b) {
  int64_t hits = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      hits += std::min(a[i].second, b[j].second);
      ++i;
      ++j;
    }
  }
  return hits;
}

// Skip-bigrams (i, j) with j - i - 1 <= gap, plus unigrams; like ROUGE, the last token has
// no unigram. A unigram's key has 0 in its high half, which no token id has.
void skip_units(const std::vector<uint32_t>& t, int gap, bool unigrams,
                std::vector<uint64_t>& out) {
  size_t reach = gap == kRougeAnyGap ? t.size() : static_cast<size_t>(gap) + 1;
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (unigrams) out.push_back(t[i]);
    size_t last = std::min(t.size() - 1, i + reach);
    for (size_t j = i + 1; j <= last; ++j) out.push_back((uint64_t{t[i]} << 32) | t[j]);
  }
}

// Marks in `hit` the positions of `ref` on the LCS path with `cand`, backtracking as ROUGE
// does: diagonal on a match, else "up" (skip the reference token) when c[i-1][j] >= c[i][j-1].
void mark_lcs(const std::vector<uint32_t>& ref, const std::vector<uint32_t>& cand,
              std::vector<int32_t>& c, std::vector<char>& hit) {
  size_t m = ref.size(), n = cand.size();
  if (m == 0 || n == 0) return;
  size_t w = n + 1;
  c.assign((m + 1) * w, 0);
  for (size_t i = 1; i <= m; ++i) {
    for (size_t j = 1; j <= n; ++j) {
      if (ref[i - 1] == cand[j - 1]) {
        c[i * w + j] = c[(i - 1) * w + j - 1] + 1;
      } else {
        c[i * w + j] = std::max(c[(i - 1) * w + j], c[i * w + j - 1]);
      }
    }
  }
  size_t i = m, j = n;
  while (i != 0 && j != 0) {
    if (ref[i - 1] == cand[j - 1]) {
      hit[--i] = 1;
      --j;
    } else if (c[(i - 1) * w + j] >= c[i * w + j - 1]) {
      --i;
    } else {
      --j;
    }
  }
}

}  // namespace

size_t RougeReferences::Hash::operator()(std::string_view s) const {
  return XXH3_64bits(s.data(), s.size());
}

uint32_t RougeReferences::intern(std::string_view stem) {
  auto it = stems_.find(stem);
  if (it != stems_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(stems_.size() + 1);
  stems_.emplace(std::string(stem), id);
  return id;
}

uint32_t RougeReferences::lookup(std::string_view raw_token) const {
  if (auto it = raw_.find(raw_token); it != raw_.end()) return it->second;
  if (!options_.stem) return kUnknown;
  auto it = stems_.find(rouge_stem(raw_token));
  return it == stems_.end() ? kUnknown : it->second;
}

uint64_t RougeReferences::gram_id(size_t level, uint64_t prefix, uint32_t token) const {
  if (prefix == kUnknown || token == kUnknown) return kUnknown;
  const auto& ids = gram_ids_[level];
  auto it = ids.find((prefix << 32) | token);
  return it == ids.end() ? kUnknown : it->second;
}

RougeReferences::RougeReferences(const std::vector<std::vector<std::string>>& references,
                                 const RougeOptions& options)
    : options_(options) {
  size_t max_n = static_cast<size_t>(std::max(0, options_.max_n));
  gram_ids_.resize(std::max<size_t>(max_n, 1));
  std::vector<std::string> raw;
  std::vector<uint64_t> keys;
  for (const auto& sentences : references) {
    Reference ref;
    std::vector<uint32_t> tokens;
    for (const std::string& line : rouge_lines(sentences, options_.word_limit)) {
      raw.clear();
      rouge_tokens(line, /*stem=*/false, raw);
      std::vector<uint32_t>& ids = ref.sentences.emplace_back();
      for (const std::string& r : raw) {
        auto it = raw_.find(r);
        uint32_t id = it != raw_.end() ? it->second
                                       : intern(options_.stem ? rouge_stem(r) : r);
        if (it == raw_.end()) raw_.emplace(r, id);
        ids.push_back(id);
      }
      tokens.insert(tokens.end(), ids.begin(), ids.end());
    }
    ref.tokens = static_cast<int64_t>(tokens.size());
    // Sentences are joined for N-grams and skip-bigrams, so these cross sentence boundaries.
    std::vector<uint64_t> grams(tokens.begin(), tokens.end());
    for (size_t n = 1; n <= max_n; ++n) {
      if (n > 1) {
        // grams[i] becomes the id of the n-gram starting at i.
        grams.pop_back();
        auto& ids = gram_ids_[n - 1];
        for (size_t i = 0; i < grams.size(); ++i) {
          uint64_t key = (grams[i] << 32) | tokens[i + n - 1];
          auto [it, added] = ids.emplace(key, static_cast<uint32_t>(ids.size() + 1));
          grams[i] = it->second;
        }
      }
      Counts& counts = ref.ngrams.emplace_back();
      counts.total = static_cast<int64_t>(grams.size());
      keys.assign(grams.begin(), grams.end());
      count_sorted(keys, counts.units);
      if (grams.empty()) {
        // Longer n-grams are empty too.
        while (ref.ngrams.size() < max_n) ref.ngrams.emplace_back();
        break;
      }
    }
    if (options_.skip_gap >= 0) {
      keys.clear();
      skip_units(tokens, options_.skip_gap, options_.su_with_unigrams, keys);
      ref.skip.total = static_cast<int64_t>(keys.size());
      count_sorted(keys, ref.skip.units);
    }
    keys.assign(tokens.begin(), tokens.end());
    Units unigrams;
    count_sorted(keys, unigrams);
    for (const auto& [id, count] : unigrams) {
      ref.unigrams.emplace_back(static_cast<uint32_t>(id), count);
    }
    refs_.push_back(std::move(ref));
  }
}

RougeResult RougeReferences::score(const std::vector<std::string>& candidate_sentences) const {
  RougeResult result;
  size_t max_n = static_cast<size_t>(std::max(0, options_.max_n));
  result.n.resize(max_n);

  std::vector<std::vector<uint32_t>> sentences;
  std::vector<uint32_t> tokens;
  std::vector<std::string> raw;
  for (const std::string& line : rouge_lines(candidate_sentences, options_.word_limit)) {
    raw.clear();
    rouge_tokens(line, /*stem=*/false, raw);
    std::vector<uint32_t>& ids = sentences.emplace_back();
    for (const std::string& r : raw) ids.push_back(lookup(r));
    tokens.insert(tokens.end(), ids.begin(), ids.end());
  }
  const int64_t m = static_cast<int64_t>(refs_.size());

  // ROUGE-N
  std::vector<uint64_t> grams(tokens.begin(), tokens.end());
  Units units;
  for (size_t n = 1; n <= max_n; ++n) {
    if (n > 1 && !grams.empty()) {
      grams.pop_back();
      for (size_t i = 0; i < grams.size(); ++i) {
        grams[i] = gram_id(n - 1, grams[i], tokens[i + n - 1]);
      }
    }
    std::vector<uint64_t> keys(grams);
    units.clear();
    count_sorted(keys, units);
    RougeScore& s = result.n[n - 1];
    for (const Reference& ref : refs_) {
      s.hits += clipped_hits(ref.ngrams[n - 1].units, units);
      s.reference_units += ref.ngrams[n - 1].total;
    }
    s.candidate_units = static_cast<int64_t>(grams.size()) * m;
    finish(s, options_.alpha);
  }

  // ROUGE-S / SU
  if (options_.skip_gap >= 0) {
    std::vector<uint64_t> keys;
    skip_units(tokens, options_.skip_gap, options_.su_with_unigrams, keys);
    RougeScore& s = result.su;
    s.candidate_units = static_cast<int64_t>(keys.size()) * m;
    units.clear();
    count_sorted(keys, units);
    for (const Reference& ref : refs_) {
      s.hits += clipped_hits(ref.skip.units, units);
      s.reference_units += ref.skip.total;
    }
    finish(s, options_.alpha);
  }

  // ROUGE-L: for each reference sentence, the union of its LCS positions with every
  // candidate sentence; a position counts while its token has count left in both the
  // reference's and the candidate's unigram bags, which are refilled for each reference.
  if (options_.rouge_l) {
    RougeScore& s = result.l;
    std::vector<int32_t> ref_bag(stems_.size() + 1, 0), cand_bag(stems_.size() + 1, 0);
    std::vector<int32_t> table;
    std::vector<char> hit;
    for (const Reference& ref : refs_) {
      for (const auto& [id, count] : ref.unigrams) ref_bag[id] = count;
      for (uint32_t id : tokens) {
        if (id != kUnknown) cand_bag[id] = 0;
      }
      for (uint32_t id : tokens) {
        if (id != kUnknown) ++cand_bag[id];
      }
      for (const std::vector<uint32_t>& r : ref.sentences) {
        hit.assign(r.size(), 0);
        for (const std::vector<uint32_t>& c : sentences) mark_lcs(r, c, table, hit);
        for (size_t k = 0; k < r.size(); ++k) {
          if (hit[k] && ref_bag[r[k]] > 0 && cand_bag[r[k]] > 0) {
            ++s.hits;
            --ref_bag[r[k]];
            --cand_bag[r[k]];
          }
        }
      }
      s.reference_units += ref.tokens;
      s.candidate_units += static_cast<int64_t>(tokens.size());
    }
    finish(s, options_.alpha);
  }
  return result;
}

RougeResult rouge(const std::vector<std::string>& candidate_sentences,
                  const std::vector<std::vector<std::string>>& references,
                  const RougeOptions& options) {
  return RougeReferences(references, options).score(candidate_sentences);
}

}  // namespace chorus
