// The classic extractive summarizers chorus is measured against, each as its paper describes
// it (docs/eval.md), on the same analysed articles (cleaning, sentences, stems) as chorus:
//
//   lead      Round-robin lead: the first sentence of every article in input order, then
//             every second sentence, ... (Multi-News's "First-k", under a word budget).
//   centroid  Radev, Jing, Stys and Tam (2004), MEAD's defaults: score = centroid value +
//             position, sentences under 9 words left out, a sentence with cosine above 0.7
//             to a chosen one skipped.
//   lexrank   Erkan and Radev (2004): IDF-modified cosine graph, edges at 0.1 and above,
//             power method with jump probability 0.15; as a MEAD feature, with MEAD's
//             position score, cutoff and reranker as above.
//   textrank  Mihalcea and Tarau (2004): edge weight = shared words / (log |Si| + log |Sj|),
//             weighted PageRank with d = 0.85; the top sentences, no redundancy step.
//
// Words are Snowball stems without stopwords (Article::tokens). Every method adds sentences
// in its ranking order until the summary has at least `words` words; a scorer cuts it there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chorus/article.h"

namespace chorus {

enum class Baseline { kLead, kCentroid, kLexRank, kTextRank };

// "lead", "centroid", "lexrank", "textrank"; false if `name` is none of them.
bool parse_baseline(std::string_view name, Baseline& out);

// Inverse document frequencies, log(N / df), over a background collection of articles.
class DocumentFrequencies {
 public:
  void add(const Article& article);  // counts each of its terms once
  float idf(uint64_t term) const;    // for a term never seen: as if seen once
  size_t documents() const { return documents_; }

 private:
  std::unordered_map<uint64_t, uint32_t> df_;
  size_t documents_ = 0;
};

// A sentence of the input: article index and index into Article::sentences.
struct SentenceAt {
  uint32_t article = 0;
  uint32_t sentence = 0;
};

// The sentences `method` picks from `articles` (one cluster), in its order, until they hold at
// least `words` words (Sentence::token_count). `idf` may be null: the cluster's own articles
// are then the background (weak for a few articles: a word in all of them weighs nothing). Cost: lead linear; the others quadratic in the cluster's sentences
// (the graph or the reranker), a few milliseconds for a few hundred sentences.
std::vector<SentenceAt> baseline_summary(Baseline method, const std::vector<Article>& articles,
                                         int words, const DocumentFrequencies* idf);

}  // namespace chorus
