#include "text/sentences.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

std::vector<std::string> split(std::string_view s, std::string_view lang = "en") {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  split_sentences(s, lang, spans);
  std::vector<std::string> out;
  for (auto [b, e] : spans) out.emplace_back(s.substr(b, e - b));
  return out;
}

TEST(Sentences, SplitsPlainSentences) {
  EXPECT_EQ(split("Troops left. Flights resumed on Thursday! Why now?"),
            (std::vector<std::string>{"Troops left.", "Flights resumed on Thursday!", "Why now?"}));
}

TEST(Sentences, KeepsTitlesAndAbbreviations) {
  EXPECT_EQ(split("Mr. Putin met Dr. Smith. They talked.").size(), 2u);
  EXPECT_EQ(split("Gen. Andrei Serdyukov spoke. Maj. Hayrapet Mkrtchian agreed.").size(), 2u);
  EXPECT_EQ(split("U.S. President Joe Biden spoke. He left.").size(), 2u);
  EXPECT_EQ(split("Flights to the U.S. The airline resumed them.").size(), 2u);
  EXPECT_EQ(split("He lives at No. 5 Main Street. It is small.").size(), 2u);
  EXPECT_EQ(split("The book by J. K. Rowling sold well. Fans cheered.").size(), 2u);
  EXPECT_EQ(split("The hub of 1.8 million people was devastated. Looting followed.").size(), 2u);
  EXPECT_EQ(split("Troops arrived on Jan. 6 and left. Nobody stayed.").size(), 2u);
}

TEST(Sentences, KeepsQuotesWhole) {
  auto s = split("\"The mission can be considered very successful,\" he added. Then he left.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "\"The mission can be considered very successful,\" he added.");
}

TEST(Sentences, OtherLanguages) {
  EXPECT_EQ(split("Войска ушли. Г. Путин сказал это. Всё.", "ru").size(), 3u);
  EXPECT_EQ(split("Die Truppen zogen ab. Dr. Müller sprach.", "de").size(), 2u);
  EXPECT_EQ(split("Les troupes partent. M. Dupont parle.", "fr").size(), 2u);
  EXPECT_EQ(split("Las tropas se retiran. El Sr. García habló.", "es").size(), 2u);
}

TEST(Sentences, TrimsAndHandlesEmpty) {
  EXPECT_TRUE(split("").empty());
  EXPECT_EQ(split("   One sentence without a stop   "),
            (std::vector<std::string>{"One sentence without a stop"}));
}

}  // namespace
}  // namespace chorus
