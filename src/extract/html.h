// Web pages to article text and metadata.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chorus {

struct HtmlPage {
  std::string title;      // og:title, JSON-LD headline, the first <h1>, or <title>
  std::string published;  // YYYY-MM-DD, or "" (see extract_html)
  std::vector<std::string> authors;  // people, without "By", roles or reading times
  std::string site;       // og:site_name or JSON-LD publisher; or ""
  std::string url;        // canonical link or og:url; or ""
  std::string language;   // <html lang> or og:locale, as ISO 639-1 ("en"); or ""
  std::string charset;    // what the bytes were read as
  std::string text;       // the article: one block (paragraph, heading, list item) a line
  bool is_article = false;  // false for index pages, galleries and pages with no body
  bool truncated = false;   // the page was longer than kMaxPageBytes; the rest was not read
};

// Pages are read up to this size (no article needs more; memory stays bounded, about eight
// times the bytes read).
constexpr size_t kMaxPageBytes = size_t{32} << 20;

// Reads a page given as raw bytes in any charset (to_utf8), parses it with myhtml, and keeps
// the article's text and metadata. The publication date comes from article:published_time
// and similar meta tags, JSON-LD, <time datetime>, a date in the URL, or a dateline at the top
// of the text, in that order; never from script text, never after tomorrow.
// Never throws; an empty or non-HTML input gives an empty page. Thread-safe.
// Cost: linear in the page; about 100 MB/s on one core.
HtmlPage extract_html(std::string_view bytes);

}  // namespace chorus
