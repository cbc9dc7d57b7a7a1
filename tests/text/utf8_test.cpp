#include "text/utf8.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(utf8_first_invalid("plain ascii text"), std::string_view::npos);
  EXPECT_EQ(utf8_first_invalid("Toqaev \xE2\x80\x99s"), std::string_view::npos);
  EXPECT_EQ(utf8_first_invalid("abc\xFFxyz"), 3u);
  EXPECT_EQ(utf8_first_invalid("abcdefghij\xC3"), 10u);        // truncated sequence
  EXPECT_EQ(utf8_first_invalid("\xC0\xAF"), 0u);               // overlong '/'
  EXPECT_EQ(utf8_first_invalid("ab\xED\xA0\x80"), 2u);         // surrogate
}

TEST(Utf8, DecodesAndLowercases) {
  std::string s = "Ж\xE2\x80\x99";
  size_t i = 0;
  EXPECT_EQ(utf8_next(s, i), U'Ж');
  EXPECT_EQ(utf8_next(s, i), U'\u2019');
  EXPECT_EQ(i, s.size());
  EXPECT_EQ(utf8_lower("Kassym-Jomart ТОКАЕВ Éric"), "kassym-jomart токаев éric");
}

TEST(Utf8, NormalizesSpaces) {
  EXPECT_EQ(normalize_spaces("  France24 reports.\xC2\xA0 "), "France24 reports.");
  EXPECT_EQ(normalize_spaces("soft\xC2\xADhyphen and\xE2\x80\x8Bzero"), "softhyphen andzero");
  EXPECT_EQ(normalize_spaces("a \t  b"), "a b");
}

TEST(Utf8, DominantScript) {
  ScriptCount latin = dominant_script("Russia-led troops");
  ScriptCount armenian = dominant_script("Մատչելիության հղումներ");
  EXPECT_NE(latin.script, armenian.script);
  EXPECT_EQ(armenian.in_script, armenian.letters);
  EXPECT_EQ(dominant_script("123 -- !").letters, 0u);
}

}  // namespace
}  // namespace chorus
