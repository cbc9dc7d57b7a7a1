#include "extract/html.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>

#include "extract/charset.h"
#include "extract/clean.h"
#include "extract/content.h"
#include "extract/dom.h"
#include "extract/metadata.h"
#include "text/dates.h"
#include "text/language.h"
#include "text/utf8.h"

namespace chorus {
namespace {

const std::string* meta_value(const Dom& dom, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    for (const auto& [key, value] : dom.meta) {
      if (key == k && !value.empty()) return &value;
    }
  }
  return nullptr;
}

Date today_plus(int days) {
  using namespace std::chrono;
  auto d = year_month_day{floor<std::chrono::days>(system_clock::now()) + std::chrono::days(days)};
  return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
          static_cast<int>(static_cast<unsigned>(d.day()))};
}

// A publication date that is plausible: a full date, not after tomorrow, not before 1990.
std::string plausible(std::optional<Date> d) {
  if (!d || d->year < 1990 || *d > today_plus(1)) return "";
  return d->iso();
}

// ---- JSON-LD ----

struct LdArticle {
  std::string headline, published, publisher;
  std::vector<std::string> authors;
};

void read_authors(simdjson::dom::element e, std::vector<std::string>& out) {
  std::string_view s;
  if (!e.get_string().get(s)) {
    out.emplace_back(s);
    return;
  }
  simdjson::dom::array arr;
  if (!e.get_array().get(arr)) {
    for (auto x : arr) read_authors(x, out);
    return;
  }
  simdjson::dom::object obj;
  if (!e.get_object().get(obj)) {
    std::string_view name;
    if (!obj["name"].get_string().get(name)) out.emplace_back(name);
  }
}

bool is_article_type(simdjson::dom::element type) {
  auto match = [](std::string_view t) {
    return t.find("Article") != std::string_view::npos || t == "BlogPosting" ||
           t == "Report" || t == "LiveBlogPosting";
  };
  std::string_view s;
  if (!type.get_string().get(s)) return match(s);
  simdjson::dom::array arr;
  if (!type.get_array().get(arr)) {
    for (auto x : arr) {
      if (!x.get_string().get(s) && match(s)) return true;
    }
  }
  return false;
}

void scan_ld(simdjson::dom::element e, LdArticle& out, int depth) {
  if (depth > 6) return;
  simdjson::dom::array arr;
  if (!e.get_array().get(arr)) {
    for (auto x : arr) scan_ld(x, out, depth + 1);
    return;
  }
  simdjson::dom::object obj;
  if (e.get_object().get(obj)) return;
  simdjson::dom::element graph;
  if (!obj["@graph"].get(graph)) scan_ld(graph, out, depth + 1);
  simdjson::dom::element type;
  if (obj["@type"].get(type) || !is_article_type(type)) return;
  std::string_view s;
  if (out.headline.empty() && !obj["headline"].get_string().get(s)) out.headline = s;
  if (out.published.empty() && !obj["datePublished"].get_string().get(s)) out.published = s;
  simdjson::dom::element author, publisher;
  if (out.authors.empty() && !obj["author"].get(author)) read_authors(author, out.authors);
  if (out.publisher.empty() && !obj["publisher"].get(publisher)) {
    simdjson::dom::object p;
    if (!publisher.get_object().get(p) && !p["name"].get_string().get(s)) out.publisher = s;
  }
}

LdArticle read_json_ld(const Dom& dom) {
  LdArticle out;
  simdjson::dom::parser parser;
  for (const std::string& body : dom.json_ld) {
    simdjson::dom::element doc;
    if (parser.parse(body).get(doc)) continue;  // malformed JSON-LD is common; skip it
    scan_ld(doc, out, 0);
  }
  return out;
}

// ---- Authors ----

// A person's name from a byline-like string, or "" for junk ("Staff", "5 Minute Read").
std::string clean_author(std::string_view raw) {
  std::string s = normalize_spaces(raw);
  std::string l = ascii_lower(s);
  for (std::string_view prefix : {"by ", "written by ", "author: ", "von ", "par ", "por "}) {
    if (l.rfind(prefix, 0) == 0) {
      s = s.substr(prefix.size());
      l = l.substr(prefix.size());
    }
  }
  if (s.empty() || s.size() > 60 || s.find("://") != std::string::npos ||
      s.find('@') != std::string::npos) {
    return "";
  }
  for (std::string_view junk : {"minute read", "min read", "staff", "editor", "newsroom",
                                "contributor", "correspondent", "reporter", "team", "news desk",
                                "writer", "columnist", "photographer", "producer",
                                "updated", "published", "associated press", "reuters"}) {
    if (l.find(junk) != std::string::npos) return "";
  }
  // A name: two to five words, each starting with a letter, mostly capitalised.
  int words = 0, capitalised = 0;
  size_t i = 0;
  bool start = true;
  while (i < s.size()) {
    size_t at = i;
    char32_t c = utf8_next(s, i);
    if (c == ' ') {
      start = true;
      continue;
    }
    if (start) {
      ++words;
      if (is_upper(c)) ++capitalised;
      if (!is_letter(c)) return "";
      start = false;
    }
    (void)at;
  }
  if (words < 2 || words > 5 || capitalised * 2 < words + 1) return "";
  return s;
}

void add_authors(std::string_view raw, std::vector<std::string>& out) {
  // "Jane Doe and John Roe", "Jane Doe, John Roe"
  std::string s(raw);
  for (std::string_view sep : {" and ", " & ", ";", "|"}) {
    size_t pos;
    while ((pos = s.find(sep)) != std::string::npos) s.replace(pos, sep.size(), ",");
  }
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string name = clean_author(std::string_view(s).substr(start, comma - start));
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    start = comma + 1;
  }
}

