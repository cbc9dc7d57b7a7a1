// The bytes of a web page as UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace chorus {

struct Utf8Page {
  std::string text;     // the page as valid UTF-8 (BOM removed)
  std::string charset;  // what the bytes were read as: "utf-8", "windows-1251", ...
};

// Decodes a page: a byte-order mark decides first; then a <meta charset> or http-equiv
// declaration in the first 4 KiB, converted with ICU. A declaration the bytes contradict is
// overruled: bytes declared single-byte that are valid multi-byte UTF-8 are read as UTF-8;
// bytes declared (or assumed) UTF-8 that are not are read as windows-1252 when most of their
// high bytes are invalid, else kept as UTF-8 with U+FFFD for the few bad bytes.
// Cost: one pass over the bytes, plus the conversion when needed.
Utf8Page to_utf8(std::string_view bytes);

// Whether the bytes can be read as UTF-8 as they are: no BOM, and their first 64 KiB valid
// UTF-8 (to_utf8 reads valid UTF-8 as UTF-8 whatever the page declares). Invalid bytes
// further on are left for the reader to repair. Cost: a fast pass over at most 64 KiB.
bool already_utf8(std::string_view bytes);

// The charset label declared in the page's first 4 KiB (lower case), or "".
std::string declared_charset(std::string_view bytes);

}  // namespace chorus
