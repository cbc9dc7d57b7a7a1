#include "facts/spelling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "facts/gazetteer.h"
#include "facts/lexicon.h"

namespace chorus {
namespace {

TEST(Spelling, TransliterationsShareAKey) {
  EXPECT_EQ(spelling_key("Toqaev"), spelling_key("Tokayev"));
  EXPECT_EQ(spelling_key("Qasym-Zhomart"), spelling_key("Kassym-Jomart"));
  EXPECT_EQ(spelling_key("Nazarbaev"), spelling_key("Nazarbayev"));
  EXPECT_EQ(spelling_key("Mkrtchian"), spelling_key("Mkrtchyan"));
  EXPECT_EQ(spelling_key("Kazakstan"), spelling_key("Kazakhstan"));
  EXPECT_EQ(spelling_key("Organisation"), spelling_key("Organization"));
  EXPECT_EQ(spelling_key("Zelenskyy"), spelling_key("Zelensky"));
  EXPECT_EQ(spelling_key("Gdańsk"), spelling_key("Gdansk"));
}

TEST(Spelling, DifferentNamesStayApart) {
  EXPECT_NE(spelling_key("Putin"), spelling_key("Shoigu"));
  EXPECT_FALSE(same_spelling(spelling_key("Austria"), spelling_key("Australia")));
  EXPECT_FALSE(same_spelling(spelling_key("Iran"), spelling_key("Iraq")));  // short: exact only
  EXPECT_TRUE(same_spelling(spelling_key("Shaimukhambetov"), spelling_key("Shaimukhambetow")));
}

TEST(Spelling, EditDistanceStopsAtTheLimit) {
  EXPECT_EQ(edit_distance("kitten", "sitting", 5), 3);
  EXPECT_EQ(edit_distance("kitten", "sitting", 1), 2);  // over the limit: limit + 1
  EXPECT_EQ(edit_distance("", "abc", 3), 3);
  EXPECT_EQ(edit_distance("same", "same", 0), 0);
}

// same_spelling checks "one edit at most" in one pass; it must agree with the edit distance
// on every pair, including edits at either end and in the middle.
TEST(Spelling, SameSpellingAgreesWithTheEditDistance) {
  std::mt19937 random(7);
  auto word = [&] {
    std::string w(5 + random() % 4, 'a');
    for (char& c : w) c = static_cast<char>('a' + random() % 3);
    return w;
  };
  int near = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string a = word(), b = a;
    switch (random() % 4) {  // one random edit, or an unrelated word
      case 0: b[random() % b.size()] = static_cast<char>('a' + random() % 3); break;
      case 1: b.insert(random() % (b.size() + 1), 1, 'b'); break;
      case 2: b.erase(random() % b.size(), 1); break;
      default: b = word();
    }
    const bool expected = a == b || (a.size() >= 6 && b.size() >= 6 && edit_distance(a, b, 1) <= 1);
    ASSERT_EQ(same_spelling(a, b), expected) << a << " " << b;
    near += expected && a != b;
  }
  EXPECT_GT(near, 1000);  // the pairs one edit apart were tried
}

// word_classes answers every list at once; it must say what each list says alone.
TEST(Lexicon, WordClassesAgreeWithEachList) {
  for (std::string_view w : {"president", "of", "said", "ministry", "senate", "airport", "treaty",
                             "in", "monday", "although", "spokesman", "zebra", ""}) {
    const uint32_t c = word_classes(w);
    EXPECT_EQ(bool(c & kNameParticle), is_name_particle(w)) << w;
    EXPECT_EQ(bool(c & kTitleWord), is_title_word(w)) << w;
    EXPECT_EQ(bool(c & kRoleWord), is_role_word(w)) << w;
    EXPECT_EQ(bool(c & kOrgWord), is_org_word(w)) << w;
    EXPECT_EQ(bool(c & kInstitutionWord), is_institution_word(w)) << w;
    EXPECT_EQ(bool(c & kPlaceWord), is_place_word(w)) << w;
    EXPECT_EQ(bool(c & kDocumentOrEventWord), is_document_or_event_word(w)) << w;
    EXPECT_EQ(bool(c & kPlacePreposition), is_place_preposition(w)) << w;
    EXPECT_EQ(bool(c & kSpeechVerb), is_speech_verb(w)) << w;
    EXPECT_EQ(bool(c & kMonthOrWeekday), is_month_or_weekday(w)) << w;
    EXPECT_EQ(bool(c & kOpenerWord), is_opener_word(w)) << w;
  }
  EXPECT_EQ(word_classes("president"), kTitleWord | kRoleWord);  // a word in two lists
  EXPECT_EQ(word_classes("zebra"), 0u);
}

TEST(Gazetteer, CountriesSubdivisionsAndDemonyms) {
  EXPECT_EQ(place_kind("Kazakhstan"), PlaceKind::kCountry);
  EXPECT_EQ(place_kind("Russia"), PlaceKind::kCountry);  // a short form ISO does not list
  EXPECT_EQ(place_kind("Almaty"), PlaceKind::kSubdivision);
  EXPECT_EQ(place_kind("Nur Sultan"), PlaceKind::kSubdivision);  // "Nur-Sultan" in ISO
  EXPECT_EQ(place_kind("Riga"), PlaceKind::kSubdivision);        // "Rīga" in ISO
  EXPECT_EQ(place_kind("Tokayev"), PlaceKind::kNone);
  EXPECT_EQ(place_kind("Moscow"), PlaceKind::kSubdivision);      // tzdata: Europe/Moscow
  EXPECT_EQ(place_kind("Buenos Aires"), PlaceKind::kSubdivision);  // America/Buenos_Aires
  EXPECT_TRUE(is_demonym("Kazakh"));
  EXPECT_TRUE(is_demonym("Armenian"));
  EXPECT_TRUE(is_demonym("Russians"));
  EXPECT_TRUE(is_demonym("British"));
  EXPECT_FALSE(is_demonym("Belarus"));  // a country, not "Belaru" + s
  EXPECT_FALSE(is_demonym("Putin"));
}

}  // namespace

