// The PostgreSQL backend (libpqxx): the SQLite schema and behaviour, with a generated
// tsvector column and a GIN index for full-text search (the 'simple' configuration: no
// stemming, as SQLite's FTS5 here). Writers take one advisory lock, so two ingests into one
// database run one after the other.
#include <pqxx/pqxx>

#include <algorithm>
#include <climits>
#include <set>
#include <stdexcept>

#include "store/backend.h"

namespace chorus {

namespace {

constexpr long kWriterLock = 0x63686f7275;  // "choru": one writer at a time

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS events(
  id BIGSERIAL PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  first_published TEXT NOT NULL DEFAULT '',
  last_published TEXT NOT NULL DEFAULT '',
  articles BIGINT NOT NULL DEFAULT 0,
  sources BIGINT NOT NULL DEFAULT 0,
  languages TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 0,
  updated TEXT NOT NULL DEFAULT '',
  merged_into BIGINT);
CREATE INDEX IF NOT EXISTS events_updated ON events(updated, id);
CREATE TABLE IF NOT EXISTS articles(
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  event BIGINT NOT NULL,
  url TEXT NOT NULL, source TEXT NOT NULL, title TEXT NOT NULL, published TEXT NOT NULL,
  day INTEGER, language TEXT NOT NULL, words BIGINT NOT NULL,
  duplicate_of TEXT NOT NULL, wire_of TEXT NOT NULL, file TEXT NOT NULL, text TEXT NOT NULL,
  raw TEXT NOT NULL, raw_is_html BOOLEAN NOT NULL, signals BYTEA NOT NULL, added TEXT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || text)) STORED);
CREATE INDEX IF NOT EXISTS articles_event ON articles(event, published, seq);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source, event);
CREATE INDEX IF NOT EXISTS articles_language ON articles(language, event);
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING GIN(tsv);
CREATE TABLE IF NOT EXISTS briefs(
  event BIGINT PRIMARY KEY, version BIGINT NOT NULL, json TEXT NOT NULL);
)sql";

StoredArticle read_article(const pqxx::row& r) {
  StoredArticle a;
  a.id = r[0].c_str();
  a.event = r[1].as<int64_t>();
  a.url = r[2].c_str();
  a.source = r[3].c_str();
  a.title = r[4].c_str();
  a.published = r[5].c_str();
  a.language = r[6].c_str();
  a.file = r[7].c_str();
  a.text = r[8].c_str();
  a.duplicate_of = r[9].c_str();
  a.wire_of = r[10].c_str();
  a.words = r[11].as<uint32_t>();
  a.added = r[12].c_str();
  return a;
}

EventSummary read_event(const pqxx::row& r) {
  EventSummary e;
  e.id = r[0].as<int64_t>();
  e.title = r[1].c_str();
  e.first_published = r[2].c_str();
  e.last_published = r[3].c_str();
  e.articles = r[4].as<size_t>();
  e.sources = r[5].as<size_t>();
  e.languages = split_commas(r[6].c_str());
  e.updated = r[7].c_str();
  e.version = r[8].as<int64_t>();
  return e;
}

// The user's words for plainto_tsquery: all of them must match; no query syntax.
std::string ts_words(const std::string& query) {
  std::string q;
  for (const std::string& w : query_words(query)) q += (q.empty() ? "" : " ") + w;
  return q;
}

