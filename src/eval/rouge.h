// ROUGE scores exactly as the official ROUGE-1.5.5 Perl script prints them (docs/eval.md).
//
//   chorus::RougeReferences refs(references, {});     // tokenised and counted once
//   chorus::RougeResult a = refs.score(candidate_a);   // then each candidate is cheap
//   chorus::RougeResult b = chorus::rouge(candidate_b, references, {});  // one-off
//
// A text is a list of sentences, each one line of ROUGE's SPL input. Text is taken as bytes:
// only ASCII is lower-cased, and a token is a maximal run of [a-z0-9] (so "café" gives "caf").
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chorus {

// RougeOptions::skip_gap for ROUGE-S/SU with pairs at any distance (ROUGE-1.5.5's "-2 -1").
constexpr int kRougeAnyGap = std::numeric_limits<int>::max();

// The defaults are ROUGE-1.5.5's "-n 2 -2 4 -u -m -f A -p 0.5" with ROUGE-L.
struct RougeOptions {
  int max_n = 2;                 // ROUGE-1 .. ROUGE-max_n (-n); 0: none
  bool stem = true;              // WordNet 3.0 exceptions, else ROUGE's Porter variant (-m)
  int skip_gap = 4;              // ROUGE-S pairs with at most this many tokens between (-2);
                                 // -1: no ROUGE-S; kRougeAnyGap: any distance
  bool su_with_unigrams = true;  // ROUGE-SU, i.e. unigrams counted too (-u)
  int word_limit = 0;            // keep the first N words of the candidate AND of each
                                 // reference (-l N); words split on whitespace; 0: all
  double alpha = 0.5;            // F = 1 / (alpha / P + (1 - alpha) / R) (-p)
  bool rouge_l = true;           // summary-level union-LCS ROUGE-L (off: -x)
};

// One metric. r, p and f are rounded to 5 decimals as ROUGE prints them, and f is computed
// from the rounded r and p, as ROUGE does. Counts are pooled over the references (-f A).
struct RougeScore {
  double r = 0, p = 0, f = 0;
  int64_t hits = 0;             // matched units, summed over references
  int64_t reference_units = 0;  // units of every reference, summed (R's denominator)
  int64_t candidate_units = 0;  // units of the candidate times the number of references
};

struct RougeResult {
  std::vector<RougeScore> n;  // n[0] is ROUGE-1, ..., n[max_n - 1]
  RougeScore l;               // ROUGE-L; zero unless options.rouge_l
  RougeScore su;              // ROUGE-SU<gap> (ROUGE-S<gap> without unigrams); zero if gap < 0
};

// References tokenised, stemmed and counted once, to score many candidates against them.
// score() is const and thread-safe. Cost of score(): linear in the candidate's n-grams and
// skip-bigrams (sorting them), plus the LCS tables (candidate tokens x reference tokens).
class RougeReferences {
 public:
  // `references`: each a list of sentences. An empty list scores 0 everywhere.
  explicit RougeReferences(const std::vector<std::vector<std::string>>& references,
                           const RougeOptions& options = {});
  RougeResult score(const std::vector<std::string>& candidate_sentences) const;
  const RougeOptions& options() const { return options_; }
  size_t size() const { return refs_.size(); }

 private:
  struct Counts {  // sorted (unit, count) pairs of one reference
    std::vector<std::pair<uint64_t, int32_t>> units;
    int64_t total = 0;
  };
  struct Reference {
    std::vector<std::vector<uint32_t>> sentences;  // token ids a line, for ROUGE-L
    std::vector<std::pair<uint32_t, int32_t>> unigrams;  // for ROUGE-L's clipping
    int64_t tokens = 0;
    std::vector<Counts> ngrams;  // [n - 1]
    Counts skip;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const;
  };
  using Vocabulary = std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>>;

  uint32_t intern(std::string_view stem);
  uint32_t lookup(std::string_view raw_token) const;  // kUnknown if no reference has it
  uint64_t gram_id(size_t level, uint64_t prefix, uint32_t token) const;

  RougeOptions options_;
  Vocabulary stems_;  // stemmed token -> id (ids from 1)
  Vocabulary raw_;    // token as written -> id, so most candidate tokens need no stemming
  // gram_ids_[k]: (id of an n-gram of length k + 1, next token) -> id of the longer n-gram.
  std::vector<std::unordered_map<uint64_t, uint32_t>> gram_ids_;
  std::vector<Reference> refs_;
};

// Scores `candidate_sentences` against `references` (each a list of sentences).
RougeResult rouge(const std::vector<std::string>& candidate_sentences,
                  const std::vector<std::vector<std::string>>& references,
                  const RougeOptions& options = {});

// --- The steps, as ROUGE-1.5.5 takes them (exposed for tests and tools) ---

// The lines ROUGE reads from `sentences`: each sentence split at '\n', empty lines dropped,
// A-Z lower-cased, then cut after `word_limit` words (0: no cut). A word is a chunk between
// whitespace, counted before punctuation is removed; lines are kept whole while the count
// stays below the limit, and the line that reaches it keeps only its first words.
std::vector<std::string> rouge_lines(const std::vector<std::string>& sentences, int word_limit);

// Appends the tokens of `line` to `out`: maximal runs of [a-z0-9] after ASCII lower-casing,
// each passed through rouge_stem() if `stem`.
void rouge_tokens(std::string_view line, bool stem, std::vector<std::string>& out);

// ROUGE's -m: a token of more than 3 characters is replaced by its WordNet exception form
// ("children" -> "child") if it has one, else by porter_stem(); shorter tokens are kept.
std::string rouge_stem(std::string_view token);

// The Porter stemmer as ROUGE-1.5.5 ships it: Porter's Perl "Release 1" (bli -> ble,
// logi -> log) with its 2004 step 4, which strips -ement, then -ment, then -ent or -ion in
// turn ("agreement" -> "agreem", "environmental" -> "environ"). Expects lower case.
std::string porter_stem(std::string_view word);

// The base form of `word` in WordNet's exception lists (adj, adv, noun, verb .exc; where a
// word is in several, adj wins over adv and verb over noun, as in ROUGE's database), if any.
// The lists are WordNet 3.0's (third_party/wordnet-exc); ROUGE-1.5.5 has 2.0's, which no
// package here ships; the 3.0 lists reproduce all the ROUGE test vectors (docs/eval.md).
std::optional<std::string_view> wordnet_exception(std::string_view word);

}  // namespace chorus
