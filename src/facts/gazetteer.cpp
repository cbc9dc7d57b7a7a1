#include "facts/gazetteer.h"

#include <algorithm>
#include <cstddef>
#include <string>

#include "facts/spelling.h"
#include "text/utf8.h"

namespace chorus {
namespace detail {
// Made at build time by gazetteer_build (src/facts/gazetteer_build.cpp), each sorted.
extern const std::string_view kPlaceNames[];  // place_key of each name
extern const unsigned char kPlaceKinds[];     // PlaceKind of each
extern const size_t kPlaceCount;
extern const std::string_view kDemonyms[];
extern const size_t kDemonymCount;
extern const std::string_view kCountryCodes[];
extern const size_t kCountryCodeCount;
}  // namespace detail

namespace {

// Position of `key` in the sorted `list`, or `count` when it is not there.
size_t find(const std::string_view* list, size_t count, std::string_view key) {
  const std::string_view* end = list + count;
  const std::string_view* it = std::lower_bound(list, end, key);
  return it != end && *it == key ? static_cast<size_t>(it - list) : count;
}

bool place_listed(std::string_view key) {
  return find(detail::kPlaceNames, detail::kPlaceCount, key) < detail::kPlaceCount;
}

bool demonym_listed(std::string_view lower) {
  return find(detail::kDemonyms, detail::kDemonymCount, lower) < detail::kDemonymCount;
}

}  // namespace

PlaceKind place_kind(std::string_view name) {
  const size_t i = find(detail::kPlaceNames, detail::kPlaceCount, place_key(name));
  return i == detail::kPlaceCount ? PlaceKind::kNone : static_cast<PlaceKind>(detail::kPlaceKinds[i]);
}

bool is_country_code(std::string_view code) {
  return find(detail::kCountryCodes, detail::kCountryCodeCount, code) < detail::kCountryCodeCount;
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
