#include "facts/lexicon.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "text/tokens.h"

namespace chorus {
namespace {

using Set = std::unordered_set<std::string_view>;

const Set kParticles = {"of", "de", "del", "della", "da", "dos", "das", "van", "von", "der",
                        "den", "bin", "bint", "ibn", "al", "el", "la", "le", "du", "for", "y"};

const Set kTitles = {
    "president", "vice", "prime", "minister", "premier", "chancellor", "foreign", "defence",
    "defense", "interior", "finance", "health", "justice", "deputy", "secretary", "state",
    "general", "gen", "major", "maj", "colonel", "col", "lieutenant", "lt", "captain", "capt",
    "sergeant", "sgt", "admiral", "adm", "commander", "chief", "king", "queen", "prince",
    "princess", "pope", "senator", "sen", "representative", "rep", "congressman",
    "congresswoman", "governor", "gov", "mayor", "judge", "dr", "mr", "mrs", "ms", "miss",
    "sir", "dame", "lord", "lady", "sheikh", "ayatollah", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "director", "chairman", "chairwoman", "ceo", "coach",
    "professor", "prof", "rev", "reverend", "bishop", "archbishop", "cardinal", "attorney",
    "emir", "sultan", "crown", "speaker", "detective", "sheriff", "inspector", "marshal",
    "superintendent", "corporal", "cpl", "private", "pvt", "officer", "agent", "leader",
    "trade", "economy", "economic", "counsel", "solicitor", "comptroller", "commissioner",
    "clerk", "treasurer", "auditor", "assessor", "coroner", "alderman", "councilman",
    "councilwoman", "councillor", "councilor", "selectman", "selectwoman", "supervisor", "magistrate", "education", "energy", "environment", "transport",
    "agriculture", "culture", "labour", "labor", "home", "treasury", "commerce", "first"};

const Set kRoles = {
    "secretary", "spokesman", "spokeswoman", "spokesperson", "engineer", "analyst",
    "correspondent", "leader", "commander", "minister", "president", "official", "chief",
    "director", "head", "reporter", "professor", "lawyer", "attorney", "founder", "author",
    "actor", "actress", "singer", "coach", "player", "manager", "chairman", "ceo", "officer",
    "senator", "governor", "mayor", "ambassador", "envoy", "adviser", "advisor", "editor",
    "writer", "researcher", "scientist", "doctor", "resident", "student", "teacher", "father",
    "mother", "son", "daughter", "wife", "husband", "brother", "sister", "counterpart",
    "successor", "predecessor", "rival", "judge", "prosecutor", "suspect", "victim",
    "economist", "historian", "expert", "activist", "candidate", "nominee", "owner",
    "economist", "journalist", "columnist", "photographer", "producer", "director",
    "executive", "investor", "billionaire", "pastor", "priest", "rapper", "star", "striker",
    "goalkeeper", "quarterback", "pitcher", "designer", "artist", "musician", "comedian"};

const Set kOrgWords = {
    "ministry", "department", "office", "council", "organization", "organisation", "agency",
    "party", "bank", "university", "committee", "treaty", "alliance", "company", "corporation",
    "corp", "inc", "ltd", "llc", "plc", "group", "association", "union", "institute",
    "foundation", "court", "army", "navy", "police", "service", "services", "house", "forces",
    "commission", "parliament", "assembly", "senate", "congress", "government", "federation",
    "fund", "network", "news", "times", "post", "press", "airlines", "airways", "school",
    "college", "hospital", "church", "club", "league", "museum", "center", "centre", "program",
    "programme", "authority", "bureau", "board", "guard", "command", "movement", "front",
    "brigade", "cabinet", "kremlin", "pentagon", "tribunal", "society", "institution",
    "industries", "motors", "technologies", "systems", "labs", "laboratory", "administration",
    "coalition", "directorate", "secretariat", "observatory", "journal", "magazine", "tv",
    "radio", "television", "broadcasting", "reuters", "bakery", "factory", "team", "fc",
    "federal", "national", "nations", "international", "security", "reserve", "exchange",
    "caucus", "force", "centers", "centres", "statesman", "herald", "tribune", "gazette",
    "chronicle", "inquirer", "examiner", "telegraph", "courier", "institutes", "agencies", "ministries", "council", "senate", "seanad", "dail",
    "bundestag", "duma", "knesset", "observatory", "foundation", "trust", "fund",
    "mission", "contingent", "academy", "studio", "studios", "records", "store", "stores",
    "restaurant", "hotel", "brands", "holdings", "partners", "capital", "media", "online"};

const Set kPlaceWords = {
    "airport", "station", "square", "street", "avenue", "road", "bridge", "river", "lake",
    "mountain", "mountains", "island", "islands", "sea", "ocean", "bay", "province", "region",
    "county", "city", "district", "valley", "desert", "park", "stadium", "cosmodrome", "port",
    "peninsula", "strait", "gulf", "coast", "republic", "kingdom", "oblast", "canyon",
    "beach", "village", "town", "border", "plaza", "boulevard", "highway", "forest", "falls",
    "zoo", "garden", "gardens", "base", "peninsula", "ocean", "sea", "mount", "hill", "hills",
    "prison", "jail", "camp", "county", "field", "arena", "ballpark", "raceway"};

const Set kDocumentsAndEvents = {
    "act", "amendment", "bill", "law", "code", "constitution", "convention", "accord",
    "agreement", "resolution", "directive", "regulation", "charter", "declaration", "report",
    "olympics", "games", "cup", "championship", "championships", "festival", "summit",
    "conference", "war", "revolution", "election", "elections", "award", "awards", "prize",
    "marathon", "open", "series", "tour", "trophy", "expo", "week", "day", "forum",
    "christmas", "easter", "ramadan", "thanksgiving", "hanukkah", "eid", "diwali", "halloween"};

// Conjunctions and adverbs that open sentences and are missing from short stopword lists.
const Set kOpeners = {
    "although", "though", "despite", "meanwhile", "however", "moreover", "furthermore",
    "nevertheless", "nonetheless", "instead", "indeed", "still", "yet", "whereas", "amid",
    "following", "unlike", "like", "additionally", "similarly", "likewise", "thus", "hence",
    "therefore", "consequently", "overall", "currently", "recently", "earlier", "later",
    "separately", "elsewhere", "finally", "perhaps", "maybe", "even", "just", "already",
    "while", "whether", "unless", "since", "because", "once", "until", "during", "after",
    "before", "when", "where", "if", "as", "but", "and", "or", "so", "then", "now", "also"};

// After a possessive: only a person has these ("Smith's wife", "the Lees' children").
const Set kKinWords = {
    "wife", "husband", "son", "sons", "daughter", "daughters", "mother", "father", "mom", "dad",
    "brother", "brothers", "sister", "sisters", "parents", "children", "kids", "girlfriend",
    "boyfriend", "fiancee", "fiance", "widow", "widower", "grandmother", "grandfather",
    "grandson", "granddaughter", "uncle", "aunt", "nephew", "niece", "cousin", "stepfather",
    "stepmother", "ex-wife", "ex-husband", "spouse", "birthday", "funeral", "death", "body",
    "mugshot"};

// A person's pronouns (not "her" or "him": objects as often as not, and "her" possessive).
const Set kPersonPronouns = {"he", "she", "his", "himself", "herself"};

// What a company has, right after its name or possessive: "Acme stock", "Acme's CEO" (no verbs:
// "shares", "profits", "stakes" are verbs after a person's name as often).
const Set kCompanyHasWords = {
    "stock", "stocks", "shareholders", "stores", "employees", "headquarters", "subsidiary",
    "ceo", "executives", "customers", "earnings", "revenue", "acquisition", "merger",
    "franchise", "roster", "lineup", "stadium", "quarterback", "locations", "restaurants",
    "products", "parent"};

// The noun of a group or business right before its name: "the band X", "investment bank X".
const Set kGroupNouns = {
    "company", "firm", "bank", "band", "team", "club", "label", "startup", "retailer", "chain",
    "brand", "network", "channel", "carrier", "automaker", "airline", "maker", "giant",
    "publisher", "newspaper", "magazine", "outlet", "charity", "nonprofit", "insurer",
    "conglomerate", "manufacturer", "supplier", "lender", "broker", "franchise", "group",
    "trio", "duo", "quartet", "organization", "organisation", "militia", "outfit", "studio",
    "giants", "firms", "banks", "companies", "teams", "bands", "chains", "retailers", "platform"};

// The noun of a work or product right before its title: "the film X", "the album X".
const Set kWorkNouns = {
    "film", "films", "movie", "movies", "album", "song", "single", "show", "series", "sitcom",
    "novel", "book", "memoir", "play", "musical", "game", "app", "website", "site", "database",
    "documentary", "drama", "thriller", "podcast", "video", "painting", "opera", "ballet",
    "sequel", "prequel", "episode", "hit", "track", "record", "program", "programme", "software",
    "product", "sandwich", "burger", "drug", "vaccine", "ship", "vessel", "aircraft", "car",
    "phone", "smartphone", "console", "poem", "comic", "cartoon", "anthology",
    "blockbuster", "biopic", "remake", "trilogy", "mixtape", "ep", "miniseries", "telenovela"};

const Set kPlacePrepositions = {"in", "at", "near", "from", "across", "to", "into", "outside",
                                "inside", "throughout", "around", "toward", "towards"};

const Set kSpeechVerbs = {
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "announced",
    "declared", "wrote", "writes", "tweeted", "posted", "noted", "warned", "explained",
    "claimed", "insisted", "asked", "emphasised", "emphasized", "stressed", "confirmed",
    "replied", "responded", "continued", "urged", "argued", "saying", "adding", "recalled",
    "acknowledged", "admitted", "conceded", "predicted", "suggested", "complained", "vowed",
    "pledged", "promised", "demanded", "cautioned", "remarked", "observed", "commented",
    "quipped", "joked", "shouted", "wondered", "concluded", "hinted", "reiterated", "underlined", "underscored", "maintained", "contended"};

const Set kMonthsAndDays = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "yesterday", "tomorrow"};

const Set kInstitutions = {"senate", "congress", "kremlin", "pentagon", "parliament",
                           "cabinet", "house", "government", "bundestag", "duma",
                           "knesset", "seanad", "dail", "vatican", "reuters", "interpol"};

bool in(const Set& set, std::string_view w) { return set.count(w) > 0; }

}  // namespace

