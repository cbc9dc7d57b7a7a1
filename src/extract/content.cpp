#include "extract/content.h"

#include <myhtml/api.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "extract/clean.h"
#include "text/utf8.h"

namespace chorus {
namespace {

// Parts of class and id names ("article-body__text" -> "article", "body", "text").
template <typename F>
void for_each_part(std::string_view names, F&& f) {
  size_t i = 0;
  while (i < names.size()) {
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); };
    while (i < names.size() && !alnum(names[i])) ++i;
    size_t j = i;
    while (j < names.size() && alnum(names[j])) ++j;
    if (j > i) f(names.substr(i, j - i));
    i = j;
  }
}

// Whole parts that name boilerplate.
constexpr std::array kBoilerParts = {
    "comment", "comments", "disqus", "share", "sharing", "shares", "social", "related",
    "recommended", "recommendations", "recirc", "trending", "popular", "newsletter",
    "newsletters", "subscribe", "subscription", "signup", "promo", "promos", "promotion",
    "advert", "advertisement", "advertising", "ad", "ads", "adslot", "dfp", "sponsor",
    "sponsored", "banner", "sidebar", "widget", "widgets", "footer", "nav", "navbar", "menu",
    "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent", "gdpr", "popup", "modal",
    "overlay", "toolbar", "tags", "tag", "topics", "pagination", "pager", "print", "rss",
    "login", "masthead", "taboola", "outbrain", "readmore", "more", "next", "prev",
    "previous", "byline", "author", "bio", "credit", "credits", "caption", "meta",
    "timestamp", "dateline", "disclaimer", "copyright", "hidden", "visually", "sr",
    "screenreader", "skip", "jump", "nocontent", "noprint", "paywall", "registration",
    "offer", "cta", "teaser", "teasers", "headlines", "latest", "most", "read-next",
    "rail", "aside", "community", "feedback", "survey", "alert", "notification", "vote",
    "poll", "rating", "partner", "partners", "affiliate", "shop", "store", "inline-ad",
    "video", "player", "gallery", "slideshow", "carousel", "lightbox", "icon", "icons",
    "button", "buttons", "btn", "follow", "signin", "profile", "account", "search", "header"};

// Substrings that name boilerplate wherever they occur ("relatedArticles", "most-read").
constexpr std::array kBoilerSubstrings = {
    "comment", "newsletter", "subscri", "related", "recommend", "sidebar", "breadcrumb",
    "taboola", "outbrain", "sharing", "social", "advert", "sponsor", "cookie", "mostread",
    "most-read", "most_read", "readmore", "read-more", "promo", "footer", "byline",
    "paywall", "popular"};

// Parts that name the article itself.
constexpr std::array kContentParts = {
    "article", "articlebody", "story", "storybody", "post", "entry", "content", "body",
    "text", "main", "prose", "richtext", "paragraph", "blog", "news", "page", "detail"};

// Names (with '-' and '_' removed) that mark the element holding an article's body.
constexpr std::array kBodyNames = {
    "articlebody", "articlecontent", "articletext", "articlecopy", "articleinner",
    "storybody", "storycontent", "storytext", "postcontent", "postbody", "posttext",
    "entrycontent", "entrybody", "bodytext", "richtext", "newsbody", "newscontent", "newstext",
    "contentbody", "textcontent", "mainarticle", "blogpost", "postentry", "singlepost"};

// Membership in one of the word lists above, by hash (names are looked up for every element
// with a class, id or itemprop).
template <size_t N>
bool in(const std::array<const char*, N>& list, std::string_view w) {
  static const std::unordered_set<std::string_view> set(list.begin(), list.end());
  return set.count(w) > 0;
}

bool is_heading(int tag) {
  return tag >= MyHTML_TAG_H1 && tag <= MyHTML_TAG_H6 &&
         (tag == MyHTML_TAG_H1 || tag == MyHTML_TAG_H2 || tag == MyHTML_TAG_H3 ||
          tag == MyHTML_TAG_H4 || tag == MyHTML_TAG_H5 || tag == MyHTML_TAG_H6);
}

int heading_level(int tag) {
  switch (tag) {
    case MyHTML_TAG_H1: return 1;
    case MyHTML_TAG_H2: return 2;
    case MyHTML_TAG_H3: return 3;
    case MyHTML_TAG_H4: return 4;
    case MyHTML_TAG_H5: return 5;
    case MyHTML_TAG_H6: return 6;
    default: return 0;
  }
}

