// The baseline summarizers and the summary evaluation (chorus eval summarize).
#include <gtest/gtest.h>

#include <algorithm>

#include "chorus/pipeline.h"
#include "../analysed.h"
#include "eval/baselines.h"
#include "eval/summary_eval.h"

namespace chorus {
namespace {

// A cluster whose second sentence of the first article is the one every other sentence
// shares words with: the graph methods and the centroid should rank it first.
std::vector<Article> cluster() {
  return analysed({
      "Schools reopened in the city of Varna on Monday morning after the long teachers strike.\n"
      "The teachers strike in Varna ended after the city council agreed to raise teachers pay.\n"
      "Parents gathered outside one of the schools with flowers and handwritten signs.\n",
      "Teachers in Varna returned to work after the council raised pay by ten percent.\n"
      "The strike had kept schools closed for three weeks across the whole city.\n"
      "A famous local football club announced a new coach for the coming season.\n"});
}

DocumentFrequencies background(const std::vector<Article>& articles) {
  DocumentFrequencies df;
  for (const Article& a : articles) df.add(a);
  // Common words of any news collection, so that IDF is not flat over two documents.
  for (const Article& a : analysed({"The city council met on Monday.", "Schools and teachers.",
                                    "A new season for the club.", "Parents and pay."})) {
    df.add(a);
  }
  return df;
}

std::string text_at(const std::vector<Article>& a, const SentenceAt& at) {
  return std::string(a[at.article].sentence_text(a[at.article].sentences[at.sentence]));
}

TEST(Baselines, Names) {
  Baseline b;
  EXPECT_TRUE(parse_baseline("lexrank", b));
  EXPECT_EQ(b, Baseline::kLexRank);
  EXPECT_FALSE(parse_baseline("mmr", b));
  SummaryMethod m;
  for (const char* name : {"chorus", "lead", "centroid", "lexrank", "textrank", "oracle"}) {
    ASSERT_TRUE(parse_summary_method(name, m)) << name;
    EXPECT_STREQ(summary_method_name(m), name);
  }
  EXPECT_FALSE(parse_summary_method("LexRank", m));
}

TEST(Baselines, LeadTakesEachArticlesSentencesInTurn) {
  std::vector<Article> a = cluster();
  std::vector<SentenceAt> s = baseline_summary(Baseline::kLead, a, 30, nullptr);
  ASSERT_EQ(s.size(), 3u);  // 15 + 14 words, then one more to reach 30
  EXPECT_EQ(s[0].article, 0u);
  EXPECT_EQ(s[0].sentence, 0u);
  EXPECT_EQ(s[1].article, 1u);
  EXPECT_EQ(s[1].sentence, 0u);
  EXPECT_EQ(s[2].article, 0u);
  EXPECT_EQ(s[2].sentence, 1u);
}

TEST(Baselines, EachStopsOnceTheBudgetIsReached) {
  std::vector<Article> a = cluster();
  DocumentFrequencies df = background(a);
  for (Baseline b : {Baseline::kLead, Baseline::kCentroid, Baseline::kLexRank, Baseline::kTextRank}) {
    std::vector<SentenceAt> s = baseline_summary(b, a, 20, &df);
    ASSERT_FALSE(s.empty());
    int words = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      EXPECT_LT(words, 20) << "sentence " << i << " added after the budget was reached";
      words += static_cast<int>(a[s[i].article].sentences[s[i].sentence].token_count);
    }
    EXPECT_GE(words, 20);
    EXPECT_TRUE(baseline_summary(b, a, 0, &df).empty());
    EXPECT_TRUE(baseline_summary(b, {}, 20, &df).empty());
  }
}

TEST(Baselines, GraphAndCentroidMethodsPickTheCentralSentenceFirst) {
  std::vector<Article> a = cluster();
  DocumentFrequencies df = background(a);
  for (Baseline b : {Baseline::kCentroid, Baseline::kLexRank, Baseline::kTextRank}) {
    std::vector<SentenceAt> s = baseline_summary(b, a, 1, &df);
    ASSERT_EQ(s.size(), 1u);
    std::string first = text_at(a, s[0]);
    EXPECT_TRUE(first.find("strike") != std::string::npos && first.find("teachers") != std::string::npos)
        << static_cast<int>(b) << ": " << first;
    // The football sentence shares nothing: it is ranked last by every method.
    std::vector<SentenceAt> all = baseline_summary(b, a, 1000, &df);
    ASSERT_FALSE(all.empty());
    EXPECT_NE(text_at(a, all.front()).find("strike"), std::string::npos);
    if (b == Baseline::kTextRank) EXPECT_NE(text_at(a, all.back()).find("football"), std::string::npos);
  }
}

TEST(Baselines, MeadRerankerSkipsNearCopiesAndShortSentences) {
  std::vector<Article> a = analysed({
      "Flood waters rose over the old bridge in Ruse late on Sunday night.\n"
      "Short line here now.\n",
      "Flood waters rose over the old bridge in Ruse late on Sunday night.\n"
      "Engineers closed the road to trucks until the river level falls again.\n"});
  DocumentFrequencies df = background(a);
  for (Baseline b : {Baseline::kCentroid, Baseline::kLexRank}) {
    std::vector<SentenceAt> s = baseline_summary(b, a, 1000, &df);
    ASSERT_EQ(s.size(), 2u) << static_cast<int>(b);
    EXPECT_NE(text_at(a, s[0]), text_at(a, s[1]));
    for (const SentenceAt& at : s) EXPECT_EQ(text_at(a, at).find("Short"), std::string::npos);
  }
  // TextRank has no redundancy step: both copies can be chosen.
  EXPECT_EQ(baseline_summary(Baseline::kTextRank, a, 1000, &df).size(), 4u);
}

TEST(SummaryEval, ReadsClustersAndNamesBadLines) {
  std::vector<SummaryCluster> c;
  std::string error;
  ASSERT_TRUE(read_summary_clusters(
      "{\"id\":\"c1\",\"articles\":[{\"id\":\"x\",\"text\":\"One.\"},{\"text\":\"Two.\"}],"
      "\"summary\":\"S.\",\"extra\":1}\n\n"
      "{\"id\":\"c2\",\"articles\":[],\"summary\":\"\"}\n",
      c, &error))
      << error;
  ASSERT_EQ(c.size(), 2u);
  ASSERT_EQ(c[0].articles.size(), 2u);
  EXPECT_EQ(c[0].articles[0].id, "x");
  EXPECT_EQ(c[0].articles[1].id, "c1-a2");
  EXPECT_EQ(c[0].articles[1].raw, "Two.");
  EXPECT_EQ(c[0].reference, "S.");
  c.clear();
  EXPECT_FALSE(read_summary_clusters("{\"id\":\"c1\",\"articles\":[],\"summary\":\"S\"}\n{oops\n", c, &error));
  EXPECT_EQ(error.rfind("line 2: ", 0), 0u) << error;
  EXPECT_FALSE(read_summary_clusters("{\"id\":\"c1\",\"summary\":\"S\"}\n", c, &error));
  EXPECT_NE(error.find("articles"), std::string::npos);
}

TEST(SummaryEval, OracleReadsTheReferenceAndBeatsTheRest) {
  std::vector<Article> a = cluster();
  const std::string reference =
      "A football club named a new coach. Parents gathered outside a school with flowers.";
  RougeReferences ref({reference_sentences(reference)}, summary_rouge_options(20));
  ASSERT_EQ(reference_sentences(reference).size(), 2u);
  DocumentFrequencies df = background(a);
  std::vector<std::string> oracle = summarize_with(SummaryMethod::kOracle, a, 20, &df, &ref);
  ASSERT_FALSE(oracle.empty());
  ASSERT_EQ(oracle.size(), 2u);  // the two sentences the reference paraphrases
  EXPECT_NE((oracle[0] + oracle[1]).find("football"), std::string::npos);
  EXPECT_NE((oracle[0] + oracle[1]).find("Parents"), std::string::npos);
  const double best = ref.score(oracle).n[0].f;
  for (SummaryMethod m : {SummaryMethod::kChorus, SummaryMethod::kLead, SummaryMethod::kCentroid,
                          SummaryMethod::kLexRank, SummaryMethod::kTextRank}) {
    std::vector<std::string> s = summarize_with(m, a, 20, &df, &ref);
    ASSERT_FALSE(s.empty()) << summary_method_name(m);
    EXPECT_LE(ref.score(s).n[0].f, best) << summary_method_name(m);
  }
  // Without a reference the oracle has nothing to go by.
  EXPECT_TRUE(summarize_with(SummaryMethod::kOracle, a, 20, &df, nullptr).empty());
}

}  // namespace
}  // namespace chorus
