// The SQLite backend: one file, WAL journal (readers never wait for the writer), FTS5 over
// titles and texts, synchronous=FULL so that a committed chunk survives a crash.
#include <sqlite3.h>

#include <set>
#include <stdexcept>

#include "store/backend.h"

namespace chorus {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  first_published TEXT NOT NULL DEFAULT '',
  last_published TEXT NOT NULL DEFAULT '',
  articles INTEGER NOT NULL DEFAULT 0,
  sources INTEGER NOT NULL DEFAULT 0,
  languages TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 0,
  updated TEXT NOT NULL DEFAULT '',
  merged_into INTEGER);
CREATE INDEX IF NOT EXISTS events_updated ON events(updated, id);
CREATE TABLE IF NOT EXISTS articles(
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  event INTEGER NOT NULL,
  url TEXT NOT NULL, source TEXT NOT NULL, title TEXT NOT NULL, published TEXT NOT NULL,
  day INTEGER, language TEXT NOT NULL, words INTEGER NOT NULL,
  duplicate_of TEXT NOT NULL, wire_of TEXT NOT NULL, file TEXT NOT NULL, text TEXT NOT NULL,
  raw TEXT NOT NULL, raw_is_html INTEGER NOT NULL, signals BLOB NOT NULL, added TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_event ON articles(event, published, seq);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source, event);
CREATE INDEX IF NOT EXISTS articles_language ON articles(language, event);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, text, content='articles', content_rowid='seq');
CREATE TABLE IF NOT EXISTS briefs(
  event INTEGER PRIMARY KEY, version INTEGER NOT NULL, json TEXT NOT NULL);
)sql";

class Db {
 public:
  explicit Db(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error(path + ": cannot open SQLite store: " + why);
    }
    sqlite3_busy_timeout(db_, 10000);  // the writer holds the lock for one chunk at most
  }
  ~Db() { sqlite3_close_v2(db_); }
  sqlite3* get() { return db_; }
  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string why = err ? err : "unknown error";
      sqlite3_free(err);
      throw std::runtime_error("SQLite: " + why);
    }
  }

 private:
  sqlite3* db_ = nullptr;
};

// A prepared statement, bound by position (from 1) and stepped row by row.
class Stmt {
 public:
  Stmt(Db& db, const std::string& sql) : db_(db.get()) {
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s_, nullptr) != SQLITE_OK) fail();
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt& bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind_blob(int i, const std::string& v) {
    sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& bind_null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  // Next row: true while there is one.
  bool step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }
  void run() {
    step();
    reset();
  }
  void reset() { sqlite3_reset(s_); }
  std::string text(int i) {
    const unsigned char* p = sqlite3_column_text(s_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(s_, i)) : "";
  }
  std::string blob(int i) {
    const void* p = sqlite3_column_blob(s_, i);
    return p ? std::string(static_cast<const char*>(p), sqlite3_column_bytes(s_, i)) : "";
  }
  int64_t integer(int i) { return sqlite3_column_int64(s_, i); }
  bool is_null(int i) { return sqlite3_column_type(s_, i) == SQLITE_NULL; }

 private:
  [[noreturn]] void fail() { throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(db_)); }
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

StoredArticle read_article(Stmt& s, int c = 0) {
  StoredArticle a;
  a.id = s.text(c);
  a.event = s.integer(c + 1);
  a.url = s.text(c + 2);
  a.source = s.text(c + 3);
  a.title = s.text(c + 4);
  a.published = s.text(c + 5);
  a.language = s.text(c + 6);
  a.file = s.text(c + 7);
  a.text = s.text(c + 8);
  a.duplicate_of = s.text(c + 9);
  a.wire_of = s.text(c + 10);
  a.words = static_cast<uint32_t>(s.integer(c + 11));
  a.added = s.text(c + 12);
  return a;
}

EventSummary read_event(Stmt& s) {
  EventSummary e;
  e.id = s.integer(0);
  e.title = s.text(1);
  e.first_published = s.text(2);
  e.last_published = s.text(3);
  e.articles = static_cast<size_t>(s.integer(4));
  e.sources = static_cast<size_t>(s.integer(5));
  e.languages = split_commas(s.text(6));
  e.updated = s.text(7);
  e.version = s.integer(8);
  return e;
}

// Full-text query of the user's words, each quoted (FTS5 syntax cannot get through).
std::string fts_query(const std::string& query) {
  std::string q;
  for (const std::string& w : query_words(query)) q += (q.empty() ? "\"" : " \"") + w + "\"";
  return q;
}

