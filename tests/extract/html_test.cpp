// Web pages: text, metadata, the article/not-article answer, and pages that try to break us.
#include "extract/html.h"

#include <gtest/gtest.h>

#include "extract/charset.h"
#include "extract/dom.h"
#include "text/utf8.h"

namespace chorus {
namespace {

std::string paragraph(int i) {
  return "<p>Paragraph " + std::to_string(i) +
         " of the story tells, in a full sentence of ordinary length, what the officials said "
         "about the flood and what residents did next.</p>";
}

std::string article_page() {
  std::string body;
  for (int i = 0; i < 6; ++i) body += paragraph(i);
  return R"(<!doctype html><html lang="en"><head>
    <title>Floods | Example</title>
    <meta property="og:title" content="Floods force thousands from their homes">
    <meta property="og:site_name" content="Example News">
    <meta name="author" content="By Anna Weiss, Staff Writer">
    <link rel="canonical" href="https://example.org/2021/05/04/floods">
    <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-05-04T08:00:00Z",
      "author":[{"@type":"Person","name":"Anna Weiss"},{"@type":"Person","name":"Tom Berg"}]}</script>
    <script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
    <body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
    <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
    <article><h1>Floods force thousands</h1><p class="byline">By Anna Weiss</p>)" + body +
         R"(<figure><img src="a.jpg"><figcaption>Rescuers in the market.</figcaption></figure>
    <h2>What comes next</h2><p>The river will crest on <b>Wednesday</b>, forecasters said.</p>
    <div class="related-stories"><h3><a href="/a">Storm season starts early this year</a></h3>
    <h3><a href="/b">How to prepare your home for floods</a></h3></div></article>
    <aside><p>Most read: a very long list of other stories that nobody asked for at all here.</p></aside>
    <div id="comments"><p>First comment! This is such a long comment about the story above.</p></div>
    <footer>Contact us · Privacy · Terms</footer></body></html>)";
}

TEST(Html, ArticleTextWithoutFurniture) {
  HtmlPage p = extract_html(article_page());
  EXPECT_TRUE(p.is_article);
  for (int i = 0; i < 6; ++i) {
    EXPECT_NE(p.text.find("Paragraph " + std::to_string(i) + " of the story"), std::string::npos) << i;
  }
  EXPECT_NE(p.text.find("What comes next"), std::string::npos);  // subheading kept
  EXPECT_NE(p.text.find("The river will crest on Wednesday, forecasters said."), std::string::npos);
  for (const char* junk : {"Home", "Share on Facebook", "Storm season", "Most read", "First comment",
                           "Contact us", "not text", "color", "Rescuers in the market",
                           "Floods force thousands\n", "By Anna Weiss"}) {
    EXPECT_EQ(p.text.find(junk), std::string::npos) << junk;
  }
}

TEST(Html, Metadata) {
  HtmlPage p = extract_html(article_page());
  EXPECT_EQ(p.title, "Floods force thousands from their homes");
  EXPECT_EQ(p.published, "2021-05-04");
  EXPECT_EQ(p.site, "Example News");
  EXPECT_EQ(p.url, "https://example.org/2021/05/04/floods");
  EXPECT_EQ(p.language, "en");
  EXPECT_EQ(p.authors, (std::vector<std::string>{"Anna Weiss", "Tom Berg"}));
  EXPECT_EQ(p.charset, "utf-8");
}

TEST(Html, DatesFromTimeUrlAndDatelineButNotFromScriptsOrTheFuture) {
  std::string body;
  for (int i = 0; i < 4; ++i) body += paragraph(i);
  HtmlPage t = extract_html("<html><body><article><time datetime=\"2020-02-03T10:00\">Feb 3</time>" + body + "</article></body></html>");
  EXPECT_EQ(t.published, "2020-02-03");
  HtmlPage u = extract_html("<html><head><link rel=canonical href=\"https://x.org/news/2019/11/19/story\"></head><body><article>" + body + "</article></body></html>");
  EXPECT_EQ(u.published, "2019-11-19");
  HtmlPage d = extract_html("<html><body><article><p>January 13, 2022</p>" + body + "</article></body></html>");
  EXPECT_EQ(d.published, "2022-01-13");
  EXPECT_EQ(d.text.find("January 13, 2022"), std::string::npos);
  HtmlPage s = extract_html("<html><body><script>var published = \"2018-01-01\";</script><article>" + body + "</article></body></html>");
  EXPECT_EQ(s.published, "");
  HtmlPage f = extract_html("<html><head><meta property=\"article:published_time\" content=\"2999-01-01\"></head><body><article>" + body + "</article></body></html>");
  EXPECT_EQ(f.published, "");
}

