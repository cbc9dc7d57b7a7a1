// Metadata found in the text itself: the publication date from a dateline, the outlet where
// the text names it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "extract/clean.h"
#include "text/dates.h"

namespace chorus {

// If `line` is a dateline (a date with at most a label such as "Date:" or "Published", a
// weekday and a time around it: "January 13, 2022", "13.01.22 21:00", "Date: 13 January
// 2022"), its date. A date after tomorrow by the system clock is refused. Cost: linear.
std::optional<Date> dateline_date(std::string_view line, bool day_first);

// The publication date: the earliest dateline the cleaner removed; "" if none.
std::string date_from_text(const CleanedText& cleaned, bool day_first);

// The outlet the text names, or "": a domain-name line near the top ("BM.GE"), a notice
// such as "© 2022 Name", "Copyright Name" or "texts published by the Name Foundation", or a
// wire dateline opening the story ("MOSCOW (Reuters) -").
std::string outlet_from_text(const CleanedText& cleaned);

}  // namespace chorus
