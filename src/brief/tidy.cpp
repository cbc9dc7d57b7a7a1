#include "brief/tidy.h"

#include <algorithm>
#include <string>

namespace chorus {
namespace {

constexpr std::string_view kEmDash = "\xE2\x80\x94", kEnDash = "\xE2\x80\x93";
constexpr std::string_view kOpenQuote = "\xE2\x80\x9C", kCloseQuote = "\xE2\x80\x9D";

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool starts(std::string_view s, size_t at, std::string_view with) { return s.substr(at, with.size()) == with; }

size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// After a dash or colon that ends a dateline, the position of the story's first character,
// or npos when no such separator is at `i`.
size_t after_separator(std::string_view s, size_t i) {
  i = skip_spaces(s, i);
  if (starts(s, i, kEmDash) || starts(s, i, kEnDash)) {
    i += 3;
  } else if (starts(s, i, "--")) {
    i += 2;
  } else if (i < s.size() && (s[i] == '-' || s[i] == ':')) {
    i += 1;
  } else {
    return std::string_view::npos;
  }
  if (i >= s.size() || s[i] != ' ') return std::string_view::npos;
  return skip_spaces(s, i);
}

// "(AP)", "(CNN)", "(Reuters)" at `i`: the position after it, or npos.
size_t agency(std::string_view s, size_t i) {
  if (i >= s.size() || s[i] != '(' || i + 1 >= s.size() || !upper(s[i + 1])) return std::string_view::npos;
  size_t close = s.find(')', i);
  if (close == std::string_view::npos || close - i > 24) return std::string_view::npos;
  for (size_t k = i + 1; k < close; ++k) {
    char c = s[k];
    if (!upper(c) && !lower(c) && c != ' ' && c != '.' && c != '&' && c != '-') return std::string_view::npos;
  }
  return close + 1;
}

// The length of a leading dateline, 0 if there is none.
size_t dateline(std::string_view s) {
  // "(CNN) ..." or "(CNN) — ..."
  if (size_t a = agency(s, 0); a != std::string_view::npos) {
    size_t after = after_separator(s, a);
    return after != std::string_view::npos ? after : skip_spaces(s, a);
  }
  // Place in capitals: "LOS ANGELES", "ST. PAUL", "WINSTON-SALEM".
  size_t i = 0, capitals = 0;
  while (i < s.size()) {
    size_t word = i;
    while (i < s.size() && (upper(s[i]) || s[i] == '.' || s[i] == '\'' || s[i] == '-')) {
      capitals += upper(s[i]);
      ++i;
    }
    if (i == word || (i < s.size() && lower(s[i]))) return 0;
    if (i + 1 < s.size() && s[i] == ' ' && upper(s[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  if (capitals < 3 || i > 40) return 0;  // not "US - China"
  bool qualified = false;  // by a region or an agency: then surely a dateline
  // ", Fla." or ", Kazakhstan": up to three capitalised words before the separator.
  if (i < s.size() && s[i] == ',') {
    size_t k = skip_spaces(s, i + 1), words = 0;
    while (k < s.size() && upper(s[k]) && words < 3) {
      while (k < s.size() && s[k] != ' ') ++k;
      ++words;
      if (after_separator(s, k) != std::string_view::npos ||
          agency(s, skip_spaces(s, k)) != std::string_view::npos) {
        break;
      }
      k = skip_spaces(s, k);
    }
    if (words == 0 || k > 70) return 0;
    i = k;
    qualified = true;
  }
  if (size_t a = agency(s, skip_spaces(s, i)); a != std::string_view::npos) {
    i = a;
    qualified = true;
  }
  size_t after = after_separator(s, i);
  if (after == std::string_view::npos || after >= s.size()) return 0;
  // The story starts as a sentence does.
  const bool opens = upper(s[after]) || (s[after] >= '0' && s[after] <= '9') || s[after] == '"' ||
                     starts(s, after, kOpenQuote);
  if (!opens) return 0;
  if (!qualified) {
    // A bare capitalised word may be an acronym: "FBI: Suspect had guns" attributes a claim,
    // "NASA \u2014 not Boeing \u2014 will decide" opens an aside. Only a dash, used once, counts.
    std::string_view separator = s.substr(skip_spaces(s, i), after - skip_spaces(s, i));
    while (!separator.empty() && separator.back() == ' ') separator.remove_suffix(1);
    if (separator == ":") return 0;
    // A hyphen counts as a dash only between spaces ("State-run" is no second dash).
    std::string again(separator);
    if (separator[0] == '-') {
      again.push_back(' ');
      again = ' ' + again;
    }
    if (s.find(again, after) != std::string_view::npos) return 0;
  }
  return after;
}

// The position of the ')' closing the '(' at `open`, or npos.
size_t matching_paren(std::string_view s, size_t open) {
  int depth = 0;
  for (size_t k = open; k < s.size(); ++k) {
    if (s[k] == '(') ++depth;
    if (s[k] == ')' && --depth == 0) return k;
  }
  return std::string_view::npos;
}

// Removes "(Photo: ...)", "(AP Photo/...)", "(Image: ...)", "(Getty Images)" with the spaces
// before it (after it too at the start). Only marked credits: "(Credit Suisse)" stays.
void drop_photo_credits(std::string& s) {
  static constexpr std::string_view kStarts[] = {"Photo:", "Photos:", "Photo by ", "Photo/",
                                                 "AP Photo", "Image:", "Image by ", "Picture:",
                                                 "Credit:", "File photo", "Getty Images"};
  for (size_t open = s.find('('); open != std::string::npos; open = s.find('(', open)) {
    size_t close = matching_paren(s, open);
    if (close == std::string::npos) break;
    std::string_view inside(s.data() + open + 1, close - open - 1);
    bool credit = std::any_of(std::begin(kStarts), std::end(kStarts),
                              [&](std::string_view w) { return inside.substr(0, w.size()) == w; }) ||
                  inside.ends_with("/Getty Images");
    if (!credit) {
      ++open;
      continue;
    }
    size_t from = open;
    while (from > 0 && s[from - 1] == ' ') --from;
    size_t to = close + 1;
    if (from == 0) to = skip_spaces(s, to);
    s.erase(from, to - from);
    open = from;
  }
}

// Whether the straight quote at `i` closes a quotation (follows a word or punctuation).
bool closes(std::string_view s, size_t i) {
  return i > 0 && s[i - 1] != ' ' && s[i - 1] != '(' && s[i - 1] != '[';
}

// Straight double quotes, less inch marks (6'5").
size_t straight_quotes(std::string_view s) {
  size_t n = 0;
  for (size_t k = 0; k < s.size(); ++k) n += s[k] == '"' && !(k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9');
  return n;
}

void balance_quotes(std::string& s) {
  size_t opens = 0, closes_count = 0;
  for (size_t p = s.find(kOpenQuote); p != std::string::npos; p = s.find(kOpenQuote, p + 3)) ++opens;
  for (size_t p = s.find(kCloseQuote); p != std::string::npos; p = s.find(kCloseQuote, p + 3)) ++closes_count;
  if (opens == closes_count + 1) {
    s.append(kCloseQuote);
  } else if (closes_count == opens + 1) {
    s = std::string(kOpenQuote) + s;  // not insert(0, ...): GCC 12 warns falsely (-Wrestrict)
  }
  if (straight_quotes(s) % 2 == 1) {
    if (closes(s, s.find('"'))) {
      s = '"' + s;
    } else {
      s.push_back('"');
    }
  }
}

size_t words_in(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

}  // namespace

std::string tidy_sentence(std::string_view sentence, bool after_its_predecessor) {
  std::string s(sentence.substr(dateline(sentence)));
  drop_photo_credits(s);
  if (!after_its_predecessor) {
    static constexpr std::string_view kConnectives[] = {"But ", "And ", "Yet ", "However, ", "Also, "};
    for (std::string_view c : kConnectives) {
      if (starts(s, 0, c) && s.size() > c.size()) {
        s.erase(0, c.size());
        // "Then", but "iPhone" stays as it is.
        if (lower(s[0]) && !(s.size() > 1 && upper(s[1]))) s[0] = static_cast<char>(s[0] - 'a' + 'A');
        break;
      }
    }
  }
  balance_quotes(s);
  if (words_in(s) < 4) return std::string(sentence);
  return s;
}

}  // namespace chorus
