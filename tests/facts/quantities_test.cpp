#include "facts/quantities.h"

#include <gtest/gtest.h>

#include "../analysed.h"

namespace chorus {
namespace {

std::vector<Quantity> of(const std::string& text) {
  std::vector<Article> a = analysed({text});
  return find_quantities(a[0]);
}

TEST(Quantities, CountsWithQualifiers) {
  auto q = of("More than 2,000 troops were deployed. About 1,600 security officers stayed.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].value, 2000);
  EXPECT_EQ(q[0].approx, "over");
  EXPECT_EQ(q[0].counted, "troops");
  EXPECT_EQ(q[0].kind, "troops");
  EXPECT_EQ(q[1].value, 1600);
  EXPECT_EQ(q[1].approx, "about");
  EXPECT_EQ(q[1].counted, "security officers");
  EXPECT_EQ(q[1].kind, "troops");  // officers, soldiers, forces... count alike
}

TEST(Quantities, CasualtiesByWhatHappened) {
  auto q = of("Over 160 people had been killed and at least 1,000 were injured, while "
              "thousands arrested. The official death toll was announced as 164.");
  ASSERT_GE(q.size(), 3u);
  EXPECT_EQ(q[0].value, 160);
  EXPECT_EQ(q[0].kind, "killed");
  EXPECT_EQ(q[0].counted, "people killed");
  bool thousands = false, toll = false;
  for (const Quantity& x : q) {
    if (x.vague && x.kind == "arrested") thousands = x.value == 2000 && x.value_max > x.value;
    if (x.value == 164) toll = x.kind == "killed" && x.counted == "death toll";
  }
  EXPECT_TRUE(thousands);
  EXPECT_TRUE(toll);
}

TEST(Quantities, WordsScalesRangesAndPercents) {
  auto q = of("The city of 1.8 million people saw scores of protesters, a dozen arrests and "
              "up to 100-200 troops; some 75 percent of the contingent is Russian.");
  ASSERT_EQ(q.size(), 5u);
  EXPECT_DOUBLE_EQ(q[0].value, 1.8e6);
  EXPECT_TRUE(q[1].vague);
  EXPECT_EQ(q[1].counted, "protesters");
  EXPECT_EQ(q[2].value, 12);
  EXPECT_EQ(q[3].value, 100);
  EXPECT_EQ(q[3].value_max, 200);
  EXPECT_EQ(q[3].approx, "up to");
  EXPECT_EQ(q[4].unit, "percent");
  EXPECT_EQ(q[4].value, 75);
}

TEST(Quantities, DurationsAgesAndWhatTheyBelongTo) {
  auto q = of("The withdrawal would take no more than 10 days. The 81-year-old Nursultan "
              "Nazarbayev kept a two-week state of emergency. It began one week after the vote.");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].unit, "days");
  EXPECT_EQ(q[0].value, 10);
  EXPECT_EQ(q[0].approx, "up to");
  EXPECT_EQ(q[0].kind, "duration:withdrawal");
  EXPECT_EQ(q[1].kind, "age");
  EXPECT_EQ(q[1].value, 81);
  EXPECT_EQ(q[1].scope, "Nursultan Nazarbayev");
  EXPECT_EQ(q[2].value, 14);
  EXPECT_EQ(q[2].kind, "duration:state of emergency");
  // "one week after" is a point in time, not a duration: not reported.
}

TEST(Quantities, DatesYearsTimesAndCodesAreNotQuantities) {
  auto q = of("On January 13, 2022, at 21:00, the COVID-19 rules of 2019 ended for 3 people.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value, 3);
  EXPECT_EQ(q[0].counted, "people");
}

TEST(Quantities, ANumberThatEndsTheTextIsRead) {
  // Nothing after the digits: the look for a following fraction mark must not read past the end.
  auto q = of("Death toll rises\n\nSecurity forces fired on crowds for a third day, witnesses said. "
              "Officials said on Monday evening that the official death toll had reached 164");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value, 164);
  EXPECT_EQ(q[0].kind, "killed");
}

TEST(Quantities, PhraseOffsetsPointAtTheText) {
  std::vector<Article> a = analysed({"Officials said around 12,000 people have been arrested."});
  auto q = find_quantities(a[0]);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(a[0].text.substr(q[0].begin, q[0].end - q[0].begin), "around 12,000 people have been arrested");
  EXPECT_EQ(q[0].kind, "arrested");
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

TEST(Quantities, RangesSignsAndComparisons) {
  auto q = of("Between 17 to 22 people vetted each tweet; at least 300 to 400 people had been "
              "killed; potentials of -0.25 volts were used by two to three teams (>4 drinks).");
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q[0].value, 17);
  EXPECT_EQ(q[0].value_max, 22);
  EXPECT_EQ(q[1].value, 300);
  EXPECT_EQ(q[1].value_max, 400);
  EXPECT_EQ(q[1].approx, "at least");
  EXPECT_EQ(q[1].kind, "killed");
  EXPECT_EQ(q[2].value, -0.25);
  EXPECT_EQ(q[3].value, 2);
  EXPECT_EQ(q[3].value_max, 3);
  EXPECT_EQ(q[4].value, 4);
  EXPECT_EQ(q[4].approx, "over");
}

TEST(Quantities, LabelsFootnotesRatiosAndFrequenciesAreNotCounts) {
  auto q = of("As shown in table 4 and figure 2, campaigns work.41 ,42 A recent review found "
              "that 1 in 3 cases drink 5-6 days a week, every 15 minutes, with a seven-member "
              "team on a five-point scale; one day he left.");
  EXPECT_TRUE(q.empty()) << q.size() << " " << (q.empty() ? "" : q[0].counted);
}

TEST(Quantities, CountedWordsPastModifiers) {
  auto q = of("Two highly respected agencies rated 58% of the top-ranked ads, and six mentioned "
              "cancer, while 18 people aged 18-29 years took part.");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].counted, "agencies");
  EXPECT_EQ(q[1].unit, "percent");
  EXPECT_EQ(q[1].counted, "top-ranked ads");
  EXPECT_EQ(q[2].counted, "people");  // "six mentioned cancer" counts nothing
  EXPECT_EQ(q[3].kind, "age");
  EXPECT_EQ(q[3].value_max, 29);
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

