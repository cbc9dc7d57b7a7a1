// The extractive multi-document summary and its citations.
#pragma once

#include <climits>
#include <cstdint>
#include <vector>
#include <utility>

#include "chorus/article.h"
#include "chorus/brief.h"

namespace chorus {

// Sentence vectors of an event: TF-IDF over stems (stopwords left out), IDF over the event's
// own sentences, unit length; with an inverted index for similarity queries.
class SentenceSpace {
 public:
  struct Ref {
    uint32_t article;
    uint32_t sentence;  // index into Article::sentences
  };

  // Indexes the non-heading sentences of `articles`, skipping articles marked duplicate_of.
  // Cost: linear in the tokens.
  explicit SentenceSpace(const std::vector<Article>& articles);

  size_t size() const { return refs_.size(); }
  const Ref& ref(size_t unit) const { return refs_[unit]; }
  // The unit of sentence `sentence` of article `article`, or -1 (a heading, an empty sentence,
  // a duplicate article). Cost: a binary search (units are in article and sentence order).
  int64_t unit_of(uint32_t article, uint32_t sentence) const;

  // A hash of the unit's set of terms: sentences with the same words have the same one.
  uint64_t signature(size_t unit) const;

  // Cosine similarity of two indexed sentences. Cost: linear in their terms.
  float similarity(size_t a, size_t b) const;

  // Cosine similarity of `unit` with the centroid of all articles (each article weighted
  // equally).
  float centrality(size_t unit) const { return centrality_[unit]; }

  // For each article, the highest similarity of one of its sentences to `unit` (0 where none
  // shares a term). Cost: the lengths of the posting lists of the unit's terms.
  std::vector<float> best_match_per_article(size_t unit) const;

  // Every other indexed sentence below unit `below` with similarity at least `at_least` to
  // `unit`, in no particular order. Units are numbered in article order, so `below` bounds the articles
  // searched. Cost: as best_match_per_article, less the postings at or above `below`.
  std::vector<std::pair<uint32_t, float>> matches(size_t unit, float at_least,
                                                  uint32_t below = UINT32_MAX) const;

 private:
  // Dot products of `unit` with every sentence below unit `below` sharing a term, in
  // `*dots` (by unit; valid until the next call on this thread); returns the units touched.
  const std::vector<uint32_t>& dot_products(size_t unit, const std::vector<float>** dots,
                                            uint32_t below = UINT32_MAX) const;

  struct Entry {
    uint32_t term;
    float weight;
  };
  std::vector<Ref> refs_;
  std::vector<uint32_t> offsets_;  // unit i's entries: entries_[offsets_[i], offsets_[i+1])
  std::vector<Entry> entries_;     // sorted by term within a unit
  std::vector<uint32_t> posting_offsets_;
  std::vector<std::pair<uint32_t, float>> postings_;  // (unit, weight) per term
  std::vector<float> centrality_;
  size_t articles_ = 0;
};

// Two sentences at or above this similarity state the same thing: a summary sentence cites
// every article holding such a sentence. Chosen by reading the similarities of all sentence
// pairs of the example event (examples/): from 0.2 up nearly every pair is a paraphrase or
// the same statement reported differently; below, pairs share a topic more than a statement.
constexpr float kSameStatement = 0.20f;

// A summary never holds two sentences this similar: below kSameStatement, so that sentences
// that partly repeat each other ("More than 2,000 troops ... began withdrawing" and "Over
// 2,000 Russia-led troops began withdrawing ...") do not both take room.
constexpr float kRedundant = 0.15f;

// Weights of a candidate's score, next to its support (the number of articles stating it, a
// whole number) and its centrality (a cosine): the lead of an article carries its story, and a
// sentence dense in names and numbers says more than a general remark. Set once on the
// Multi-News dev clusters (docs/brief.md gives the figures); ROUGE rewards specificity less
// than a reader does, so its weight is the largest that did not lower ROUGE there.
constexpr float kPositionWeight = 0.5f;
constexpr float kSpecificityWeight = 0.1f;

// Picks the summary sentences. Candidates: whole statements (not headings, questions, cut-off
// lines or lines addressing the reader) of 6 to 70 words. Each is scored by
//   support + centrality + kPositionWeight / sqrt(1 + position in its article)
//           + kSpecificityWeight * share of names and numbers among its words,
// then chosen greedily under the length budget (never over it), a candidate with similarity
// kRedundant or more to a chosen one skipped (MMR with a hard cut: soft penalties scored
// lower); then put in story order (relative position in the source article) and tidied
// (tidy_sentence: datelines, photo credits, dangling connectives and quote marks).
// Cost: the sentence space (linear), plus support for a pool of about 12 candidates per
// summary sentence (each the posting lists of its terms).
std::vector<SummarySentence> summarize(const std::vector<Article>& articles,
                                       const BriefOptions& options);
// The same over a space already built from `articles`.
std::vector<SummarySentence> summarize(const std::vector<Article>& articles,
                                       const SentenceSpace& space, const BriefOptions& options);

}  // namespace chorus
