// Scoring extracted article text against ground truth, as the article-extraction-benchmark
// (AEB, scrapinghub) does in its evaluate.py; bench/extract/score.py is the same in Python.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// Word tokens as Python's re.findall(r"\w+") finds them: runs of letters, digits (any
// Unicode number) and underscores.
std::vector<std::string_view> aeb_tokens(std::string_view text);

// One page's shingle matching: true positives, false positives and false negatives of the
// token 4-gram shingles, counted as multisets (a text of one to three tokens has one shingle
// of all of them; an empty text has none).
struct ShingleMatch {
  double tp = 0, fp = 0, fn = 0;
  double precision() const;  // tp/(tp+fp); 1 when fp = fn = 0
  double recall() const;     // tp/(tp+fn); 1 when fp = fn = 0
};
ShingleMatch shingle_match(std::string_view predicted, std::string_view truth);

// Precision, recall and F1 over pages, as AEB's evaluate.py computes them: precision is the
// mean over pages whose output has a shingle (an empty output costs recall, not precision),
// recall the mean over pages whose truth has one, and F1 comes from those two means.
struct ExtractScore {
  double precision = 0, recall = 0, f1 = 0;
  size_t pages = 0;
};
ExtractScore combine(const std::vector<ShingleMatch>& pages);

}  // namespace chorus
