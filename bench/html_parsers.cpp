// Compares the two HTML5 parsers Debian offers, gumbo and myhtml (libmodest), on a folder of
// pages: speed on one thread, and whether they build the same tree (element count and words
// of text outside script/style, per page).
//   build/bench/html_parsers DIR [REPEATS=3]      (DIR: *.html or *.html.gz)
#include <gumbo.h>
#include <myhtml/api.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "util/files.h"

namespace {

size_t words(const char* s, size_t n) {
  size_t w = 0;
  bool in = false;
  for (size_t i = 0; i < n; ++i) {
    bool a = static_cast<unsigned char>(s[i]) > ' ';
    w += a && !in;
    in = a;
  }
  return w;
}

struct Shape {
  size_t elements = 0, words = 0;
  bool operator==(const Shape&) const = default;
};

void gumbo_shape(const GumboNode* n, Shape& s) {
  std::vector<const GumboNode*> stack{n};
  while (!stack.empty()) {
    const GumboNode* x = stack.back();
    stack.pop_back();
    if (x->type == GUMBO_NODE_TEXT) s.words += words(x->v.text.text, std::strlen(x->v.text.text));
    if (x->type != GUMBO_NODE_ELEMENT) continue;
    ++s.elements;
    GumboTag t = x->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_TEMPLATE) continue;
    for (unsigned i = 0; i < x->v.element.children.length; ++i) {
      stack.push_back(static_cast<const GumboNode*>(x->v.element.children.data[i]));
    }
  }
}

void myhtml_shape(myhtml_tree_node_t* n, Shape& s) {
  std::vector<myhtml_tree_node_t*> stack{n};
  while (!stack.empty()) {
    myhtml_tree_node_t* x = stack.back();
    stack.pop_back();
    myhtml_tag_id_t t = myhtml_node_tag_id(x);
    if (t == MyHTML_TAG__TEXT) {
      size_t len = 0;
      const char* text = myhtml_node_text(x, &len);
      s.words += words(text, len);
      continue;
    }
    if (t == MyHTML_TAG__COMMENT) continue;
    ++s.elements;
    if (t == MyHTML_TAG_SCRIPT || t == MyHTML_TAG_STYLE || t == MyHTML_TAG_NOSCRIPT || t == MyHTML_TAG_TEMPLATE) continue;
    for (myhtml_tree_node_t* c = myhtml_node_child(x); c; c = myhtml_node_next(c)) stack.push_back(c);
  }
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: html_parsers DIR [REPEATS]\n");
    return 2;
  }
  int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  std::vector<std::string> pages;
  size_t bytes = 0;
  for (const std::string& f : chorus::list_files(argv[1])) {
    std::string ext = chorus::content_extension(f);
    if (ext != "html" && ext != "htm") continue;
    std::string data, error;
    if (chorus::read_file(f, data, &error)) {
      bytes += data.size();
      pages.push_back(std::move(data));
    }
  }
  if (pages.empty()) {
    std::fprintf(stderr, "html_parsers: no pages in %s\n", argv[1]);
    return 1;
  }
  myhtml_t* mh = myhtml_create();
  myhtml_init(mh, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
  myhtml_tree_t* tree = myhtml_tree_create();
  myhtml_tree_init(tree, mh);

  size_t same = 0;
  for (const std::string& p : pages) {
    GumboOutput* g = gumbo_parse_with_options(&kGumboDefaultOptions, p.data(), p.size());
    Shape gs, ms;
    gumbo_shape(g->root, gs);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    myhtml_parse(tree, MyENCODING_UTF_8, p.data(), p.size());
    myhtml_shape(myhtml_tree_get_node_html(tree), ms);
    same += gs == ms;
  }
  std::vector<double> gumbo_s, myhtml_s;
  for (int r = 0; r < repeats; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (const std::string& p : pages) {
      GumboOutput* g = gumbo_parse_with_options(&kGumboDefaultOptions, p.data(), p.size());
      gumbo_destroy_output(&kGumboDefaultOptions, g);
    }
    auto t1 = std::chrono::steady_clock::now();
    for (const std::string& p : pages) myhtml_parse(tree, MyENCODING_UTF_8, p.data(), p.size());
    auto t2 = std::chrono::steady_clock::now();
    gumbo_s.push_back(std::chrono::duration<double>(t1 - t0).count());
    myhtml_s.push_back(std::chrono::duration<double>(t2 - t1).count());
  }
  myhtml_tree_destroy(tree);
  myhtml_destroy(mh);
  double g = median(gumbo_s), m = median(myhtml_s), mb = static_cast<double>(bytes) / 1e6;
  std::printf("%zu pages, %.1f MB; medians of %d runs, one thread\n", pages.size(), mb, repeats);
  std::printf("gumbo   %.3f s  %6.0f pages/s  %6.1f MB/s\n", g, pages.size() / g, mb / g);
  std::printf("myhtml  %.3f s  %6.0f pages/s  %6.1f MB/s  (%.1fx gumbo)\n", m, pages.size() / m, mb / m, g / m);
  std::printf("same tree (elements, words outside script/style): %zu of %zu pages\n", same, pages.size());
  return 0;
}
