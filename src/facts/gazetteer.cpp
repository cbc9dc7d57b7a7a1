#include "facts/gazetteer.h"

#include <simdjson.h>

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "facts/spelling.h"
#include "util/lines.h"
#include "text/utf8.h"

namespace chorus {
namespace detail {
extern const std::string_view kIsoCountriesJson;
extern const std::string_view kIsoSubdivisionsJson;
extern const std::string_view kZoneTab;
}  // namespace detail

namespace {

// Short forms that news uses but ISO 3166 does not list as a name.
constexpr std::string_view kShortForms[] = {
    "Russia", "Britain", "Great Britain", "England", "Scotland", "Wales", "America",
    "North Korea", "South Korea", "Korea", "Palestine", "Kosovo", "Europe", "Africa", "Asia",
    "Latin America", "Middle East", "Gaza", "West Bank", "Crimea", "Siberia", "Kashmir",
    "Tibet", "Balkans", "Caucasus", "Central Asia", "Scandinavia", "Persian Gulf"};

// Adjectives of nations that no suffix rule derives from the country's name.
constexpr std::string_view kIrregularDemonyms[] = {
    "american", "british", "english", "scottish", "welsh", "irish", "french", "dutch",
    "polish", "danish", "swiss", "greek", "thai", "swedish", "finnish", "norwegian",
    "filipino", "saudi", "emirati", "palestinian", "european", "african", "asian", "arab",
    "soviet", "kurdish", "turkish", "spanish", "portuguese", "welsh", "icelandic", "flemish",
    "catalan", "basque", "cypriot", "kuwaiti", "qatari", "omani", "yemeni", "iraqi", "israeli",
    "afghan", "pakistani", "bangladeshi", "nepali", "uzbek", "tajik", "kyrgyz", "turkmen",
    "kazakh", "azerbaijani", "azeri", "georgian", "moldovan", "belarusian", "ukrainian",
    "russian", "chechen", "korean", "vietnamese", "lao", "burmese", "malaysian", "singaporean",
    "indonesian", "australian", "mexican", "brazilian", "argentine", "argentinian", "chilean",
    "peruvian", "colombian", "venezuelan", "cuban", "haitian", "canadian", "egyptian",
    "libyan", "tunisian", "moroccan", "algerian", "nigerian", "kenyan", "ethiopian",
    "somali", "sudanese", "congolese", "german", "italian", "austrian", "hungarian", "czech",
    "slovak", "romanian", "bulgarian", "serbian", "croatian", "bosnian", "albanian",
    "lithuanian", "latvian", "estonian", "armenian", "iranian", "syrian", "lebanese",
    "jordanian", "chinese", "japanese", "taiwanese", "indian", "mongolian", "tibetan"};

struct Lists {
  std::unordered_map<std::string, PlaceKind> places;  // lower-cased names
  std::unordered_set<std::string> demonyms;
  std::unordered_set<std::string> codes;  // "US", "USA"
};

// Lower case without diacritics, hyphens as spaces: "Nur-Sultan" and "Nur Sultan" are one
// name, "Rīga" and "Riga" too.
std::string place_key(std::string_view name) {
  std::string k = plain_lower(name);
  for (char& c : k) {
    if (c == '-') c = ' ';
  }
  return k;
}

void add_demonyms_of(const std::string& country, std::unordered_set<std::string>& out) {
  if (country.size() < 4 || country.find(' ') != std::string::npos) return;
  const std::string& c = country;
  out.insert(c + "n");    // russia -> russian, armenia -> armenian
  out.insert(c + "ian");  // belarus -> belarusian, iran -> iranian
  out.insert(c + "i");    // israel -> israeli
  out.insert(c + "ese");  // japan -> japanese
  std::string stem = c.substr(0, c.size() - 1);
  out.insert(stem + "ian");  // ukraine -> ukrainian, italy -> italian
  out.insert(stem + "ese");  // china -> chinese
  out.insert(stem + "ish");  // turkey -> turkish
  out.insert(stem);          // germany -> german
  for (std::string_view stan : {"istan", "stan"}) {
    if (c.size() > stan.size() + 2 && c.compare(c.size() - stan.size(), stan.size(), stan) == 0) {
      out.insert(c.substr(0, c.size() - stan.size()));  // kazakhstan -> kazakh
    }
  }
}

void load_names(std::string_view json, const char* key, PlaceKind kind, Lists& lists) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element doc;
  if (parser.parse(padded).get(doc)) return;
  simdjson::dom::array entries;
  if (doc[key].get_array().get(entries)) return;
  for (simdjson::dom::element e : entries) {
    simdjson::dom::object fields;
    if (e.get_object().get(fields)) continue;
    // One pass over the entry's fields (a lookup by key would scan them once a key).
    for (simdjson::dom::key_value_pair field : fields) {
      std::string_view value;
      if (field.value.get_string().get(value)) continue;
      if (field.key == "alpha_2" || field.key == "alpha_3") {
        if (kind == PlaceKind::kCountry) lists.codes.emplace(value);
      } else if (field.key == "name" || field.key == "common_name" || field.key == "official_name") {
        if (value.find(',') != std::string_view::npos) continue;  // "Korea, Republic of"
        std::string lower = place_key(value);
        if (kind == PlaceKind::kCountry) add_demonyms_of(lower, lists.demonyms);
        lists.places.emplace(std::move(lower), kind);
      }
    }
  }
}

const Lists& lists() {
  static const Lists kLists = [] {
    Lists l;
    load_names(detail::kIsoCountriesJson, "3166-1", PlaceKind::kCountry, l);
    load_names(detail::kIsoSubdivisionsJson, "3166-2", PlaceKind::kSubdivision, l);
    // tzdata's zone.tab: "RU\t+5545+03735\tEurope/Moscow\t...": the city after the last '/'.
    for_each_line(detail::kZoneTab, [&](size_t, std::string_view line) {
      if (line.empty() || line[0] == '#') return true;
      size_t tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
      if (tab2 == std::string_view::npos) return true;
      std::string_view zone = line.substr(tab2 + 1, line.find('\t', tab2 + 1) - tab2 - 1);
      std::string city(zone.substr(zone.rfind('/') + 1));
      for (char& c : city) {
        if (c == '_') c = ' ';
      }
      l.places.emplace(place_key(city), PlaceKind::kSubdivision);
      return true;
    });
    for (std::string_view s : kShortForms) {
      std::string lower = place_key(s);
      l.places.emplace(lower, PlaceKind::kCountry);
      add_demonyms_of(lower, l.demonyms);
    }
    for (std::string_view d : kIrregularDemonyms) l.demonyms.emplace(d);
    l.codes.emplace("UK");  // ISO says GB
    // Derived forms that are words of their own, not adjectives of nations.
    for (std::string_view w : {"chin", "ital", "per", "ira", "cub", "ind"}) l.demonyms.erase(std::string(w));
    return l;
  }();
  return kLists;
}

}  // namespace

PlaceKind place_kind(std::string_view name) {
  const Lists& l = lists();
  auto it = l.places.find(place_key(name));
  return it == l.places.end() ? PlaceKind::kNone : it->second;
}

bool is_country_code(std::string_view code) { return lists().codes.count(std::string(code)) > 0; }

bool is_demonym(std::string_view word) {
  const Lists& l = lists();
  std::string lower = utf8_lower(word);
  if (l.places.count(place_key(word))) return false;  // "Belarus" is not "Belaru" + s
  // Plural of people: "Russians", "Kazakhs".
  if (lower.size() > 4 && lower.back() == 's' && l.demonyms.count(lower.substr(0, lower.size() - 1))) return true;
  return l.demonyms.count(lower) > 0;
}

}  // namespace chorus
