// HTML pages to text and metadata.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chorus {

struct HtmlPage {
  std::string title;      // og:title, else <title>, else the first <h1>
  std::string published;  // YYYY-MM-DD from article:published_time, JSON-LD or <time>; or ""
  std::string site;       // og:site_name; or ""
  std::string url;        // canonical link or og:url; or ""
  std::string language;   // <html lang>; or ""
  std::string text;       // the main text: one block (paragraph, heading, list item) a line
};

// Parses UTF-8 HTML with gumbo and returns its main text and metadata. Script, style,
// navigation, header, footer, aside and form elements are left out; where the page has an
// <article> (or main) element holding most of the text, only that is kept.
// Cost: linear in the page; never throws.
HtmlPage extract_html(std::string_view html);

}  // namespace chorus
