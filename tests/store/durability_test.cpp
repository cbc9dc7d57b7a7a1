// Durability: `chorus ingest` killed (SIGKILL) in the middle of a 100,000-article ingest loses
// nothing it reported committed, and an ingest of the same input afterwards completes the store
// with no duplicate and consistent events.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "chorus/store.h"
#include "synthetic_news.h"

namespace chorus {
namespace {

namespace fs = std::filesystem;
constexpr size_t kArticles = 100000;

// Runs `chorus ARGS...`; calls on_line(line) for each stderr line, which returns true to kill
// the process there (SIGKILL). Returns the exit status, or -SIGKILL when killed.
template <typename Fn>
int run_chorus(const std::vector<std::string>& args, Fn on_line) {
  int fds[2];
  if (::pipe(fds) != 0) return -1;
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], 2);
    ::close(fds[0]);
    ::close(fds[1]);
    std::vector<char*> argv{const_cast<char*>(CHORUS_BIN)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(CHORUS_BIN, argv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  std::FILE* err = ::fdopen(fds[0], "r");
  char buf[1024];
  bool killed = false;
  while (std::fgets(buf, sizeof buf, err)) {
    if (!killed && on_line(std::string(buf))) {
      ::kill(pid, SIGKILL);
      killed = true;
    }
  }
  std::fclose(err);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The store checked from the outside: SQL on the SQLite file.
class Inspect {
 public:
  explicit Inspect(const std::string& path) { sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr); }
  ~Inspect() { sqlite3_close(db_); }
  int64_t number(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr);
    int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    return n;
  }
  std::set<std::string> ids() {
    std::set<std::string> out;
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db_, "SELECT id FROM articles", -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW) {
      out.insert(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    }
    sqlite3_finalize(s);
    return out;
  }
  // Every article in a live event, every live event's counts true, the index complete.
  void expect_consistent() {
    EXPECT_EQ(number("SELECT count(*) FROM articles a LEFT JOIN events e ON e.id = a.event "
                     "WHERE e.id IS NULL OR e.merged_into IS NOT NULL"),
              0);
    EXPECT_EQ(number("SELECT count(*) FROM events e WHERE merged_into IS NULL AND articles <> "
                     "(SELECT count(*) FROM articles WHERE event = e.id)"),
              0);
    EXPECT_EQ(number("SELECT count(*) FROM events WHERE merged_into IS NULL AND articles = 0"), 0);
    EXPECT_EQ(number("SELECT count(*) FROM articles_fts"), number("SELECT count(*) FROM articles"));
    EXPECT_EQ(number("SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1)"),
              0);
  }

 private:
  sqlite3* db_ = nullptr;
};

TEST(Durability, KilledIngestKeepsWhatItCommittedAndResumes) {
  fs::path dir = fs::temp_directory_path() / ("chorus-durability-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string input = (dir / "articles.jsonl").string();
  std::string db = (dir / "store.db").string();
  std::set<std::string> expected;
  {
    std::FILE* f = std::fopen(input.c_str(), "w");
    ASSERT_TRUE(f);
    testing::SyntheticNews(11).write(kArticles, f);
    std::fclose(f);
    // The ids the store must end with: one per URL.
    std::FILE* in = std::fopen(input.c_str(), "r");
    char line[8192];
    std::regex url_re(R"re("url":"([^"]+)")re");
    std::cmatch m;
    while (std::fgets(line, sizeof line, in)) {
      if (std::regex_search(line, m, url_re)) expected.insert(article_id(m[1].str(), ""));
    }
    std::fclose(in);
  }
  ASSERT_EQ(expected.size(), kArticles);

  std::vector<std::string> args = {"ingest", input, "--db", db, "--verbose", "--defer-briefs"};
  std::regex committed_re(R"(committed (\d+) articles)");
  size_t reported = 0;
  int status = run_chorus(args, [&](const std::string& line) {
    std::smatch m;
    if (std::regex_search(line, m, committed_re)) reported = std::stoul(m[1].str());
    return reported >= kArticles * 2 / 5;  // killed with about 40% committed
  });
  ASSERT_EQ(status, -SIGKILL) << "the ingest ended before it was killed";
  ASSERT_GT(reported, 0u);
  ASSERT_LT(reported, kArticles);
  {
    Inspect store(db);
    int64_t after_crash = store.number("SELECT count(*) FROM articles");
    EXPECT_GE(after_crash, static_cast<int64_t>(reported)) << "committed articles were lost";
    for (const std::string& id : store.ids()) EXPECT_EQ(expected.count(id), 1u) << id;
    store.expect_consistent();
  }

  std::string summary;
  status = run_chorus(args, [&](const std::string& line) {
    if (line.find("articles read") != std::string::npos) summary = line;
    return false;
  });
  ASSERT_EQ(status, 0) << summary;
  EXPECT_NE(summary.find("100000 articles read"), std::string::npos) << summary;
  {
    Inspect store(db);
    EXPECT_EQ(store.ids(), expected);
    store.expect_consistent();
  }
  // And once more: nothing changes.
  summary.clear();
  status = run_chorus(args, [&](const std::string& line) {
    if (line.find("articles read") != std::string::npos) summary = line;
    return false;
  });
  EXPECT_NE(summary.find("0 added, 100000 duplicates"), std::string::npos) << summary;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace chorus
