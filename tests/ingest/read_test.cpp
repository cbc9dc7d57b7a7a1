#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "chorus/pipeline.h"
#include "ingest/read.h"
#include "util/files.h"

namespace chorus {
namespace {
namespace fs = std::filesystem;

class ReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chorus-read-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& data) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }

  fs::path dir_;
};

const Problem* find_problem(const Input& in, std::string_view where_suffix) {
  for (const Problem& p : in.problems) {
    if (p.where.size() >= where_suffix.size() &&
        p.where.compare(p.where.size() - where_suffix.size(), where_suffix.size(), where_suffix) == 0) {
      return &p;
    }
  }
  return nullptr;
}

TEST_F(ReadTest, PlainTextFileBecomesOneArticle) {
  std::string path = write("story.txt", "Headline here\n\nSome story text.\n");
  Input in = read_inputs({path});
  ASSERT_EQ(in.articles.size(), 1u);
  EXPECT_TRUE(in.problems.empty());
  EXPECT_EQ(in.articles[0].id, "story");
  EXPECT_EQ(in.articles[0].file, path);
  EXPECT_FALSE(in.articles[0].raw_is_html);
}

TEST_F(ReadTest, JsonlFieldsAndUnknownFieldsIgnored) {
  std::string path = write("batch.jsonl",
      R"({"id":"a1","url":"https://x.org/1","source":"DW","published":"2022-01-13T10:00:00Z","title":"T","text":"Body one.","extra":[1,2]})" "\n"
      "\n"
      R"({"id":7,"html":"<p>Body two.</p>"})" "\n"
      R"({"text":"Body three.","published":"someday"})" "\n");
  Input in = read_inputs({path});
  ASSERT_EQ(in.articles.size(), 3u);
  const Article& a = in.articles[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.url, "https://x.org/1");
  EXPECT_EQ(a.source, "DW");
  EXPECT_EQ(a.published, "2022-01-13");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.raw, "Body one.");
  EXPECT_EQ(in.articles[1].id, "7");
  EXPECT_TRUE(in.articles[1].raw_is_html);
  EXPECT_EQ(in.articles[2].id, "batch:4");
  // An unreadable date is reported but the article is kept.
  const Problem* p = find_problem(in, "batch.jsonl:4");
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(p->skipped);
}

