// libFuzzer target for the HTML entry point: bytes in any charset -> article text and metadata.
// Build and run: bash scripts/fuzz [SECONDS]
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/html.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chorus::HtmlPage page = chorus::extract_html(std::string_view(reinterpret_cast<const char*>(data), size));
  // Whatever came in, what goes out is valid UTF-8.
  for (const std::string* s : {&page.text, &page.title, &page.site, &page.url, &page.published}) {
    if (chorus::utf8_first_invalid(*s) != std::string_view::npos) std::abort();
  }
  return 0;
}
