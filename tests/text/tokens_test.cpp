#include "text/tokens.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

std::vector<std::string> words(std::string_view s) {
  std::vector<RawToken> t;
  split_words(s, t);
  std::vector<std::string> out;
  for (const RawToken& r : t) out.emplace_back(s.substr(r.begin, r.size));
  return out;
}

TEST(Tokens, SplitsWordsAndNumbers) {
  EXPECT_EQ(words("More than 2,000 troops; 1.8 million people."),
            (std::vector<std::string>{"More", "than", "2,000", "troops", "1.8", "million",
                                      "people"}));
  EXPECT_EQ(words("Kazakhstan\xE2\x80\x99s Russia-led (CSTO)"),
            (std::vector<std::string>{"Kazakhstan\xE2\x80\x99s", "Russia", "led", "CSTO"}));
  EXPECT_EQ(words("Тоқаев, 13.01.22"), (std::vector<std::string>{"Тоқаев", "13.01.22"}));
}

TEST(Tokens, FlagsNumbersAndCapitals) {
  std::vector<RawToken> t;
  split_words("About 2,000 CSTO troops", t);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_TRUE(t[0].capitalized);
  EXPECT_TRUE(t[1].number);
  EXPECT_FALSE(t[3].number);
  EXPECT_FALSE(t[3].capitalized);
}

TEST(Tokens, StopwordsInFiveLanguages) {
  EXPECT_TRUE(is_stopword("en", "the"));
  EXPECT_FALSE(is_stopword("en", "troops"));
  EXPECT_TRUE(is_stopword("ru", "и"));
  EXPECT_TRUE(is_stopword("de", "und"));
  EXPECT_TRUE(is_stopword("fr", "les"));
  EXPECT_TRUE(is_stopword("es", "los"));
  EXPECT_FALSE(has_stopwords("xx"));
}

TEST(Tokens, SnowballStemsInFiveLanguages) {
  EXPECT_EQ(stem("en", "withdrawing"), "withdraw");
  EXPECT_EQ(stem("en", "troops"), "troop");
  EXPECT_EQ(stem("en", "Kazakhstan\xE2\x80\x99s"), "kazakhstan");
  EXPECT_EQ(stem("ru", "войска"), stem("ru", "войск"));
  EXPECT_EQ(stem("de", "Truppen"), stem("de", "Truppe"));
  EXPECT_EQ(stem("fr", "troupes"), stem("fr", "troupe"));
  EXPECT_EQ(stem("es", "tropas"), stem("es", "tropa"));
  EXPECT_EQ(stem("xx", "Unknown"), "unknown");  // no stemmer: the lower-cased word
}

TEST(Tokens, AnnotatesTermsAndFlags) {
  std::string text = "The troops withdrew; troop numbers: 2,000 and 2000.";
  std::vector<Token> tokens;
  annotate_tokens(text, 0, static_cast<uint32_t>(text.size()), "en", tokens);
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_TRUE(tokens[0].flags & Token::kStopword);      // The
  EXPECT_EQ(tokens[1].term, tokens[3].term);            // troops / troop
  EXPECT_TRUE(tokens[5].flags & Token::kNumber);
  EXPECT_EQ(tokens[5].term, tokens[7].term);            // 2,000 / 2000
  EXPECT_NE(tokens[1].term, tokens[2].term);
}

}  // namespace
}  // namespace chorus
