#include <gtest/gtest.h>
#include <simdjson.h>

#include "chorus/brief.h"
#include "text/dates.h"

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
    EXPECT_EQ(doc[k].get_array().size(), 0u) << k;  // present even when empty
  }
}

TEST(Render, FactSectionsFollowTheContract) {
  std::vector<Article> articles;
  Brief b = sample(articles);
  b.facts = {Fact{"troops", "", FactValue{2000, 2000, false, "about", "about 2,000 troops", {0}},
                  {FactValue{2000, 2000, false, "over", "more than 2,000 troops", {1}}},
                  {FactValue{1600, 1600, false, "", "1,600 officers", {1}}}, 2},
             Fact{"withdrawal end", "date", FactValue{19011, 19011, false, "", "by January 19", {0}}, {}, {}, 1}};
  b.entities = {Entity{"Kassym-Jomart Tokayev", "person", {"Toqaev"}, {0, 1}, 3}};
  b.quotes = {Quote{"Vladimir Putin", "Everything went like clockwork.", {1}}};
  b.timeline = {TimelineEntry{"2022-01-06", "Troops arrived.", 1, {0, 1}}};
  b.framing = {Framing{1, {"peacekeepers"}, {"terrorists"}}};
  std::string json = brief_json(b);
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(json);
  simdjson::dom::element troops = doc["facts"].at(0);
  EXPECT_EQ(std::string_view(troops["about"]), "troops");
  EXPECT_EQ(int64_t(troops["value"]), 2000);
  EXPECT_EQ(std::string_view(troops["approx"]), "about");
  EXPECT_EQ(troops["sources"].get_array().size(), 2u);  // the reported value's and the agreeing
  EXPECT_FALSE(bool(troops["single_source"]));
  EXPECT_EQ(int64_t(troops["conflicts"].at(0)["value"]), 1600);
  EXPECT_EQ(std::string_view(troops["conflicts"].at(0)["sources"].at(0)), "b");
  simdjson::dom::element end = doc["facts"].at(1);
  EXPECT_EQ(std::string_view(end["value"]), "2022-01-19");  // dates as dates
  EXPECT_TRUE(bool(end["single_source"]));
  EXPECT_EQ(std::string_view(doc["entities"].at(0)["aliases"].at(0)), "Toqaev");
  EXPECT_EQ(int64_t(doc["entities"].at(0)["mentions"]), 3);
  EXPECT_EQ(std::string_view(doc["quotes"].at(0)["speaker"]), "Vladimir Putin");
  EXPECT_EQ(std::string_view(doc["timeline"].at(0)["from"]), "b");
  EXPECT_EQ(std::string_view(doc["framing"].at(0)["article"]), "b");
  EXPECT_EQ(std::string_view(doc["framing"].at(0)["quoted"].at(0)), "terrorists");

  std::string md = brief_markdown(b);
  EXPECT_NE(md.find("**troops**: about 2,000 troops [1]; more than 2,000 troops [2]; **differs**: 1,600 officers [2]"),
            std::string::npos) << md;
  EXPECT_NE(md.find("by January 19 [1] (one source only)"), std::string::npos);
  EXPECT_NE(md.find("2022-01-06: Troops arrived. [1, 2]"), std::string::npos);
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
