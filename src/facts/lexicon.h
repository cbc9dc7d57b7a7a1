// Word lists the facts stage reads by: general English news vocabulary (titles, organisation
// words, speech verbs, qualifiers, what numbers count), never names of particular people,
// places or events. Every function takes a lower-case word and is a hash lookup.
#pragma once

#include <cstdint>
#include <string_view>

namespace chorus {

bool is_name_particle(std::string_view w);      // of, de, van, von, bin, al, ... inside names
bool is_title_word(std::string_view w);         // president, minister, general, mr, ...
bool is_role_word(std::string_view w);          // spokesman, engineer, analyst, ... before a name
bool is_org_word(std::string_view w);           // ministry, council, organization, bank, ...
bool is_institution_word(std::string_view w);   // senate, congress, kremlin, ...: named by one word
bool is_place_word(std::string_view w);         // airport, province, river, street, ...
bool is_document_or_event_word(std::string_view w);  // act, amendment, treaty, olympics, ...
bool is_place_preposition(std::string_view w);  // in, at, near, from, ...
bool is_speech_verb(std::string_view w);        // said, says, told, added, warned, ...
bool is_month_or_weekday(std::string_view w);   // january, jan, monday, ...
bool is_opener_word(std::string_view w);        // although, meanwhile, similarly, ... (open sentences)
// Words around a name that tell its kind where no title or organisation word does:
//   kin words after a possessive ("Smith's wife": a person), the pronouns of a person
//   ("Smith said he"), what a company has ("Acme shares", "Acme's stores"), the noun of a
//   group or business before its name ("the band X", "investment bank X") and the noun of a
//   work or product before its title ("the film X", "the album X").

// All of the above at once, for a reader that asks several: one lookup, a bit per list.
enum WordClass : uint32_t {
  kNameParticle = 1u << 0, kTitleWord = 1u << 1, kRoleWord = 1u << 2, kOrgWord = 1u << 3,
  kInstitutionWord = 1u << 4, kPlaceWord = 1u << 5, kDocumentOrEventWord = 1u << 6,
  kPlacePreposition = 1u << 7, kSpeechVerb = 1u << 8, kMonthOrWeekday = 1u << 9,
  kOpenerWord = 1u << 10, kKinWord = 1u << 11, kPersonPronoun = 1u << 12,
  kCompanyHas = 1u << 13, kGroupNoun = 1u << 14, kWorkNoun = 1u << 15,
};
uint32_t word_classes(std::string_view w);

// 0-6 for monday..sunday, -1 otherwise.
int weekday_index(std::string_view w);

// The term of an English word as analyze() gives it to tokens of English articles
// (Token::term: the hashed Snowball stem), so that a token can be checked against a word
// without lower-casing its text. Cost: one stemming.
uint64_t english_term(std::string_view word);

}  // namespace chorus
