// The store, run against SQLite and against a real PostgreSQL started by the test
// (pg_server.h): the same behaviour from both.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "chorus/pipeline.h"
#include "chorus/store.h"
#include "store/backend.h"
#include "store/pg_server.h"

namespace chorus {
namespace {

namespace fs = std::filesystem;
const std::string kExamples = CHORUS_EXAMPLES_DIR;

// One PostgreSQL server for the whole test program, started when first needed.
testing::PgServer& pg() {
  static testing::PgServer server;
  return server;
}

std::vector<Article> examples(const std::vector<std::string>& names = {}) {
  std::vector<std::string> paths;
  for (const std::string& n : names) paths.push_back(kExamples + "/" + n);
  if (paths.empty()) paths.push_back(kExamples);
  return read_inputs(paths).articles;
}

Article article(const std::string& url, const std::string& title, const std::string& text,
                const std::string& published = "2024-03-01", const std::string& source = "") {
  Article a;
  a.url = url;
  a.title = title;
  a.raw = text;
  a.published = published;
  a.source = source;
  return a;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
    if (GetParam() == "sqlite") {
      dir_ = fs::temp_directory_path() / ("chorus-store-" + std::to_string(::getpid()) + name);
      fs::create_directories(dir_);
      where_ = (dir_ / "store.db").string();
    } else {
      if (!pg().ok()) GTEST_SKIP() << "PostgreSQL not available: " << pg().why();
      where_ = pg().new_database("t_" + name.substr(name.find('_') + 1));
      ASSERT_FALSE(where_.empty()) << "cannot create a database";
    }
    store_ = reopen();
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  std::unique_ptr<Store> reopen() {
    std::string error;
    std::unique_ptr<Store> s = Store::open(where_, &error);
    EXPECT_TRUE(s) << error;
    return s;
  }
  IngestReport ingest(std::vector<Article> articles) {
    return store_->ingest(std::move(articles), {});
  }

  fs::path dir_;
  std::string where_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, TheExampleBecomesOneEventWithACitedBrief) {
  IngestReport r = ingest(examples());
  EXPECT_EQ(r.read, 5u);
  EXPECT_EQ(r.added, 5u);
  EXPECT_EQ(r.duplicates, 0u);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(store_->article_count(), 5u);
  EXPECT_EQ(store_->event_count(), 1u);
  std::optional<EventSummary> e = store_->event(r.events[0]);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->articles, 5u);
  EXPECT_EQ(e->first_published, "2022-01-13");
  EXPECT_EQ(e->last_published, "2022-01-14");
  EXPECT_EQ(e->languages, std::vector<std::string>{"en"});
  EXPECT_NE(e->title.find("Kazakhstan"), std::string::npos) << e->title;
  std::optional<std::string> brief = store_->brief(e->id);
  ASSERT_TRUE(brief);
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(*brief);
  EXPECT_EQ(doc["articles"].get_array().size(), 5u);
  EXPECT_GE(doc["summary"].get_array().size(), 3u);
  for (simdjson::dom::element s : doc["summary"]) {
    EXPECT_GE(s["sources"].get_array().size(), 1u);
  }
}

TEST_P(StoreTest, TheSameArticlesAgainChangeNothing) {
  IngestReport first = ingest(examples());
  int64_t version = store_->event(first.events[0])->version;
  std::string brief = *store_->brief(first.events[0]);
  IngestReport again = ingest(examples());
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.duplicates, 5u);
  EXPECT_TRUE(again.events.empty());
  EXPECT_EQ(again.ids, first.ids);
  EXPECT_EQ(store_->article_count(), 5u);
  EXPECT_EQ(store_->event(first.events[0])->version, version);
  EXPECT_EQ(*store_->brief(first.events[0]), brief);
}

TEST_P(StoreTest, OneUrlWrittenTwoWaysIsOneArticle) {
  std::string text = "Firefighters put out a blaze at the harbour of Bergen on Friday night.";
  IngestReport r = ingest({article("https://www.example.com/news/fire/?utm_source=x#top", "Fire",
                                   text),
                           article("http://example.com/news/fire", "Fire", text + " More.")});
  EXPECT_EQ(r.added, 1u);
  EXPECT_EQ(r.duplicates, 1u);
  EXPECT_EQ(r.ids[0], r.ids[1]);
}

TEST_P(StoreTest, NewArticlesJoinTheirEventAndItsBriefIsRecomputed) {
  IngestReport first = ingest(examples({"000_8b8535d9ee745d2b.txt", "001_2ea4f19eb864d0a9.txt",
                                        "002_baf8908cf5c546c3.txt"}));
  ASSERT_EQ(first.events.size(), 1u);
  int64_t id = first.events[0];
  EventSummary before = *store_->event(id);
  EXPECT_EQ(before.articles, 3u);
  store_ = reopen();  // a later ingest, as a new process would do it
  IngestReport second =
      ingest(examples({"003_2c408a7fb241b5bb.txt", "004_1c8335ddd882d85a.txt"}));
  EXPECT_EQ(second.added, 2u);
  ASSERT_EQ(second.events, std::vector<int64_t>{id});
  EventSummary after = *store_->event(id);
  EXPECT_EQ(after.articles, 5u);
  EXPECT_GT(after.version, before.version);
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(*store_->brief(id));
  EXPECT_EQ(doc["articles"].get_array().size(), 5u);
  EXPECT_EQ(store_->event_count(), 1u);
}

