#include "extract/html.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

TEST(Html, TextAndMetadata) {
  HtmlPage p = extract_html(R"(<!doctype html><html lang="en"><head>
    <title>Floods | Example</title>
    <meta property="og:title" content="Floods force thousands from their homes">
    <meta property="article:published_time" content="2021-05-04T08:00:00Z">
    <meta property="og:site_name" content="Example News">
    <link rel="canonical" href="https://example.org/floods">
    <script>var x = 1;</script><style>p{}</style></head>
    <body><nav>Home News Sport</nav>
    <article><h1>Floods force thousands</h1><p>Flood waters rose on <b>Monday</b>.</p>
    <p>Crews opened shelters.</p></article>
    <footer>Contact us</footer></body></html>)");
  EXPECT_EQ(p.title, "Floods force thousands from their homes");
  EXPECT_EQ(p.published, "2021-05-04");
  EXPECT_EQ(p.site, "Example News");
  EXPECT_EQ(p.url, "https://example.org/floods");
  EXPECT_EQ(p.language, "en");
  EXPECT_NE(p.text.find("Flood waters rose on Monday."), std::string::npos);
  EXPECT_NE(p.text.find("\nCrews opened shelters."), std::string::npos);
  EXPECT_EQ(p.text.find("Home News"), std::string::npos);
  EXPECT_EQ(p.text.find("var x"), std::string::npos);
  EXPECT_EQ(p.text.find("Contact"), std::string::npos);
}

TEST(Html, SurvivesDeepNestingAndGarbage) {
  std::string deep;
  // 10,000 levels: gumbo is quadratic in depth (100,000 levels take ~20 s); the extraction
  // issue bounds depth before parsing.
  for (int i = 0; i < 10000; ++i) deep += "<div>";
  deep += "deep text";
  HtmlPage p = extract_html(deep);
  EXPECT_NE(p.text.find("deep text"), std::string::npos);
  EXPECT_TRUE(extract_html("").text.empty());
  EXPECT_NO_THROW(extract_html("<p>unclosed <b>tags <i>everywhere"));
}

}  // namespace
}  // namespace chorus
