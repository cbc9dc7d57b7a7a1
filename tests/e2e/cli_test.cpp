// The `chorus` command as a user runs it: output, stderr lines and exit status.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace {
namespace fs = std::filesystem;

struct Result {
  int status;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chorus-cli-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result run(const std::string& args, const std::string& stdin_file = "") {
    std::string cmd = std::string(CHORUS_BIN) + " " + args + " >" + (dir_ / "out").string() +
                      " 2>" + (dir_ / "err").string();
    if (!stdin_file.empty()) cmd += " <" + stdin_file;
    int rc = std::system(cmd.c_str());
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, slurp(dir_ / "out"), slurp(dir_ / "err")};
  }

  std::string write(const std::string& name, const std::string& data) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }

  fs::path dir_;
};

const std::string kExamples = CHORUS_EXAMPLES_DIR;

TEST_F(Cli, BriefOfTheExampleIsValidJson) {
  Result r = run("brief " + kExamples);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(r.out);
  EXPECT_EQ(doc["summary"].get_array().size(), 5u);
  EXPECT_EQ(doc["articles"].get_array().size(), 5u);
  // Every cited id resolves in "articles".
  std::set<std::string_view> ids;
  for (auto a : doc["articles"]) ids.insert(std::string_view(a["id"]));
  for (auto s : doc["summary"]) {
    for (auto id : s["sources"]) EXPECT_TRUE(ids.count(std::string_view(id)));
  }
}

TEST_F(Cli, LengthAndFormatOptions) {
  Result md = run("brief --sentences 3 --format md " + kExamples);
  ASSERT_EQ(md.status, 0) << md.err;
  EXPECT_NE(md.out.find("## Summary"), std::string::npos);
  EXPECT_NE(md.out.find("\n3. "), std::string::npos);
  EXPECT_EQ(md.out.find("\n4. "), std::string::npos);
  Result words = run("brief --words 60 " + kExamples);
  ASSERT_EQ(words.status, 0) << words.err;
  Result both = run("brief --words 60 --sentences 2 " + kExamples);
  EXPECT_EQ(both.status, 2);
}

TEST_F(Cli, MissingFileIsNamedAndTheRestIsUsed) {
  Result r = run("brief " + kExamples + " " + (dir_ / "missing.txt").string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("missing.txt: no such file; skipped"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
  simdjson::dom::parser parser;
  EXPECT_EQ(parser.parse(r.out)["articles"].get_array().size(), 5u);
}

TEST_F(Cli, BadInputsEachGetOneLine) {
  std::string jsonl = write("in.jsonl", "{\"id\":\"x\",\"text\":\"Flood waters rose across the valley.\"}\n{oops\n");
  std::string empty = write("empty.txt", "");
  std::string binary = write("bin.txt", std::string("\0\1\2\3garbage", 11));
  std::string bad_utf8 = write("latin1.txt", "Caf\xE9 owners protested on Monday.\n");
  Result r = run("brief " + jsonl + " " + empty + " " + binary + " " + bad_utf8);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("in.jsonl:2: malformed JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("empty.txt: empty file; skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bin.txt: binary data, not text; skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("latin1.txt:1: invalid UTF-8 at byte 3; skipped"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 4);
  simdjson::dom::parser parser;
  EXPECT_EQ(parser.parse(r.out)["articles"].get_array().size(), 1u);
}

TEST_F(Cli, NothingUsableIsAnError) {
  Result r = run("brief " + write("empty.txt", "\n"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no usable articles"), std::string::npos);
}

TEST_F(Cli, StdinAndClean) {
  Result r = run("brief -", kExamples + "/004_1c8335ddd882d85a.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  Result c = run("clean " + kExamples + "/000_8b8535d9ee745d2b.txt");
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_EQ(c.out.rfind("Russia-Led CSTO Troops Begin Withdrawal From Kazakhstan\n\n", 0), 0u);
  EXPECT_EQ(c.out.find("\nXS"), std::string::npos);
  Result j = run("clean --format jsonl " + kExamples);
  ASSERT_EQ(j.status, 0) << j.err;
  EXPECT_EQ(std::count(j.out.begin(), j.out.end(), '\n'), 5);
  EXPECT_NE(j.out.find("\"why\":\"counter\""), std::string::npos);
}

TEST_F(Cli, EvalRougeScoresFiles) {
  std::string c = write("cand.txt", "the dog ran\n");
  std::string r1 = write("r1.txt", "the dog ran home\n");
  std::string r2 = write("r2.txt", "a dog ran fast today\n");
  Result r = run("eval rouge " + c + " " + r1 + " " + r2);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "ROUGE-1    R:0.55556 P:0.83333 F:0.66667\n"
            "ROUGE-2    R:0.42857 P:0.75000 F:0.54545\n"
            "ROUGE-L    R:0.55556 P:0.83333 F:0.66667\n"
            "ROUGE-SU4  R:0.30435 P:0.70000 F:0.42424\n");
  r = run("eval rouge -n 1 -x --no-skip -l 2 " + c + " " + r1);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "ROUGE-1    R:1.00000 P:1.00000 F:1.00000\n");
  EXPECT_EQ(run("eval rouge " + c).status, 2);
  EXPECT_EQ(run("eval rouge " + c + " " + (dir_ / "missing.txt").string()).status, 1);
}

TEST_F(Cli, EvalRougeChecksVectors) {
  Result r = run("eval rouge --vectors " + std::string(CHORUS_FIXTURES_DIR) +
                 "/rouge-vectors-sample.jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("12/12 cases agree", 0), 0u) << r.out;
  std::string bad = write(
      "bad.jsonl",
      R"({"id": "x", "config": "duc2004", "candidate": ["the dog ran"],)"
      R"( "references": [["the dog"]], "rouge": {"rouge-1": {"r": 1.0, "p": 0.66667, "f": 0.5}}})");
  r = run("eval rouge --vectors " + bad);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("differs: x rouge-1 f: ROUGE-1.5.5 0.50000, chorus 0.80000"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("0/1 cases agree"), std::string::npos);
}

TEST_F(Cli, EvalSummarizeComparesMethodsSideBySide) {
  const std::string data = std::string(CHORUS_FIXTURES_DIR) + "/summarize-clusters.jsonl";
  const std::string out = (dir_ / "summaries.jsonl").string();
  Result r = run("eval summarize --data " + data + " --words 40 --method chorus,lead --method oracle --out " + out);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("2 clusters, 5 articles"), std::string::npos) << r.out;
  std::map<std::string, double> r1;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    std::string method;
    double r1r, r1p, r1f;
    if (fields >> method >> r1r >> r1p >> r1f) r1[method] = r1f;
  }
  ASSERT_EQ(r1.size(), 3u) << r.out;
  EXPECT_GT(r1["chorus"], 0);
  EXPECT_GE(r1["oracle"], r1["chorus"]);
  EXPECT_GE(r1["oracle"], r1["lead"]);
  EXPECT_NE(r.out.find("chorus - best baseline: R-1 F"), std::string::npos);
  std::string written = slurp(out);
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), 6);
  simdjson::dom::parser parser;
  simdjson::dom::element first = parser.parse(written.substr(0, written.find('\n')));
  EXPECT_EQ(std::string_view(first["id"]), "syn-1");
  EXPECT_GT(first["summary"].get_array().size(), 0u);

  EXPECT_EQ(run("eval summarize --data " + data + " --method mmr").status, 2);
  r = run("eval summarize --data " + (dir_ / "missing.jsonl").string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("missing.jsonl"), std::string::npos);
}

TEST_F(Cli, HelpAndUsageErrors) {
  Result h = run("--help");
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("brief"), std::string::npos);
  EXPECT_NE(h.out.find("clean"), std::string::npos);
  EXPECT_NE(h.out.find("eval"), std::string::npos);
  EXPECT_EQ(run("").status, 2);
  EXPECT_EQ(run("brief").status, 2);
  EXPECT_EQ(run("frobnicate").status, 2);
  EXPECT_EQ(run("eval").status, 2);
  EXPECT_EQ(run("eval rouge").status, 2);
}