TEST(Quantities, MoneyFractionsAndConversions) {
  auto q = of("She earned $13 million thanks to deals and the team landed in 5 \u00BD days at a "
              "depth of around 1 kilometer (3,281 feet), while hundreds of billions of dollars moved.");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].unit, "$");
  EXPECT_EQ(q[0].value, 13e6);
  EXPECT_EQ(q[0].counted, "money");
  EXPECT_EQ(q[1].value, 5.5);
  EXPECT_EQ(q[1].unit, "days");
  EXPECT_EQ(q[2].value, 1);
  EXPECT_EQ(q[2].approx, "about");  // the feet in parentheses repeat it and are left out
  EXPECT_TRUE(q[3].vague);
  EXPECT_EQ(q[3].value, 200e9);
  EXPECT_EQ(q[3].unit, "$");
}

TEST(Quantities, PhoneNumbersNamesRatiosAndVerbsCountNothing) {
  auto q = of("The 911 call came from Caphe Da Lat 244, one in 20 homes has one, 35 percent live "
              "alone and 80 ran the race.");
  EXPECT_TRUE(q.empty()) << q.size() << " " << (q.empty() ? "" : q[0].counted);
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

TEST(Quantities, WordScalesAndQualifiersAfterTheNumber) {
  auto q = of("Some thirty thousand scientists and three hundred thousand dollars, half a dozen "
              "films, as much as $1 million, a coin worth $1,600 or more, a dog that weighs 17 pounds.");
  ASSERT_EQ(q.size(), 6u);
  EXPECT_EQ(q[0].value, 30000);
  EXPECT_EQ(q[0].approx, "about");
  EXPECT_EQ(q[0].counted, "scientists");
  EXPECT_EQ(q[1].value, 300000);
  EXPECT_EQ(q[1].unit, "$");
  EXPECT_EQ(q[2].value, 6);
  EXPECT_EQ(q[3].approx, "up to");
  EXPECT_EQ(q[4].approx, "at least");
  EXPECT_EQ(q[4].counted, "money");
  EXPECT_EQ(q[5].unit, "");  // pounds of weight, not money
  EXPECT_EQ(q[5].counted, "pounds");
}

TEST(Quantities, HundredsWithAndAndRatiosInWords) {
  auto q = of("One hundred and three patients were admitted. The fund gave six hundred and "
              "forty thousand dollars. One in five voters stayed home.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].value, 103);
  EXPECT_EQ(q[0].counted, "patients");
  EXPECT_EQ(q[1].value, 640000);
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

TEST(Quantities, AgesAfterNamesPricesAndNamesWithNumbers) {
  auto q = of("Officer Collin Rose, 29, died after the vaccine was given at 11 to 12 years of age; "
              "the phones cost $199 or $299, the waves rose as much as 7 feet (2 meters), and "
              "Thiel's 20 Under 20 fellows met.");
  ASSERT_GE(q.size(), 5u);
  EXPECT_EQ(q[0].kind, "age");
  EXPECT_EQ(q[0].value, 29);
  EXPECT_EQ(q[0].scope, "Officer Collin Rose");
  EXPECT_EQ(q[1].kind, "age");
  EXPECT_EQ(q[1].value_max, 12);
  EXPECT_EQ(q[2].value, 199);
  EXPECT_EQ(q[2].value_max, 199);  // two prices, not a range
  EXPECT_EQ(q[3].value, 299);
  EXPECT_EQ(q[4].value, 7);
  EXPECT_EQ(q[4].approx, "up to");  // the metres in parentheses repeat it
  for (const Quantity& x : q) EXPECT_NE(x.approx, "under") << x.counted;  // "20 Under 20" is a name
}

}  // namespace
}  // namespace chorus
