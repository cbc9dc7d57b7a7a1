#include "facts/gazetteer.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "facts/spelling.h"
#include "text/utf8.h"

namespace chorus {
namespace detail {
// Made at build time by gazetteer_build (src/facts/gazetteer_build.cpp), each sorted, each
// with its lookup table (`...Slots`: see find below).
extern const std::string_view kPlaceNames[];  // place_key of each name
extern const unsigned char kPlaceKinds[];     // PlaceKind of each
extern const size_t kPlaceCount;
extern const uint16_t kPlaceNamesSlots[];
extern const size_t kPlaceNamesSlotCount;
extern const std::string_view kDemonyms[];
extern const size_t kDemonymCount;
extern const uint16_t kDemonymsSlots[];
extern const size_t kDemonymsSlotCount;
extern const std::string_view kCountryCodes[];
extern const size_t kCountryCodeCount;
extern const uint16_t kCountryCodesSlots[];
extern const size_t kCountryCodesSlotCount;
}  // namespace detail

namespace {

// Position of `key` in `list`, or `count` when it is not there. `slots` (a power of two of
// them) hold the positions + 1 of the list's names (0: empty), each from the slot of its
// gazetteer_hash on (linear probing): a hash and a probe or two, where a binary search over
// the 5,600 places compared some 13 strings, most of them cache misses.
size_t find(const std::string_view* list, size_t count, const uint16_t* slots, size_t slot_count,
            std::string_view key) {
  for (size_t i = detail::gazetteer_hash(key) & (slot_count - 1);; i = (i + 1) & (slot_count - 1)) {
    if (slots[i] == 0) return count;
    if (list[slots[i] - 1] == key) return slots[i] - 1;
  }
}

size_t find_place(std::string_view key) {
  return find(detail::kPlaceNames, detail::kPlaceCount, detail::kPlaceNamesSlots, detail::kPlaceNamesSlotCount, key);
}

bool place_listed(std::string_view key) { return find_place(key) < detail::kPlaceCount; }

bool demonym_listed(std::string_view lower) {
  return find(detail::kDemonyms, detail::kDemonymCount, detail::kDemonymsSlots, detail::kDemonymsSlotCount,
              lower) < detail::kDemonymCount;
}

}  // namespace

PlaceKind place_kind(std::string_view name) {
  const size_t i = find_place(place_key(name));
  return i == detail::kPlaceCount ? PlaceKind::kNone : static_cast<PlaceKind>(detail::kPlaceKinds[i]);
}

bool is_country_code(std::string_view code) {
  return find(detail::kCountryCodes, detail::kCountryCodeCount, detail::kCountryCodesSlots,
              detail::kCountryCodesSlotCount, code) < detail::kCountryCodeCount;
}

bool is_demonym(std::string_view word) {
  std::string lower = utf8_lower(word);
  if (place_listed(place_key(word))) return false;  // "Belarus" is not "Belaru" + s
  // Plural of people: "Russians", "Kazakhs".
  if (lower.size() > 4 && lower.back() == 's' && demonym_listed(std::string_view(lower).substr(0, lower.size() - 1))) {
    return true;
  }
  return demonym_listed(lower);
}

}  // namespace chorus
