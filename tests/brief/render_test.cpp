#include <gtest/gtest.h>
#include <simdjson.h>

#include "chorus/brief.h"

namespace chorus {
namespace {

Brief sample(std::vector<Article>& articles) {
  articles.resize(2);
  articles[0].id = "a";
  articles[0].file = "in/a.txt";
  articles[0].source = "Outlet \"One\"";
  articles[0].published = "2022-01-13";
  articles[0].language = "en";
  articles[0].removed = {{"Home", "navigation or prompt"}};
  articles[1].id = "b";
  articles[1].language = "en";
  Brief b;
  b.articles = &articles;
  b.id = "ev-1";
  b.title = "Title";
  b.first_published = b.last_published = "2022-01-13";
  b.languages = {"en"};
  b.summary = {{"First sentence.", 0, {0, 1}}, {"Second sentence.", 1, {1}}};
  return b;
}

TEST(Render, JsonFollowsTheContract) {
  std::vector<Article> articles;
  Brief b = sample(articles);
  std::string json = brief_json(b);
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(json);
  EXPECT_EQ(std::string_view(doc["event"]["id"]), "ev-1");
  EXPECT_EQ(std::string_view(doc["event"]["first_published"]), "2022-01-13");
  EXPECT_EQ(std::string_view(doc["articles"].at(0)["source"]), "Outlet \"One\"");
  EXPECT_TRUE(doc["articles"].at(1)["published"].is_null());
  EXPECT_TRUE(doc["articles"].at(1)["duplicate_of"].is_null());
  EXPECT_EQ(std::string_view(doc["articles"].at(0)["removed_lines"].at(0)), "Home");
  EXPECT_EQ(std::string_view(doc["summary"].at(0)["from"]), "a");
  EXPECT_EQ(std::string_view(doc["summary"].at(0)["sources"].at(1)), "b");
  for (const char* k : {"facts", "entities", "quotes", "timeline", "framing"}) {
    EXPECT_EQ(doc[k].get_array().size(), 0u) << k;
  }
}

TEST(Render, MarkdownCitesByNumber) {
  std::vector<Article> articles;
  Brief b = sample(articles);
  std::string md = brief_markdown(b);
  EXPECT_NE(md.find("# Title"), std::string::npos);
  EXPECT_NE(md.find("1. First sentence. [1, 2]"), std::string::npos);
  EXPECT_NE(md.find("2. Second sentence. [2]"), std::string::npos);
  EXPECT_NE(md.find("[1] Outlet \"One\" (2022-01-13) · in/a.txt"), std::string::npos);
}

}  // namespace
}  // namespace chorus
