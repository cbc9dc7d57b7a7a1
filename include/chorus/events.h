// chorus: grouping a stream of articles into events, online.
//
//   chorus::EventStream stream({});
//   for (const chorus::Article& a : articles_in_publication_order) stream.add(a);
//   stream.flush();
//   for (const chorus::Assignment& x : stream.take()) ...  // x.article, x.event, x.duplicate_of
//
// Each article is compared only with candidate events found through an inverted index of the
// events' weighted terms, never with all events; events idle longer than the window close and
// leave memory. Duplicates and wire copies are recognised on the way.
#pragma once

#include <cstddef>
#include <climits>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "chorus/article.h"

namespace chorus {

struct EventOptions {
  // Events without a new dated article for this many days close, "now" being the latest
  // publication date seen. Undated articles neither age events nor keep them open.
  double window_days = 3.0;
  // At most this many events stay open; beyond it the longest idle closes first (bounds
  // memory for undated streams).
  size_t max_open_events = 200000;
  // Average-linkage similarity at which arrivals and events cluster together. One default for
  // every data set (docs/events.md shows how it was chosen and how results vary around it).
  double join_threshold = 0.22;
  // Arrivals are clustered together in batches of this many (with the open events they bring
  // in): the order of arrival within a batch does not matter.
  size_t batch = 512;
};

// What the event stage reads from an analysed article. Computing it is stateless (it can run
// on many threads before the stream, as parsing does); EventStream::add computes it when not
// given.
struct ArticleSignals {
  // Content terms (stopwords left out) with boosted counts, sorted by term: a title word, a
  // name (a capitalised word not opening its sentence) and a number count three times.
  std::vector<std::pair<uint64_t, float>> terms;
  uint64_t simhash = 0;                   // over word 3-shingles, for near-duplicates
  std::vector<uint64_t> sentence_hashes;  // sentences of 6+ words, for wire copies
  int32_t day = INT32_MIN;                // days since 1970-01-01; INT32_MIN when undated
  uint32_t words = 0;
};

// Cost: linear in the article's tokens.
ArticleSignals signals_of(const Article& article);

// Where one article went.
struct Assignment {
  std::string article;       // the article's id
  std::string event;         // event id ("e1", "e2", ... in order of creation)
  std::string duplicate_of;  // id of an earlier article with (nearly) the same text; or ""
  std::string wire_of;       // id of an earlier article whose agency text this one reuses; or ""
  bool new_event = false;    // this article started its event
};

class EventStream {
 public:
  explicit EventStream(const EventOptions& options);
  ~EventStream();
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  // Adds an analysed article (analyze()). Articles should come in publication order
  // (publication_order()). They are clustered a batch at a time: take() gives the decisions.
  // An article that would join an event only narrowly waits for the next batch, once (its
  // event-mates may be yet to come; docs/events.md), so a decision can come a batch late.
  // Cost: per batch, about linear in the arrivals' terms and the candidate events the index
  // finds for them; independent of how many events exist.
  void add(const Article& article);
  // The same, with the signals already computed (signals_of).
  void add(std::string id, ArticleSignals signals);

  // Clusters the articles added since the last batch and those waiting: every article added
  // is then decided.
  void flush();

  // Assignments decided since the last call, in the order decided (an article held back
  // for a batch comes after the batch's others).
  std::vector<Assignment> take();

  // Events merge when later articles show two to be one; the event an earlier assignment's
  // event now belongs to.
  std::string current(const std::string& event) const;

  size_t open_events() const;    // events in memory now
  size_t events_created() const;
  size_t articles_seen() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Indexes of `articles` in publication order: by date, an undated article taking the date of
// the dated article before it in the input (input order otherwise). Stable.
std::vector<size_t> publication_order(const std::vector<Article>& articles);

// Runs an EventStream over `articles` in publication order; the result is in input order.
std::vector<Assignment> assign_events(const std::vector<Article>& articles,
                                      const EventOptions& options);

}  // namespace chorus
