#include "extract/charset.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>

#include "text/utf8.h"

namespace chorus {
namespace {

// The value after "charset=" in `s` (quotes and spaces allowed around it).
std::string charset_value(std::string_view s) {
  size_t pos = s.find("charset");
  if (pos == std::string_view::npos) return "";
  pos += 7;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size() || s[pos] != '=') return "";
  ++pos;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-' ||
                            s[end] == '_' || s[end] == ':' || s[end] == '.')) {
    ++end;
  }
  return std::string(s.substr(pos, end - pos));
}

// WHATWG: labels that name Latin-1 or ASCII mean windows-1252; UTF-16 in a meta tag means
// UTF-8 (the bytes could not have been read as ASCII otherwise).
std::string canonical(std::string label) {
  if (label == "utf8" || label == "unicode-1-1-utf-8" || label == "utf-16" ||
      label == "utf-16le" || label == "utf-16be") {
    return "utf-8";
  }
  if (label == "iso-8859-1" || label == "latin1" || label == "l1" || label == "us-ascii" ||
      label == "ascii" || label == "iso8859-1" || label == "cp1252" || label == "x-cp1252" ||
      label == "iso_8859-1") {
    return "windows-1252";
  }
  if (label == "gb2312" || label == "x-gbk") return "gbk";
  return label;
}

bool convert(std::string_view bytes, const char* charset, std::string& out) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* from = ucnv_open(charset, &err);
  if (U_FAILURE(err)) return false;
  err = U_ZERO_ERROR;
  UConverter* to = ucnv_open("utf-8", &err);
  if (U_FAILURE(err)) {
    ucnv_close(from);
    return false;
  }
  out.resize(bytes.size() * 3 + 16);
  char* target = out.data();
  const char* source = bytes.data();
  err = U_ZERO_ERROR;
  ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &err);
  ucnv_close(from);
  ucnv_close(to);
  if (U_FAILURE(err)) return false;
  out.resize(static_cast<size_t>(target - out.data()));
  return true;
}

struct Utf8Census {
  size_t multibyte = 0;  // valid sequences of 2-4 bytes
  size_t invalid = 0;    // bytes that start no valid sequence
};

Utf8Census census(std::string_view s) {
  Utf8Census c;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      ++c.invalid;
      ++i;
    } else {
      ++c.multibyte;
      i += len;
    }
  }
  return c;
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
  std::string head = ascii_lower(bytes.substr(0, 4096));
  for (size_t pos = head.find("<meta"); pos != std::string::npos; pos = head.find("<meta", pos + 5)) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string label = charset_value(std::string_view(head).substr(pos, end - pos));
    if (!label.empty()) return label;
  }
  return "";
}

bool already_utf8(std::string_view bytes) {
  // to_utf8 reads valid UTF-8 as UTF-8 whatever the page declares (a declaration the bytes
  // contradict is overruled; ASCII reads the same in every charset); a BOM is stripped.
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) return false;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return false;
  // The first 64 KiB decide: a page in a legacy charset shows it long before (its head and
  // first paragraphs); a stray invalid byte further on becomes U+FFFD when the tree is read.
  return utf8_first_invalid(utf8_prefix(bytes, size_t{64} << 10)) == std::string_view::npos;
}

Utf8Page to_utf8(std::string_view bytes) {
  Utf8Page page;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    page.charset = "utf-8";
    page.text = utf8_repair(bytes);
    return page;
  }
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    page.charset = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    if (convert(bytes.substr(2), page.charset.c_str(), page.text)) return page;
  }
  std::string declared = canonical(declared_charset(bytes));
  Utf8Census c = census(bytes);
  if (declared.empty() || declared == "utf-8" || (c.invalid == 0 && c.multibyte > 0)) {
    // UTF-8 declared, assumed, or proven by the bytes themselves.
    if (c.invalid == 0 || c.multibyte > c.invalid) {
      page.charset = "utf-8";
      page.text = c.invalid == 0 ? std::string(bytes) : utf8_repair(bytes);
      return page;
    }
    declared = "windows-1252";  // mostly invalid as UTF-8: a legacy single-byte page
  }
  if (c.invalid == 0 && c.multibyte == 0) {  // plain ASCII reads the same in every charset
    page.charset = declared;
    page.text = std::string(bytes);
    return page;
  }
  if (convert(bytes, declared.c_str(), page.text)) {
    page.charset = declared;
    return page;
  }
  page.charset = "utf-8";  // an unknown charset name: keep what UTF-8 can read
  page.text = utf8_repair(bytes);
  return page;
}

}  // namespace chorus