bool is_name_particle(std::string_view w) { return in(kParticles, w); }
bool is_title_word(std::string_view w) { return in(kTitles, w); }
bool is_role_word(std::string_view w) { return in(kRoles, w); }
bool is_org_word(std::string_view w) { return in(kOrgWords, w); }
bool is_institution_word(std::string_view w) { return in(kInstitutions, w); }
bool is_place_word(std::string_view w) { return in(kPlaceWords, w); }
bool is_place_preposition(std::string_view w) { return in(kPlacePrepositions, w); }
bool is_document_or_event_word(std::string_view w) { return in(kDocumentsAndEvents, w); }
bool is_speech_verb(std::string_view w) { return in(kSpeechVerbs, w); }
bool is_month_or_weekday(std::string_view w) { return in(kMonthsAndDays, w); }
bool is_opener_word(std::string_view w) { return in(kOpeners, w); }

uint32_t word_classes(std::string_view w) {
  static const auto* kClasses = [] {
    auto* m = new std::unordered_map<std::string_view, uint32_t>;
    const std::pair<const Set*, uint32_t> lists[] = {
        {&kParticles, kNameParticle},   {&kTitles, kTitleWord},
        {&kRoles, kRoleWord},           {&kOrgWords, kOrgWord},
        {&kInstitutions, kInstitutionWord}, {&kPlaceWords, kPlaceWord},
        {&kDocumentsAndEvents, kDocumentOrEventWord}, {&kPlacePrepositions, kPlacePreposition},
        {&kSpeechVerbs, kSpeechVerb},   {&kMonthsAndDays, kMonthOrWeekday},
        {&kOpeners, kOpenerWord},       {&kKinWords, kKinWord},
        {&kPersonPronouns, kPersonPronoun}, {&kCompanyHasWords, kCompanyHas},
        {&kGroupNouns, kGroupNoun},     {&kWorkNouns, kWorkNoun}};
    for (const auto& [set, bit] : lists) {
      for (std::string_view word : *set) (*m)[word] |= bit;
    }
    return m;
  }();
  auto it = kClasses->find(w);
  return it == kClasses->end() ? 0 : it->second;
}

uint64_t english_term(std::string_view word) { return term_of(stem("en", word)); }

int weekday_index(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (w == kDays[i]) return i;
  }
  return -1;
}

}  // namespace chorus
