// Comparing names across spellings: transliterations (Toqaev, Tokayev), British and American
// forms (Organisation, Organization) and small misspellings (Kazakstan).
#pragma once

#include <string>
#include <string_view>

namespace chorus {

// Lower case without Latin diacritics ("Rīga" -> "riga", "São Paulo" -> "sao paulo").
// Cost: linear in the word (ICU normalisation for non-ASCII input).
std::string plain_lower(std::string_view word);

// The key a place is looked up by: plain_lower with hyphens as spaces ("Nur-Sultan" and "Nur
// Sultan" are one name, "Rīga" and "Riga" too). The gazetteer is built with it at build time
// (gazetteer_build) and searched with it at run time.
std::string place_key(std::string_view name);

// A key under which spellings of one name agree: lower case, Latin diacritics off, hyphens and
// apostrophes off, then the variations transliteration systems and English spellings make
// folded one way: kh->k, zh->j, dzh->j, q->k, ck->k, ph->f, w->v, z->s, ou->u, a y between
// vowels dropped (Tokayev -> tokaev), y->i, doubled letters once (Kassym -> kasim).
// Not meant for display. Cost: linear in the word.
std::string spelling_key(std::string_view word);

// Levenshtein distance between a and b (bytes), or limit + 1 when it exceeds `limit`.
// Cost: O(|a| * (2 * limit + 1)).
int edit_distance(std::string_view a, std::string_view b, int limit);

// Whether two spelling keys name the same word: equal, or (both at least 6 bytes long)
// one edit apart.
bool same_spelling(std::string_view key_a, std::string_view key_b);

}  // namespace chorus
