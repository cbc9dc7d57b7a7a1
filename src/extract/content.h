// Main content of a web page: the article's paragraphs, headings, lists and quotes, without
// menus, banners, prompts, related blocks, share bars, comments and footers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/dom.h"

namespace chorus {

// A run of text between block boundaries, with what scoring needs to know about it.
struct TextBlock {
  enum Kind : uint8_t { kParagraph, kHeading, kListItem, kQuote, kCaption, kCell, kPre, kOther };
  uint32_t node = 0;        // the nearest block-level element holding the text
  std::string text;         // spaces collapsed
  uint32_t chars = 0;       // characters that are not spaces
  uint32_t link_chars = 0;  // of which inside links
  Kind kind = kOther;
  int heading_level = 0;    // 1-6 for headings
  bool boilerplate = false; // inside an element whose class or id names boilerplate
  double link_density() const { return chars ? static_cast<double>(link_chars) / chars : 0.0; }
};

// The page's text in document order, one block per paragraph-like unit, leaving out hidden
// elements, navigation, asides, page headers and footers. Cost: linear in the DOM.
std::vector<TextBlock> text_blocks(const Dom& dom);

struct MainContent {
  std::vector<std::string> paragraphs;  // the article's blocks, in order
  uint32_t container = kNoNode;         // the element chosen as the article's container
  uint32_t good_chars = 0;              // characters of paragraph-like blocks in it
  bool is_article = false;              // a page with one article body (not an index, gallery, empty page)
};

// Chooses the element whose subtree best holds the article (most paragraph text against
// link and boilerplate text), then keeps its blocks that read as story. Cost: linear.
MainContent main_content(const Dom& dom);

// Whether an element's class/id names (lower case, as in Dom::names) mark boilerplate
// ("comments", "share", "related", "newsletter", ...) or content ("article-body", "story").
bool names_boilerplate(std::string_view names);
bool names_content(std::string_view names);
// Whether the names mark the element holding an article's body ("article-body", "articleBody",
// "entry-content", "story-text", ...).
bool names_article_body(std::string_view names);

}  // namespace chorus
