// `chorus ingest` and `chorus serve` as a user runs them: the summary line, exit status,
// progress lines, messages.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;

struct Result {
  int status;
  std::string err;
};

class IngestCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("chorus-ingest-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Result run(const std::string& args) {
    std::string cmd = std::string(CHORUS_BIN) + " " + args + " >/dev/null 2>" +
                      (dir_ / "err").string() + " </dev/null";
    int rc = std::system(cmd.c_str());
    std::ifstream f(dir_ / "err");
    std::stringstream s;
    s << f.rdbuf();
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, s.str()};
  }
  std::string db() const { return (dir_ / "store.db").string(); }

  fs::path dir_;
};

TEST_F(IngestCli, SumsUpEachRun) {
  Result r = run("ingest " + std::string(CHORUS_EXAMPLES_DIR) + " --db " + db());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("5 articles read, 5 added, 0 duplicates, 0 errors, 1 events touched"),
            std::string::npos)
      << r.err;
  r = run("ingest " + std::string(CHORUS_EXAMPLES_DIR) + " --db " + db());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("5 articles read, 0 added, 5 duplicates, 0 errors, 0 events touched"),
            std::string::npos)
      << r.err;
}

TEST_F(IngestCli, VerboseReportsEachCommit) {
  Result r = run("ingest " + std::string(CHORUS_EXAMPLES_DIR) + " --db " + db() +
                 " --chunk 2 -v");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("committed 2 articles"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("committed 4 articles"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("committed 5 articles (5 of 5 handled)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("briefs computed"), std::string::npos) << r.err;
}

TEST_F(IngestCli, BadInputIsCountedAndNamed) {
  std::ofstream(dir_ / "bad.jsonl") << "{\"title\": \"no text\"}\nnot json\n"
                                    << "{\"url\": \"https://x.example/a\", \"text\": \"A fire "
                                       "broke out in the port of Oslo on Monday night.\"}\n";
  Result r = run("ingest " + (dir_ / "bad.jsonl").string() + " --db " + db());
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("bad.jsonl:1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.jsonl:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 articles read, 1 added, 0 duplicates, 2 errors"), std::string::npos)
      << r.err;
}

TEST_F(IngestCli, UnusableStoresAreExplained) {
  Result r = run("ingest " + std::string(CHORUS_EXAMPLES_DIR) + " --db " +
                 (dir_ / "no" / "such" / "folder.db").string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot open SQLite store"), std::string::npos) << r.err;
  r = run("ingest " + std::string(CHORUS_EXAMPLES_DIR) +
          " --db postgresql://nobody@127.0.0.1:1/none");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot connect to PostgreSQL"), std::string::npos) << r.err;
  r = run("serve --db " + (dir_ / "missing.db").string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no such store"), std::string::npos) << r.err;
}

}  // namespace
