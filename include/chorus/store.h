// chorus: a living store of articles, events and their briefs (docs/store.md).
//
//   std::string error;
//   auto store = chorus::Store::open("chorus.db", &error);       // or "postgresql://..."
//   chorus::Input in = chorus::read_inputs({"new-articles/"});
//   chorus::IngestReport r = store->ingest(std::move(in.articles), {});
//   std::string brief = store->brief(r.events.front());          // docs/brief.md, cached
//
// Articles get a stable id (canonical URL, else a hash of their text), so ingesting the same
// article again changes nothing. Each ingest joins new articles to the store's events through
// an EventStream warmed with the articles of the open window; a brief is recomputed only when
// its event gained articles. One Store is used by one thread at a time; open one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chorus/article.h"
#include "chorus/events.h"
#include "chorus/pipeline.h"

namespace chorus {

class StoreBackend;  // src/store/backend.h: SQLite or PostgreSQL

// An article as kept: its metadata, its cleaned text, its event.
struct StoredArticle {
  std::string id;  // stable: article_id()
  int64_t event = 0;
  std::string url, source, title, published, language, file, text;
  std::string duplicate_of, wire_of;  // article ids, or ""
  uint32_t words = 0;
  std::string added;  // UTC time it entered the store, "2026-01-31T12:00:00Z"
};

// An event as listed: what a list of events shows without computing a brief.
struct EventSummary {
  int64_t id = 0;
  std::string title;  // the brief's title once computed, else the first article's
  std::string first_published, last_published;  // YYYY-MM-DD, "" when no article is dated
  size_t articles = 0;
  size_t sources = 0;                  // distinct outlets (an article without one counts alone)
  std::vector<std::string> languages;  // sorted
  std::string updated;                 // UTC time an article last joined
  int64_t version = 0;                 // grows each time articles join; a brief is cached per version
};

// Filters for listing events; empty fields do not filter. Newest update first.
struct EventQuery {
  std::string text;      // words all found in one article's title or text (full-text search)
  std::string from, to;  // YYYY-MM-DD: events with articles published in [from, to]
  std::string source;    // an outlet, exactly as stored
  std::string language;  // ISO 639-1
  size_t limit = 20, offset = 0;
};

struct EventPage {
  std::vector<EventSummary> events;
  size_t total = 0;  // events matching, for paging
};

struct IngestOptions {
  EventOptions events;
  int threads = 0;      // analysis threads; 0: one a core
  size_t chunk = 2000;  // articles analysed, clustered and committed together (one transaction)
  bool briefs = true;   // recompute touched events' briefs now (else on first request)
  // Called after each committed chunk: articles handled so far of `total`, and how many of
  // them the store now holds for good (committed).
  std::function<void(size_t done, size_t total, size_t committed)> progress;
  // Called as the touched events' briefs are computed (briefs = true), every 50 and at the end.
  std::function<void(size_t done, size_t total)> brief_progress;
};

struct IngestReport {
  size_t read = 0;        // articles given
  size_t added = 0;       // new articles committed
  size_t duplicates = 0;  // already in the store, or repeated in the input
  size_t errors = 0;      // not usable (nothing left after cleaning); see problems
  std::vector<int64_t> events;  // events that gained articles (touched), ascending
  std::vector<std::string> ids;  // stable id of every usable article given, in input order
  std::vector<Problem> problems;
};

class Store {
 public:
  // Opens (and creates, with its schema) the store at `where`: a SQLite file path, or a
  // PostgreSQL URI ("postgresql://..." or "postgres://..."). Returns null with *error set
  // when it cannot. Cost: one connection.
  static std::unique_ptr<Store> open(const std::string& where, std::string* error);
  ~Store();

  // Adds articles as read (read_inputs; not yet analysed). Articles already stored (same
  // stable id) are counted as duplicates and change nothing. Each chunk is one transaction:
  // a crash loses at most the chunk in progress, never leaves half of it. Throws
  // std::runtime_error on a storage failure.
  // Cost: analysis (about 10 MB/s a thread), clustering, one transaction per chunk, plus
  // replaying the open window's stored signals once, plus the touched briefs.
  IngestReport ingest(std::vector<Article> articles, const IngestOptions& options);

  // The event `id` (following merges into another event); nullopt if unknown.
  std::optional<EventSummary> event(int64_t id);
  // The event's brief as JSON (docs/brief.md, one line): the cached one if the event has not
  // changed since, else recomputed from its stored articles and cached. nullopt if unknown.
  // Cost: cached, one read; else analysis of the event's articles and make_brief.
  std::optional<std::string> brief(int64_t id);
  EventPage events(const EventQuery& query);
  std::optional<StoredArticle> article(const std::string& id);
  // Articles whose title or text hold all words of `query`, best match first.
  std::vector<StoredArticle> search(const std::string& query, size_t limit, size_t offset,
                                    size_t* total);
  size_t article_count();
  size_t event_count();

 private:
  explicit Store(std::unique_ptr<StoreBackend> backend);
  std::unique_ptr<StoreBackend> backend_;
};

// Whether `where` names a PostgreSQL store ("postgresql://..." or "postgres://..."), else it
// is a SQLite file path.
bool is_postgres(const std::string& where);

// The stable id of an article: 16 hex digits of a hash of its canonical URL (scheme,
// "www.", fragment, tracking parameters and a final "/" left out, host lower-cased), or of
// its raw text when it has no URL.
std::string article_id(const std::string& url, const std::string& raw);
std::string canonical_url(const std::string& url);

}  // namespace chorus