class Sqlite final : public StoreBackend {
 public:
  explicit Sqlite(const std::string& path) : db_(path) {
    db_.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=OFF;");
    Stmt check(db_, "SELECT count(*) FROM sqlite_master WHERE name='articles'");
    check.step();
    if (check.integer(0) == 0) {
      db_.exec("BEGIN IMMEDIATE");
      db_.exec(kSchema);
      db_.exec("COMMIT");
    }
  }

  std::vector<std::string> known(const std::vector<std::string>& ids) override {
    std::vector<std::string> out;
    Stmt s(db_, "SELECT 1 FROM articles WHERE id = ?");
    for (const std::string& id : ids) {
      s.bind(1, id);
      if (s.step()) out.push_back(id);
      s.reset();
    }
    return out;
  }

  std::vector<int64_t> write(const WriteBatch& b) override {
    db_.exec("BEGIN IMMEDIATE");
    try {
      std::vector<int64_t> ids;
      Stmt ev(db_, "INSERT INTO events(updated) VALUES (?)");
      for (size_t i = 0; i < b.new_events; ++i) {
        ev.bind(1, b.now).run();
        ids.push_back(sqlite3_last_insert_rowid(db_.get()));
      }
      std::set<int64_t> touched;
      Stmt ins(db_,
               "INSERT INTO articles(id, event, url, source, title, published, day, language, "
               "words, duplicate_of, wire_of, file, text, raw, raw_is_html, signals, added) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      Stmt fts(db_, "INSERT INTO articles_fts(rowid, title, text) VALUES (?,?,?)");
      for (const ArticleRow& r : b.articles) {
        const StoredArticle& m = r.meta;
        int64_t event = m.event > 0 ? m.event : ids.at(static_cast<size_t>(-m.event));
        touched.insert(event);
        ins.bind(1, m.id).bind(2, event).bind(3, m.url).bind(4, m.source).bind(5, m.title);
        ins.bind(6, m.published);
        if (r.day == INT32_MIN) {
          ins.bind_null(7);
        } else {
          ins.bind(7, static_cast<int64_t>(r.day));
        }
        ins.bind(8, m.language).bind(9, static_cast<int64_t>(m.words)).bind(10, m.duplicate_of);
        ins.bind(11, m.wire_of).bind(12, m.file).bind(13, m.text).bind(14, r.raw);
        ins.bind(15, static_cast<int64_t>(r.raw_is_html)).bind_blob(16, r.signals);
        ins.bind(17, b.now).run();
        fts.bind(1, sqlite3_last_insert_rowid(db_.get())).bind(2, m.title).bind(3, m.text).run();
      }
      Stmt move(db_, "UPDATE articles SET event = ? WHERE event = ?");
      Stmt mark(db_, "UPDATE events SET merged_into = ? WHERE id = ?");
      Stmt drop(db_, "DELETE FROM briefs WHERE event = ?");
      for (const auto& [from, into] : b.merges) {
        move.bind(1, into).bind(2, from).run();
        mark.bind(1, into).bind(2, from).run();
        drop.bind(1, from).run();
        touched.erase(from);
        touched.insert(into);
      }
      Stmt agg(db_, R"sql(
        UPDATE events SET
          articles = (SELECT count(*) FROM articles WHERE event = ?1),
          sources = (SELECT count(DISTINCT CASE WHEN source = '' THEN 'id:' || id ELSE source END)
                     FROM articles WHERE event = ?1),
          first_published = coalesce((SELECT min(published) FROM articles
                                      WHERE event = ?1 AND published <> ''), ''),
          last_published = coalesce((SELECT max(published) FROM articles
                                     WHERE event = ?1 AND published <> ''), ''),
          languages = coalesce((SELECT group_concat(language) FROM
                                (SELECT DISTINCT language FROM articles WHERE event = ?1
                                 ORDER BY language)), ''),
          title = CASE WHEN title = '' THEN coalesce((SELECT title FROM articles
                       WHERE event = ?1 ORDER BY published, seq LIMIT 1), '') ELSE title END,
          version = version + 1,
          updated = ?2
        WHERE id = ?1)sql");
      for (int64_t id : touched) agg.bind(1, id).bind(2, b.now).run();
      db_.exec("COMMIT");
      return ids;
    } catch (...) {
      sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  void replay(int32_t min_day, size_t undated,
              const std::function<void(std::string, int64_t, std::string)>& fn) override {
    Stmt s(db_,
           "SELECT id, event, signals FROM articles WHERE day >= ?1 OR seq IN "
           "(SELECT seq FROM articles WHERE day IS NULL ORDER BY seq DESC LIMIT ?2) ORDER BY seq");
    s.bind(1, static_cast<int64_t>(min_day)).bind(2, static_cast<int64_t>(undated));
    while (s.step()) fn(s.text(0), s.integer(1), s.blob(2));
  }

  std::optional<int32_t> latest_day() override {
    Stmt s(db_, "SELECT max(day) FROM articles");
    if (!s.step() || s.is_null(0)) return std::nullopt;
    return static_cast<int32_t>(s.integer(0));
  }

  std::vector<ArticleRow> members(int64_t event) override {
    Stmt s(db_, std::string("SELECT ") + kArticleColumns +
                    ", raw, raw_is_html FROM articles WHERE event = ? ORDER BY published, seq");
    s.bind(1, event);
    std::vector<ArticleRow> out;
    while (s.step()) {
      ArticleRow r;
      r.meta = read_article(s);
      r.raw = s.text(13);
      r.raw_is_html = s.integer(14) != 0;
      out.push_back(std::move(r));
    }
    return out;
  }

  std::optional<std::pair<EventSummary, int64_t>> event(int64_t id) override {
    Stmt s(db_, std::string("SELECT ") + kEventColumns +
                    ", coalesce(merged_into, 0) FROM events WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    EventSummary e = read_event(s);
    return std::make_pair(std::move(e), s.integer(9));
  }

  std::optional<std::pair<int64_t, std::string>> brief(int64_t event) override {
    Stmt s(db_, "SELECT version, json FROM briefs WHERE event = ?");
    s.bind(1, event);
    if (!s.step()) return std::nullopt;
    return std::make_pair(s.integer(0), s.text(1));
  }

  void put_brief(int64_t event, int64_t version, const std::string& json,
                 const std::string& title) override {
    db_.exec("BEGIN IMMEDIATE");
    try {
      // A brief for an older version never replaces a newer one (another thread's).
      Stmt s(db_,
             "INSERT INTO briefs(event, version, json) VALUES (?1, ?2, ?3) "
             "ON CONFLICT(event) DO UPDATE SET version = ?2, json = ?3 WHERE version < ?2");
      s.bind(1, event).bind(2, version).bind(3, json).run();
      if (!title.empty()) {
        Stmt t(db_, "UPDATE events SET title = ? WHERE id = ? AND version = ?");
        t.bind(1, title).bind(2, event).bind(3, version).run();
      }
      db_.exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  EventPage events(const EventQuery& q) override {
    std::vector<std::string> args;
    std::optional<std::string> where = events_where(q, '?', fts_query, [](const std::string& p) {
      return "SELECT a.event FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
             "WHERE articles_fts MATCH " + p;
    }, args);
    if (!where) return {};
    EventPage page;
    Stmt count(db_, "SELECT count(*) FROM events" + *where);
    for (size_t i = 0; i < args.size(); ++i) count.bind(static_cast<int>(i + 1), args[i]);
    count.step();
    page.total = static_cast<size_t>(count.integer(0));
    Stmt s(db_, std::string("SELECT ") + kEventColumns + " FROM events" + *where +
                    " ORDER BY updated DESC, id DESC LIMIT " + std::to_string(q.limit) +
                    " OFFSET " + std::to_string(q.offset));
    for (size_t i = 0; i < args.size(); ++i) s.bind(static_cast<int>(i + 1), args[i]);
    while (s.step()) page.events.push_back(read_event(s));
    return page;
  }

  std::optional<StoredArticle> article(const std::string& id) override {
    Stmt s(db_, std::string("SELECT ") + kArticleColumns + " FROM articles WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_article(s);
  }

  std::vector<StoredArticle> search(const std::string& query, size_t limit, size_t offset,
                                    size_t* total) override {
    std::string fq = fts_query(query);
    if (total) *total = 0;
    if (fq.empty()) return {};
    if (total) {
      Stmt c(db_, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?");
      c.bind(1, fq).step();
      *total = static_cast<size_t>(c.integer(0));
    }
    std::string cols;
    for (const std::string& c : split_commas(kArticleColumns)) {
      cols += (cols.empty() ? "a." : ", a.") + c.substr(c.find_first_not_of(' '));
    }
    Stmt s(db_, "SELECT " + cols +
                    " FROM articles_fts f JOIN articles a ON a.seq = f.rowid"
                    " WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT " +
                    std::to_string(limit) + " OFFSET " + std::to_string(offset));
    s.bind(1, fq);
    std::vector<StoredArticle> out;
    while (s.step()) out.push_back(read_article(s));
    return out;
  }

  size_t article_count() override {
    Stmt s(db_, "SELECT count(*) FROM articles");
    s.step();
    return static_cast<size_t>(s.integer(0));
  }

  size_t event_count() override {
    Stmt s(db_, "SELECT count(*) FROM events WHERE merged_into IS NULL");
    s.step();
    return static_cast<size_t>(s.integer(0));
  }

 private:
  Db db_;
};

}  // namespace

std::unique_ptr<StoreBackend> open_sqlite(const std::string& path) {
  return std::make_unique<Sqlite>(path);
}

}  // namespace chorus
