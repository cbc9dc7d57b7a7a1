// Builds the gazetteer at build time (a tool, not part of the library): the place names of
// Debian's iso-codes (ISO 3166-1 countries, ISO 3166-2 subdivisions) and tzdata's zone.tab
// (cities), normalised by place_key, with the adjectives of nations derived from the
// countries' names and the ISO codes; written as sorted C++ arrays that src/facts/gazetteer.cpp
// searches. Done here rather than at run time because reading and normalising some 15,000
// names cost about 12 million instructions, more than the rest of a small event's facts.
//   gazetteer_build ISO_3166-1.json ISO_3166-2.json ZONE_TAB OUTPUT.cpp
#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "facts/gazetteer.h"
#include "facts/spelling.h"
#include "util/lines.h"

namespace chorus {
namespace {

enum Kind : int { kCountry = 1, kSubdivision = 2 };  // as PlaceKind in gazetteer.h

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
  std::map<std::string, int> places;  // place_key -> Kind; the first kind given stays
  std::set<std::string> demonyms;
  std::set<std::string> codes;  // "US", "USA"
};

void add_demonyms_of(const std::string& country, std::set<std::string>& out) {
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

void load_names(std::string_view json, const char* key, int kind, Lists& lists) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json.data(), json.size());
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
        if (kind == kCountry) lists.codes.emplace(value);
      } else if (field.key == "name" || field.key == "common_name" || field.key == "official_name") {
        if (value.find(',') != std::string_view::npos) continue;  // "Korea, Republic of"
        std::string lower = place_key(value);
        if (kind == kCountry) add_demonyms_of(lower, lists.demonyms);
        lists.places.emplace(std::move(lower), kind);
      }
    }
  }
}

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A C++ string literal: bytes outside printable ASCII, quotes and backslashes as three-digit
// octal escapes (which, unlike \x, cannot swallow the characters after them).
std::string literal(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\' || c == '?') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out + "\"";
}

// Writes `names` (sorted) as the array `array`, then its lookup table `array`Slots: for each
// name its position + 1 (0 marks an empty slot), from the slot of its gazetteer_hash on,
// linear probing; the slots a power of two, at least twice the names (few probes a lookup).
// False when the positions do not fit the table's 16 bits.
template <typename Names>
bool write_names(std::ostream& out, const char* array, const Names& names) {
  out << "extern const std::string_view " << array << "[] = {\n";
  for (std::string_view name : names) out << "    " << literal(name) << ",\n";
  out << "};\n";
  if (names.size() >= 0xFFFF) return false;
  size_t slot_count = 16;
  while (slot_count < 2 * names.size()) slot_count *= 2;
  std::vector<uint16_t> slots(slot_count, 0);
  uint16_t position = 0;
  for (std::string_view name : names) {
    size_t i = detail::gazetteer_hash(name) & (slot_count - 1);
    while (slots[i] != 0) i = (i + 1) & (slot_count - 1);
    slots[i] = ++position;
  }
  out << "extern const uint16_t " << array << "Slots[] = {";
  for (size_t i = 0; i < slot_count; ++i) out << (i % 16 ? " " : "\n    ") << slots[i] << ",";
  out << "\n};\nextern const size_t " << array << "SlotCount = " << slot_count << ";\n";
  return true;
}

}  // namespace
}  // namespace chorus

int main(int argc, char** argv) {
  using namespace chorus;
  if (argc != 5) {
    std::cerr << "usage: gazetteer_build ISO_3166-1.json ISO_3166-2.json ZONE_TAB OUTPUT.cpp\n";
    return 2;
  }
  const std::string countries = read_file(argv[1]), subdivisions = read_file(argv[2]), zones = read_file(argv[3]);
  if (countries.empty() || subdivisions.empty() || zones.empty()) {
    std::cerr << "gazetteer_build: cannot read the iso-codes or tzdata files\n";
    return 1;
  }
  Lists l;
    load_names(countries, "3166-1", kCountry, l);
    load_names(subdivisions, "3166-2", kSubdivision, l);
    // tzdata's zone.tab: "RU\t+5545+03735\tEurope/Moscow\t...": the city after the last '/'.
    for_each_line(zones, [&](size_t, std::string_view line) {
      if (line.empty() || line[0] == '#') return true;
      size_t tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
      if (tab2 == std::string_view::npos) return true;
      std::string_view zone = line.substr(tab2 + 1, line.find('\t', tab2 + 1) - tab2 - 1);
      std::string city(zone.substr(zone.rfind('/') + 1));
      for (char& c : city) {
        if (c == '_') c = ' ';
      }
      l.places.emplace(place_key(city), kSubdivision);
      return true;
    });
    for (std::string_view s : kShortForms) {
      std::string lower = place_key(s);
      l.places.emplace(lower, kCountry);
      add_demonyms_of(lower, l.demonyms);
    }
    for (std::string_view d : kIrregularDemonyms) l.demonyms.emplace(d);
    l.codes.emplace("UK");  // ISO says GB
    // Derived forms that are words of their own, not adjectives of nations.
    for (std::string_view w : {"chin", "ital", "per", "ira", "cub", "ind"}) l.demonyms.erase(std::string(w));
  if (l.places.size() < 1000) {
    std::cerr << "gazetteer_build: only " << l.places.size() << " places read\n";
    return 1;
  }
  std::vector<std::string_view> place_names;
  for (const auto& [name, kind] : l.places) place_names.push_back(name);
  std::ofstream out(argv[4], std::ios::binary);
  out << "// Generated by gazetteer_build (src/facts/gazetteer_build.cpp); do not edit.\n"
      << "#include <cstddef>\n#include <cstdint>\n#include <string_view>\n\nnamespace chorus::detail {\n\n";
  bool fit = write_names(out, "kPlaceNames", place_names);
  out << "extern const unsigned char kPlaceKinds[] = {";
  size_t n = 0;
  for (const auto& [name, kind] : l.places) out << (n++ % 32 ? "" : "\n    ") << kind << ",";
  out << "\n};\nextern const size_t kPlaceCount = " << l.places.size() << ";\n\n";
  fit = write_names(out, "kDemonyms", l.demonyms) && fit;
  out << "extern const size_t kDemonymCount = " << l.demonyms.size() << ";\n\n";
  fit = write_names(out, "kCountryCodes", l.codes) && fit;
  out << "extern const size_t kCountryCodeCount = " << l.codes.size() << ";\n\n}  // namespace chorus::detail\n";
  if (!fit) std::cerr << "gazetteer_build: more names than a 16-bit table holds\n";
  return out && fit ? 0 : 1;
}
