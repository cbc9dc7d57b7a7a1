#include "facts/quotes.h"

#include <gtest/gtest.h>

#include "../analysed.h"

namespace chorus {
namespace {

struct Said {
  std::string speaker, text;
};

std::vector<Said> quotes_of(const std::vector<std::string>& texts, size_t article = 0,
                            std::vector<std::string>* scare = nullptr) {
  std::vector<Article> a = analysed(texts);
  EntityIndex entities = find_entities(a);
  ArticleQuotes q = find_quotes(a, article, entities);
  if (scare) *scare = q.scare_quotes;
  std::vector<Said> out;
  for (const QuoteFound& f : q.quotes) {
    std::string span = a[article].text.substr(f.begin, f.end - f.begin);
    EXPECT_LE(span.find(f.text), 3u) << span;  // just after the opening mark
    out.push_back({f.speaker, f.text});
  }
  return out;
}

TEST(Quotes, SpeakerAfterTheQuotation) {
  auto q = quotes_of({
      "\u201CThe operation is over, the tasks are fulfilled,\u201D said Russian General Andrei "
      "Serdyukov, the commander. \u201CWe will leave in good order,\u201D Serdyukov said.",
  });
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Andrei Serdyukov");
  EXPECT_EQ(q[0].text, "The operation is over, the tasks are fulfilled");
  EXPECT_EQ(q[1].speaker, "Andrei Serdyukov");
}

TEST(Quotes, SpeakerBeforeTheQuotation) {
  auto q = quotes_of({
      "Mayor Ines Duarte emphasised that \u201Cthe city has never been safer than today.\u201D "
      "Duarte thanked the police chief for the work, saying, \u201CEverything went like "
      "clockwork.\u201D",
  });
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Ines Duarte");
  EXPECT_EQ(q[1].speaker, "Ines Duarte");  // the sentence's subject, not the object
}

TEST(Quotes, PronounsAndStandIns) {
  auto q = quotes_of({
      "Minister Tomas Berg visited the port on Monday. \u201CWithout a doubt, this was a "
      "success for everyone,\u201D he added. In a statement, the Port Authority of Gdynia "
      "said it was ready. \"All ships will sail again by the end of the week,\" the statement "
      "added.",
  });
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Tomas Berg");
  EXPECT_EQ(q[1].speaker, "Port Authority of Gdynia");
}

TEST(Quotes, ShortQuotationsAreScareQuotes) {
  std::vector<std::string> scare;
  auto q = quotes_of({"The president blamed \u201Cterrorists\u201D and \"foreign fighters\" for the unrest."}, 0, &scare);
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(scare, (std::vector<std::string>{"terrorists", "foreign fighters"}));
}

TEST(Quotes, NoSpeakerNoQuote) {
  auto q = quotes_of({"The sign read \u201Cno entry after dark for anyone at all\u201D and nothing more."});
  EXPECT_TRUE(q.empty());
}

TEST(Quotes, QuotationMarksLeftOpenAtTheParagraphEndAreDropped) {
  auto q = quotes_of({"\u201CThis quotation never closes, said nobody in particular\nNext paragraph."});
  EXPECT_TRUE(q.empty());
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

TEST(Quotes, PronounsAreTheSubjectOfTheSentenceBefore) {
  auto q = quotes_of({
      "In his remarks, Judge Neil Gorsuch praised Justice Antonin Scalia at length. \u201CJustice "
      "Scalia was a lion of the law, and I miss him,\u201D he said.",
  });
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Neil Gorsuch");
}

TEST(Quotes, AsidesAndPlacesAreNotSpeakers) {
  auto q = quotes_of({
      "Pope Francis, a son of Italian immigrants to Argentina, said, \u201CWe the people of this "
      "continent are not fearful of foreigners.\u201D Officials met in Geneva on Monday. "
      "\u201CThe talks went well for everyone,\u201D said Geneva mayor Anna Keller.",
  });
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Francis");  // the title "Pope" is a title
  EXPECT_EQ(q[1].speaker, "Anna Keller");
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

TEST(Quotes, ListenersRolesAndOfficers) {
  auto q = quotes_of({
      "Cliven Bundy, a rancher, spoke on Monday. \u201CI will not move off this land today,\u201D he "
      "told anchor Chris Cuomo. \u201CThe case is far from over now,\u201D said CNN senior "
      "political analyst David Gergen. \u201CWe have no comment on that matter,\u201D said the "
      "White House press secretary.",
  });
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].speaker, "Cliven Bundy");
  EXPECT_EQ(q[1].speaker, "David Gergen");
  EXPECT_EQ(q[2].speaker, "White House press secretary");
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

TEST(Quotes, WhereItWasSaidIsNotWhoSaidIt) {
  auto q = quotes_of({
      "\u201CI never drugged anyone at any time,\u201D said comedian Bill Cosby on Good Morning "
      "America. \u201CThe deal will not pass the Senate,\u201D Senator Bob Corker said on CNN."});
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Bill Cosby");
  EXPECT_EQ(q[1].speaker, "Bob Corker");
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

// "He" is not the one told something, nor the outlet where it was said.
TEST(Quotes, PronounsSkipListenersAndOutlets) {
  auto q = quotes_of({
      "Jeff Koenig finished second. The musher later told Trail Insider the sled had been hit. "
      "\u201COne of my dogs was killed on the spot,\u201D he said. The interview ran on Morning "
      "Trail. \u201CI felt like an ambulance,\u201D he said."});
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Jeff Koenig");
  EXPECT_EQ(q[1].speaker, "Jeff Koenig");
}

}  // namespace
}  // namespace chorus