TEST_F(ReadTest, MalformedJsonlLineIsSkippedAndNamed) {
  std::string path = write("bad.jsonl",
      "{\"id\":\"ok1\",\"text\":\"Fine.\"}\n"
      "{\"id\":\"broken\",\"text\":\"no closing brace\"\n"
      "[1,2,3]\n"
      "{\"id\":\"notext\"}\n"
      "{\"id\":\"ok2\",\"text\":\"Also fine.\"}\n");
  Input in = read_inputs({path});
  ASSERT_EQ(in.articles.size(), 2u);
  EXPECT_EQ(in.articles[1].id, "ok2");
  ASSERT_EQ(in.problems.size(), 3u);
  EXPECT_EQ(in.problems[0].where, path + ":2");
  EXPECT_NE(in.problems[0].what.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(in.problems[1].where, path + ":3");
  EXPECT_EQ(in.problems[2].where, path + ":4");
  EXPECT_EQ(in.problems[2].what, "no text or html");
  for (const Problem& p : in.problems) EXPECT_TRUE(p.skipped);
}

TEST_F(ReadTest, MissingEmptyBinaryAndInvalidUtf8FilesAreSkippedAndNamed) {
  std::string good = write("good.txt", "A story.\n");
  std::string empty = write("empty.txt", "  \n\n");
  std::string binary = write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string latin1 = write("latin1.txt", "first line\nsecond line caf\xE9\n");
  std::string missing = (dir_ / "nope.txt").string();
  Input in = read_inputs({good, empty, binary, latin1, missing});
  ASSERT_EQ(in.articles.size(), 1u);
  EXPECT_EQ(in.articles[0].id, "good");
  ASSERT_EQ(in.problems.size(), 4u);
  EXPECT_EQ(find_problem(in, "empty.txt")->what, "empty file");
  EXPECT_EQ(find_problem(in, "image.txt")->what, "binary data, not text");
  const Problem* bad = find_problem(in, "latin1.txt:2");
  ASSERT_NE(bad, nullptr);
  EXPECT_NE(bad->what.find("invalid UTF-8"), std::string::npos);
  EXPECT_EQ(find_problem(in, "nope.txt")->what, "no such file");
}

TEST_F(ReadTest, InvalidUtf8InJsonlIsNamedByLine) {
  std::string path = write("u.jsonl", "{\"text\":\"ok\"}\n{\"text\":\"caf\xE9\"}\n");
  Input in = read_inputs({path});
  EXPECT_EQ(in.articles.size(), 1u);
  ASSERT_EQ(in.problems.size(), 1u);
  EXPECT_EQ(in.problems[0].where, path + ":2");
}

TEST_F(ReadTest, FoldersAreReadRecursivelyInNameOrder) {
  write("b.txt", "Second.\n");
  write("a.txt", "First.\n");
  write("sub/c.txt", "Third.\n");
  write(".hidden", "Never.\n");
  Input in = read_inputs({dir_.string()});
  ASSERT_EQ(in.articles.size(), 3u);
  EXPECT_EQ(in.articles[0].id, "a");
  EXPECT_EQ(in.articles[1].id, "b");
  EXPECT_EQ(in.articles[2].id, "c");
}

TEST_F(ReadTest, GzipFilesAreDecompressed) {
  std::string text = "Compressed story text.\n";
  std::string path = (dir_ / "z.txt.gz").string();
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
  Input in = read_inputs({path});
  ASSERT_EQ(in.articles.size(), 1u);
  EXPECT_EQ(in.articles[0].id, "z");
  EXPECT_EQ(in.articles[0].raw, text);
  std::string truncated = write("t.txt.gz", std::string("\x1f\x8b\x08\x00\x00\x00", 6));
  Input bad = read_inputs({truncated});
  EXPECT_TRUE(bad.articles.empty());
  ASSERT_EQ(bad.problems.size(), 1u);
  EXPECT_NE(bad.problems[0].what.find("gzip"), std::string::npos);
}

TEST_F(ReadTest, DuplicateIdsAreMadeUnique) {
  std::string a = write("x/story.txt", "One.\n");
  std::string b = write("y/story.txt", "Two.\n");
  Input in = read_inputs({a, b, a});
  ASSERT_EQ(in.articles.size(), 3u);
  EXPECT_EQ(in.articles[0].id, "story");
  EXPECT_EQ(in.articles[1].id, "story~2");
  EXPECT_EQ(in.articles[2].id, "story~3");
}

TEST_F(ReadTest, FormatDetection) {
  EXPECT_EQ(detect_format("a.jsonl.gz", ""), Format::kJsonl);
  EXPECT_EQ(detect_format("a.HTML", ""), Format::kHtml);
  EXPECT_EQ(detect_format("a", "  {\"text\":\"x\"}"), Format::kJsonl);
  EXPECT_EQ(detect_format("a", "<!DOCTYPE html><html>"), Format::kHtml);
  EXPECT_EQ(detect_format("a", "Plain words."), Format::kText);
}

TEST_F(ReadTest, AnalyzeDropsArticlesWithNoWordsAndSaysWhy) {
  std::vector<Article> articles(2);
  articles[0].id = "words";
  articles[0].file = "words.txt";
  articles[0].raw = "Flood waters rose across the valley on Monday, officials said.\n";
  articles[1].id = "residue";
  articles[1].file = "residue.txt";
  articles[1].raw = "Home\nMenu\n12345\n";
  std::vector<Problem> problems;
  analyze_all(articles, problems, 2);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].id, "words");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "residue.txt");
  EXPECT_EQ(problems[0].what, "no words left after cleaning");
}

}  // namespace
}  // namespace chorus