// Elements whose text never belongs to an article body.
bool skipped_element(int tag) {
  return tag == MyHTML_TAG_INPUT || tag == MyHTML_TAG_LABEL || tag == MyHTML_TAG_MENU ||
         tag == MyHTML_TAG_DIALOG;
}

// Elements that hold page furniture, unless a page wraps its article in one of them.
bool furniture_element(int tag) {
  return tag == MyHTML_TAG_NAV || tag == MyHTML_TAG_ASIDE || tag == MyHTML_TAG_FOOTER ||
         tag == MyHTML_TAG_HEADER;
}

uint32_t visible_chars(std::string_view s) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = utf8_next(s, i);
    n += !is_space(c);
  }
  return n;
}

class Linearizer {
 public:
  explicit Linearizer(const Dom& dom) : dom_(dom) {}

  std::vector<TextBlock> run() {
    if (dom_.nodes.empty()) return {};
    walk(0, false, 0, TextBlock::kOther, false);
    flush();
    return std::move(blocks_);
  }

 private:
  // Iterative pre-order walk with an explicit stack; state is kept per frame.
  struct Frame {
    uint32_t node;
    uint32_t child;    // next child to visit (kNoNode: not started)
    bool boiler;
    int link_depth;
    TextBlock::Kind kind;
    uint32_t container;
  };

  void walk(uint32_t root, bool boiler, int link_depth, TextBlock::Kind kind, bool) {
    std::vector<Frame> stack;
    stack.push_back({root, kNoNode, boiler, link_depth, kind, root});
    while (!stack.empty()) {
      Frame& f = stack.back();
      const DomNode& n = dom_.nodes[f.node];
      if (f.child == kNoNode) {
        // Entering the node.
        if (n.flags & DomNode::kText) {
          append(dom_.text_of(n), f.link_depth > 0, f);
          stack.pop_back();
          continue;
        }
        if ((n.flags & DomNode::kHidden) || skipped_element(n.tag)) {
          stack.pop_back();
          continue;
        }
        if (is_block_tag(n.tag)) {
          flush();
          f.container = f.node;
          if (n.tag == MyHTML_TAG_P || n.tag == MyHTML_TAG_DIV || n.tag == MyHTML_TAG_SECTION ||
              n.tag == MyHTML_TAG_ARTICLE || n.tag == MyHTML_TAG_MAIN || n.tag == MyHTML_TAG_DD ||
              n.tag == MyHTML_TAG_DT || n.tag == MyHTML_TAG_CENTER) {
            if (f.kind == TextBlock::kOther) f.kind = TextBlock::kParagraph;
          }
          if (is_heading(n.tag)) f.kind = TextBlock::kHeading;
          if (n.tag == MyHTML_TAG_LI) f.kind = TextBlock::kListItem;
          if (n.tag == MyHTML_TAG_BLOCKQUOTE) f.kind = TextBlock::kQuote;
          if (n.tag == MyHTML_TAG_FIGCAPTION || n.tag == MyHTML_TAG_CAPTION) f.kind = TextBlock::kCaption;
          if (n.tag == MyHTML_TAG_TD || n.tag == MyHTML_TAG_TH) f.kind = TextBlock::kCell;
          if (n.tag == MyHTML_TAG_PRE) f.kind = TextBlock::kPre;
        }
        if (n.flags & DomNode::kLink) ++f.link_depth;
        f.child = n.first_child;
      } else {
        f.child = dom_.nodes[f.child].next_sibling;
      }
      if (f.child == kNoNode) {
        if (is_block_tag(n.tag)) flush();
        stack.pop_back();
        continue;
      }
      Frame child{f.child, kNoNode, f.boiler, f.link_depth, f.kind, f.container};
      // Headings keep their kind inside; elsewhere a nested block decides its own kind.
      if (f.kind != TextBlock::kHeading && f.kind != TextBlock::kQuote &&
          f.kind != TextBlock::kCaption && f.kind != TextBlock::kListItem) {
        child.kind = TextBlock::kOther;
      }
      stack.push_back(child);
    }
  }

  void append(std::string_view text, bool in_link, const Frame& f) {
    if (current_.text.empty()) {
      current_.node = f.container;
      current_.kind = f.kind == TextBlock::kOther ? TextBlock::kParagraph : f.kind;
      current_.heading_level = heading_level(dom_.nodes[f.container].tag);
      current_.boilerplate = f.boiler;
    }
    current_.boilerplate = current_.boilerplate && f.boiler;
    uint32_t chars = visible_chars(text);
    current_.chars += chars;
    if (in_link) current_.link_chars += chars;
    current_.text.append(text);
  }

