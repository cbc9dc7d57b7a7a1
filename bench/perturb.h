// Synthetic corpora for benchmarks: perturbed copies of real articles.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "chorus/article.h"

namespace chorus::bench {

// `count` articles made from `seeds` (raw texts), cycling through them. Each copy keeps the
// seed's lines but shuffles sentences within paragraphs, drops about one sentence in ten,
// changes about a third of the numbers, and gets its own id, source and a date spread over
// ten days. Deterministic for a given `random_seed`.
std::vector<Article> perturbed_copies(const std::vector<Article>& seeds, size_t count,
                                      uint64_t random_seed = 42);

// One JSONL line (id, source, published, title, text) per article.
std::string to_jsonl(const std::vector<Article>& articles);

}  // namespace chorus::bench
