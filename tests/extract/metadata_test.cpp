#include "extract/metadata.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

TEST(Metadata, DatelinesInCommonForms) {
  EXPECT_EQ(dateline_date("January 13, 2022", false)->iso(), "2022-01-13");
  EXPECT_EQ(dateline_date("13 January 2022", false)->iso(), "2022-01-13");
  EXPECT_EQ(dateline_date("13.01.22 21:00", true)->iso(), "2022-01-13");
  EXPECT_EQ(dateline_date("Date: 13 January 2022", false)->iso(), "2022-01-13");
  EXPECT_EQ(dateline_date("Updated Thursday, Jan. 13, 2022 at 9:40 pm GMT", false)->iso(),
            "2022-01-13");
}

TEST(Metadata, SentencesWithDatesAreNotDatelines) {
  EXPECT_FALSE(dateline_date("Troops guard a bakery in Almaty, January 11, 2022.", false));
  EXPECT_FALSE(dateline_date("The withdrawal ends on January 19, 2022 at the latest", false));
}

TEST(Metadata, FutureDatesAreRefused) {
  EXPECT_FALSE(dateline_date("January 13, 2999", false));
}

TEST(Metadata, EarliestDatelineIsThePublicationDate) {
  CleanedText c;
  c.removed = {{"Updated: 14 January 2022", "dateline"}, {"Published: 13 January 2022", "dateline"},
               {"Home", "navigation or prompt"}};
  EXPECT_EQ(date_from_text(c, false), "2022-01-13");
  EXPECT_EQ(date_from_text(CleanedText{}, false), "");
}

TEST(Metadata, OutletFromTheText) {
  CleanedText domain;
  domain.removed = {{"NEWS.EXAMPLE.GE", "outlet name"}};
  EXPECT_EQ(outlet_from_text(domain), "NEWS.EXAMPLE.GE");

  CleanedText copyright;
  copyright.removed = {{"\xC2\xA9 2022 Northern Daily Herald. All rights reserved.", "page tail"}};
  EXPECT_EQ(outlet_from_text(copyright), "Northern Daily Herald");

  CleanedText notice;
  notice.removed = {{"All articles published by the Baltic Policy Centre may be quoted.", "page tail"}};
  EXPECT_EQ(outlet_from_text(notice), "Baltic Policy Centre");

  CleanedText wire;
  wire.paragraphs = {"ALMATY, Kazakhstan (Reuters) - Troops began leaving on Thursday."};
  EXPECT_EQ(outlet_from_text(wire), "Reuters");

  CleanedText none;
  none.paragraphs = {"Troops began leaving on Thursday, France24 reports."};
  EXPECT_EQ(outlet_from_text(none), "");
}

}  // namespace
}  // namespace chorus
