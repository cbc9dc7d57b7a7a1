#include "brief/tidy.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

std::string tidy(std::string_view s) { return tidy_sentence(s, false); }

TEST(Tidy, DatelinesAreRemoved) {
  EXPECT_EQ(tidy("MOSCOW (AP) \xE2\x80\x94 Russia-led troops began leaving on Thursday."),
            "Russia-led troops began leaving on Thursday.");
  EXPECT_EQ(tidy("LOS ANGELES (AP) \xE2\x80\x93 A boy was recovering on Wednesday."),
            "A boy was recovering on Wednesday.");
  EXPECT_EQ(tidy("PALM COAST, Fla. - A Flagler County woman has been arrested."),
            "A Flagler County woman has been arrested.");
  EXPECT_EQ(tidy("DETROIT - A Wayne State University police officer has died."),
            "A Wayne State University police officer has died.");
  EXPECT_EQ(tidy("DETROIT - A State-run hospital said the officer died on Tuesday."),
            "A State-run hospital said the officer died on Tuesday.");
  EXPECT_EQ(tidy("(CNN) A Detroit man pleaded not guilty Friday."), "A Detroit man pleaded not guilty Friday.");
  EXPECT_EQ(tidy("ALMATY, Kazakhstan (Reuters) -- Troops began leaving the country."),
            "Troops began leaving the country.");
  // A bare word before a colon may be a source ("FBI: ..."): kept, unless qualified.
  EXPECT_EQ(tidy("WASHINGTON: The Senate passed the bill late on Tuesday."),
            "WASHINGTON: The Senate passed the bill late on Tuesday.");
  EXPECT_EQ(tidy("WASHINGTON (AP): The Senate passed the bill late on Tuesday."),
            "The Senate passed the bill late on Tuesday.");
}

TEST(Tidy, CapitalsThatAreNotDatelinesStay) {
  for (std::string_view s : {"NASA said the launch would go ahead on Friday.",
                             "US - China talks resumed in Geneva on Monday.",
                             "WHO officials, speaking in Geneva, urged calm.",
                             "I - and many others - disagree with the ruling today.",
                             "The FBI - which opened an inquiry - declined to comment.",
                             "OPEC - the cartel of oil producers - agreed on Thursday to cut output.",
                             "NASA \xE2\x80\x94 not Boeing \xE2\x80\x94 will decide on the launch date.",
                             "ISIS \xE2\x80\x94 or the Islamic State \xE2\x80\x94 claimed the attack.",
                             "FBI: Suspect in shooting had bought four guns this year.",
                             "WHO: More than 1,000 people have now died of the disease."}) {
    EXPECT_EQ(tidy(s), s);
  }
}

TEST(Tidy, PhotoCreditsAreRemoved) {
  EXPECT_EQ(tidy("Protesters gathered in the square (Photo: Reuters) on Sunday."),
            "Protesters gathered in the square on Sunday.");
  EXPECT_EQ(tidy("The mayor spoke to reporters. (AP Photo/Jane Doe)"), "The mayor spoke to reporters.");
  EXPECT_EQ(tidy("The treaty (signed in 1992) still holds today."), "The treaty (signed in 1992) still holds today.");
  EXPECT_EQ(tidy("The bank (Credit Suisse) lost $5 billion in the quarter."),
            "The bank (Credit Suisse) lost $5 billion in the quarter.");
  EXPECT_EQ(tidy("(Photo: Reuters) The minister resigned on Friday evening."),
            "The minister resigned on Friday evening.");
  EXPECT_EQ(tidy("He said (Photo: Reuters (file)) the minister resigned."), "He said the minister resigned.");
  EXPECT_EQ(tidy("Crowds (Photo: A)(Photo: B) filled the square on Sunday."), "Crowds filled the square on Sunday.");
}

TEST(Tidy, LeadingConnectivesGoOnlyWhereTheyReadWrong) {
  EXPECT_EQ(tidy("But now, for the first time, doctors say he is not in pain."),
            "Now, for the first time, doctors say he is not in pain.");
  EXPECT_EQ(tidy("And they learned it from Routley himself."), "They learned it from Routley himself.");
  EXPECT_EQ(tidy("However, the talks failed on Friday night."), "The talks failed on Friday night.");
  EXPECT_EQ(tidy_sentence("But the talks failed on Friday night.", true), "But the talks failed on Friday night.");
  EXPECT_EQ(tidy("Andrew Smith said the talks failed."), "Andrew Smith said the talks failed.");
  EXPECT_EQ(tidy("But iPhone sales fell for the third quarter."), "iPhone sales fell for the third quarter.");
}

TEST(Tidy, QuotesAreBalanced) {
  EXPECT_EQ(tidy("The statement reads: \xE2\x80\x9CWe are not judging countries."),
            "The statement reads: \xE2\x80\x9CWe are not judging countries.\xE2\x80\x9D");
  EXPECT_EQ(tidy("We will rebuild,\xE2\x80\x9D the mayor said on Monday."),
            "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D the mayor said on Monday.");
  EXPECT_EQ(tidy("Nice to meet you,\" she quoted him as saying."),
            "\"Nice to meet you,\" she quoted him as saying.");
  EXPECT_EQ(tidy("He said: \"We are not judging anyone here."), "He said: \"We are not judging anyone here.\"");
  EXPECT_EQ(tidy("He said \"no\" twice to the reporters."), "He said \"no\" twice to the reporters.");
  EXPECT_EQ(tidy("The 6'5\" forward scored 30 points on Sunday."), "The 6'5\" forward scored 30 points on Sunday.");
}

TEST(Tidy, TooLittleLeftKeepsTheSentence) {
  EXPECT_EQ(tidy("MOSCOW (AP) \xE2\x80\x94 It ended."), "MOSCOW (AP) \xE2\x80\x94 It ended.");
  EXPECT_EQ(tidy(""), "");
}

}  // namespace
}  // namespace chorus
