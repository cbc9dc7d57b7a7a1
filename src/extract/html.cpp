#include "extract/html.h"

#include <gumbo.h>

#include <cstring>
#include <string>

#include "text/dates.h"
#include "text/utf8.h"

namespace chorus {
namespace {

bool skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BR: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_HR: case GUMBO_TAG_FIGURE: case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}

const char* attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

// Appends the text of `node` to `out`, one block a line; iterative to survive deep nesting.
void collect_text(const GumboNode* root, std::string& out) {
  struct Frame {
    const GumboNode* node;
    unsigned child;
  };
  std::vector<Frame> stack{{root, 0}};
  auto newline = [&] {
    if (!out.empty() && out.back() != '\n') out.push_back('\n');
  };
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* n = f.node;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      out += n->v.text.text;
      stack.pop_back();
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
        n->type != GUMBO_NODE_TEMPLATE) {
      stack.pop_back();
      continue;
    }
    const GumboVector& children =
        n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    if (f.child == 0 && n->type == GUMBO_NODE_ELEMENT) {
      if (skipped(n->v.element.tag)) {
        stack.pop_back();
        continue;
      }
      if (is_block(n->v.element.tag)) newline();
    }
    if (f.child < children.length) {
      const GumboNode* c = static_cast<const GumboNode*>(children.data[f.child++]);
      stack.push_back({c, 0});
      continue;
    }
    if (n->type == GUMBO_NODE_ELEMENT && is_block(n->v.element.tag)) newline();
    stack.pop_back();
  }
}

// Finds the first element with `tag` (depth first, iterative).
const GumboNode* find_first(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag) return n;
    const GumboVector& ch =
        n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
  }
  return nullptr;
}

void read_metadata(const GumboNode* root, HtmlPage& page, std::string& title_tag,
                   std::string& h1) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
    if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboElement& e = n->v.element;
      if (e.tag == GUMBO_TAG_HTML) {
        if (const char* lang = attr(e, "lang")) page.language = lang;
      } else if (e.tag == GUMBO_TAG_META) {
        const char* key = attr(e, "property");
        if (!key) key = attr(e, "name");
        if (!key) key = attr(e, "itemprop");
        const char* content = attr(e, "content");
        if (key && content) {
          std::string k = utf8_lower(key);
          if (k == "og:title" && page.title.empty()) page.title = content;
          if (k == "og:site_name" && page.site.empty()) page.site = content;
          if (k == "og:url" && page.url.empty()) page.url = content;
          if ((k == "article:published_time" || k == "datepublished" || k == "date" ||
               k == "pubdate" || k == "publish-date" || k == "dc.date.issued") &&
              page.published.empty()) {
            if (auto d = parse_date(content)) page.published = d->iso();
          }
        }
      } else if (e.tag == GUMBO_TAG_LINK) {
        const char* rel = attr(e, "rel");
        const char* href = attr(e, "href");
        if (rel && href && std::strcmp(rel, "canonical") == 0) page.url = href;
      } else if (e.tag == GUMBO_TAG_TITLE && title_tag.empty()) {
        collect_text(n, title_tag);
      } else if (e.tag == GUMBO_TAG_H1 && h1.empty()) {
        collect_text(n, h1);
      } else if (e.tag == GUMBO_TAG_TIME && page.published.empty()) {
        if (const char* dt = attr(e, "datetime")) {
          if (auto d = parse_date(dt)) page.published = d->iso();
        }
      }
    }
    const GumboVector& ch =
        n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
  }
}

size_t letters_in(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += static_cast<unsigned char>(c) > ' ';
  return n;
}

}  // namespace

HtmlPage extract_html(std::string_view html) {
  HtmlPage page;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 100;  // errors are counted, not needed; cap the bookkeeping
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!out) return page;
  std::string title_tag, h1;
  read_metadata(out->document, page, title_tag, h1);
  if (page.title.empty()) page.title = normalize_spaces(title_tag);
  if (page.title.empty()) page.title = normalize_spaces(h1);
  page.title = normalize_spaces(page.title);

  std::string all;
  collect_text(out->root, all);
  // Prefer <article> or <main> when it holds most of the page's text.
  for (GumboTag tag : {GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN}) {
    if (const GumboNode* n = find_first(out->root, tag)) {
      std::string inner;
      collect_text(n, inner);
      if (letters_in(inner) * 2 >= letters_in(all)) {
        all.swap(inner);
        break;
      }
    }
  }
  page.text = std::move(all);
  gumbo_destroy_output(&options, out);
  return page;
}

}  // namespace chorus