TEST(Html, AuthorJunkIsDropped) {
  std::string body;
  for (int i = 0; i < 4; ++i) body += paragraph(i);
  HtmlPage p = extract_html("<html><head><meta name=\"author\" content=\"5 Minute Read\"></head><body><article>" + body + "</article></body></html>");
  EXPECT_TRUE(p.authors.empty());
  HtmlPage q = extract_html("<html><head><meta name=\"author\" content=\"Staff\"></head><body><article>" + body + "</article></body></html>");
  EXPECT_TRUE(q.authors.empty());
}

TEST(Html, IndexPagesAreNotArticles) {
  std::string page = "<html><body><main>";
  for (int i = 0; i < 8; ++i) {
    page += "<div class=\"teaser\"><h2><a href=\"/s" + std::to_string(i) + "\">Headline number " +
            std::to_string(i) + " about something</a></h2><p>A teaser of one sentence that says a "
            "little about the story behind the link, enough to tempt.</p></div>";
  }
  page += "</main></body></html>";
  EXPECT_FALSE(extract_html(page).is_article);
}

TEST(Html, GalleriesAndEmptyPagesAreNotArticles) {
  std::string gallery = "<html><body><main><h1>Pictures of the week</h1>";
  for (int i = 0; i < 10; ++i) gallery += "<figure><img src=\"" + std::to_string(i) + ".jpg\"><figcaption>Photo " + std::to_string(i) + "</figcaption></figure>";
  gallery += "</main></body></html>";
  EXPECT_FALSE(extract_html(gallery).is_article);
  EXPECT_FALSE(extract_html("<html><body><nav><a href=\"/\">Home</a></nav></body></html>").is_article);
  EXPECT_FALSE(extract_html("").is_article);
}

TEST(Html, ArticleWrappedInFormOrHeaderIsFound) {
  std::string body;
  for (int i = 0; i < 5; ++i) body += paragraph(i);
  HtmlPage p = extract_html("<html><body><form method=post><div class=\"page\">" + body + "</div></form></body></html>");
  EXPECT_TRUE(p.is_article);
  EXPECT_NE(p.text.find("Paragraph 4"), std::string::npos);
}

// ---- Bad pages: a clean result or nothing, never a crash ----

TEST(HtmlBadPages, DeepNestingIsBoundedBeforeParsing) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "deep text";
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  HtmlPage p = extract_html(deep);  // quadratic without the bound: minutes, not milliseconds
  EXPECT_NE(p.text.find("deep text"), std::string::npos);
  EXPECT_EQ(bound_nesting("<div><p>x</p></div>", 256), "<div><p>x</p></div>");
}

TEST(HtmlBadPages, HugePagesAreReadUpToTheLimit) {
  std::string para = "<p>" + std::string(1000, 'a') + " end.</p>";
  std::string page = "<html><body><article>";
  while (page.size() < (size_t{50} << 20)) page += para;
  HtmlPage p = extract_html(page);
  EXPECT_TRUE(p.truncated);
  EXPECT_GT(p.text.size(), size_t{16} << 20);
}

TEST(HtmlBadPages, TruncatedBinaryAndEmpty) {
  std::string page = article_page();
  HtmlPage half = extract_html(page.substr(0, page.size() / 2));
  EXPECT_NE(half.text.find("Paragraph 0"), std::string::npos);
  std::string binary;
  for (int i = 0; i < 5000; ++i) binary.push_back(static_cast<char>((i * 7919) & 0xFF));
  EXPECT_NO_THROW(extract_html(binary));
  EXPECT_TRUE(extract_html("").text.empty());
  EXPECT_TRUE(extract_html("   \n ").text.empty());
  EXPECT_NO_THROW(extract_html("<p>unclosed <b>tags <i>everywhere <table><td>cell"));
}

