// The event-level half of the facts stage: what the articles' facts (src/facts/) say side by
// side. make_brief calls add_facts after the summary.
#pragma once

#include <vector>

#include "brief/summary.h"
#include "chorus/article.h"
#include "chorus/brief.h"
#include "facts/entities.h"
#include "facts/quantities.h"
#include "facts/quotes.h"
#include "facts/when.h"

namespace chorus {

// What the per-article readers found, by article.
struct ArticleFacts {
  std::vector<Quantity> quantities;
  std::vector<DateMention> dates;
  ArticleQuotes quotes;
};

// Fills brief.entities, facts, quotes, timeline and framing. Cost: linear in the tokens, plus
// the sentence matches of dated and framing sentences (posting lists, as the summary's).
void add_facts(const std::vector<Article>& articles, const SentenceSpace& space, Brief& brief);

// Quantities and dated acts grouped by what they count, compared across articles: values
// agreeing within their qualifiers together, the others as conflicts.
std::vector<Fact> compare_facts(const std::vector<Article>& articles,
                                const std::vector<ArticleFacts>& facts, const EntityIndex& entities);

// The same quotation from several articles as one, its speaker the one most articles give.
std::vector<Quote> merge_quotes(const std::vector<Article>& articles,
                                const std::vector<ArticleFacts>& facts);

// Dated happenings: sentences naming a day, those of one day stating the same thing
// (kSameStatement) merged with all their sources; in date order.
std::vector<TimelineEntry> build_timeline(const std::vector<Article>& articles,
                                          const std::vector<ArticleFacts>& facts,
                                          const SentenceSpace& space);

// Per article, the words it uses where other articles stating the same thing use others
// ("peacekeepers" / "troops"), and the words it puts in quotation marks.
std::vector<Framing> find_framing(const std::vector<Article>& articles,
                                  const std::vector<ArticleFacts>& facts, const SentenceSpace& space);

}  // namespace chorus
