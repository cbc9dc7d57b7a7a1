#include "facts/spelling.h"

#include <gtest/gtest.h>

#include "facts/gazetteer.h"

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
}  // namespace chorus
