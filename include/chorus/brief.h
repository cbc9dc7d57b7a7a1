// chorus: the brief of one event, computed from its analysed articles.
//
//   chorus::Brief b = chorus::make_brief(articles, {});
//   std::cout << chorus::brief_json(b);          // the JSON contract of docs/brief.md
//   std::cout << chorus::brief_markdown(b);      // for reading in a terminal
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "chorus/article.h"

namespace chorus {

struct BriefOptions {
  int sentences = 5;  // summary length in sentences, used when words == 0
  int words = 0;      // summary length in words, never exceeded (sentences are never cut;
                      // a first sentence longer than the budget is still taken)
  bool facts = true;  // fill entities, facts, quotes, timeline and framing (src/facts/)
};

// One summary sentence: its text as written in article `from` (less a dateline, photo credits,
// a dangling "But"/"And" or quote mark: docs/brief.md), and every article that states
// the same thing (found by sentence similarity across all articles; includes `from`).
// Indexes refer to Brief::articles.
struct SummarySentence {
  std::string text;
  size_t from = 0;
  std::vector<size_t> sources;
};

// A named person, organisation or place, under one canonical name with the other spellings
// the articles use (transliterations, short forms, acronyms, roles the text gives it).
struct Entity {
  std::string name;                  // the most used full form
  std::string type;                  // "person", "organization", "place" or "other"
  std::vector<std::string> aliases;  // other forms seen, most used first
  std::vector<size_t> sources;       // articles naming it
  size_t mentions = 0;               // over all articles
};

// One reported value of a fact, and the articles reporting it.
struct FactValue {
  double value = 0;       // the number (dates: days since 1970-01-01)
  double value_max = 0;   // a range's upper end; equal to value otherwise
  bool vague = false;     // a word, not a figure: "dozens" (24..99), "hundreds" (200..999)
  std::string approx;     // "", "about", "over", "at least", "under", "up to", ...
  std::string text;       // as one article wrote it: "more than 2,000 troops"
  std::vector<size_t> sources;
};

// What several articles report about one countable thing (or one date), side by side:
// `reported` agree with each other within their qualifiers; `conflicts` do not agree with
// `reported` (each with its own sources).
struct Fact {
  std::string about;                // "troops", "people killed", "withdrawal duration (days)"
  std::string unit;                 // "" (a count), "days", "percent", "years", "date"
  FactValue reported;               // the value most articles support
  std::vector<FactValue> agreeing;  // other wordings that agree with it ("over 160" and 164)
  std::vector<FactValue> conflicts;
  size_t outlets = 0;               // distinct articles reporting any value
};

// Every article that agrees with a fact's reported value, in whatever wording (the reported
// value's sources and the agreeing ones), sorted.
std::vector<size_t> agreeing_sources(const Fact& fact);

// A direct quotation with its speaker; the same quotation in several articles is one Quote.
struct Quote {
  std::string speaker;  // the entity's canonical name, or the words naming the speaker
  std::string text;     // without its quotation marks; the longest version reported
  std::vector<size_t> sources;
};

// A dated happening of the event.
struct TimelineEntry {
  std::string date;  // YYYY-MM-DD
  std::string text;  // the sentence reporting it (tidied as summary sentences are)
  size_t from = 0;   // the article `text` is taken from
  std::vector<size_t> sources;
};

// How one article names the actors and acts where the articles differ.
struct Framing {
  size_t article = 0;
  std::vector<std::string> terms;   // its words where others use different ones
  std::vector<std::string> quoted;  // words it puts in quotation marks ("terrorists")
};

struct Brief {
  std::string id;               // stable for the same set of article ids
  std::string title;            // the headline most like the others
  std::string first_published;  // YYYY-MM-DD, empty if no article has a date
  std::string last_published;
  std::vector<std::string> languages;
  // Articles that are neither duplicates nor wire copies of another in the event, and the
  // distinct outlets among them (an article without a source counts as its own outlet).
  size_t independent_articles = 0;
  size_t independent_sources = 0;
  const std::vector<Article>* articles = nullptr;  // not owned; must outlive the Brief
  std::vector<SummarySentence> summary;
  std::vector<Fact> facts;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<TimelineEntry> timeline;  // in date order
  std::vector<Framing> framing;
};

// Treats all `articles` (already analysed) as one event and builds its brief.
// Cost: about linear in the number of sentences (candidate sentences are compared through an
// inverted index, never all pairs); 1,000 articles take well under a second on one core.
Brief make_brief(const std::vector<Article>& articles, const BriefOptions& options);

// The brief as JSON (docs/brief.md): event, articles, summary, facts, entities, quotes,
// timeline, framing. Sections a later stage fills are present and empty until then.
// `indent` 0 gives one line.
std::string brief_json(const Brief& brief, int indent = 2);

// The brief as Markdown: title, dates, the summary with [n] citations, the sources.
std::string brief_markdown(const Brief& brief);

}  // namespace chorus