namespace detail {  // the generated lists (gazetteer_data.cpp)
extern const std::string_view kPlaceNames[];
extern const unsigned char kPlaceKinds[];
extern const size_t kPlaceCount;
extern const std::string_view kCountryCodes[];
extern const size_t kCountryCodeCount;
}  // namespace detail

namespace {

// The kind a binary search of the sorted list gives, as gazetteer.cpp found it before its
// lookup tables.
PlaceKind searched_kind(std::string_view name) {
  const std::string key = place_key(name);
  const std::string_view* end = detail::kPlaceNames + detail::kPlaceCount;
  const std::string_view* it = std::lower_bound(detail::kPlaceNames, end, std::string_view(key));
  return it != end && *it == key ? static_cast<PlaceKind>(detail::kPlaceKinds[it - detail::kPlaceNames])
                                 : PlaceKind::kNone;
}

// The lookup tables gazetteer_build writes find what a search of the sorted lists finds: every
// listed name (names that share a slot, or probe past full ones, included), and nothing else.
TEST(Gazetteer, TablesFindWhatTheSortedListsHold) {
  size_t found = 0;
  for (size_t i = 0; i < detail::kPlaceCount; ++i) {
    const std::string_view name = detail::kPlaceNames[i];
    ASSERT_EQ(place_kind(name), searched_kind(name)) << name;
    found += place_kind(name) != PlaceKind::kNone;
  }
  EXPECT_GT(found, detail::kPlaceCount * 9 / 10);
  for (size_t i = 0; i < detail::kCountryCodeCount; ++i) {
    ASSERT_TRUE(is_country_code(detail::kCountryCodes[i])) << detail::kCountryCodes[i];
  }
  EXPECT_FALSE(is_country_code("us"));  // capitals only
  EXPECT_FALSE(is_country_code("ZZZ"));
  EXPECT_EQ(place_kind(""), PlaceKind::kNone);
  EXPECT_EQ(place_kind("Kazakhstann"), PlaceKind::kNone);
}

}  // namespace
}  // namespace chorus