TEST_F(Cli, ExtractPages) {
  std::string body;
  for (int i = 0; i < 5; ++i) {
    body += "<p>Paragraph " + std::to_string(i) + " of the story, a sentence long enough to count "
            "as the article's own text and not as page furniture.</p>";
  }
  std::string page = write("page.html", "<html lang=\"en\"><head><title>Floods</title>"
                                        "<meta property=\"og:title\" content=\"Floods rise\"></head><body>"
                                        "<nav><a href=\"/\">Home</a></nav><article>" + body +
                                        "</article></body></html>");
  Result t = run("extract " + page);
  ASSERT_EQ(t.status, 0) << t.err;
  EXPECT_EQ(t.out.rfind("Paragraph 0 of the story", 0), 0u);
  EXPECT_EQ(t.out.find("Home"), std::string::npos);
  Result j = run("extract --format jsonl " + page + " " + (dir_ / "missing.html").string() + " " +
                 write("empty.html", ""));
  EXPECT_EQ(j.status, 1);
  EXPECT_NE(j.err.find("missing.html: no such file; skipped"), std::string::npos) << j.err;
  EXPECT_NE(j.err.find("empty.html: empty file; skipped"), std::string::npos) << j.err;
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(j.out.substr(0, j.out.find('\n')));
  EXPECT_EQ(std::string_view(doc["title"]), "Floods rise");
  EXPECT_EQ(std::string_view(doc["language"]), "en");
  EXPECT_TRUE(bool(doc["is_article"]));
  EXPECT_NE(std::string_view(doc["file"]).find("page.html"), std::string_view::npos);
}

TEST_F(Cli, BriefReadsHtmlFromJsonl) {
  std::string body;
  for (int i = 0; i < 5; ++i) {
    body += "<p>Sentence " + std::to_string(i) + " says the river rose over the old bridge on "
            "Monday, officials in the valley said.</p>";
  }
  std::string line = "{\"id\":\"h1\",\"source\":\"Valley Post\",\"html\":\"<html><body><article>" + body +
                     "</article><footer>Contact us</footer></body></html>\"}\n";
  Result r = run("brief " + write("pages.jsonl", line));
  ASSERT_EQ(r.status, 0) << r.err;
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(r.out);
  EXPECT_EQ(std::string_view(doc["articles"].at(0)["source"]), "Valley Post");
  EXPECT_GE(doc["summary"].get_array().size(), 1u);
  EXPECT_EQ(r.out.find("Contact us"), std::string::npos);
}

}  // namespace
