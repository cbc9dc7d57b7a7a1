#include "brief/summary.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "chorus/brief.h"
#include "chorus/pipeline.h"
#include "../analysed.h"

namespace chorus {
namespace {

// Three outlets on one invented event. The dam statement and the evacuation figure appear,
// in different words, in all three; other sentences in one only.
std::vector<Article> event() {
  std::vector<std::string> texts = {
      "Dam breaks above Lindau valley\n"
      "The old dam above the Lindau valley broke early on Monday after days of heavy rain.\n"
      "Around 4,000 residents were evacuated from villages along the river.\n"
      "A local bakery owner said the water reached her ovens within minutes.\n"
      "Engineers had warned about cracks in the structure for years.\n",

      "Lindau dam collapses after rain\n"
      "Heavy rain caused the old dam above the Lindau valley to break on Monday morning.\n"
      "Authorities evacuated about 4,000 residents from riverside villages.\n"
      "The regional governor promised compensation for farmers who lost livestock.\n"
      "Schools in the district will stay closed until Friday.\n",

      "Thousands flee as Lindau dam fails\n"
      "After days of heavy rain the dam above the Lindau valley broke on Monday.\n"
      "Some 4,000 residents of villages along the river were evacuated overnight.\n"
      "Rail traffic between the two largest towns was suspended.\n"
      "Volunteers filled sandbags in the town square until late evening.\n"};
  return analysed(texts);
}

bool contains(const std::vector<size_t>& v, size_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Every unit is found again from its article and sentence; sentences with no unit are not.
TEST(SentenceSpace, UnitOfFindsEachSentence) {
  std::vector<Article> a = analysed({
      "Troops arrived in Almaty on Thursday. They guarded the airport. Shops reopened.",
      "The airport reopened on Friday after troops arrived. Flights resumed.",
      "Troops arrived in Almaty on Thursday. They guarded the airport. Shops reopened.",
  });
  a[2].duplicate_of = "0";  // skipped by the space
  SentenceSpace space(a);
  ASSERT_GT(space.size(), 3u);
  for (size_t u = 0; u < space.size(); ++u) {
    EXPECT_EQ(space.unit_of(space.ref(u).article, space.ref(u).sentence), static_cast<int64_t>(u));
  }
  EXPECT_EQ(space.unit_of(2, 0), -1);    // a duplicate
  EXPECT_EQ(space.unit_of(0, 99), -1);   // no such sentence
  EXPECT_EQ(space.unit_of(7, 0), -1);    // no such article
}

TEST(Summary, SentencesStatedByAllOutletsComeFirstAndCiteAll) {
  std::vector<Article> articles = event();
  BriefOptions o;
  o.sentences = 2;
  std::vector<SummarySentence> s = summarize(articles, o);
  ASSERT_EQ(s.size(), 2u);
  for (const SummarySentence& x : s) {
    EXPECT_EQ(x.sources.size(), 3u) << x.text;
    EXPECT_TRUE(contains(x.sources, x.from));
  }
  bool dam = false, evacuated = false;
  for (const SummarySentence& x : s) {
    dam = dam || x.text.find("dam") != std::string::npos;
    evacuated = evacuated || x.text.find("4,000") != std::string::npos;
  }
  EXPECT_TRUE(dam && evacuated);
}

TEST(Summary, SingleSourceSentencesCiteOnlyTheirArticle) {
  std::vector<Article> articles = event();
  BriefOptions o;
  o.sentences = 6;
  std::vector<SummarySentence> s = summarize(articles, o);
  ASSERT_EQ(s.size(), 6u);
  for (const SummarySentence& x : s) {
    if (x.text.find("bakery") != std::string::npos || x.text.find("governor") != std::string::npos ||
        x.text.find("Rail traffic") != std::string::npos) {
      EXPECT_EQ(x.sources, std::vector<size_t>{x.from}) << x.text;
    }
  }
}

TEST(Summary, NoSentenceRepeatsAnother) {
  std::vector<Article> articles = event();
  SentenceSpace space(articles);
  BriefOptions o;
  o.sentences = 8;
  std::vector<SummarySentence> s = summarize(articles, o);
  // Of the three dam sentences only one may be chosen, and likewise for the evacuation.
  EXPECT_EQ(std::count_if(s.begin(), s.end(), [](const SummarySentence& x) {
              return x.text.find("4,000") != std::string::npos;
            }), 1);
  EXPECT_EQ(std::count_if(s.begin(), s.end(), [](const SummarySentence& x) {
              return x.text.find("dam above the Lindau") != std::string::npos;
            }), 1);
}

TEST(Summary, WordBudget) {
  std::vector<Article> articles = event();
  BriefOptions o;
  o.words = 30;
  std::vector<SummarySentence> s = summarize(articles, o);
  ASSERT_FALSE(s.empty());
  size_t words = 0;
  for (const SummarySentence& x : s) {
    words += static_cast<size_t>(std::count(x.text.begin(), x.text.end(), ' ')) + 1;
  }
  EXPECT_LE(words, 32u);  // tokens vs spaces: "4,000" counts once either way
}

TEST(Summary, DuplicatesAreNotQuotedButEmptyInputIsFine) {
  std::vector<Article> articles = event();
  articles[1].duplicate_of = "a1";
  BriefOptions o;
  o.sentences = 10;
  for (const SummarySentence& x : summarize(articles, o)) {
    EXPECT_NE(x.from, 1u);
    EXPECT_FALSE(contains(x.sources, 1u));
  }
  EXPECT_TRUE(summarize({}, o).empty());
}

TEST(Summary, SimilarityIsCosine) {
  std::vector<Article> articles = event();
  SentenceSpace space(articles);
  ASSERT_GT(space.size(), 3u);
  for (size_t u = 0; u < space.size(); ++u) {
    EXPECT_NEAR(space.similarity(u, u), 1.0f, 1e-4);
    auto best = space.best_match_per_article(u);
    EXPECT_NEAR(best[space.ref(u).article], 1.0f, 1e-4);
  }
}

TEST(Summary, ChosenSentencesAreWholeAndTidied) {
  std::vector<Article> articles = analysed({
      "LINDAU (AP) \u2014 The old dam above the Lindau valley broke early on Monday after days of rain.\n"
      "Rescuers in boats search flooded streets for trapped families, in Lindau, Monday, May 2, 2022.\n"
      "the mayor said, adding that the water was still rising and more rain was expected.\n"
      "Sign up for our newsletter to get breaking news alerts in your inbox every morning.\n"
      "And around 4,000 residents were evacuated from the villages along the Lindau river.\n",
      "Heavy rain caused the old dam above the Lindau valley to break on Monday morning.\n"
      "Authorities evacuated about 4,000 residents from villages along the Lindau river.\n"});
  BriefOptions o;
  o.sentences = 10;
  std::vector<SummarySentence> s = summarize(articles, o);
  ASSERT_FALSE(s.empty());
  for (const SummarySentence& x : s) {
    EXPECT_EQ(x.text.find("LINDAU"), std::string::npos) << x.text;        // dateline
    EXPECT_EQ(x.text.find("May 2, 2022"), std::string::npos) << x.text;  // caption
    EXPECT_EQ(x.text.find("mayor said"), std::string::npos) << x.text;   // a fragment
    EXPECT_EQ(x.text.find("newsletter"), std::string::npos) << x.text;   // a prompt
    EXPECT_NE(x.text.substr(0, 4), "And ") << x.text;
  }
  EXPECT_TRUE(std::any_of(s.begin(), s.end(), [](const SummarySentence& x) {
    return x.text.rfind("The old dam above the Lindau valley broke", 0) == 0;
  }));
}

TEST(Summary, CentralityLeavesTheSentencesOwnArticleOut) {
  std::vector<Article> articles = event();
  std::vector<Article> stray = analysed(
      {"Crawlers archive webpages for researchers.\nThe archive keeps copies of websites forever.\n"});
  articles.push_back(std::move(stray[0]));
  SentenceSpace space(articles);
  size_t stray_units = 0;
  for (size_t u = 0; u < space.size(); ++u) {
    if (space.ref(u).article != 3) {
      continue;
    }
    ++stray_units;
    EXPECT_EQ(space.centrality(u), 0.0f);  // shares no word with the other articles
  }
  EXPECT_EQ(stray_units, 2u);
  // One article alone: centrality is with its own article.
  std::vector<Article> one = event();
  one.resize(1);
  SentenceSpace alone(one);
  for (size_t u = 0; u < alone.size(); ++u) EXPECT_GT(alone.centrality(u), 0.0f);
}

}  // namespace
}  // namespace chorus
