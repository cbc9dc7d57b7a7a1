#include "text/utf8.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>

namespace chorus {

size_t utf8_multibyte_length(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[i];
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[i + 1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[i + 1] >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[i + 1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[i + 1] >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

size_t utf8_first_invalid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Skip ASCII eight bytes at a time: most text is mostly ASCII.
    while (i + 8 <= s.size()) {
      uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    size_t len = utf8_sequence_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

char32_t utf8_next_multibyte(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t len = utf8_sequence_length(s, i);
  char32_t c;
  switch (len) {
    case 1: c = p[i]; break;
    case 2: c = ((p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F); break;
    case 3: c = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F); break;
    case 4:
      c = ((p[i] & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) |
          (p[i + 3] & 0x3F);
      break;
    default: c = 0xFFFD; len = 1;
  }
  i += len;
  return c;
}

void utf8_append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string utf8_repair(std::string_view s) {
  size_t bad = utf8_first_invalid(s);
  if (bad == std::string_view::npos) return std::string(s);
  std::string out(s.substr(0, bad));
  for (size_t i = bad; i < s.size();) {
    size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string utf8_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    utf8_append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(utf8_next(s, i)))));
  }
  return out;
}

bool is_letter_slow(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool is_digit_slow(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool is_upper_slow(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }

bool is_space(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return c == 0x00A0 || c == 0x200B || c == 0x2060 || c == 0xFEFF ||
         u_isUWhiteSpace(static_cast<UChar32>(c));
}

int script_of(char32_t c) {
  if (c < 0x80) return is_letter(c) ? USCRIPT_LATIN : USCRIPT_COMMON;
  UErrorCode err = U_ZERO_ERROR;
  int sc = uscript_getScript(static_cast<UChar32>(c), &err);
  return U_SUCCESS(err) ? sc : USCRIPT_COMMON;
}

ScriptCount dominant_script(std::string_view s) {
  // Letters counted per script; the scripts news is written in fit a small table, the rest
  // share one slot each via the ICU code (bounded by USCRIPT_CODE_LIMIT).
  ScriptCount out;
  // ASCII text (most lines of most news) is Latin or has no letters.
  size_t ascii_letters = 0;
  bool ascii = true;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      ascii = false;
      break;
    }
    ascii_letters += ((c | 32) >= 'a' && (c | 32) <= 'z');
  }
  if (ascii) {
    out.letters = out.in_script = ascii_letters;
    out.script = ascii_letters > 0 ? USCRIPT_LATIN : USCRIPT_COMMON;
    return out;
  }
  std::array<size_t, 256> counts{};
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = utf8_next(s, i);
    if (!is_letter(c)) continue;
    int sc = script_of(c);
    if (sc == USCRIPT_INHERITED || sc == USCRIPT_COMMON) continue;
    ++out.letters;
    ++counts[static_cast<size_t>(sc) & 0xFF];
  }
  for (size_t k = 0; k < counts.size(); ++k) {
    if (counts[k] > out.in_script) {
      out.in_script = counts[k];
      out.script = static_cast<int>(k);
    }
  }
  return out;
}

std::string normalize_spaces(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < line.size()) {
    unsigned char b = static_cast<unsigned char>(line[i]);
    if (b < 0x80) {
      ++i;
      if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v' || b == '\n') {
        pending_space = !out.empty();
        continue;
      }
      if (b < 0x20 || b == 0x7F) continue;  // other control characters
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(static_cast<char>(b));
      continue;
    }
    size_t start = i;
    char32_t c = utf8_next(line, i);
    if (c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
        c == 0xFEFF) {
      continue;  // soft hyphen, zero-width characters, BOM
    }
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(line.substr(start, i - start));
  }
  return out;
}

}  // namespace chorus
