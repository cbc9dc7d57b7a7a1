#include "eval/rouge.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "eval/rouge_vectors.h"

namespace chorus {
namespace {

using Lines = std::vector<std::string>;

Lines tokens(std::string_view line, bool stem = false) {
  Lines out;
  rouge_tokens(line, stem, out);
  return out;
}

std::string fixed5(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", x);
  return buf;
}

// "R P F" as ROUGE prints them.
std::string printed(const RougeScore& s) {
  return fixed5(s.r) + " " + fixed5(s.p) + " " + fixed5(s.f);
}

TEST(RougeTokens, RunsOfAsciiLettersAndDigitsOnRawBytes) {
  EXPECT_EQ(tokens("The Cat SAT."), (Lines{"the", "cat", "sat"}));
  EXPECT_EQ(tokens("caf\xC3\xA9"), (Lines{"caf"}));
  EXPECT_EQ(tokens("Z\xC3\xBCrich"), (Lines{"z", "rich"}));
  EXPECT_EQ(tokens("don\xE2\x80\x99t"), (Lines{"don", "t"}));
  EXPECT_EQ(tokens("U.S.-led"), (Lines{"u", "s", "led"}));
  EXPECT_EQ(tokens("$1.5"), (Lines{"1", "5"}));
  EXPECT_EQ(tokens("geo\xC2\xADgraphic"), (Lines{"geo", "graphic"}));  // soft hyphen
  EXPECT_EQ(tokens("EMT\xE2\x80\x8B\xE2\x80\x8Bs"), (Lines{"emt", "s"}));  // zero-width spaces
  EXPECT_EQ(tokens("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 says"), (Lines{"says"}));
  EXPECT_EQ(tokens("\xE2\x80\x94 \xE2\x80\xA6"), Lines{});
}

TEST(RougeLines, SplitsLowercasesAndDropsEmptyLines) {
  EXPECT_EQ(rouge_lines({"One\nTwo", "", "\xC3\x89t\xC3\xA9 ABC"}, 0),
            (Lines{"one", "two", "\xC3\x89t\xC3\xA9 abc"}));  // only ASCII is lower-cased
}

TEST(RougeLines, WordLimitCountsWhitespaceChunksBeforePunctuation) {
  // "U.S.-led" is one word, a lone dash is one, "10 a.m." two; the line reaching the limit is
  // cut to its first words and the rest dropped.
  Lines in = {"U.S.-led talks \xE2\x80\x94 at 10 a.m.", "Then more words here"};
  EXPECT_EQ(rouge_lines(in, 6), (Lines{"u.s.-led talks \xE2\x80\x94 at 10 a.m."}));
  EXPECT_EQ(rouge_lines(in, 7), (Lines{"u.s.-led talks \xE2\x80\x94 at 10 a.m.", "then"}));
  EXPECT_EQ(rouge_lines(in, 3), (Lines{"u.s.-led talks \xE2\x80\x94"}));
  // A line kept whole stays as written; a cut line is re-joined with single spaces.
  EXPECT_EQ(rouge_lines({"a  b", "c   d  e"}, 4), (Lines{"a  b", "c d"}));
  // Like Perl's split, a leading space makes an empty first word.
  EXPECT_EQ(rouge_lines({" a b c"}, 2), (Lines{" a"}));
}

TEST(RougeStem, PorterAsRougeShipsIt) {
  // Porter's own examples, unchanged by ROUGE's variant.
  const std::pair<const char*, const char*> classic[] = {
      {"caresses", "caress"}, {"ponies", "poni"},     {"agreed", "agre"},
      {"hopping", "hop"},     {"filing", "file"},     {"happy", "happi"},
      {"relational", "relat"}, {"conformabli", "conform"}, {"sensibiliti", "sensibl"},
      {"hopeful", "hope"},    {"adjustment", "adjust"}, {"replacement", "replac"},
      {"controll", "control"}, {"generalization", "gener"}, {"archaeology", "archaeolog"},
      {"youth", "youth"},     {"yelling", "yell"}};
  for (auto [word, stem] : classic) EXPECT_EQ(porter_stem(word), stem) << word;
  // ROUGE's 2004 step 4: -ement, -ment and -ent/-ion are tried in turn.
  const std::pair<const char*, const char*> rouge[] = {
      {"agreement", "agreem"},         {"statement", "statem"},     {"document", "docum"},
      {"environmental", "environ"},    {"congressional", "congress"},
      {"commissioner", "commiss"},     {"revolutionize", "revolut"}};
  for (auto [word, stem] : rouge) EXPECT_EQ(porter_stem(word), stem) << word;
}

TEST(RougeStem, WordnetExceptionsComeFirstAndOnlyForLongTokens) {
  EXPECT_EQ(rouge_stem("children"), "child");
  EXPECT_EQ(rouge_stem("went"), "go");
  EXPECT_EQ(rouge_stem("mice"), "mouse");
  EXPECT_EQ(rouge_stem("leaves"), "leaf");
  EXPECT_EQ(rouge_stem("found"), "find");
  EXPECT_EQ(rouge_stem("women"), "women");  // not in the table; Porter leaves it
  EXPECT_EQ(rouge_stem("ran"), "ran");      // 3 characters: never stemmed
  EXPECT_EQ(rouge_stem("men"), "men");
  EXPECT_EQ(rouge_stem("1990s"), "1990");
  EXPECT_EQ(tokens("Children went", /*stem=*/true), (Lines{"child", "go"}));
}

TEST(RougeStem, ConflictingExceptionKeysResolvedAsRougesDatabase) {
  EXPECT_EQ(wordnet_exception("better"), "good");  // adj over adv
  EXPECT_EQ(wordnet_exception("best"), "good");
  EXPECT_EQ(wordnet_exception("testes"), "testes");  // verb over noun
  EXPECT_EQ(wordnet_exception("offer"), "offer");     // the later line of one file
  EXPECT_EQ(wordnet_exception("involucra"), "involucrum");
  EXPECT_FALSE(wordnet_exception("a_cappella").has_value());  // never a token
  EXPECT_FALSE(wordnet_exception("house").has_value());
}

TEST(Rouge, HandCheckedSingleReference) {
  RougeResult r = rouge({"the cat sat on the mat"}, {{"the cat was on the mat"}});
  EXPECT_EQ(printed(r.n[0]), "0.83333 0.83333 0.83333");
  EXPECT_EQ(printed(r.n[1]), "0.60000 0.60000 0.60000");
  // SU4: 15 skip-bigrams plus 5 unigrams, the last token having none.
  EXPECT_EQ(r.su.reference_units, 20);
  EXPECT_EQ(r.su.hits, 14);
}

TEST(Rouge, SeveralReferencesPoolCounts) {
  RougeResult r = rouge({"the dog ran"}, {{"the dog ran home"}, {"a dog ran fast today"}});
  EXPECT_EQ(r.n[0].hits, 3 + 2);
  EXPECT_EQ(r.n[0].reference_units, 4 + 5);
  EXPECT_EQ(r.n[0].candidate_units, 2 * 3);
  EXPECT_EQ(printed(r.n[0]), "0.55556 0.83333 0.66667");  // not the mean of 0.75 and 0.4
  EXPECT_EQ(printed(r.su), "0.30435 0.70000 0.42424");
}

TEST(Rouge, FComesFromRoundedRecallAndPrecision) {
  RougeResult r = rouge({"A B C D E F."}, {{"a b x d e f g."}});
  EXPECT_EQ(printed(r.su), "0.53846 0.70000 0.60869");  // 0.60870 from unrounded R and P
}

TEST(Rouge, LcsIsTheUnionOverCandidateSentences) {
  // Lin's example: the reference's LCS with each candidate sentence is "a b" and "a c e";
  // their union covers 4 of its 5 tokens.
  RougeResult r = rouge({"a b f g h", "a c h i e"}, {{"a b c d e"}});
  EXPECT_EQ(r.l.hits, 4);
  EXPECT_EQ(printed(r.l), "0.80000 0.40000 0.53333");
  // A candidate token is used once: the second reference sentence finds nothing left.
  r = rouge({"x y"}, {{"x y", "x y"}});
  EXPECT_EQ(printed(r.l), "0.50000 1.00000 0.66667");
  EXPECT_EQ(printed(r.n[0]), "0.50000 1.00000 0.66667");
}

TEST(Rouge, NgramsCrossSentencesButLcsDoesNot) {
  RougeResult r = rouge({"one two", "three four"}, {{"one two three four"}});
  EXPECT_EQ(r.n[1].hits, 3);  // "two three" matches across the boundary
  EXPECT_EQ(r.l.hits, 4);
  r = rouge({"two one"}, {{"one", "two"}});
  EXPECT_EQ(r.l.hits, 2);  // each reference sentence has its own LCS
}

TEST(Rouge, WordLimitCutsReferencesToo) {
  RougeOptions o;
  o.word_limit = 3;
  RougeResult r = rouge({"a b c d"}, {{"a b c d e"}}, o);
  EXPECT_EQ(printed(r.n[0]), "1.00000 1.00000 1.00000");  // 3/5 if the reference were whole
}

TEST(Rouge, EmptyAndOneTokenCandidates) {
  RougeResult r = rouge({"\xE2\x80\x94 \xE2\x80\xA6"}, {{"the dog ran home"}});
  EXPECT_EQ(printed(r.n[0]), "0.00000 0.00000 0.00000");
  EXPECT_EQ(printed(r.l), "0.00000 0.00000 0.00000");
  EXPECT_EQ(printed(r.su), "0.00000 0.00000 0.00000");
  r = rouge({"dog"}, {{"the dog ran home"}});
  EXPECT_EQ(r.n[1].candidate_units, 0);
  EXPECT_EQ(r.su.candidate_units, 0);  // one token: no unit at all
  EXPECT_EQ(printed(r.n[0]), "0.25000 1.00000 0.40000");
  EXPECT_EQ(printed(rouge({"dog"}, {}).n[0]), "0.00000 0.00000 0.00000");
}

TEST(Rouge, OptionsChangeWhatIsCounted) {
  RougeOptions o;
  o.max_n = 4;
  o.skip_gap = kRougeAnyGap;
  o.su_with_unigrams = false;
  o.stem = false;
  RougeResult r = rouge({"children went home early today"}, {{"the children went home early"}}, o);
  ASSERT_EQ(r.n.size(), 4u);
  EXPECT_EQ(r.n[3].hits, 1);          // "children went home early"
  EXPECT_EQ(r.su.candidate_units, 10);  // every pair of 5 tokens, no unigrams
  EXPECT_EQ(r.su.hits, 6);
  o.stem = true;
  r = rouge({"child goes"}, {{"children went"}}, o);
  EXPECT_EQ(r.n[0].hits, 2);
  o.skip_gap = -1;
  o.rouge_l = false;
  r = rouge({"a b"}, {{"a b"}}, o);
  EXPECT_EQ(r.su.reference_units, 0);
  EXPECT_EQ(r.l.reference_units, 0);
}

TEST(Rouge, PreparedReferencesScoreLikeOneOffCalls) {
  std::vector<Lines> refs = {{"The children went to school.", "They came back late."},
                             {"Children go to school and come back."}};
  RougeReferences prepared(refs);
  for (const Lines& cand : {Lines{"The children went home."}, Lines{"School, then back."},
                            Lines{"Nothing shared", "at all"}}) {
    RougeResult a = prepared.score(cand), b = rouge(cand, refs);
    for (size_t n = 0; n < a.n.size(); ++n) EXPECT_EQ(printed(a.n[n]), printed(b.n[n]));
    EXPECT_EQ(printed(a.l), printed(b.l));
    EXPECT_EQ(printed(a.su), printed(b.su));
  }
}

// Cases scored by the official ROUGE-1.5.5 script (tests/fixtures/README.md).
TEST(RougeVectors, SampleAgreesWithRouge155) {
  std::ifstream f(std::string(CHORUS_FIXTURES_DIR) + "/rouge-vectors-sample.jsonl");
  std::stringstream data;
  data << f.rdbuf();
  std::vector<RougeVector> cases;
  std::string error;
  ASSERT_TRUE(read_rouge_vectors(data.str(), cases, &error)) << error;
  ASSERT_EQ(cases.size(), 12u);
  RougeCheck check = check_rouge_vectors(cases);
  for (const RougeMismatch& m : check.mismatches) {
    ADD_FAILURE() << m.id << " " << m.metric << " " << m.field << ": ROUGE " << fixed5(m.expected)
                  << ", chorus " << fixed5(m.got);
  }
  EXPECT_EQ(check.agreeing, cases.size());
  EXPECT_TRUE(check.problems.empty());
  EXPECT_EQ(check.numbers, 6u * 3 * 4 + 6u * 3 * 3);  // multinews: 4 metrics, duc2004: 3
}

TEST(RougeVectors, ReportsMismatchesAndBadLines) {
  std::vector<RougeVector> cases;
  std::string error;
  ASSERT_TRUE(read_rouge_vectors(
      R"({"id": "x", "config": "multinews", "candidate": ["the dog ran"],)"
      R"( "references": [["the dog"]], "rouge": {"rouge-1": {"r": 1.0, "p": 0.66667, "f": 0.5},)"
      R"( "rouge-3": {"r": 0, "p": 0, "f": 0}}})"
      "\n\n"
      R"({"id": "y", "config": "other", "candidate": [], "references": [], "rouge": {}})",
      cases, &error))
      << error;
  RougeCheck check = check_rouge_vectors(cases);
  EXPECT_EQ(check.agreeing, 0u);
  ASSERT_EQ(check.mismatches.size(), 4u);  // rouge-1 f, and rouge-3 which is not computed
  EXPECT_EQ(check.mismatches[0].field, 'f');
  EXPECT_EQ(check.problems.size(), 1u);
  EXPECT_FALSE(read_rouge_vectors("{\"id\": 1}\n", cases, &error));
  EXPECT_EQ(error.substr(0, 7), "line 1:");
}

}  // namespace
}  // namespace chorus
