#include "text/dates.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

std::string first(std::string_view s, NumericOrder order = NumericOrder::kMonthFirst) {
  auto d = find_dates(s, order);
  return d.empty() ? "" : d.front().date.iso();
}

TEST(Dates, WrittenForms) {
  EXPECT_EQ(first("January 13, 2022"), "2022-01-13");
  EXPECT_EQ(first("13 January 2022"), "2022-01-13");
  EXPECT_EQ(first("Jan. 13, 2022"), "2022-01-13");
  EXPECT_EQ(first("Thursday, 13th of January, 2022"), "2022-01-13");
  EXPECT_EQ(first("13. Januar 2022"), "2022-01-13");
  EXPECT_EQ(first("13 janvier 2022"), "2022-01-13");
  EXPECT_EQ(first("13 de enero de 2022"), "2022-01-13");
  EXPECT_EQ(first("13 января 2022 г."), "2022-01-13");
}

TEST(Dates, NumericForms) {
  EXPECT_EQ(first("13.01.22 21:00"), "2022-01-13");
  EXPECT_EQ(first("13.01.2022"), "2022-01-13");
  EXPECT_EQ(first("2022-01-13"), "2022-01-13");
  EXPECT_EQ(first("01/13/2022"), "2022-01-13");
  EXPECT_EQ(first("13/01/2022"), "2022-01-13");
  EXPECT_EQ(first("02/01/2022", NumericOrder::kDayFirst), "2022-01-02");
  EXPECT_EQ(first("02/01/2022", NumericOrder::kMonthFirst), "2022-02-01");
}

TEST(Dates, RejectsNonDates) {
  EXPECT_EQ(first("version 1.2.3.4"), "");
  EXPECT_EQ(first("February 30, 2022"), "");
  EXPECT_EQ(first("1,600 security officers"), "");
  EXPECT_EQ(first("on January 19"), "");  // no year unless asked for
  auto partial = find_dates("on January 19", NumericOrder::kMonthFirst, true);
  ASSERT_EQ(partial.size(), 1u);
  EXPECT_EQ(partial[0].date, (Date{0, 1, 19}));
}

TEST(Dates, MetadataValues) {
  EXPECT_EQ(parse_date("2022-01-13T21:00:00+03:00")->iso(), "2022-01-13");
  EXPECT_EQ(parse_date("20220113")->iso(), "2022-01-13");
  EXPECT_EQ(parse_date("Thu, 13 Jan 2022 21:00:00 GMT")->iso(), "2022-01-13");
  EXPECT_FALSE(parse_date("yesterday").has_value());
}

TEST(Dates, Spans) {
  std::string s = "Published: January 13, 2022 at noon";
  auto d = find_dates(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(s.substr(d[0].begin, d[0].end - d[0].begin), "January 13, 2022");
}

}  // namespace
}  // namespace chorus
