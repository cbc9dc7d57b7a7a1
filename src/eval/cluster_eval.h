// Scoring a clustering against gold labels.
#pragma once

#include <string>
#include <unordered_map>

namespace chorus {

struct ClusterScore {
  double precision = 0, recall = 0, f1 = 0;  // B-cubed, averaged over items
  double adjusted_rand = 0;                  // Hubert and Arabie's ARI
  size_t items = 0, clusters = 0, gold_clusters = 0;
};

// Scores `predicted` (item -> cluster) against `gold` (item -> class) over the items both
// hold. B-cubed: per item, the share of its cluster that shares its class (precision) and the
// share of its class that shares its cluster (recall), averaged; F1 from the averages.
// Cost: linear in the items.
ClusterScore score_clusters(const std::unordered_map<std::string, std::string>& predicted,
                            const std::unordered_map<std::string, std::string>& gold);

}  // namespace chorus
