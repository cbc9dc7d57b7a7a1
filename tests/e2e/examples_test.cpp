// The bundled example (five outlets on one event, as scraped) through the whole pipeline.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "brief/summary.h"
#include "chorus/brief.h"
#include "chorus/pipeline.h"
#include "text/dates.h"

namespace chorus {
namespace {

class Examples : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Input in = read_inputs({CHORUS_EXAMPLES_DIR});
    ASSERT_TRUE(in.problems.empty());
    analyze_all(in.articles, in.problems, 2);
    ASSERT_TRUE(in.problems.empty());
    articles_ = new std::vector<Article>(std::move(in.articles));
  }
  static void TearDownTestSuite() { delete articles_; }

  static const Article& article(std::string_view prefix) {
    for (const Article& a : *articles_) {
      if (a.id.rfind(prefix, 0) == 0) return a;
    }
    throw std::runtime_error("no article " + std::string(prefix));
  }

  static std::vector<Article>* articles_;
};
std::vector<Article>* Examples::articles_ = nullptr;

TEST_F(Examples, ResidueIsGone) {
  // Lines of each kind the cleaner must remove, as they stand in the example files.
  const std::map<std::string, std::vector<std::string>> residue = {
      {"000", {"Մատչելիության", "Armenian CSTO peacekeepers protect Aksai Bakery",
               "Druzhba [Friendship] water pump", "\nXS", "\nSM", "\nMD", "\nLG"}},
      {"001", {"Home", "Category", "TV Live Menu", "Loading data", "61dff2e28e0d7", "BM.GE",
               "13.01.22", "\n467", "Subscribe to our news", "Get the main news of the day"}},
      {"002", {"Date:", "SOURCE: MIL.RU", "Support Us", "If content prepared by", "\nSupport",
               "All texts published by", "TAGS", "Related posts", "\nTop"}},
      {"003", {"gtag", "IMAGE SOURCE", "(L) with Russian President"}},
      {"004", {"Advertisement", "Image:", "REUTERS", "7 images", "January 13, 2022"}},
  };
  for (const auto& [id, lines] : residue) {
    const Article& a = article(id);
    std::string text = "\n" + a.text;
    for (const std::string& r : lines) {
      EXPECT_EQ(text.find(r), std::string::npos) << id << " still holds " << r;
    }
    EXPECT_EQ(a.text.find("\n\n"), std::string::npos);  // no empty paragraphs
  }
  // The repeated headline is gone from the body too.
  EXPECT_EQ(article("003").text.find("Forces Commence Withdrawal"), std::string::npos);
}

TEST_F(Examples, EveryStoryParagraphSurvives) {
  // The opening words of every story paragraph, subheadings and one-line paragraphs included.
  const std::map<std::string, std::vector<std::string>> story = {
      {"000", {"More than 2,000 troops", "The \"collective peacekeeping forces", "The CSTO -- an alliance",
               "Prime Minister Nikol Pashinian", "Russian Defense Minister Sergei Shoigu",
               "The 100 Armenian soldiers", "The commander of the Armenian army unit",
               "The CSTO troops arrived", "The exact number of people killed", "Toqaev claimed that",
               "After dismissing the cabinet"}},
      {"001", {"Over 2,000 Russia-led troops", "The decision to despatch", "At a ceremony marking",
               "\"The peacekeeping operation is over", "The Russian defence ministry said",
               "Kazakh President Kassym-Jomart Tokayev said", "The financial hub of 1.8 million",
               "Claims of foreign meddling", "\"Without a doubt", "One of the strategic buildings",
               "The airport's press service", "AFP correspondents", "Tokayev has framed",
               "Russian counterpart Vladimir Putin", "Those narratives resonated", "'Provoked by West'",
               "Retired engineer Malik", "\"I see these events", "Tokayev said the phased withdrawal",
               "US Secretary of State Antony Blinken", "Last week's violence in Kazakhstan"}},
      {"002", {"Russian-led forces have begun", "Around 2,000 Collective Security Treaty",
               "made Tokayev a Kremlin hostage",
               "refused support from his fellow countrymen after he had invited foreign soldiers"}},
      {"003", {"Russia’s Defence Minister Sergei Shoigu confirmed", "On Thursday, Russian military announced",
               "During a meeting with Russian President", "Putin emphasised that",
               "Last week, CSTO forces were deployed", "On Thursday, the two leaders",
               "During an extraordinary CSTO meeting", "The United States (US) said"}},
      {"004", {"Peacekeeping troops deployed under", "Russia-led soldiers began withdrawing",
               "It was the first peacekeeping deployment", "Around 2,000 soldiers were sent",
               "What did Russia say?", "In a statement published by Russian news agencies",
               "The troops also started preparations", "The \"collective peacekeeping forces [...]",
               "The pullback is expected to be completed within 10 days.",
               "CSTO troops deployed in Kazakhstan included", "Scores of people have been killed",
               "Protests were first triggered", "Leadership under pressure", "To placate protesters",
               "Military deployed to Almaty", "President Tokayev has announced a state of emergency",
               "Pent-up anger, large-scale destruction", "On Wednesday, thousands of people stormed",
               "Casualties and fatalities", "According to government reports", "Rare unrest",
               "Large-scale protests are unusual", "Russian troops dispatched",
               "Russia has already sent paratroopers", "Protests against rising fuel prices broke out",
               "The demonstrations evolved", "The demonstrations turned violent",
               "Tokayev announced a state of emergency and gave", "The president also claimed",
               "The Health Ministry briefly reported", "Around 12,000 people have been arrested"}},
  };
  for (const auto& [id, openings] : story) {
    const Article& a = article(id);
    for (const std::string& o : openings) {
      EXPECT_NE(a.text.find(o), std::string::npos) << id << " lost: " << o;
    }
  }
}