TEST_P(StoreTest, UnrelatedArticlesMakeTheirOwnEvents) {
  int64_t example = ingest(examples()).events.at(0);
  EventSummary before = *store_->event(example);
  std::string brief = *store_->brief(example);
  IngestReport r = ingest(
      {article("https://a.example/1", "Volcano erupts in Iceland",
               "A volcano on the Reykjanes peninsula in Iceland erupted on Sunday, sending lava "
               "towards the town of Grindavik. Residents of Grindavik had been evacuated.",
               "2024-01-14", "RUV"),
       article("https://b.example/2", "Iceland volcano eruption reaches Grindavik",
               "Lava from the Reykjanes volcano reached the edge of Grindavik in Iceland on "
               "Sunday. The town had been evacuated before the eruption.",
               "2024-01-14", "Reuters")});
  EXPECT_EQ(r.added, 2u);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(store_->event_count(), 2u);
  EventSummary e = *store_->event(r.events[0]);
  EXPECT_EQ(e.articles, 2u);
  EXPECT_EQ(e.sources, 2u);
  // The example's event did not change: same version, same cached brief.
  EXPECT_EQ(store_->event(example)->version, before.version);
  EXPECT_EQ(store_->event(example)->updated, before.updated);
  EXPECT_EQ(*store_->brief(example), brief);
}

TEST_P(StoreTest, EventsAreFilteredAndPaged) {
  ingest(examples());
  ingest({article("https://a.example/1", "Volcano erupts in Iceland",
                  "A volcano on the Reykjanes peninsula in Iceland erupted on Sunday, sending "
                  "lava towards the town of Grindavik.",
                  "2024-01-14", "RUV")});
  EXPECT_EQ(store_->events({}).total, 2u);
  EventQuery q;
  q.text = "volcano";
  EventPage page = store_->events(q);
  ASSERT_EQ(page.total, 1u);
  EXPECT_EQ(page.events[0].title, "Volcano erupts in Iceland");
  q = {};
  q.text = "CSTO troops";
  EXPECT_EQ(store_->events(q).total, 1u);
  q.text = "\"unbalanced ( quotes OR* NEAR";  // query syntax never reaches the database
  EXPECT_EQ(store_->events(q).total, 0u);
  q = {};
  q.source = "RUV";
  EXPECT_EQ(store_->events(q).total, 1u);
  q = {};
  q.from = "2022-01-14";
  q.to = "2022-01-20";
  page = store_->events(q);
  ASSERT_EQ(page.total, 1u);
  EXPECT_EQ(page.events[0].first_published, "2022-01-13");
  q = {};
  q.language = "en";
  q.limit = 1;
  q.offset = 1;
  page = store_->events(q);
  EXPECT_EQ(page.total, 2u);
  EXPECT_EQ(page.events.size(), 1u);
  q.language = "fr";
  EXPECT_EQ(store_->events(q).total, 0u);
}

TEST_P(StoreTest, ArticlesAreFoundByIdAndText) {
  IngestReport r = ingest(examples());
  std::optional<StoredArticle> a = store_->article(r.ids[0]);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->event, r.events[0]);
  EXPECT_FALSE(a->text.empty());
  EXPECT_FALSE(store_->article("0000000000000000"));
  size_t total = 0;
  std::vector<StoredArticle> found = store_->search("Tokayev", 3, 0, &total);
  EXPECT_GE(total, 3u);
  EXPECT_EQ(found.size(), 3u);
  EXPECT_TRUE(store_->search("zzzqqq", 10, 0, &total).empty());
  EXPECT_EQ(total, 0u);
}

TEST_P(StoreTest, UnknownEventsAreNotFound) {
  EXPECT_FALSE(store_->event(42));
  EXPECT_FALSE(store_->brief(42));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST(StableIds, CanonicalUrls) {
  EXPECT_EQ(canonical_url("https://www.Example.COM/a/b/?utm_medium=x&id=3#frag"),
            "example.com/a/b?id=3");
  EXPECT_EQ(canonical_url("http://example.com:80/a"), canonical_url("https://example.com/a/"));
  EXPECT_NE(article_id("https://example.com/a", ""), article_id("https://example.com/b", ""));
  EXPECT_EQ(article_id("", "same text"), article_id("", "same text"));
  EXPECT_EQ(article_id("", "x").size(), 16u);
}

TEST(Signals, RoundTrip) {
  ArticleSignals s;
  s.terms = {{1, 1.5f}, {99, 3.0f}};
  s.simhash = 0xdeadbeef;
  s.sentence_hashes = {7, 8, 9};
  s.day = 19000;
  s.words = 120;
  ArticleSignals t;
  ASSERT_TRUE(decode_signals(encode_signals(s), t));
  EXPECT_EQ(t.terms, s.terms);
  EXPECT_EQ(t.simhash, s.simhash);
  EXPECT_EQ(t.sentence_hashes, s.sentence_hashes);
  EXPECT_EQ(t.day, s.day);
  EXPECT_EQ(t.words, s.words);
  EXPECT_FALSE(decode_signals("garbage", t));
}

TEST(QueryWords, OnlyLettersAndDigitsBounded) {
  EXPECT_EQ(query_words("CSTO \"troops\" OR* (Kazakhstan)"),
            (std::vector<std::string>{"CSTO", "troops", "OR", "Kazakhstan"}));
  EXPECT_EQ(query_words("Токаев"), std::vector<std::string>{"Токаев"});
  EXPECT_EQ(query_words(std::string(1000, 'a'))[0].size(), 64u);
  EXPECT_EQ(query_words(std::string(100, ' ') + "a b c d e f g h i j k l m n o p q r s").size(),
            16u);
}

}  // namespace
}  // namespace chorus