class Postgres final : public StoreBackend {
 public:
  explicit Postgres(const std::string& uri) try : db_(uri) {
    pqxx::work t(db_);
    t.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kWriterLock) + ")");
    t.exec("SET LOCAL client_min_messages = warning");  // no notices for existing tables
    t.exec(kSchema);
    t.commit();
  } catch (const pqxx::broken_connection& e) {
    throw std::runtime_error("cannot connect to PostgreSQL: " + std::string(e.what()));
  }

  std::vector<std::string> known(const std::vector<std::string>& ids) override {
    if (ids.empty()) return {};
    pqxx::nontransaction t(db_);
    std::string list;
    for (const std::string& id : ids) list += (list.empty() ? "" : ",") + t.quote(id);
    std::vector<std::string> out;
    for (const auto& r : t.exec("SELECT id FROM articles WHERE id IN (" + list + ")")) {
      out.push_back(r[0].c_str());
    }
    return out;
  }

  std::vector<int64_t> write(const WriteBatch& b) override {
    pqxx::work t(db_);
    t.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kWriterLock) + ")");
    std::vector<int64_t> ids;
    for (size_t i = 0; i < b.new_events; ++i) {
      ids.push_back(t.exec_params1("INSERT INTO events(updated) VALUES ($1) RETURNING id", b.now)[0]
                        .as<int64_t>());
    }
    std::set<int64_t> touched;
    for (const ArticleRow& r : b.articles) {
      const StoredArticle& m = r.meta;
      int64_t event = m.event > 0 ? m.event : ids.at(static_cast<size_t>(-m.event));
      touched.insert(event);
      t.exec_params(
          "INSERT INTO articles(id, event, url, source, title, published, day, language, words, "
          "duplicate_of, wire_of, file, text, raw, raw_is_html, signals, added) VALUES "
          "($1,$2,$3,$4,$5,$6,NULLIF($7, -2147483648),$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)",
          m.id, event, m.url, m.source, m.title, m.published, r.day, m.language,
          static_cast<int64_t>(m.words), m.duplicate_of, m.wire_of, m.file, m.text, r.raw,
          r.raw_is_html, pqxx::binarystring(r.signals), b.now);
    }
    for (const auto& [from, into] : b.merges) {
      t.exec_params("UPDATE articles SET event = $1 WHERE event = $2", into, from);
      t.exec_params("UPDATE events SET merged_into = $1 WHERE id = $2", into, from);
      t.exec_params("DELETE FROM briefs WHERE event = $1", from);
      touched.erase(from);
      touched.insert(into);
    }
    for (int64_t id : touched) {
      t.exec_params(R"sql(
        UPDATE events SET
          articles = a.n, sources = a.sources,
          first_published = coalesce(a.first, ''), last_published = coalesce(a.last, ''),
          languages = coalesce(a.languages, ''),
          title = CASE WHEN events.title = '' THEN coalesce((SELECT title FROM articles
                       WHERE event = $1 ORDER BY published, seq LIMIT 1), '')
                  ELSE events.title END,
          version = version + 1, updated = $2
        FROM (SELECT count(*) AS n,
                     count(DISTINCT CASE WHEN source = '' THEN 'id:' || id ELSE source END)
                       AS sources,
                     min(NULLIF(published, '')) AS first, max(NULLIF(published, '')) AS last,
                     string_agg(DISTINCT language, ',' ORDER BY language) AS languages
              FROM articles WHERE event = $1) a
        WHERE events.id = $1)sql",
                    id, b.now);
    }
    t.commit();
    return ids;
  }

  void replay(int32_t min_day, size_t undated,
              const std::function<void(std::string, int64_t, std::string)>& fn) override {
    pqxx::work t(db_);
    // Streamed through a cursor: the window may hold many articles.
    pqxx::stateless_cursor<pqxx::cursor_base::read_only, pqxx::cursor_base::owned> c(
        t,
        "SELECT id, event, signals FROM articles WHERE day >= " + std::to_string(min_day) +
            " OR seq IN (SELECT seq FROM articles WHERE day IS NULL ORDER BY seq DESC LIMIT " +
            std::to_string(undated) + ") ORDER BY seq",
        "replay", false);
    for (size_t at = 0, n = c.size(); at < n; at += 2000) {
      for (const auto& r : c.retrieve(at, std::min(n, at + 2000))) {
        fn(r[0].c_str(), r[1].as<int64_t>(), pqxx::binarystring(r[2]).str());
      }
    }
  }

  std::optional<int32_t> latest_day() override {
    pqxx::nontransaction t(db_);
    pqxx::result r = t.exec("SELECT max(day) FROM articles");
    if (r[0][0].is_null()) return std::nullopt;
    return r[0][0].as<int32_t>();
  }

  std::vector<ArticleRow> members(int64_t event) override {
    pqxx::nontransaction t(db_);
    std::vector<ArticleRow> out;
    for (const auto& r : t.exec_params(std::string("SELECT ") + kArticleColumns +
                                           ", raw, raw_is_html FROM articles WHERE event = $1 "
                                           "ORDER BY published, seq",
                                       event)) {
      ArticleRow a;
      a.meta = read_article(r);
      a.raw = r[13].c_str();
      a.raw_is_html = r[14].as<bool>();
      out.push_back(std::move(a));
    }
    return out;
  }

  std::optional<std::pair<EventSummary, int64_t>> event(int64_t id) override {
    pqxx::nontransaction t(db_);
    pqxx::result r = t.exec_params(std::string("SELECT ") + kEventColumns +
                                       ", coalesce(merged_into, 0) FROM events WHERE id = $1",
                                   id);
    if (r.empty()) return std::nullopt;
    return std::make_pair(read_event(r[0]), r[0][9].as<int64_t>());
  }

  std::optional<std::pair<int64_t, std::string>> brief(int64_t event) override {
    pqxx::nontransaction t(db_);
    pqxx::result r = t.exec_params("SELECT version, json FROM briefs WHERE event = $1", event);
    if (r.empty()) return std::nullopt;
    return std::make_pair(r[0][0].as<int64_t>(), std::string(r[0][1].c_str()));
  }

  void put_brief(int64_t event, int64_t version, const std::string& json,
                 const std::string& title) override {
    pqxx::work t(db_);
    // A brief for an older version never replaces a newer one (another thread's).
    t.exec_params(
        "INSERT INTO briefs(event, version, json) VALUES ($1, $2, $3) ON CONFLICT(event) DO "
        "UPDATE SET version = $2, json = $3 WHERE briefs.version < $2",
        event, version, json);
    if (!title.empty()) {
      t.exec_params("UPDATE events SET title = $1 WHERE id = $2 AND version = $3", title, event,
                    version);
    }
    t.commit();
  }

  EventPage events(const EventQuery& q) override {
    std::vector<std::string> args;
    std::optional<std::string> where = events_where(q, '$', ts_words, [](const std::string& p) {
      return "SELECT event FROM articles WHERE tsv @@ plainto_tsquery('simple', " + p + ")";
    }, args);
    if (!where) return {};
    pqxx::nontransaction t(db_);
    EventPage page;
    auto params = pqxx::prepare::make_dynamic_params(args);
    page.total = t.exec_params("SELECT count(*) FROM events" + *where, params)[0][0].as<size_t>();
    for (const auto& r :
         t.exec_params(std::string("SELECT ") + kEventColumns + " FROM events" + *where +
                           " ORDER BY updated DESC, id DESC LIMIT " + std::to_string(q.limit) +
                           " OFFSET " + std::to_string(q.offset),
                       params)) {
      page.events.push_back(read_event(r));
    }
    return page;
  }

  std::optional<StoredArticle> article(const std::string& id) override {
    pqxx::nontransaction t(db_);
    pqxx::result r = t.exec_params(
        std::string("SELECT ") + kArticleColumns + " FROM articles WHERE id = $1", id);
    if (r.empty()) return std::nullopt;
    return read_article(r[0]);
  }

  std::vector<StoredArticle> search(const std::string& query, size_t limit, size_t offset,
                                    size_t* total) override {
    std::string words = ts_words(query);
    if (total) *total = 0;
    if (words.empty()) return {};
    pqxx::nontransaction t(db_);
    if (total) {
      *total = t.exec_params(
                    "SELECT count(*) FROM articles WHERE tsv @@ plainto_tsquery('simple', $1)",
                    words)[0][0]
                   .as<size_t>();
    }
    std::vector<StoredArticle> out;
    for (const auto& r : t.exec_params(
             std::string("SELECT ") + kArticleColumns +
                 " FROM articles WHERE tsv @@ plainto_tsquery('simple', $1) ORDER BY "
                 "ts_rank(tsv, plainto_tsquery('simple', $1)) DESC, seq LIMIT " +
                 std::to_string(limit) + " OFFSET " + std::to_string(offset),
             words)) {
      out.push_back(read_article(r));
    }
    return out;
  }

  size_t article_count() override {
    pqxx::nontransaction t(db_);
    return t.exec("SELECT count(*) FROM articles")[0][0].as<size_t>();
  }

  size_t event_count() override {
    pqxx::nontransaction t(db_);
    return t.exec("SELECT count(*) FROM events WHERE merged_into IS NULL")[0][0].as<size_t>();
  }

 private:
  pqxx::connection db_;
};

}  // namespace

std::unique_ptr<StoreBackend> open_postgres(const std::string& uri) {
  return std::make_unique<Postgres>(uri);
}

}  // namespace chorus
