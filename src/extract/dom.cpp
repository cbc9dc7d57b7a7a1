#include "extract/dom.h"

#include <myhtml/api.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <string_view>

#include "text/utf8.h"

namespace chorus {
namespace {

// ---- Nesting bound -------------------------------------------------------------------------

// Tag names as small keys: up to 12 lower-cased characters packed into an integer (longer
// custom element names share a key with their 12-character prefix; harmless here).
using TagKey = unsigned __int128;

constexpr TagKey key_of(std::string_view name) {
  TagKey k = 0;
  for (size_t i = 0; i < name.size() && i < 12; ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    k = (k << 8) | static_cast<unsigned char>(c);
  }
  return (k << 8) | static_cast<unsigned char>(name.size() < 255 ? name.size() : 255);
}

template <size_t N>
bool any_of_keys(TagKey k, const std::array<TagKey, N>& keys) {
  for (TagKey x : keys) {
    if (x == k) return true;
  }
  return false;
}

constexpr std::array kVoid = {key_of("area"), key_of("base"), key_of("br"), key_of("col"),
                              key_of("embed"), key_of("hr"), key_of("img"), key_of("input"),
                              key_of("link"), key_of("meta"), key_of("param"), key_of("source"),
                              key_of("track"), key_of("wbr"), key_of("keygen"), key_of("basefont"),
                              key_of("frame")};
constexpr std::array kRawText = {key_of("script"), key_of("style"), key_of("textarea"),
                                 key_of("title"), key_of("xmp"), key_of("noembed"),
                                 key_of("noframes"), key_of("iframe"), key_of("noscript"),
                                 key_of("plaintext")};
constexpr std::array kClosesP = {key_of("address"), key_of("article"), key_of("aside"),
                                 key_of("blockquote"), key_of("div"), key_of("dl"),
                                 key_of("fieldset"), key_of("footer"), key_of("form"),
                                 key_of("h1"), key_of("h2"), key_of("h3"), key_of("h4"),
                                 key_of("h5"), key_of("h6"), key_of("header"), key_of("hr"),
                                 key_of("main"), key_of("nav"), key_of("ol"), key_of("p"),
                                 key_of("pre"), key_of("section"), key_of("table"),
                                 key_of("ul"), key_of("figure")};
constexpr std::array kSelfClosing = {key_of("li"), key_of("dt"), key_of("dd"), key_of("option"),
                                     key_of("tr"), key_of("td"), key_of("th")};

// Position just after the '>' closing the tag that starts at `i` (quotes respected).
size_t tag_end(std::string_view s, size_t i) {
  char quote = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.size();
}

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

// ---- Building --------------------------------------------------------------------------------

struct Parser {
  myhtml_t* myhtml = nullptr;
  myhtml_tree_t* tree = nullptr;
  Parser() {
    myhtml = myhtml_create();
    myhtml_init(myhtml, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
    tree = myhtml_tree_create();
    myhtml_tree_init(tree, myhtml);
  }
  ~Parser() {
    myhtml_tree_destroy(tree);
    myhtml_destroy(myhtml);
  }
};

// An attribute's value as valid UTF-8 ("" when absent).
std::string attr(myhtml_tree_node_t* node, const char* key) {
  myhtml_tree_attr_t* a = myhtml_attribute_by_key(node, key, std::strlen(key));
  if (!a) return {};
  size_t len = 0;
  const char* v = myhtml_attribute_value(a, &len);
  return v ? utf8_repair(std::string_view(v, len)) : std::string();
}

bool has_attr(myhtml_tree_node_t* node, const char* key) {
  return myhtml_attribute_by_key(node, key, std::strlen(key)) != nullptr;
}

bool dropped(int tag) {
  switch (tag) {
    case MyHTML_TAG_SCRIPT: case MyHTML_TAG_STYLE: case MyHTML_TAG_NOSCRIPT:
    case MyHTML_TAG_TEMPLATE: case MyHTML_TAG_SVG: case MyHTML_TAG_MATH: case MyHTML_TAG_IFRAME:
    case MyHTML_TAG_OBJECT: case MyHTML_TAG_EMBED: case MyHTML_TAG_CANVAS: case MyHTML_TAG_VIDEO:
    case MyHTML_TAG_AUDIO: case MyHTML_TAG__COMMENT: case MyHTML_TAG_HEAD:
    case MyHTML_TAG_SELECT: case MyHTML_TAG_TEXTAREA: case MyHTML_TAG_BUTTON:
      return true;
    default:
      return false;
  }
}

// What the tree keeps of an ordinary element's attributes, read in one pass over them
// (myhtml lower-cases attribute names).
struct ElementAttributes {
  std::string_view cls, id, itemprop, rel;
  bool hidden = false;
  bool href = false;
};

bool equals_lower(std::string_view value, std::string_view lower_word) {
  if (value.size() != lower_word.size()) return false;
  for (size_t i = 0; i < value.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(value[i])) != lower_word[i]) return false;
  }
  return true;
}

bool hides(std::string_view style) {
  std::string s;
  for (char c : style) {
    if (c != ' ') s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

ElementAttributes read_attributes(myhtml_tree_node_t* node) {
  ElementAttributes a;
  for (myhtml_tree_attr_t* at = myhtml_node_attribute_first(node); at; at = myhtml_attribute_next(at)) {
    size_t kl = 0, vl = 0;
    const char* k = myhtml_attribute_key(at, &kl);
    const char* v = myhtml_attribute_value(at, &vl);
    if (!k) continue;
    std::string_view key(k, kl), value(v ? v : "", v ? vl : 0);
    if (key == "class") a.cls = value;
    else if (key == "id") a.id = value;
    else if (key == "itemprop") a.itemprop = value;
    else if (key == "rel") a.rel = value;
    else if (key == "href") a.href = true;
    else if (key == "hidden") a.hidden = true;
    else if (key == "aria-hidden") a.hidden = a.hidden || equals_lower(value, "true");
    else if (key == "style") a.hidden = a.hidden || hides(value);
  }
  return a;
}

// Appends `s` lower-cased (ASCII) and as valid UTF-8.
void append_lower(std::string& out, std::string_view s) {
  size_t start = out.size();
  for (char c : s) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  std::string_view added = std::string_view(out).substr(start);
  if (utf8_first_invalid(added) != std::string_view::npos) {
    std::string fixed = utf8_repair(added);
    out.resize(start);
    out += fixed;
  }
}

std::string node_text(myhtml_tree_node_t* node) {
  std::string out;
  for (myhtml_tree_node_t* c = myhtml_node_child(node); c; c = myhtml_node_next(c)) {
    if (myhtml_node_tag_id(c) == MyHTML_TAG__TEXT) {
      size_t len = 0;
      const char* t = myhtml_node_text(c, &len);
      if (t) out.append(t, len);
    }
  }
  return utf8_repair(out);
}

// Collects metadata from elements of <head> and elsewhere; returns true when the element's
// subtree is metadata only and should not enter the tree.
void read_metadata(myhtml_tree_node_t* node, int tag, Dom& dom) {
  switch (tag) {
    case MyHTML_TAG_META: {
      std::string key = attr(node, "property");
      if (key.empty()) key = attr(node, "name");
      if (key.empty()) key = attr(node, "itemprop");
      std::string content = attr(node, "content");
      if (key.empty() && has_attr(node, "datetime")) {
        key = "datetime";
        content = attr(node, "datetime");
      }
      if (!key.empty() && !content.empty()) dom.meta.emplace_back(ascii_lower(key), content);
      break;
    }
    case MyHTML_TAG_LINK:
      if (ascii_lower(attr(node, "rel")) == "canonical" && dom.canonical.empty()) {
        dom.canonical = attr(node, "href");
      }
      break;
    case MyHTML_TAG_TITLE:
      if (dom.title.empty()) dom.title = node_text(node);
      break;
    case MyHTML_TAG_TIME: {
      std::string dt = attr(node, "datetime");
      if (!dt.empty()) dom.time_datetimes.emplace_back(dt);
      break;
    }
    case MyHTML_TAG_HTML:
      dom.lang = attr(node, "lang");
      break;
    default:
      break;
  }
}

}  // namespace

bool is_block_tag(int tag) {
  switch (tag) {
    case MyHTML_TAG_P: case MyHTML_TAG_DIV: case MyHTML_TAG_H1: case MyHTML_TAG_H2:
    case MyHTML_TAG_H3: case MyHTML_TAG_H4: case MyHTML_TAG_H5: case MyHTML_TAG_H6:
    case MyHTML_TAG_LI: case MyHTML_TAG_BLOCKQUOTE: case MyHTML_TAG_PRE: case MyHTML_TAG_TR:
    case MyHTML_TAG_TD: case MyHTML_TAG_TH: case MyHTML_TAG_BR: case MyHTML_TAG_SECTION:
    case MyHTML_TAG_ARTICLE: case MyHTML_TAG_MAIN: case MyHTML_TAG_FIGCAPTION:
    case MyHTML_TAG_UL: case MyHTML_TAG_OL: case MyHTML_TAG_TABLE: case MyHTML_TAG_DD:
    case MyHTML_TAG_DT: case MyHTML_TAG_DL: case MyHTML_TAG_HR: case MyHTML_TAG_FIGURE:
    case MyHTML_TAG_ADDRESS: case MyHTML_TAG_HEADER: case MyHTML_TAG_FOOTER: case MyHTML_TAG_NAV:
    case MyHTML_TAG_ASIDE: case MyHTML_TAG_FORM: case MyHTML_TAG_FIELDSET: case MyHTML_TAG_BODY:
    case MyHTML_TAG_CAPTION: case MyHTML_TAG_DETAILS: case MyHTML_TAG_SUMMARY:
    case MyHTML_TAG_CENTER: case MyHTML_TAG_HGROUP: case MyHTML_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

// Whether `html` could nest deeper than `max_depth`: start tags of non-void elements minus
// end tags, counted along the page, ever reach it. An over-estimate (implied end tags and
// "<" inside scripts count too), so a page that passes needs no bounding. Cheaper than the
// bounding pass itself, and nearly every page passes.
bool may_nest_deeper(std::string_view html, int max_depth) {
  int depth = 0;
  const char* p = html.data();
  const char* end = p + html.size();
  while ((p = static_cast<const char*>(std::memchr(p, '<', static_cast<size_t>(end - p)))) != nullptr) {
    ++p;
    if (p >= end) break;
    if (*p == '/') {
      --depth;
      continue;
    }
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) continue;
    const char* q = p;
    while (q < end && name_char(*q)) ++q;
    if (any_of_keys(key_of(std::string_view(p, static_cast<size_t>(q - p))), kVoid)) continue;
    if (++depth >= max_depth) return true;
  }
  return false;
}

bool bound_nesting(std::string_view html, int max_depth, std::string& out) {
  if (!may_nest_deeper(html, max_depth)) return false;
  std::vector<TagKey> stack;
  int excess = 0;  // start tags dropped and not yet closed
  std::vector<std::pair<size_t, size_t>> removed;
  const TagKey p = key_of("p"), td = key_of("td"), th = key_of("th"), tr = key_of("tr");
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i + 1 >= html.size()) break;
    char next = html[i + 1];
    if (next == '!' || next == '?') {
      i = tag_end(html, i);
      continue;
    }
    bool closing = next == '/';
    size_t name_at = i + (closing ? 2 : 1);
    if (name_at >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name_at]))) {
      ++i;
      continue;
    }
    size_t name_end = name_at;
    while (name_end < html.size() && name_char(html[name_end])) ++name_end;
    std::string_view name = html.substr(name_at, name_end - name_at);
    TagKey key = key_of(name);
    size_t end = tag_end(html, name_end);
    if (closing) {
      if (excess > 0 && !any_of_keys(key, kVoid)) {
        removed.emplace_back(i, end);
        --excess;
      } else {
        // Pop to the matching element if it is near the top; ignore stray end tags.
        for (size_t k = 0; k < stack.size() && k < 16; ++k) {
          if (stack[stack.size() - 1 - k] == key) {
            stack.resize(stack.size() - 1 - k);
            break;
          }
        }
      }
      i = end;
      continue;
    }
    bool self_closing = end >= 2 && html[end - 2] == '/';
    if (any_of_keys(key, kRawText)) {
      // Skip to the element's end tag: its content is not markup.
      size_t pos = end;
      while (pos < html.size()) {
        size_t lt = html.find("</", pos);
        if (lt == std::string_view::npos) {
          pos = html.size();
          break;
        }
        size_t e = lt + 2;
        while (e < html.size() && name_char(html[e])) ++e;
        if (key_of(html.substr(lt + 2, e - lt - 2)) == key) {
          pos = tag_end(html, e);
          break;
        }
        pos = lt + 2;
      }
      i = pos;
      continue;
    }
    if (any_of_keys(key, kVoid) || self_closing) {
      i = end;
      continue;
    }
    // Implied end tags: <p> before a block, and list items, cells and options before their kin.
    if (!stack.empty()) {
      TagKey top = stack.back();
      if ((top == p && any_of_keys(key, kClosesP)) || (top == key && any_of_keys(key, kSelfClosing)) ||
          ((top == td || top == th) && (key == td || key == th || key == tr))) {
        stack.pop_back();
      }
    }
    if (static_cast<int>(stack.size()) >= max_depth) {
      removed.emplace_back(i, end);
      ++excess;
    } else {
      stack.push_back(key);
    }
    i = end;
  }
  if (removed.empty()) return false;
  out.clear();
  out.reserve(html.size());
  size_t pos = 0;
  for (auto [b, e] : removed) {
    out.append(html.substr(pos, b - pos));
    pos = e;
  }
  out.append(html.substr(pos));
  return true;
}

