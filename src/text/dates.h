// Dates written in text, in the forms news uses, in English, German, French, Spanish,
// Italian, Portuguese and Russian.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

struct Date {
  int year = 0, month = 0, day = 0;  // year 0: not stated ("January 19")
  bool operator==(const Date&) const = default;
  auto operator<=>(const Date&) const = default;
  // "2022-01-13"; "--01-19" style is never produced: a date without a year gives "".
  std::string iso() const;
};

struct DateMatch {
  Date date;
  size_t begin = 0, end = 0;  // bytes of the matched text
};

// How to read all-numeric dates whose order is ambiguous ("01/02/2022").
enum class NumericOrder { kDayFirst, kMonthFirst };

// Finds full dates (day, month, year) in `text`, in order: "January 13, 2022", "Jan. 13 2022",
// "Thursday, 13 January 2022", "13th of January, 2022", "13. Januar 2022", "13 de enero de
// 2022", "13 января 2022 г.", "2022-01-13", "13.01.22", "13.01.2022", "01/13/2022",
// "13/01/2022". Dotted numbers are day first; slashed ones follow `order` unless a field over
// 12 settles it. With `allow_no_year`, "January 19" and "19 January" are found too (year 0).
// Cost: linear in the text.
std::vector<DateMatch> find_dates(std::string_view text,
                                  NumericOrder order = NumericOrder::kMonthFirst,
                                  bool allow_no_year = false);

// The month names and abbreviations find_dates reads, lower case, in all its languages.
std::vector<std::string_view> month_words();

// A date given as a metadata value: ISO 8601 with or without time ("2022-01-13T21:00:00Z"),
// or any form find_dates reads. Empty when no full date is found.
std::optional<Date> parse_date(std::string_view value);

// Days since 1970-01-01 of a full date (year, month and day given and valid).
int32_t day_of(const Date& date);
// The date `day` days after 1970-01-01.
Date date_of(int32_t day);

// Whether y-m-d is a real calendar day.
bool valid_date(int year, int month, int day);

}  // namespace chorus
