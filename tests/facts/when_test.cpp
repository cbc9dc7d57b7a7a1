#include "facts/when.h"

#include <gtest/gtest.h>

#include "../analysed.h"

namespace chorus {
namespace {

std::vector<std::string> dates_of(const std::string& text, const std::string& published,
                                  const std::string& fallback = "") {
  std::vector<Article> a = analysed({text});
  a[0].published = published;
  std::vector<std::string> out;
  for (const DateMention& d : find_date_mentions(a[0], fallback)) out.push_back(d.date.iso());
  return out;
}

// 2022-01-13 was a Thursday.
TEST(When, WeekdaysResolveAgainstThePublicationDate) {
  EXPECT_EQ(dates_of("Troops began leaving on Thursday.", "2022-01-13"),
            std::vector<std::string>{"2022-01-13"});
  EXPECT_EQ(dates_of("The alliance said on Wednesday that it would go.", "2022-01-13"),
            std::vector<std::string>{"2022-01-12"});
  EXPECT_EQ(dates_of("The last troops will be flown out on Friday.", "2022-01-13"),
            std::vector<std::string>{"2022-01-14"});
  EXPECT_EQ(dates_of("Officials met last Monday and again yesterday.", "2022-01-13"),
            (std::vector<std::string>{"2022-01-10", "2022-01-12"}));
}

TEST(When, AbsoluteDatesTakeTheNearestYear) {
  EXPECT_EQ(dates_of("The pullout ends by January 19.", "2022-01-13"),
            std::vector<std::string>{"2022-01-19"});
  EXPECT_EQ(dates_of("Protests began on December 30.", "2022-01-13"),
            std::vector<std::string>{"2021-12-30"});
  EXPECT_EQ(dates_of("It happened on 2 March 2019.", "2022-01-13"),
            std::vector<std::string>{"2019-03-02"});
  // "Thursday, January 13" is one date.
  EXPECT_EQ(dates_of("It began on Thursday, January 13.", "2022-01-14"),
            std::vector<std::string>{"2022-01-13"});
}

TEST(When, WithoutAPublicationDate) {
  // Relative words cannot be resolved; a date without a year takes the fallback's year.
  EXPECT_TRUE(dates_of("They left on Thursday.", "").empty());
  EXPECT_EQ(dates_of("They leave by January 19.", "", "2022-01-13"),
            std::vector<std::string>{"2022-01-19"});
  EXPECT_TRUE(dates_of("They leave by January 19.", "").empty());
}

TEST(When, RelativeWordsInsideQuotationsAreTheSpeakers) {
  EXPECT_TRUE(dates_of("\"As of today, everything is under control,\" he said.", "2022-01-14").empty());
  EXPECT_EQ(dates_of("He said today that \u201Cwe are done with the whole long matter.\u201D", "2022-01-14"),
            std::vector<std::string>{"2022-01-14"});
}

}  // namespace
}  // namespace chorus