  void flush() {
    if (current_.chars > 0) {
      current_.text = normalize_spaces(current_.text);
      blocks_.push_back(std::move(current_));
    }
    current_ = TextBlock{};
  }

  const Dom& dom_;
  std::vector<TextBlock> blocks_;
  TextBlock current_;
};

// A caption carries story text when it is written as paragraphs of its own (galleries that
// tell the story picture by picture), not as a line naming who or what is shown.
bool carries_story(const TextBlock& b) {
  if (b.chars < 200) return false;
  int stops = 0;
  for (size_t i = 0; i + 1 < b.text.size(); ++i) {
    stops += (b.text[i] == '.' || b.text[i] == '!' || b.text[i] == '?') && b.text[i + 1] == ' ';
  }
  return stops >= 2;
}

// A block that reads as a paragraph of story.
bool good_block(const TextBlock& b) {
  if (b.boilerplate || b.kind == TextBlock::kHeading || b.kind == TextBlock::kCaption) return false;  // NOLINT
  return b.chars >= 60 && b.link_density() <= 0.25;
}

uint32_t lowest_common_ancestor(const Dom& dom, uint32_t a, uint32_t b) {
  while (a != b && a != kNoNode && b != kNoNode) {
    if (dom.nodes[a].depth >= dom.nodes[b].depth) {
      a = dom.nodes[a].parent;
    } else {
      b = dom.nodes[b].parent;
    }
  }
  return a == b ? a : kNoNode;
}

// Whether the chosen container holds one article rather than an index of teasers, a gallery
// of pictures, or nothing.
bool looks_like_article(const Dom& dom, const std::vector<TextBlock>& blocks, uint32_t container,
                        const MainContent& content) {
  size_t text = 0;
  for (const std::string& p : content.paragraphs) text += p.size();
  if (text < 150 || content.good_chars == 0) return false;  // no body
  // An index: its story text comes in short runs, each broken by a linked headline (teaser,
  // text, teaser, text), about one headline a text. An article's story text runs on, with
  // few links between its paragraphs.
  int linked_headlines = 0, good_blocks = 0;
  uint32_t run = 0, longest = 0, total = 0;
  for (const TextBlock& b : blocks) {
    bool inside = false;
    for (uint32_t n = b.node; n != kNoNode && !inside; n = dom.nodes[n].parent) inside = n == container;
    if (!inside || b.boilerplate) continue;
    if (b.chars >= 15 && b.link_density() > 0.7 && b.kind != TextBlock::kCaption) {
      ++linked_headlines;
      run = 0;
    } else if (good_block(b)) {
      run += b.chars;
      total += b.chars;
      ++good_blocks;
      longest = std::max(longest, run);
    }
  }
  if (linked_headlines >= 4 && linked_headlines * 10 >= good_blocks * 7 && longest < 1000 &&
      longest * 5 < total * 3) {
    return false;
  }
  // A gallery: pictures with little text.
  int images = 0;
  std::vector<uint32_t> stack{container};
  while (!stack.empty()) {
    uint32_t n = stack.back();
    stack.pop_back();
    if (dom.nodes[n].tag == MyHTML_TAG_IMG) ++images;
    for (uint32_t c = dom.nodes[n].first_child; c != kNoNode; c = dom.nodes[c].next_sibling) stack.push_back(c);
  }
  if (images >= 5 && content.good_chars < 400) return false;
  return true;
}

}  // namespace

bool names_boilerplate(std::string_view names) {
  bool found = false;
  for_each_part(names, [&](std::string_view part) { found = found || in(kBoilerParts, part); });
  if (found) return true;
  return std::any_of(kBoilerSubstrings.begin(), kBoilerSubstrings.end(),
                     [&](const char* s) { return names.find(s) != std::string_view::npos; });
}

bool names_article_body(std::string_view names) {
  std::string squashed;
  for (char c : names) {
    if (c != '-' && c != '_') squashed.push_back(c);
  }
  return std::any_of(kBodyNames.begin(), kBodyNames.end(), [&](const char* b) {
    return squashed.find(b) != std::string::npos;
  });
}

bool names_content(std::string_view names) {
  bool found = false;
  for_each_part(names, [&](std::string_view part) { found = found || in(kContentParts, part); });
  return found;
}

