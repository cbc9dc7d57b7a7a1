// Each cleanup rule on text written for the test (not the example articles), and the
// guarantee that story lines survive.
#include "extract/clean.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace chorus {
namespace {

// A story of several paragraphs that every test embeds residue into.
const char* kStory[] = {
    "Flood waters rose across the northern valley on Monday, forcing thousands of residents "
    "to leave their homes before dawn.",
    "\"We lost everything in one night,\" said Maria Keller, a baker whose shop stood near "
    "the river.",
    "Emergency crews evacuated two hospitals and opened twelve shelters in schools and sports "
    "halls across the region.",
    "Officials said the river would crest on Wednesday.",
};

std::string story_with(const std::vector<std::string>& before,
                       const std::vector<std::string>& middle,
                       const std::vector<std::string>& after) {
  std::string s;
  for (const auto& l : before) s += l + "\n";
  s += "Floods force thousands from their homes\n\n";
  s += std::string(kStory[0]) + "\n\n" + kStory[1] + "\n\n";
  for (const auto& l : middle) s += l + "\n";
  s += std::string(kStory[2]) + "\n\n" + kStory[3] + "\n\n";
  for (const auto& l : after) s += l + "\n";
  return s;
}

CleanedText clean(const std::string& text) {
  CleanOptions o;
  o.language = "en";
  return clean_text(text, o);
}

bool kept(const CleanedText& c, std::string_view line) {
  return std::find(c.paragraphs.begin(), c.paragraphs.end(), line) != c.paragraphs.end();
}

std::string why(const CleanedText& c, std::string_view line) {
  for (const auto& r : c.removed) {
    if (r.text == line) return r.why;
  }
  return "";
}

void expect_story_kept(const CleanedText& c) {
  for (const char* p : kStory) EXPECT_TRUE(kept(c, p)) << "lost story line: " << p;
  EXPECT_EQ(c.headline, "Floods force thousands from their homes");
}

TEST(Clean, KeepsAStoryWithoutResidueWhole) {
  CleanedText c = clean(story_with({}, {}, {}));
  expect_story_kept(c);
  EXPECT_EQ(c.paragraphs.size(), 4u);
  EXPECT_TRUE(c.removed.empty());
}

TEST(Clean, RemovesNavigationAboveTheHeadline) {
  CleanedText c = clean(story_with({"Start", "Sections", "Weather Sport Menu", "Loading..."}, {}, {}));
  expect_story_kept(c);
  EXPECT_EQ(c.paragraphs.size(), 4u);
  EXPECT_EQ(why(c, "Weather Sport Menu"), "navigation or prompt");
}

TEST(Clean, RemovesCountersHashesAndOutletLines) {
  CleanedText c = clean(story_with({}, {"12,345 views", "9f86d081884c7d65", "NEWS.EXAMPLE.ORG", "1532"}, {}));
  expect_story_kept(c);
  EXPECT_EQ(why(c, "12,345 views"), "counter");
  EXPECT_EQ(why(c, "1532"), "counter");
  EXPECT_EQ(why(c, "9f86d081884c7d65"), "hash or id");
  EXPECT_EQ(why(c, "NEWS.EXAMPLE.ORG"), "outlet name");
}

TEST(Clean, RemovesAdMarkersCreditsAndGalleryCounters) {
  CleanedText c = clean(story_with(
      {}, {"ADVERTISEMENT", "Photo: Jan Novak/Reuters", "Lena Berg/AP", "3 of 12", "Photos 2 | 9"}, {}));
  expect_story_kept(c);
  EXPECT_EQ(why(c, "ADVERTISEMENT"), "ad marker");
  EXPECT_EQ(why(c, "Photo: Jan Novak/Reuters"), "photo credit");
  EXPECT_EQ(why(c, "Lena Berg/AP"), "photo credit");
  EXPECT_EQ(why(c, "3 of 12"), "gallery counter");
  EXPECT_EQ(why(c, "Photos 2 | 9"), "gallery counter");
}

TEST(Clean, RemovesCaptionsPrintedTwiceButKeepsTheFirstOfOtherRepeats) {
  std::string caption = "Rescuers carry a child through the flooded market, May 3, 2021.";
  CleanedText c = clean(story_with({}, {caption, caption}, {}));
  expect_story_kept(c);
  EXPECT_FALSE(kept(c, caption));
  EXPECT_EQ(why(c, caption), "repeated caption");
  // A line repeated far apart: the first stays.
  std::string text = story_with({}, {}, {"Schools will reopen next week, the mayor said."}) +
                     kStory[3] + std::string("\n");
  CleanedText d = clean(text);
  EXPECT_EQ(std::count(d.paragraphs.begin(), d.paragraphs.end(), std::string(kStory[3])), 1);
}

TEST(Clean, RemovesScriptAndTagResidue) {
  CleanedText c = clean(story_with({"<!-- Global site tag -->"},
                                   {"window.dataLayer = window.dataLayer || [];", "</div>"}, {}));
  expect_story_kept(c);
  EXPECT_EQ(why(c, "<!-- Global site tag -->"), "script or tag residue");
  EXPECT_EQ(why(c, "window.dataLayer = window.dataLayer || [];"), "script or tag residue");
}

TEST(Clean, RemovesInterfaceTextInAnotherScriptOrLanguage) {
  CleanedText c = clean(story_with({"Размер шрифта"}, {"Suscríbete a nuestro boletín de noticias y recibe las últimas"}, {}));
  expect_story_kept(c);
  EXPECT_EQ(why(c, "Размер шрифта"), "another script");
  EXPECT_EQ(why(c, "Suscríbete a nuestro boletín de noticias y recibe las últimas"),
            "another language");
}

TEST(Clean, RemovesFontSizeMenus) {
  CleanedText c = clean(story_with({}, {}, {"S", "M", "L", "XL"}));
  expect_story_kept(c);
  EXPECT_EQ(c.paragraphs.size(), 4u);
  CleanedText d = clean(story_with({"A- A A+"}, {}, {}));
  expect_story_kept(d);
  EXPECT_EQ(why(d, "A- A A+"), "font-size or pager menu");
}

TEST(Clean, RemovesPromptsAndTheirFollowUpLinesAtTheEnd) {
  CleanedText c = clean(story_with(
      {}, {},
      {"Sign up for our newsletter", "The day's best stories, every morning",
       "If you value our reporting, please consider a gift today. Every contribution helps.",
       "Tags:", "Related articles", "Rivers rise again in the south", "Top"}));
  expect_story_kept(c);
  EXPECT_EQ(c.paragraphs.size(), 4u);
  EXPECT_EQ(why(c, "The day's best stories, every morning"), "page tail");
}

TEST(Clean, RemovesRightsNoticesAndReadMoreLinks) {
  CleanedText c = clean(story_with(
      {}, {"Read more: Storm season starts early"},
      {"Copyright 2021 Example Media. All rights reserved."}));
  expect_story_kept(c);
  EXPECT_EQ(why(c, "Read more: Storm season starts early"), "related link");
  EXPECT_FALSE(kept(c, "Copyright 2021 Example Media. All rights reserved."));
}

TEST(Clean, KeepsSubheadingsShortParagraphsAndQuotes) {
  CleanedText c = clean(story_with({}, {"What happens next?", "Damage in the valley", "\"Go now.\""}, {}));
  expect_story_kept(c);
  EXPECT_TRUE(kept(c, "What happens next?"));
  EXPECT_TRUE(kept(c, "Damage in the valley"));
  EXPECT_TRUE(kept(c, "\"Go now.\""));
}

TEST(Clean, QuoteAddressingTheReaderIsStillStory) {
  // "you" inside quotation marks is the speaker's, not the page's.
  std::string quote = "\"You cannot imagine the noise,\" said one resident who stayed behind.";
  CleanedText c = clean(story_with({}, {}, {quote}));
  EXPECT_TRUE(kept(c, quote));
}

TEST(Clean, DatelinesAndBylinesLeaveTheText) {
  CleanedText c = clean(story_with({}, {}, {}) );
  CleanedText d = clean("Floods force thousands from their homes\nBy Anna Weiss\nPublished: 4 May 2021\n" +
                        std::string(kStory[0]) + "\n");
  EXPECT_EQ(why(d, "By Anna Weiss"), "byline");
  EXPECT_EQ(why(d, "Published: 4 May 2021"), "dateline");
  EXPECT_TRUE(kept(d, kStory[0]));
}

TEST(Clean, JoinsHardWrappedLines) {
  CleanedText c = clean(
      "Floods force thousands from their homes\n\nFlood waters rose across the northern valley "
      "on Monday,\nforcing thousands of residents to leave their homes before dawn.\n");
  ASSERT_EQ(c.paragraphs.size(), 1u);
  EXPECT_EQ(c.paragraphs[0], kStory[0]);
}

TEST(Clean, KnownTitleIsNotRepeatedInTheBody) {
  CleanOptions o;
  o.language = "en";
  o.known_title = "Floods force thousands from their homes";
  CleanedText c = clean_text(story_with({}, {}, {}), o);
  EXPECT_EQ(c.headline, o.known_title);
  EXPECT_EQ(c.paragraphs.size(), 4u);
}

TEST(Clean, HandlesEmptyAndResidueOnlyText) {
  EXPECT_TRUE(clean("").paragraphs.empty());
  CleanedText c = clean("Home\nMenu\n1234\n");
  EXPECT_TRUE(c.paragraphs.empty());
}

TEST(Clean, HeadingShape) {
  EXPECT_TRUE(looks_like_heading("Damage in the valley"));
  EXPECT_FALSE(looks_like_heading("Officials said the river would crest on Wednesday."));
  EXPECT_FALSE(looks_like_heading("What happens next?"));
}

}  // namespace
}  // namespace chorus
