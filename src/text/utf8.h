// UTF-8 helpers: validation, decoding, case, scripts, whitespace.
// All functions take and give UTF-8; none allocate unless they return a string.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace chorus {

// Length of the valid UTF-8 sequence starting at s[i] (1-4), or 0 if none starts there
// (stray continuation byte, overlong form, surrogate, truncated sequence, > U+10FFFF).
size_t utf8_multibyte_length(std::string_view s, size_t i);  // s[i] >= 0x80
inline size_t utf8_sequence_length(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]) < 0x80 ? 1 : utf8_multibyte_length(s, i);
}

// Byte offset of the first invalid sequence, or std::string_view::npos if `s` is valid.
size_t utf8_first_invalid(std::string_view s);

// Decodes the code point at s[i] and advances i past it. An invalid byte gives U+FFFD and
// advances by one.
char32_t utf8_next_multibyte(std::string_view s, size_t& i);  // s[i] >= 0x80
inline char32_t utf8_next(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return utf8_next_multibyte(s, i);
}

void utf8_append(std::string& out, char32_t c);

// `s` with every byte that starts no valid sequence replaced by U+FFFD (a copy of `s` when it
// is valid).
std::string utf8_repair(std::string_view s);

// The longest prefix of `s` of at most `bytes` bytes that ends on a character boundary.
inline std::string_view utf8_prefix(std::string_view s, size_t bytes) {
  if (s.size() <= bytes) return s;
  while (bytes > 0 && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) --bytes;
  return s.substr(0, bytes);
}

// Lower-cases `s` (Unicode simple case mapping); ASCII fast path.
std::string utf8_lower(std::string_view s);

// Lower-cases A-Z only, for markup and keywords (tag and attribute names, charset labels).
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_letter_slow(char32_t c);
bool is_digit_slow(char32_t c);
bool is_upper_slow(char32_t c);
inline bool is_letter(char32_t c) {
  return c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : is_letter_slow(c);
}
inline bool is_digit(char32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : is_digit_slow(c); }
inline bool is_upper(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : is_upper_slow(c); }
// Spaces of any kind, including no-break and zero-width spaces.
bool is_space(char32_t c);

// Unicode script of a code point as an ICU UScriptCode value (USCRIPT_COMMON for digits
// and punctuation).
int script_of(char32_t c);

// The script most letters of `s` are written in, and how many letters that is of the total.
struct ScriptCount {
  int script = 0;      // UScriptCode; USCRIPT_COMMON (0) when there are no letters
  size_t letters = 0;  // letters in `s`
  size_t in_script = 0;
};
ScriptCount dominant_script(std::string_view s);

// One line with spaces normalised: no-break and other Unicode spaces become ' ', zero-width
// characters and soft hyphens vanish, runs of spaces collapse, ends are trimmed.
std::string normalize_spaces(std::string_view line);

}  // namespace chorus