TEST(HtmlBadPages, OutputIsValidUtf8WhateverComesIn) {
  // Found by the fuzzer: windows-1252's unassigned 0x8F becomes the C1 control U+008F, which
  // myhtml passed on as an invalid byte.
  using namespace std::string_literals;
  std::string page = "<div>Tea\x8FW\0\0\xB0`<p>caf\xE9 r\xE9sum\xE9</p>\xFF\xFF</div>"s;
  page += std::string(40, '\xFF');
  HtmlPage p = extract_html(page);
  EXPECT_EQ(utf8_first_invalid(p.text), std::string_view::npos);
  EXPECT_NE(p.text.find("café résumé"), std::string::npos);
}

TEST(Html, ScriptsStylesSvgAndCommentsAreNotParsed) {
  std::string out;
  std::vector<std::string> json_ld;
  ASSERT_TRUE(strip_scripts("<p>a</p><script>if (a<b) x();</script><STYLE>p{}</STYLE>"
                            "<!-- <p>hidden</p> --><svg><path d='M0'/></svg>"
                            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script><p>b</p>",
                            out, &json_ld));
  EXPECT_EQ(out, "<p>a</p><script></script><STYLE></STYLE><svg></svg>"
                 "<script type=\"application/ld+json\"></script><p>b</p>");
  ASSERT_EQ(json_ld.size(), 1u);
  EXPECT_EQ(json_ld[0], "{\"@type\":\"NewsArticle\"}");
  EXPECT_FALSE(strip_scripts("<p>plain <b>page</b></p><scripture>kept</scripture>", out, nullptr));
}

TEST(Charset, DeclaredAndProvenCharsets) {
  // windows-1251 declared and used.
  std::string cp1251 = "<html><head><meta charset=\"windows-1251\"></head><body><p>\xCF\xF0\xE8\xE2\xE5\xF2</p></body></html>";
  Utf8Page a = to_utf8(cp1251);
  EXPECT_EQ(a.charset, "windows-1251");
  EXPECT_NE(a.text.find("Привет"), std::string::npos);
  // http-equiv with iso-8859-1 means windows-1252.
  std::string latin = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>caf\xE9 \x93quoted\x94</body></html>";
  Utf8Page b = to_utf8(latin);
  EXPECT_EQ(b.charset, "windows-1252");
  EXPECT_NE(b.text.find("café “quoted”"), std::string::npos);
  // Wrong declaration: says windows-1252, bytes are UTF-8.
  Utf8Page c = to_utf8("<meta charset=\"windows-1252\"><p>café Zürich</p>");
  EXPECT_EQ(c.charset, "utf-8");
  EXPECT_NE(c.text.find("café Zürich"), std::string::npos);
  // Wrong declaration: says UTF-8, bytes are Latin-1.
  Utf8Page d = to_utf8("<meta charset=\"utf-8\"><p>caf\xE9 na\xEFve r\xE9sum\xE9</p>");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_NE(d.text.find("café naïve résumé"), std::string::npos);
  // A BOM decides; UTF-16 too.
  EXPECT_EQ(to_utf8("\xEF\xBB\xBF<p>x</p>").text, "<p>x</p>");
  Utf8Page e = to_utf8(std::string("\xFF\xFE<\0p\0>\0\xE9\0", 10));
  EXPECT_EQ(e.text, "<p>é");
  // A page declared UTF-8 with one stray byte stays UTF-8, the byte replaced.
  Utf8Page f = to_utf8("<meta charset=utf-8><p>déjà vu \xFF here, déjà</p>");
  EXPECT_EQ(f.charset, "utf-8");
  EXPECT_NE(f.text.find("\xEF\xBF\xBD"), std::string::npos);
}

}  // namespace
}  // namespace chorus
