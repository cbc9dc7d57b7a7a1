// What a store's database does for Store (include/chorus/store.h): the same schema and
// behaviour in SQLite (sqlite.cpp) and PostgreSQL (postgres.cpp). Store holds the logic
// (ids, events, briefs); a backend only reads and writes rows, each write in one transaction.
#pragma once

#include <climits>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "chorus/store.h"

namespace chorus {

// An article row with what Store needs beyond StoredArticle: the input as read (to analyse
// it again for a brief) and its event signals (to warm the event stream of a later ingest).
struct ArticleRow {
  StoredArticle meta;
  std::string raw;
  bool raw_is_html = false;
  std::string signals;  // encode_signals()
  int32_t day = INT32_MIN;
};

// The columns both backends select, in the order their readers expect: a StoredArticle
// (read_article) and an EventSummary (read_event).
constexpr const char* kArticleColumns =
    "id, event, url, source, title, published, language, file, text, duplicate_of, wire_of, "
    "words, added";
constexpr const char* kEventColumns =
    "id, title, first_published, last_published, articles, sources, languages, updated, version";

// One ingest chunk, written in one transaction.
struct WriteBatch {
  std::vector<ArticleRow> articles;  // meta.event > 0: an existing event; <= 0: new event
                                     // number -meta.event (0, 1, ...), created by the write
  size_t new_events = 0;
  std::vector<std::pair<int64_t, int64_t>> merges;  // (event, into): its articles move over
  std::string now;                                  // UTC time of the write
};

class StoreBackend {
 public:
  virtual ~StoreBackend() = default;

  // Of `ids`, those already stored.
  virtual std::vector<std::string> known(const std::vector<std::string>& ids) = 0;
  // Writes the batch in one transaction: creates its new events (returning their ids in
  // order), inserts the articles, applies the merges (the merged event keeps merged_into),
  // and recomputes the counts, dates, languages and version of every touched event.
  virtual std::vector<int64_t> write(const WriteBatch& batch) = 0;
  // Calls fn(id, event, signals) for articles dated on or after `min_day` and for the
  // `undated` most recently added undated articles, in the order they were added.
  virtual void replay(int32_t min_day, size_t undated,
                      const std::function<void(std::string, int64_t, std::string)>& fn) = 0;
  virtual std::optional<int32_t> latest_day() = 0;
  // The event's articles with raw input, ordered by publication date then arrival.
  virtual std::vector<ArticleRow> members(int64_t event) = 0;
  // The event itself (not following merges) and the event it was merged into (0 if none).
  virtual std::optional<std::pair<EventSummary, int64_t>> event(int64_t id) = 0;
  // The cached brief: (version it was computed for, JSON).
  virtual std::optional<std::pair<int64_t, std::string>> brief(int64_t event) = 0;
  // Caches a brief computed for `version`, and sets the event's title to `title`.
  virtual void put_brief(int64_t event, int64_t version, const std::string& json,
                         const std::string& title) = 0;
  virtual EventPage events(const EventQuery& query) = 0;
  virtual std::optional<StoredArticle> article(const std::string& id) = 0;
  virtual std::vector<StoredArticle> search(const std::string& query, size_t limit,
                                            size_t offset, size_t* total) = 0;
  virtual size_t article_count() = 0;
  virtual size_t event_count() = 0;  // events not merged into another
};

// Open a backend, or throw std::runtime_error with a message for the user.
std::unique_ptr<StoreBackend> open_sqlite(const std::string& path);
std::unique_ptr<StoreBackend> open_postgres(const std::string& uri);

// Event signals as bytes and back (little-endian, versioned). decode returns false on bytes
// it does not recognise.
std::string encode_signals(const ArticleSignals& s);
bool decode_signals(const std::string& bytes, ArticleSignals& s);

// The words of a user's full-text query, at most 16, each at most 64 bytes, letters and
// digits only (so that no query syntax reaches the database).
std::vector<std::string> query_words(const std::string& query);

// The WHERE clause listing the events `q` asks for (live events only), in either dialect:
// `mark` starts a numbered placeholder ('?' in SQLite, '$' in PostgreSQL) whose value is
// appended to `args`; `text_match(placeholder)` is the dialect's condition "the article's
// title or text matches", given the full-text query made by `text_query(q.text)`. nullopt when
// the text query has no words (nothing can match).
std::optional<std::string> events_where(
    const EventQuery& q, char mark, const std::function<std::string(const std::string&)>& text_query,
    const std::function<std::string(const std::string&)>& text_match,
    std::vector<std::string>& args);

// "a,b" <-> {"a", "b"}
std::vector<std::string> split_commas(const std::string& s);

}  // namespace chorus
