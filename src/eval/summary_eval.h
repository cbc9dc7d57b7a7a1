// Scoring summarizers on clusters with reference summaries (chorus eval summarize).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chorus/article.h"
#include "eval/baselines.h"
#include "eval/rouge.h"

namespace chorus {

// One line of a clusters file: {"id", "articles": [{"id", "text"}], "summary"}, the format of
// Multi-News as ../shared/data/multinews-dev keeps it. Articles are read, not yet analysed;
// each has Article::file = "line N", N its line in the file.
struct SummaryCluster {
  std::string id;
  std::vector<Article> articles;
  std::string reference;
};

// Parses JSONL `data`; unknown fields are ignored. On a malformed line returns false with
// "line N: what" in *error.
bool read_summary_clusters(std::string_view data, std::vector<SummaryCluster>& out,
                           std::string* error);

// The summarizers compared: chorus's own, the baselines, and the oracle, an upper bound that
// reads the reference (greedy: adds the sentence that most raises ROUGE-1 F + ROUGE-2 F, as
// long as one does).
enum class SummaryMethod { kChorus, kLead, kCentroid, kLexRank, kTextRank, kOracle };
bool parse_summary_method(std::string_view name, SummaryMethod& out);
const char* summary_method_name(SummaryMethod method);

// The summary of `articles` (analysed) by `method`, about `words` words long (at least
// `words` for the baselines and the oracle, which a scorer then cuts at `words`), one
// sentence a string. `idf`: the background for the baselines (may be null).
// `reference` is read by the oracle only.
std::vector<std::string> summarize_with(SummaryMethod method, const std::vector<Article>& articles,
                                        int words, const DocumentFrequencies* idf,
                                        const RougeReferences* reference);

// The reference as ROUGE sentences (one a line): split by the English sentence rules.
std::vector<std::string> reference_sentences(std::string_view summary);

// ROUGE options of the comparison: ROUGE-1.5.5's "-n 2 -2 4 -u -m -l words" with ROUGE-L, i.e.
// stemming, no stopword removal, candidate and reference cut at `words` words.
RougeOptions summary_rouge_options(int words);

}  // namespace chorus
