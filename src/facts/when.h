// Dates an article mentions, resolved to calendar days.
//
// Absolute dates ("January 19", "13 January 2022"; a missing year is the one that puts the
// day nearest the publication date) and relative ones resolved against the article's
// publication date: "on Thursday" (the last Thursday on or before it, or the next on or after
// it when the sentence speaks of the future: "will", "is to", "next"), "last Monday",
// "yesterday", "today", "tomorrow". Vaguer ones ("last week", "earlier this month") are not
// days and are left out; durations ("within 10 days") are quantities (quantities.h).
#pragma once

#include <cstdint>
#include <vector>

#include "chorus/article.h"
#include "text/dates.h"

namespace chorus {

struct DateMention {
  Date date;                    // a full date
  uint32_t begin = 0, end = 0;  // bytes of the words naming it in Article::text
  uint32_t sentence = 0;        // index into Article::sentences
  bool relative = false;        // resolved from "Thursday", "yesterday", ...
};

// The dates of an analysed article, in text order. Relative dates need Article::published;
// without it they are left out, and a date without a year takes the year nearest
// `fallback_date` (e.g. the event's first publication date; "" for none). Words inside
// quotation marks are the speaker's: "today" there is not the publication day, so relative
// words there are left out too. Cost: linear in the text.
std::vector<DateMention> find_date_mentions(const Article& article, std::string_view fallback_date = "");

}  // namespace chorus
