#include "eval/cluster_eval.h"

#include <map>
#include <utility>

namespace chorus {
namespace {

double choose2(double n) { return n * (n - 1) / 2; }

}  // namespace

ClusterScore score_clusters(const std::unordered_map<std::string, std::string>& predicted,
                            const std::unordered_map<std::string, std::string>& gold) {
  ClusterScore s;
  std::map<std::pair<std::string, std::string>, double> cell;  // (cluster, class) -> items
  std::map<std::string, double> cluster_size, class_size;
  for (const auto& [item, cluster] : predicted) {
    auto g = gold.find(item);
    if (g == gold.end()) continue;
    ++cell[{cluster, g->second}];
    ++cluster_size[cluster];
    ++class_size[g->second];
    ++s.items;
  }
  if (s.items == 0) return s;
  s.clusters = cluster_size.size();
  s.gold_clusters = class_size.size();
  // B-cubed: every item of a cell has the same precision and recall.
  double p = 0, r = 0;
  for (const auto& [key, n] : cell) {
    p += n * n / cluster_size[key.first];
    r += n * n / class_size[key.second];
  }
  const double items = static_cast<double>(s.items);
  s.precision = p / items;
  s.recall = r / items;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  // Adjusted Rand index.
  double index = 0, a = 0, b = 0;
  for (const auto& [key, n] : cell) index += choose2(n);
  for (const auto& [c, n] : cluster_size) a += choose2(n);
  for (const auto& [c, n] : class_size) b += choose2(n);
  double expected = a * b / choose2(items);
  double max_index = (a + b) / 2;
  s.adjusted_rand = max_index == expected ? 1.0 : (index - expected) / (max_index - expected);
  return s;
}

}  // namespace chorus