// ---- Other metadata ----

std::string language_code(std::string_view tag) {
  std::string l = ascii_lower(tag);
  size_t cut = l.find_first_of("-_");
  if (cut != std::string::npos) l.resize(cut);
  if (l.size() < 2 || l.size() > 3 || !std::all_of(l.begin(), l.end(), ::isalpha)) return "";
  return l;
}

// "/2019/11/19/" or "/20191119/" or "-2019-11-19" in a URL.
std::string date_from_url(std::string_view url) {
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(url[i])) || (i > 0 && std::isdigit(static_cast<unsigned char>(url[i - 1])))) continue;
    auto num = [&](size_t p, size_t n) {
      int v = 0;
      for (size_t k = p; k < p + n; ++k) {
        if (k >= url.size() || !std::isdigit(static_cast<unsigned char>(url[k]))) return -1;
        v = v * 10 + (url[k] - '0');
      }
      return v;
    };
    int y = num(i, 4);
    if (y < 1990) continue;
    char sep = url[i + 4];
    if ((sep == '/' || sep == '-' || sep == '_') && url[i + 7] == sep) {
      int m = num(i + 5, 2), d = num(i + 8, 2);
      bool ends = i + 10 == url.size() || !std::isdigit(static_cast<unsigned char>(url[i + 10]));
      if (m > 0 && ends && valid_date(y, m, d)) return plausible(Date{y, m, d});
    }
  }
  return "";
}

// Strips " | Site", " - Site" from a <title>.
std::string strip_site(std::string title) {
  for (std::string_view sep : {" | ", " - ", " — ", " – ", " :: ", " « "}) {
    size_t pos = title.rfind(sep);
    if (pos != std::string::npos && pos > title.size() / 3) title.resize(pos);
  }
  return title;
}

}  // namespace

HtmlPage extract_html(std::string_view bytes) {
  HtmlPage page;
  if (bytes.size() > kMaxPageBytes) {
    bytes = bytes.substr(0, kMaxPageBytes);
    page.truncated = true;
  }
  Utf8Page utf8;
  std::string_view text = bytes;
  if (already_utf8(bytes)) {
    page.charset = "utf-8";
  } else {
    utf8 = to_utf8(bytes);
    page.charset = utf8.charset;
    text = utf8.text;
  }
  Dom dom = parse_dom(text);
  LdArticle ld = read_json_ld(dom);

  // Title.
  if (const std::string* t = meta_value(dom, {"og:title", "twitter:title"})) page.title = *t;
  if (page.title.empty()) page.title = ld.headline;
  if (page.title.empty()) page.title = strip_site(dom.title);
  page.title = normalize_spaces(page.title);

  // URL, site, language.
  page.url = dom.canonical;
  if (page.url.empty()) {
    if (const std::string* u = meta_value(dom, {"og:url"})) page.url = *u;
  }
  if (const std::string* s = meta_value(dom, {"og:site_name", "application-name"})) page.site = *s;
  if (page.site.empty()) page.site = ld.publisher;
  page.site = normalize_spaces(page.site);
  page.language = language_code(dom.lang);
  if (page.language.empty()) {
    if (const std::string* l = meta_value(dom, {"og:locale", "content-language", "language", "dc.language"})) {
      page.language = language_code(*l);
    }
  }

  // Publication date: declared metadata first, then the URL, then the text.
  if (const std::string* d = meta_value(dom, {"article:published_time", "datepublished", "pubdate",
                                              "publishdate", "publish-date", "publish_date",
                                              "dc.date.issued", "dc.date", "date", "sailthru.date",
                                              "parsely-pub-date", "og:published_time",
                                              "article.published", "dcterms.created",
                                              "datecreated", "datetime"})) {
    page.published = plausible(parse_date(*d));
  }
  if (page.published.empty()) page.published = plausible(parse_date(ld.published));
  if (page.published.empty()) {
    for (const std::string& t : dom.time_datetimes) {
      page.published = plausible(parse_date(t));
      if (!page.published.empty()) break;
    }
  }
  if (page.published.empty()) page.published = date_from_url(page.url);

  // Authors.
  for (const std::string& a : ld.authors) add_authors(a, page.authors);
  if (page.authors.empty()) {
    for (const auto& [key, value] : dom.meta) {
      if (key == "author" || key == "article:author" || key == "dc.creator" ||
          key == "sailthru.author" || key == "parsely-author") {
        add_authors(value, page.authors);
      }
    }
  }
  if (page.authors.empty()) {
    for (const std::string& a : dom.author_links) add_authors(a, page.authors);
  }

  // The article.
  MainContent content = main_content(dom);
  bool day_first = page.language != "en";
  for (size_t i = 0; i < content.paragraphs.size(); ++i) {
    const std::string& p = content.paragraphs[i];
    // A dateline above the story is metadata, not text: it dates the page if nothing else did.
    if (i < 5) {
      if (auto d = dateline_date(p, day_first)) {
        if (page.published.empty()) page.published = plausible(d);
        continue;
      }
      if (looks_like_byline(p)) {
        if (page.authors.empty()) add_authors(p, page.authors);
        continue;
      }
    }
    if (!page.text.empty()) page.text.push_back('\n');
    page.text += p;
  }
  // The language the article is written in, where the text says so clearly; pages declare
  // the site's language, which is not always the article's.
  LanguageGuess guess = detect_language(utf8_prefix(page.text, 768));
  if (guess.reliable && guess.code != "und") page.language = guess.code;
  page.is_article = content.is_article;
  return page;
}

}  // namespace chorus