std::string bound_nesting(std::string_view html, int max_depth) {
  std::string out;
  return bound_nesting(html, max_depth, out) ? out : std::string(html);
}

namespace {

// Case-insensitive ASCII prefix test.
bool starts_with_lower(std::string_view s, size_t at, std::string_view lower_word) {
  if (at + lower_word.size() > s.size()) return false;
  for (size_t i = 0; i < lower_word.size(); ++i) {
    char c = s[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower_word[i]) return false;
  }
  return true;
}

}  // namespace

bool strip_scripts(std::string_view html, std::string& out, std::vector<std::string>* json_ld) {
  static constexpr std::string_view kElements[] = {"script", "style", "svg", "noscript"};
  out.clear();
  size_t copied = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {  // a comment: gone whole
      size_t end = html.find("-->", i + 4);
      end = end == std::string_view::npos ? html.size() : end + 3;
      out.append(html.substr(copied, i - copied));
      copied = i = end;
      continue;
    }
    std::string_view element;
    for (std::string_view e : kElements) {
      if (starts_with_lower(html, i + 1, e)) {
        element = e;
        break;
      }
    }
    size_t name_end = i + 1 + element.size();
    if (element.empty() || name_end >= html.size() || name_char(html[name_end])) {
      ++i;
      continue;
    }
    size_t open_end = tag_end(html, name_end);
    // The content runs to the first end tag of the element ("</script", "</svg", ...).
    size_t content_end = open_end;
    while (true) {
      content_end = html.find("</", content_end);
      if (content_end == std::string_view::npos) {
        content_end = html.size();
        break;
      }
      size_t after = content_end + 2 + element.size();
      if (starts_with_lower(html, content_end + 2, element) && (after >= html.size() || !name_char(html[after]))) {
        break;
      }
      content_end += 2;
    }
    if (element == "script" && json_ld) {
      std::string lower_tag(html.substr(i, open_end - i));
      for (char& c : lower_tag) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      if (lower_tag.find("application/ld+json") != std::string::npos) {
        json_ld->push_back(utf8_repair(html.substr(open_end, content_end - open_end)));
      }
    }
    out.append(html.substr(copied, open_end - copied));
    copied = i = content_end;
  }
  if (copied == 0) return false;
  out.append(html.substr(copied));
  return true;
}

