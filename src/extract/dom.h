// A compact, read-only DOM of a web page, built with the myhtml HTML5 parser.
//
// Only what extraction needs is kept: elements with their tag, class and id; text; and the
// page's metadata elements (meta, link, time, JSON-LD, title, html lang). Scripts, styles,
// comments and embedded media are dropped while building.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chorus {

constexpr uint32_t kNoNode = UINT32_MAX;

struct DomNode {
  enum Flags : uint8_t {
    kText = 1,    // a text node
    kHidden = 2,  // hidden, aria-hidden="true", or display:none / visibility:hidden style
    kLink = 4,    // an <a> with an href
  };
  uint32_t parent = kNoNode;
  uint32_t first_child = kNoNode;
  uint32_t next_sibling = kNoNode;
  uint32_t begin = 0, size = 0;  // text: bytes in Dom::text; element: "class id itemprop" in Dom::names
  int tag = 0;                   // myhtml tag id (MyHTML_TAG_*); 0 for text
  uint8_t flags = 0;
  uint16_t depth = 0;
};

struct Dom {
  std::vector<DomNode> nodes;  // nodes[0] is <html>; children follow their parents
  std::string text;            // text of text nodes, as parsed (entities decoded)
  std::string names;           // lower-cased class, id and itemprop attributes of elements

  // Metadata elements, as found.
  std::vector<std::pair<std::string, std::string>> meta;  // (lower-cased name/property/itemprop, content)
  std::vector<std::string> json_ld;    // bodies of <script type="application/ld+json">
  std::vector<std::string> time_datetimes;  // datetime attributes of <time>
  std::string canonical;       // <link rel="canonical">
  std::string lang;            // <html lang>
  std::string title;           // <title> text
  std::vector<std::string> author_links;  // text of <a rel="author"> and [itemprop=author]

  std::string_view text_of(const DomNode& n) const { return std::string_view(text).substr(n.begin, n.size); }
  std::string_view names_of(const DomNode& n) const { return std::string_view(names).substr(n.begin, n.size); }
};

// Elements nested deeper than this are flattened into their ancestor at this depth before
// parsing (HTML5 tree building is quadratic in nesting depth; browsers cap it similarly).
constexpr int kMaxNestingDepth = 256;

// Parses UTF-8 HTML. Never fails: any input gives some tree (possibly just <html>).
// Thread-safe (one parser a thread). Cost: linear in the page, about 150 MB/s.
Dom parse_dom(std::string_view html);

// `html` with start and end tags beyond `max_depth` levels of nesting removed (their text
// kept), or `html` unchanged when it never nests that deep. Cost: one pass over the tags.
std::string bound_nesting(std::string_view html, int max_depth);
// The same without a copy when nothing changes: false, or true with the result in `out`.
bool bound_nesting(std::string_view html, int max_depth, std::string& out);

// `html` without comments and without the contents of its <script>, <style>, <svg> and
// <noscript> elements (their tags stay), in `out`; false when there is nothing to remove.
// The bodies of JSON-LD scripts are appended to *json_ld. Cost: one pass.
bool strip_scripts(std::string_view html, std::string& out, std::vector<std::string>* json_ld);

// Whether myhtml tag `tag` is a block-level element (breaks lines in text).
bool is_block_tag(int tag);

}  // namespace chorus
