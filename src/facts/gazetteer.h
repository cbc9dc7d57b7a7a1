// Places and the adjectives of nations, from Debian's iso-codes (ISO 3166-1 countries and
// ISO 3166-2 subdivisions) and tzdata (cities in English: Moscow, Damascus, Tripoli), both
// read at build time (src/facts/gazetteer_build.cpp), and a short list of common short forms
// ISO leaves out (Russia, Britain, ...).
#pragma once

#include <cstdint>
#include <string_view>

namespace chorus {

enum class PlaceKind { kNone, kCountry, kSubdivision };

// Whether `name` (as written, any case) is a country or a subdivision (state, province,
// region, city with its own code, or a city naming a time zone: kSubdivision). The lists are
// made at build time (gazetteer_build); a call is a hash and a probe or two.
// Thread-safe.
PlaceKind place_kind(std::string_view name);

// Whether `code` (upper case as written: "US", "UK", "UAE") is an ISO 3166-1 alpha-2 or
// alpha-3 country code. Only capitals count: "us" is a pronoun.
bool is_country_code(std::string_view code);

// Whether `word` is the adjective or people of a country: Russian, Kazakh, Armenian, Chinese,
// Ukrainian, Pakistani, Belarusian, also British, French, American and other irregular ones.
// Derived from the country names by the usual English suffixes. Thread-safe.
bool is_demonym(std::string_view word);

namespace detail {
// The hash that places a name in the gazetteer's lookup tables (FNV-1a), shared by
// gazetteer_build, which writes the tables, and gazetteer.cpp, which probes them.
inline uint64_t gazetteer_hash(std::string_view s) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}
}  // namespace detail

}  // namespace chorus