TEST_F(Examples, MetadataFromTheText) {
  EXPECT_EQ(article("000").published, "");  // only captions carry dates there
  EXPECT_EQ(article("001").published, "2022-01-13");
  EXPECT_EQ(article("002").published, "2022-01-13");
  EXPECT_EQ(article("003").published, "2022-01-14");
  EXPECT_EQ(article("004").published, "2022-01-13");
  EXPECT_EQ(article("000").title, "Russia-Led CSTO Troops Begin Withdrawal From Kazakhstan");
  EXPECT_EQ(article("001").title, "Russia-led troops begin pullback from Kazakhstan");
  EXPECT_EQ(article("001").source, "BM.GE");
  EXPECT_EQ(article("002").source, "Warsaw Institute");
  for (const Article& a : *articles_) {
    EXPECT_EQ(a.language, "en") << a.id;
    EXPECT_GT(a.sentences.size(), 2u) << a.id;
  }
}

TEST_F(Examples, BriefHasFiveCitedDistinctSentences) {
  Brief b = make_brief(*articles_, {});
  ASSERT_EQ(b.summary.size(), 5u);
  EXPECT_EQ(b.first_published, "2022-01-13");
  EXPECT_EQ(b.last_published, "2022-01-14");

  SentenceSpace space(*articles_);
  auto unit_of = [&](const SummarySentence& s) -> size_t {
    for (size_t u = 0; u < space.size(); ++u) {
      const auto& r = space.ref(u);
      const Article& a = (*articles_)[r.article];
      if (r.article == s.from && a.sentence_text(a.sentences[r.sentence]) == s.text) return u;
    }
    return space.size();
  };
  int three_or_more = 0;
  std::vector<size_t> units;
  for (const SummarySentence& s : b.summary) {
    size_t u = unit_of(s);
    ASSERT_LT(u, space.size()) << "summary sentence not found in its article: " << s.text;
    units.push_back(u);
    ASSERT_GE(s.sources.size(), 1u);
    EXPECT_NE(std::find(s.sources.begin(), s.sources.end(), s.from), s.sources.end());
    // Each cited article states it: it holds a sentence at least this similar.
    std::vector<float> best = space.best_match_per_article(u);
    for (size_t a : s.sources) EXPECT_GE(best[a], kSameStatement) << s.text;
    three_or_more += s.sources.size() >= 3;
  }
  EXPECT_GE(three_or_more, 3);
  for (size_t i = 0; i < units.size(); ++i) {
    for (size_t j = i + 1; j < units.size(); ++j) {
      EXPECT_LT(space.similarity(units[i], units[j]), kRedundant)
          << b.summary[i].text << "\n" << b.summary[j].text;
    }
  }
}


