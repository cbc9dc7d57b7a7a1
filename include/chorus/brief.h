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
