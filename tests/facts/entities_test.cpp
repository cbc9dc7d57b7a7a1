#include "facts/entities.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "../analysed.h"

namespace chorus {
namespace {

const Entity* named(const EntityIndex& index, std::string_view name) {
  for (const Entity& e : index.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

bool has_alias(const Entity& e, std::string_view alias) {
  return std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end();
}

// Invented reports of one event: three outlets, three spellings.
std::vector<Article> reports() {
  return analysed({
      "Latvian Prime Minister Krisjanis Karins met Estonian officials in Tallinn on Monday. "
      "Karins said the Baltic Energy Security Agency (BESA) would publish its findings. "
      "The talks lasted three hours, according to the Latvian prime minister.",
      "Premier Krišjānis Kariņš told reporters in Tallinn that talks went well. The Baltic "
      "Energy Security Agency said it would report next month. Kariņš left on Tuesday.",
      "Krisjanis Karinsh, the Latvian prime minister, spoke after the meeting. BESA officials "
      "gave no date. Analyst Marta Ozola said Karinsh had little choice. Ozola works in Riga.",
  });
}

TEST(Entities, MergesSpellingsSurnamesAndAcronyms) {
  std::vector<Article> articles = reports();
  EntityIndex index = find_entities(articles);
  const Entity* karins = named(index, "Krisjanis Karins");
  ASSERT_NE(karins, nullptr);
  EXPECT_EQ(karins->type, "person");
  EXPECT_TRUE(has_alias(*karins, "Karins"));
  EXPECT_TRUE(has_alias(*karins, "Krišjānis Kariņš"));  // diacritics
  EXPECT_TRUE(has_alias(*karins, "Karinsh"));            // a transliteration
  EXPECT_EQ(karins->sources.size(), 3u);
  // The role the text gives him names him where it stands alone.
  EXPECT_TRUE(has_alias(*karins, "the Latvian prime minister")) << ::testing::PrintToString(karins->aliases);

  const Entity* agency = named(index, "Baltic Energy Security Agency");
  ASSERT_NE(agency, nullptr);
  EXPECT_EQ(agency->type, "organization");
  EXPECT_TRUE(has_alias(*agency, "BESA"));
  EXPECT_EQ(agency->sources.size(), 3u);

  const Entity* tallinn = named(index, "Tallinn");
  ASSERT_NE(tallinn, nullptr);
  EXPECT_EQ(tallinn->type, "place");
  const Entity* ozola = named(index, "Marta Ozola");
  ASSERT_NE(ozola, nullptr);
  EXPECT_EQ(ozola->type, "person");
  EXPECT_TRUE(has_alias(*ozola, "Ozola"));
}

TEST(Entities, LeavesOutWordsThatAreNotNames) {
  std::vector<Article> articles = reports();
  EntityIndex index = find_entities(articles);
  for (std::string_view not_a_name : {"Monday", "Tuesday", "Latvian", "Estonian", "The", "Premier"}) {
    EXPECT_EQ(named(index, not_a_name), nullptr) << not_a_name;
  }
  // Mentions point at their entity and at the text.
  const Article& a = articles[0];
  bool found = false;
  for (const Mention& m : index.mentions[0]) {
    EXPECT_EQ(a.text.substr(m.begin, m.end - m.begin), m.surface);
    if (m.surface == "Krisjanis Karins") {
      found = true;
      EXPECT_EQ(m.role, "Latvian prime minister");
      ASSERT_GE(m.entity, 0);
      EXPECT_EQ(index.entities[m.entity].name, "Krisjanis Karins");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(index.find("Karinsh"), index.find("Krisjanis Karins"));
}

TEST(Entities, TwoPeopleWithOneSurnameStayApart) {
  std::vector<Article> articles = analysed({
      "Senator Maria Lopez and her brother, Judge Carlos Lopez, spoke on Friday. Maria Lopez "
      "said the bill would pass.",
      "Carlos Lopez declined to comment. Maria Lopez voted for the bill.",
  });
  EntityIndex index = find_entities(articles);
  ASSERT_NE(named(index, "Maria Lopez"), nullptr);
  ASSERT_NE(named(index, "Carlos Lopez"), nullptr);
}

TEST(Entities, NamesAfterSentenceOpenersTitlesAndBeforeOfPlaces) {
  std::vector<Article> articles = analysed({
      "Although Army officers were present, Senate Majority Leader Dana Whitfield of Ohio spoke "
      "first. Cancer Council Victoria also spoke. Mayor Bill de Vries of Utrecht said the city was "
      "ready, and the army, although outnumbered, agreed. Councillors met in Utrecht.",
      "Whitfield said the vote would come soon. Planned Parenthood and the Fighter Wing sent "
      "letters. The plan was planned; the wing of the fighter jets was damaged. Jeff Koenig of "
      "Denali Park finished second, and Koenig said he was tired. First Selectman Patricia "
      "Lindqvist closed the schools. Kanye West sang in North Dakota. Kanye West flew to the "
      "Middle East after North Dakota; the Middle East tour ended.",
  });
  EntityIndex index = find_entities(articles);
  const Entity* whitfield = named(index, "Dana Whitfield");
  ASSERT_NE(whitfield, nullptr);
  EXPECT_EQ(whitfield->type, "person");
  EXPECT_TRUE(has_alias(*whitfield, "Whitfield"));
  ASSERT_NE(named(index, "Bill de Vries"), nullptr);
  EXPECT_EQ(named(index, "Bill de Vries")->type, "person");
  EXPECT_NE(named(index, "Cancer Council Victoria"), nullptr);
  EXPECT_EQ(named(index, "Although Army"), nullptr);
  // A place word after "of" ends a person's name too; a town's selectman is a title.
  ASSERT_NE(named(index, "Jeff Koenig"), nullptr);
  EXPECT_EQ(named(index, "Jeff Koenig")->type, "person");
  ASSERT_NE(named(index, "Patricia Lindqvist"), nullptr);
  EXPECT_EQ(named(index, "Selectman Patricia Lindqvist"), nullptr);
  // A compass word first makes a region; last, it is a surname unless a word of distance
  // comes before it.
  ASSERT_NE(named(index, "North Dakota"), nullptr);
  EXPECT_EQ(named(index, "North Dakota")->type, "place");
  ASSERT_NE(named(index, "Middle East"), nullptr);
  EXPECT_EQ(named(index, "Middle East")->type, "place");
  ASSERT_NE(named(index, "Kanye West"), nullptr);
  EXPECT_EQ(named(index, "Kanye West")->type, "person");
  // Names made of words the text also uses in lower case are not taken for people.
  for (const Entity& e : index.entities) {
    if (e.name == "Planned Parenthood" || e.name == "Fighter Wing") EXPECT_NE(e.type, "person") << e.name;
    EXPECT_NE(e.type, "other") << e.name;  // untyped names are left out
  }
}

TEST(Entities, CodesSuffixesDescriptionsAndDatelines) {
  std::vector<Article> articles = analysed({
      "CHICAGO (AP) \u2014 Martin Luther King Jr. spoke. The fossil BP194 was rated PG-13 by the "
      "House Freedom Caucus on Tuesday, a House Republican said. The Associated Press (AP) "
      "reported it from Chicago.",
  });
  EntityIndex index = find_entities(articles);
  for (const Entity& e : index.entities) {
    EXPECT_NE(e.name, "Jr");
    EXPECT_NE(e.name, "BP194");
    EXPECT_NE(e.name, "PG");
    EXPECT_NE(e.name, "House Republican");
    EXPECT_NE(e.name, "House Freedom Caucus on");
    if (e.name == "Associated Press") EXPECT_FALSE(has_alias(e, "CHICAGO"));
  }
  EXPECT_NE(named(index, "House Freedom Caucus"), nullptr);
}

TEST(Entities, AdverbsAcronymsClerksAndLongOrganisationNames) {
  std::vector<Article> articles = analysed({
      "Suddenly the DACA Trump deal fell apart. City Clerk Kim Lehmkuhl counted the votes for the "
      "American Association for the Advancement of Science, whose files sit in Record Group 104. "
      "Lehmkuhl said the count was final.",
  });
  EntityIndex index = find_entities(articles);
  EXPECT_EQ(named(index, "Suddenly"), nullptr);
  EXPECT_EQ(named(index, "DACA Trump"), nullptr);
  EXPECT_EQ(named(index, "Record Group"), nullptr);
  ASSERT_NE(named(index, "Kim Lehmkuhl"), nullptr);
  EXPECT_EQ(named(index, "Kim Lehmkuhl")->type, "person");
  ASSERT_NE(named(index, "American Association for the Advancement of Science"), nullptr);
}

// Names with no title or organisation word: the words around them tell the kind.
TEST(Entities, KindFromWhatACompanyHasAWorksNounAndTheArticle) {
  std::vector<Article> articles = analysed({
      "Halvorsen Brandt stock fell on Monday, and Halvorsen Brandt said profits would fall. The "
      "folk band Crimson Meadow played in Oslo; Crimson Meadow said the tour would go on. The new "
      "film Paper Lanterns opened on Friday, and Paper Lanterns drew crowds. The Quiet Harbor "
      "Project said the Quiet Harbor Project would close.",
      "Halvorsen Brandt said it would cut jobs. Crimson Meadow will play in Bergen next.",
  });
  EntityIndex index = find_entities(articles);
  ASSERT_NE(named(index, "Halvorsen Brandt"), nullptr);
  EXPECT_EQ(named(index, "Halvorsen Brandt")->type, "organization");
  ASSERT_NE(named(index, "Crimson Meadow"), nullptr);
  EXPECT_EQ(named(index, "Crimson Meadow")->type, "organization");
  ASSERT_NE(named(index, "Paper Lanterns"), nullptr);
  EXPECT_EQ(named(index, "Paper Lanterns")->type, "other");
  const Entity* project = named(index, "Quiet Harbor Project");
  if (project) EXPECT_NE(project->type, "person");
}

TEST(Entities, KindFromAnAgeOrKin) {
  std::vector<Article> articles = analysed({
      "Police said Hope Carter, 34, was charged on Monday. Officials hope the case ends soon. "
      "Prosecutors said Hope Carter's husband was not involved.",
      "The court freed Hope Carter on bail; she will appeal. Aides said Democrats, who oppose the "
      "bail law, would act. Aides said Democrats, who lost, would wait.",
  });
  EntityIndex index = find_entities(articles);
  ASSERT_NE(named(index, "Hope Carter"), nullptr);
  EXPECT_EQ(named(index, "Hope Carter")->type, "person");
  // A party's members are no person.
  if (const Entity* party = named(index, "Democrats")) EXPECT_NE(party->type, "person");
}

TEST(Entities, NamesGoOnThroughAHyphenedSyllableAndATitlesOffice) {
  std::vector<Article> articles = analysed({
      "President Moon Jae-in met envoys in Seoul on Monday. The Lane County Sheriff's Office said "
      "roads were closed. Officials from the New York-area office and the York-to-Boston line met.",
      "Moon Jae-in said talks would go on. A spokesman for the Lane County Sheriff's Office "
      "declined to comment on the New York-area plans.",
      "Doctors at Children's Hospital of Oakland treat children from the county. Marin County's "
      "Health Department said Putin's Kremlin Palace talks were off.",
  });
  EntityIndex index = find_entities(articles);
  ASSERT_NE(named(index, "Moon Jae-in"), nullptr);
  EXPECT_EQ(named(index, "Moon Jae-in")->type, "person");
  EXPECT_EQ(named(index, "Moon Jae"), nullptr);
  ASSERT_NE(named(index, "Lane County Sheriff's Office"), nullptr);
  EXPECT_EQ(named(index, "Lane County Sheriff's Office")->type, "organization");
  EXPECT_EQ(named(index, "Lane County Sheriff"), nullptr);
  // A common word's possessive too ("children" is written in lower case); not a name's, nor
  // an organisation's or a place's.
  EXPECT_NE(named(index, "Children's Hospital of Oakland"), nullptr);
  EXPECT_EQ(named(index, "Marin County's Health Department"), nullptr);
  EXPECT_EQ(named(index, "Putin's Kremlin Palace"), nullptr);
  // A word the event writes in lower case, or a second hyphen, is no syllable of a name.
  EXPECT_EQ(named(index, "New York-area"), nullptr);
  EXPECT_EQ(named(index, "York-to"), nullptr);
}

TEST(Entities, AnOpenerThatBeginsAListedPlaceStays) {
  // "new" is written in lower case, so "New" opening a sentence would be dropped as an opener.
  std::vector<Article> articles = analysed({
      "Wedding costs rose again this year, a survey found on Monday.\n\nHighlights: New York City "
      "(Manhattan) has the highest cost. The new figures came out on Monday.",
      "Couples spent more on weddings this year, the survey said on Monday.",
  });
  EntityIndex index = find_entities(articles);
  EXPECT_EQ(named(index, "York City"), nullptr);
  EXPECT_NE(named(index, "New York City"), nullptr);
}

TEST(Entities, ATitleAfterAnOrganisationIsNotPartOfIt) {
  std::vector<Article> articles = analysed({
      "Fares will rise, Acme Airlines CEO told staff on Monday. Acme Airlines flies to Oslo.",
      "Acme Airlines said fares would rise on Monday.",
  });
  EntityIndex index = find_entities(articles);
  EXPECT_EQ(named(index, "Acme Airlines CEO"), nullptr);
  EXPECT_NE(named(index, "Acme Airlines"), nullptr);
}

TEST(Entities, TheCountryCodeOpensANameAsTheCountryWould) {
  std::vector<Article> articles = analysed({
      "Two sailors were taken to the US Naval Hospital in Yokosuka on Monday.",
      "The US Naval Hospital said both were stable on Monday.",
  });
  EntityIndex index = find_entities(articles);
  EXPECT_NE(named(index, "US Naval Hospital"), nullptr);
  EXPECT_EQ(named(index, "Naval Hospital"), nullptr);
}

}  // namespace
}  // namespace chorus