Dom parse_dom(std::string_view html) {
  thread_local std::unique_ptr<Parser> parser_holder;
  if (!parser_holder) parser_holder = std::make_unique<Parser>();
  Parser& parser = *parser_holder;
  // myhtml keeps its tree's memory for the next page; after a large page, let it go.
  struct Release {
    std::unique_ptr<Parser>& holder;
    bool large;
    ~Release() {
      if (large) holder.reset();
    }
  } release{parser_holder, html.size() > (size_t{8} << 20)};
  Dom dom;
  // Scripts, styles, inline SVG and comments are over half the bytes of a news page and none
  // of its text: the parser need not tokenise them (JSON-LD is kept aside for the metadata).
  std::string stripped, rewritten;
  std::string_view page = strip_scripts(html, stripped, &dom.json_ld) ? std::string_view(stripped) : html;
  std::string_view bounded = bound_nesting(page, kMaxNestingDepth, rewritten) ? std::string_view(rewritten) : page;
  if (myhtml_parse(parser.tree, MyENCODING_UTF_8, bounded.data(), bounded.size()) != MyHTML_STATUS_OK) {
    dom.nodes.emplace_back();
    return dom;
  }
  myhtml_tree_node_t* root = myhtml_tree_get_node_html(parser.tree);
  dom.nodes.reserve(bounded.size() / 40);
  dom.text.reserve(bounded.size() / 4);

  // Depth-first, iterative: (myhtml node, our parent index, our previous sibling index).
  struct Frame {
    myhtml_tree_node_t* node;
    uint32_t parent;
  };
  std::vector<Frame> stack;
  std::vector<uint32_t> last_child;  // per our node: its last child so far
  auto add = [&](DomNode n) {
    uint32_t id = static_cast<uint32_t>(dom.nodes.size());
    if (n.parent != kNoNode) {
      n.depth = static_cast<uint16_t>(std::min<int>(dom.nodes[n.parent].depth + 1, UINT16_MAX));
      uint32_t& last = last_child[n.parent];
      if (last == kNoNode) {
        dom.nodes[n.parent].first_child = id;
      } else {
        dom.nodes[last].next_sibling = id;
      }
      last = id;
    }
    dom.nodes.push_back(n);
    last_child.push_back(kNoNode);
    return id;
  };
  if (!root) {
    dom.nodes.emplace_back();
    return dom;
  }
  stack.push_back({root, kNoNode});
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    int tag = static_cast<int>(myhtml_node_tag_id(f.node));
    if (tag == MyHTML_TAG__TEXT) {
      size_t len = 0;
      const char* t = myhtml_node_text(f.node, &len);
      if (!t || len == 0 || f.parent == kNoNode) continue;
      DomNode n;
      n.parent = f.parent;
      n.flags = DomNode::kText;
      // myhtml can emit invalid UTF-8 from valid input (C1 controls): repair it here, so
      // that everything downstream holds valid UTF-8.
      std::string_view piece(t, len);
      n.begin = static_cast<uint32_t>(dom.text.size());
      if (utf8_first_invalid(piece) == std::string_view::npos) {
        dom.text.append(piece);
      } else {
        dom.text += utf8_repair(piece);
      }
      n.size = static_cast<uint32_t>(dom.text.size() - n.begin);
      add(n);
      continue;
    }
    read_metadata(f.node, tag, dom);
    if (tag == MyHTML_TAG_HEAD) {
      // Metadata lives in <head>: read it, keep none of it in the tree.
      std::vector<myhtml_tree_node_t*> todo{f.node};
      while (!todo.empty()) {
        myhtml_tree_node_t* h = todo.back();
        todo.pop_back();
        for (myhtml_tree_node_t* c = myhtml_node_child(h); c; c = myhtml_node_next(c)) {
          int ct = static_cast<int>(myhtml_node_tag_id(c));
          read_metadata(c, ct, dom);
          if (ct != MyHTML_TAG__TEXT) todo.push_back(c);
        }
      }
      continue;
    }
    if (dropped(tag)) continue;
    ElementAttributes at = read_attributes(f.node);
    if (tag == MyHTML_TAG_A && (ascii_lower(at.rel).find("author") != std::string::npos ||
                                equals_lower(at.itemprop, "author"))) {
      dom.author_links.push_back(node_text(f.node));
    }
    DomNode n;
    n.parent = f.parent;
    n.tag = tag;
    if (at.hidden) n.flags |= DomNode::kHidden;
    if (tag == MyHTML_TAG_A && at.href) n.flags |= DomNode::kLink;
    if (!at.cls.empty() || !at.id.empty() || !at.itemprop.empty()) {
      n.begin = static_cast<uint32_t>(dom.names.size());
      append_lower(dom.names, at.cls);
      dom.names += ' ';
      append_lower(dom.names, at.id);
      dom.names += ' ';
      append_lower(dom.names, at.itemprop);
      n.size = static_cast<uint32_t>(dom.names.size() - n.begin);
    }
    uint32_t me = add(n);
    // Children in reverse so that they pop in document order.
    size_t first = stack.size();
    for (myhtml_tree_node_t* c = myhtml_node_child(f.node); c; c = myhtml_node_next(c)) stack.push_back({c, me});
    std::reverse(stack.begin() + static_cast<long>(first), stack.end());
  }
  return dom;
}

}  // namespace chorus