std::vector<TextBlock> text_blocks(const Dom& dom) {
  std::vector<TextBlock> blocks = Linearizer(dom).run();
  // An element named like boilerplate ("comments", "sidebar", "header-spacing"), or a nav,
  // aside, header or footer, marks its blocks, unless it holds most of the page's text:
  // then it is a layout wrapper, not a box of boilerplate.
  // Mass: story blocks count whole, other text outside links a quarter.
  std::vector<double> mass(dom.nodes.size(), 0.0);
  double total = 0;
  for (const TextBlock& b : blocks) {
    double m = good_block(b) ? b.chars : 0.25 * (b.chars - b.link_chars);
    total += m;
    for (uint32_t n = b.node; n != kNoNode; n = dom.nodes[n].parent) mass[n] += m;
  }
  std::vector<int8_t> verdict(dom.nodes.size(), -1);  // -1 unknown, 0 no, 1 boilerplate
  auto boiler = [&](uint32_t node) {
    for (uint32_t n = node; n != kNoNode; n = dom.nodes[n].parent) {
      int8_t& v = verdict[n];
      if (v < 0) {
        const DomNode& d = dom.nodes[n];
        std::string_view names = dom.names_of(d);
        bool named = d.size > 0 && names_boilerplate(names) && !names_content(names);
        v = (named || furniture_element(d.tag)) && mass[n] * 2 < total;
      }
      if (v == 1) return true;
    }
    return false;
  };
  for (TextBlock& b : blocks) b.boilerplate = boiler(b.node);
  return blocks;
}

MainContent main_content(const Dom& dom) {
  MainContent out;
  std::vector<TextBlock> blocks = text_blocks(dom);
  if (blocks.empty()) return out;

  // Score every element by the blocks below it: story text counts for, link text and
  // boilerplate text against.
  std::vector<double> score(dom.nodes.size(), 0.0);
  std::vector<uint32_t> good(dom.nodes.size(), 0);
  for (const TextBlock& b : blocks) {
    double s = 0;
    uint32_t g = 0;
    if (good_block(b)) {
      s = b.chars - b.link_chars;
      g = b.chars;
    } else if (b.boilerplate) {
      s = -static_cast<double>(b.link_chars) - 0.5 * b.chars;
    } else {
      // Short text outside links (table cells, list lines, subheadings) counts a little.
      s = 0.25 * (b.chars - b.link_chars) - static_cast<double>(b.link_chars);
    }
    for (uint32_t n = b.node; n != kNoNode; n = dom.nodes[n].parent) {
      score[n] += s;
      good[n] += g;
    }
  }
  // An element named as the article body ("article-body", itemprop="articleBody") wins when
  // it holds a real amount of story text; otherwise the best-scoring element.
  uint32_t best = 0;
  uint32_t named = kNoNode;
  for (uint32_t n = 0; n < dom.nodes.size(); ++n) {
    const DomNode& d = dom.nodes[n];
    if (d.flags & DomNode::kText) continue;
    if (score[n] > score[best]) best = n;
    if (d.size > 0 && good[n] >= 200 && names_article_body(dom.names_of(d)) &&
        (named == kNoNode || score[n] > score[named])) {
      named = n;
    }
  }
  if (named != kNoNode) {
    best = named;
    // A body split into several elements of the same name ("article__body" once per chunk):
    // take them together through their lowest common ancestor, if that scores no worse.
    std::string_view name = dom.names_of(dom.nodes[named]);
    uint32_t common = named;
    for (uint32_t n = 0; n < dom.nodes.size(); ++n) {
      const DomNode& d = dom.nodes[n];
      if (n == named || (d.flags & DomNode::kText) || good[n] < 100 || dom.names_of(d) != name) continue;
      common = lowest_common_ancestor(dom, common, n);
    }
    if (common != kNoNode && score[common] >= score[named]) best = common;
  }
  out.container = best;
  out.good_chars = good[best];

  auto inside = [&](uint32_t node) {
    for (uint32_t n = node; n != kNoNode; n = dom.nodes[n].parent) {
      if (n == best) return true;
    }
    return false;
  };
  std::vector<const TextBlock*> kept;
  for (const TextBlock& b : blocks) {
    if (!inside(b.node) || b.boilerplate) continue;
    if (b.kind == TextBlock::kHeading && b.heading_level == 1) continue;
    if (b.link_density() > 0.5) continue;
    if (b.kind == TextBlock::kCaption && !carries_story(b)) continue;
    kept.push_back(&b);
  }
  // The container's tail: prompts, notices and link lines after the story's last paragraph
  // ("Subscribe to our newsletters", "Have a tip? ... Follow her on Twitter").
  while (!kept.empty() && !good_block(*kept.back()) && addresses_reader(kept.back()->text)) {
    kept.pop_back();
  }
  for (const TextBlock* b : kept) out.paragraphs.push_back(b->text);
  out.is_article = looks_like_article(dom, blocks, best, out);
  return out;
}

}  // namespace chorus
