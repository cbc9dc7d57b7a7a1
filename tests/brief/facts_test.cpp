// The event-level facts: comparison across articles, quotes merged, timeline, framing.
#include "brief/facts.h"

#include <gtest/gtest.h>

#include "../analysed.h"
#include "chorus/brief.h"

namespace chorus {
namespace {

std::vector<Article> dated(const std::vector<std::string>& texts, const std::string& published) {
  std::vector<Article> a = analysed(texts);
  for (Article& x : a) x.published = published;
  return a;
}

const Fact* about(const Brief& b, std::string_view what) {
  for (const Fact& f : b.facts) {
    if (f.about == what) return &f;
  }
  return nullptr;
}

TEST(Facts, AgreementWithinQualifiersAndConflicts) {
  std::vector<Article> a = dated({
      "About 3,000 firefighters fought the blaze near the town on Tuesday, officials said.",
      "More than 3,000 firefighters were sent to the blaze, the regional governor said.",
      "Some 3,000 firefighters battled the fire through the night as winds rose sharply.",
      "Local radio said 1,900 firefighters were at the scene, far fewer than announced.",
      "The fire destroyed 120 homes and the 200 Spanish firefighters joined on Wednesday.",
  }, "2023-07-19");
  Brief b = make_brief(a, {});
  const Fact* firefighters = about(b, "firefighters");
  ASSERT_NE(firefighters, nullptr);
  EXPECT_EQ(firefighters->reported.value, 3000);
  EXPECT_EQ(agreeing_sources(*firefighters), (std::vector<size_t>{0, 1, 2}));
  ASSERT_EQ(firefighters->conflicts.size(), 1u);
  EXPECT_EQ(firefighters->conflicts[0].value, 1900);
  EXPECT_EQ(firefighters->conflicts[0].sources, std::vector<size_t>{3});
  // A nationality makes another count, not a conflict.
  const Fact* spanish = about(b, "Spanish firefighters");
  ASSERT_NE(spanish, nullptr);
  EXPECT_TRUE(spanish->conflicts.empty());
  EXPECT_EQ(spanish->outlets, 1u);  // one source only
}

TEST(Facts, VagueAndQualifiedCasualtyFigures) {
  std::vector<Article> a = dated({
      "The official death toll was announced as 164 on Sunday evening in the capital.",
      "Over 160 people had been killed in the unrest, the health ministry said on Sunday.",
      "Dozens of people were killed, according to the first reports from the capital.",
  }, "2022-01-16");
  Brief b = make_brief(a, {});
  ASSERT_FALSE(b.facts.empty());
  const Fact& killed = b.facts[0];
  EXPECT_EQ(killed.reported.value, 164);  // a figure over a word
  ASSERT_EQ(killed.agreeing.size(), 1u);
  EXPECT_EQ(killed.agreeing[0].approx, "over");
  ASSERT_EQ(killed.conflicts.size(), 1u);  // "dozens" is under 100
  EXPECT_TRUE(killed.conflicts[0].vague);
}

TEST(Facts, DatedActsAndDurations) {
  std::vector<Article> a = dated({
      "The withdrawal will be completed by March 3, the ministry said. It should take about "
      "ten days.",
      "Officials said the pullout would take no more than 10 days and end by March 3.",
  }, "2023-02-21");
  Brief b = make_brief(a, {});
  const Fact* end = about(b, "withdrawal end");
  ASSERT_NE(end, nullptr);
  EXPECT_EQ(end->unit, "date");
  EXPECT_EQ(date_of(static_cast<int32_t>(end->reported.value)).iso(), "2023-03-03");
  EXPECT_EQ(agreeing_sources(*end), (std::vector<size_t>{0, 1}));
  const Fact* length = about(b, "withdrawal duration");
  ASSERT_NE(length, nullptr);
  EXPECT_EQ(length->unit, "days");
  EXPECT_EQ(agreeing_sources(*length), (std::vector<size_t>{0, 1}));
  EXPECT_TRUE(length->conflicts.empty());
}

TEST(Facts, TimelineMergesOneHappeningAcrossArticlesInDateOrder) {
  std::vector<Article> a = dated({
      "The storm made landfall near the port on Monday. Power returned on Wednesday.",
      "The storm made landfall near the port city on Monday, flooding streets.",
      "Schools will reopen on Friday, the mayor said.",
  }, "2023-09-13");  // a Wednesday
  Brief b = make_brief(a, {});
  ASSERT_EQ(b.timeline.size(), 3u);
  EXPECT_EQ(b.timeline[0].date, "2023-09-11");
  EXPECT_EQ(b.timeline[0].sources, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(b.timeline[1].date, "2023-09-13");
  EXPECT_EQ(b.timeline[2].date, "2023-09-15");  // "will reopen on Friday": the next Friday
  EXPECT_EQ(b.timeline[2].sources, std::vector<size_t>{2});
}

TEST(Facts, QuotesFromSeveralArticlesAreOne) {
  std::vector<Article> a = dated({
      "\u201CWe will rebuild every house that was lost,\u201D said Governor Ana Reyes on Monday.",
      "Reyes promised help. \"We will rebuild every house that was lost,\" Reyes said.",
  }, "2023-09-13");
  Brief b = make_brief(a, {});
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(b.quotes[0].speaker, "Ana Reyes");
  EXPECT_EQ(b.quotes[0].sources, (std::vector<size_t>{0, 1}));
}

// Each quotation joins the group whose first quotation shares most of its words; others stay
// apart, whatever their order.
TEST(Facts, QuotesJoinTheGroupTheyMatch) {
  std::vector<Article> a = dated({
      "\u201CThe bridge will reopen in March after the repairs,\u201D said Mayor Tomas Okafor.",
      "\u201COur schools stay closed until the water is safe,\u201D said Superintendent Ida Moss.",
      "\"Our schools stay closed until the water is safe,\" Moss said on Tuesday.",
      "\"The bridge reopens in March,\" Okafor said.",
      "\"The water in March was cold,\" Lena Ortiz said.",
  }, "2023-09-13");
  Brief b = make_brief(a, {});
  ASSERT_EQ(b.quotes.size(), 3u);
  EXPECT_EQ(b.quotes[0].sources, (std::vector<size_t>{0, 3}));
  EXPECT_EQ(b.quotes[0].speaker, "Tomas Okafor");
  EXPECT_EQ(b.quotes[1].sources, (std::vector<size_t>{1, 2}));
  EXPECT_EQ(b.quotes[1].speaker, "Ida Moss");
  EXPECT_EQ(b.quotes[2].sources, (std::vector<size_t>{4}));
}

TEST(Facts, FramingListsQuotedAndSwappedWords) {
  std::vector<Article> a = dated({
      "The government blamed \u201Cterrorists\u201D for the attack on the station on Monday.",
      "The government blamed terrorists for the attack on the station on Monday night.",
      "Officials blamed militants for the attack on the railway station on Monday.",
  }, "2023-09-13");
  Brief b = make_brief(a, {});
  bool quoted = false, unquoted = false;
  for (const Framing& f : b.framing) {
    if (f.article == 0) quoted = std::find(f.quoted.begin(), f.quoted.end(), "terrorists") != f.quoted.end();
    if (f.article == 1) unquoted = std::find(f.terms.begin(), f.terms.end(), "terrorists") != f.terms.end();
  }
  EXPECT_TRUE(quoted);
  EXPECT_TRUE(unquoted);
}

TEST(Facts, CanBeTurnedOff) {
  std::vector<Article> a = dated({"About 3,000 firefighters fought the blaze on Tuesday, officials said."}, "2023-07-19");
  BriefOptions o;
  o.facts = false;
  Brief b = make_brief(a, o);
  EXPECT_TRUE(b.facts.empty() && b.entities.empty() && b.timeline.empty());
  EXPECT_FALSE(b.summary.empty());
}

}  // namespace
}  // namespace chorus