// Issue "Facts across outlets": what the brief must get right on the example event.
const Entity* entity(const Brief& b, std::string_view name) {
  for (const Entity& e : b.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

bool has(const std::vector<std::string>& list, std::string_view x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

std::vector<std::string> ids_of(const Brief& b, const std::vector<size_t>& sources) {
  std::vector<std::string> out;
  for (size_t a : sources) out.push_back((*b.articles)[a].id.substr(0, 3));
  return out;
}

TEST_F(Examples, EntitiesMergedWithTheirAliases) {
  Brief b = make_brief(*articles_, {});
  const Entity* tokayev = entity(b, "Kassym-Jomart Tokayev");
  ASSERT_NE(tokayev, nullptr);
  EXPECT_EQ(tokayev->type, "person");
  for (std::string_view alias : {"Tokayev", "Toqaev", "Qasym-Zhomart Toqaev", "the Kazakh president"}) {
    EXPECT_TRUE(has(tokayev->aliases, alias)) << alias;
  }
  EXPECT_EQ(tokayev->sources.size(), 5u);
  const Entity* nazarbayev = entity(b, "Nursultan Nazarbayev");
  ASSERT_NE(nazarbayev, nullptr);
  EXPECT_TRUE(has(nazarbayev->aliases, "Nazarbaev"));
  const Entity* csto = entity(b, "Collective Security Treaty Organization");
  ASSERT_NE(csto, nullptr);
  EXPECT_EQ(csto->type, "organization");
  EXPECT_TRUE(has(csto->aliases, "CSTO"));
  EXPECT_TRUE(has(csto->aliases, "Collective Security Treaty Organisation"));
  const Entity* kazakhstan = entity(b, "Kazakhstan");
  ASSERT_NE(kazakhstan, nullptr);
  EXPECT_EQ(kazakhstan->type, "place");
  EXPECT_TRUE(has(kazakhstan->aliases, "Kazakstan"));
  for (std::string_view person : {"Vladimir Putin", "Sergei Shoigu", "Andrei Serdyukov", "Nikol Pashinian"}) {
    ASSERT_NE(entity(b, person), nullptr) << person;
    EXPECT_EQ(entity(b, person)->type, "person");
  }
}

TEST_F(Examples, TroopCountWithItsConflict) {
  Brief b = make_brief(*articles_, {});
  const Fact* troops = nullptr;
  for (const Fact& f : b.facts) {
    if (f.about == "troops" && f.reported.value == 2000) troops = &f;
  }
  ASSERT_NE(troops, nullptr);
  EXPECT_TRUE(troops->reported.approx == "about" || troops->reported.approx == "over");
  EXPECT_GE(agreeing_sources(*troops).size(), 4u);
  ASSERT_EQ(troops->conflicts.size(), 1u);
  EXPECT_EQ(troops->conflicts[0].value, 1600);
  EXPECT_EQ(ids_of(b, troops->conflicts[0].sources), std::vector<std::string>{"003"});
}

TEST_F(Examples, WithdrawalLengthEndAndDeathToll) {
  Brief b = make_brief(*articles_, {});
  const Fact* length = nullptr;
  const Fact* end = nullptr;
  const Fact* killed = nullptr;
  for (const Fact& f : b.facts) {
    if (f.about == "withdrawal duration") length = &f;
    if (f.about == "withdrawal end") end = &f;
    if (f.about.find("killed") != std::string::npos && !killed) killed = &f;
  }
  ASSERT_NE(length, nullptr);
  EXPECT_EQ(length->reported.value, 10);
  EXPECT_EQ(length->unit, "days");
  EXPECT_GE(agreeing_sources(*length).size(), 3u);
  EXPECT_TRUE(length->conflicts.empty());
  ASSERT_NE(end, nullptr);
  EXPECT_EQ(date_of(static_cast<int32_t>(end->reported.value)).iso(), "2022-01-19");
  EXPECT_EQ(ids_of(b, agreeing_sources(*end)), (std::vector<std::string>{"000", "003"}));
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->reported.value, 164);
  EXPECT_EQ(ids_of(b, killed->reported.sources), std::vector<std::string>{"000"});
  bool over_160 = false;
  for (const FactValue& v : killed->agreeing) over_160 |= v.value == 160 && v.approx == "over";
  EXPECT_TRUE(over_160);
}

TEST_F(Examples, TimelineFromTheProtestsToTheEndOfTheWithdrawal) {
  Brief b = make_brief(*articles_, {});
  ASSERT_GE(b.timeline.size(), 6u);
  EXPECT_EQ(b.timeline.front().date, "2022-01-02");
  EXPECT_EQ(b.timeline.back().date, "2022-01-19");
  for (size_t i = 0; i < b.timeline.size(); ++i) {
    EXPECT_FALSE(b.timeline[i].sources.empty());
    if (i) EXPECT_LE(b.timeline[i - 1].date, b.timeline[i].date);
  }
}

TEST_F(Examples, QuotesAttributedToTheirSpeakers) {
  Brief b = make_brief(*articles_, {});
  std::map<std::string, int> by;
  for (const Quote& q : b.quotes) ++by[q.speaker];
  for (const char* speaker : {"Vladimir Putin", "Sergei Shoigu", "Kassym-Jomart Tokayev", "Andrei Serdyukov"}) {
    EXPECT_GE(by[speaker], 1) << speaker;
  }
  for (const Quote& q : b.quotes) {
    if (q.text.rfind("Everything went like clockwork", 0) == 0) EXPECT_EQ(q.speaker, "Vladimir Putin");
    if (q.text.rfind("As of today", 0) == 0) EXPECT_EQ(q.speaker, "Sergei Shoigu");
    if (q.text.rfind("The peacekeeping operation is over", 0) == 0) EXPECT_EQ(q.speaker, "Andrei Serdyukov");
    if (q.text.rfind("CSTO peacekeepers have played", 0) == 0) EXPECT_EQ(q.speaker, "Vladimir Putin");
    if (q.text.rfind("normalize the situation", 0) == 0) EXPECT_EQ(q.speaker, "Pashinian\u2019s press office");
  }
}

}  // namespace
}  // namespace chorus
