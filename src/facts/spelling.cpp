#include "facts/spelling.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

#include "text/utf8.h"

namespace chorus {
namespace {

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

// NFD, then combining marks dropped. Letters of other scripts are kept (their keys only
// match their own spellings).
// Latin letters with diacritics, U+00C0 to U+017F, folded to their base letter; '\0' where
// there is no single one (Æ, ß, Œ, ...: ICU decides those).
constexpr char kLatinFold[] =
    "aaaaaa\0ceeeeiiii"    // U+00C0-U+00CF
    "dnooooo\0ouuuuy\0\0"  // U+00D0-U+00DF
    "aaaaaa\0ceeeeiiii"    // U+00E0-U+00EF
    "dnooooo\0ouuuuy\0y"   // U+00F0-U+00FF
    "aaaaaaccccccccdd"     // U+0100-U+010F
    "ddeeeeeeeeeegggg"     // U+0110-U+011F
    "gggghhhhiiiiiiii"     // U+0120-U+012F
    "ii\0\0jjkkklllllll"   // U+0130-U+013F
    "lllnnnnnnnnnoooo"     // U+0140-U+014F
    "oo\0\0rrrrrrssssss"    // U+0150-U+015F
    "ssttttttuuuuuuuu"     // U+0160-U+016F
    "uuuuwwyyyzzzzzzs";    // U+0170-U+017F            // U+0178-U+017F

// Lower case without diacritics by the table above, when every letter is ASCII or in it.
bool fold_latin(std::string_view word, std::string& out) {
  out.clear();
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      continue;
    }
    if (i + 1 >= word.size() || (b != 0xC3 && b != 0xC4 && b != 0xC5)) return false;
    unsigned cp = ((b & 0x1F) << 6) | (static_cast<unsigned char>(word[++i]) & 0x3F);
    if (cp < 0xC0 || cp > 0x17F) return false;
    char base = kLatinFold[cp - 0xC0];
    if (base == '\0') return false;
    out.push_back(base);
  }
  return true;
}

std::string plain_lower(std::string_view word) {
  bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return (c & 0x80) == 0; });
  if (ascii) return ascii_lower(word);
  std::string folded;
  if (fold_latin(word, folded)) return folded;  // cheaper than ICU for most Latin names
  static const icu::Normalizer2* const kNfd = [] {  // looked up once: ICU locks to find it
    UErrorCode s = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(s);
    return U_SUCCESS(s) ? n : nullptr;
  }();
  icu::UnicodeString d = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  if (kNfd) {  // without ICU's data the word is only lower-cased
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString nfd = kNfd->normalize(d, status);
    if (U_SUCCESS(status)) d = nfd;
  }
  std::string decomposed;
  d.toLower().toUTF8String(decomposed);
  std::string out;
  for (size_t i = 0; i < decomposed.size();) {
    size_t start = i;
    char32_t c = utf8_next(decomposed, i);
    if (c >= 0x300 && c <= 0x36F) continue;  // combining diacritical marks
    out.append(decomposed, start, i - start);
  }
  return out;
}


std::string place_key(std::string_view name) {
  std::string k = plain_lower(name);
  for (char& c : k) {
    if (c == '-') c = ' ';
  }
  return k;
}

std::string spelling_key(std::string_view word) {
  std::string w = plain_lower(word);
  std::string s;
  s.reserve(w.size());
  for (char c : w) {
    if (c == '-' || c == '\'' || c == ' ' || c == '.') continue;
    s.push_back(c);
  }
  // Apostrophes other than ASCII (’) are 3 bytes: drop them too.
  for (size_t p; (p = s.find("\xE2\x80\x99")) != std::string::npos;) s.erase(p, 3);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (c == 'd' && next == 'z' && i + 2 < s.size() && s[i + 2] == 'h') {
      out.push_back('j');
      i += 2;
    } else if ((c == 'k' || c == 'z') && next == 'h') {
      out.push_back(c == 'k' ? 'k' : 'j');
      ++i;
    } else if (c == 'p' && next == 'h') {
      out.push_back('f');
      ++i;
    } else if (c == 'c' && next == 'k') {
      out.push_back('k');
      ++i;
    } else if (c == 'o' && next == 'u') {
      out.push_back('u');
      ++i;
    } else if (c == 'q') {
      out.push_back('k');
    } else if (c == 'w') {
      out.push_back('v');
    } else if (c == 'z') {
      out.push_back('s');
    } else if (c == 'y') {
      bool between_vowels = !out.empty() && vowel(out.back()) && vowel(next);
      if (!between_vowels) out.push_back('i');
    } else {
      out.push_back(c);
    }
  }
  // Doubled letters once.
  std::string key;
  key.reserve(out.size());
  for (char c : out) {
    if (!key.empty() && key.back() == c && (c & 0x80) == 0) continue;
    key.push_back(c);
  }
  return key;
}

int edit_distance(std::string_view a, std::string_view b, int limit) {
  int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  if (std::abs(la - lb) > limit) return limit + 1;
  thread_local std::vector<int> prev, cur;  // reused: names are compared by the thousand
  prev.assign(lb + 1, 0);
  cur.assign(lb + 1, 0);
  for (int j = 0; j <= lb; ++j) prev[j] = j;
  for (int i = 1; i <= la; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= lb; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[lb], limit + 1);
}

namespace {

// edit_distance(a, b, 1) <= 1 in one pass: past the common prefix, the rest must be equal
// after one substitution (same lengths) or one deletion from the longer.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return i == a.size() || a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

}  // namespace

bool same_spelling(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() < 6 || b.size() < 6) return false;
  return within_one_edit(a, b);
}

}  // namespace chorus
