// Direct quotations and who said them.
//
// A quotation is text between quotation marks (“ ” „ « » or straight ") within a paragraph.
// Its speaker is read from the words around it, by the patterns news uses:
//   “...,” said Russian General Andrei Serdyukov     (verb, then the name)
//   “...,” Shoigu said / “...,” he added              (name or pronoun, then the verb)
//   Putin emphasised that “...”                       (name, verb, then the quotation)
//   Putin thanked Shoigu ..., saying, “...”           (the sentence's subject)
//   “...,” the statement added                        (a noun: the speaker named before)
// A pronoun is the person named last before it; "the statement" and the like are the
// speaker of the article's previous quotation. Names resolve to their entity.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "chorus/article.h"
#include "facts/entities.h"

namespace chorus {

struct QuoteFound {
  std::string text;     // inside the marks, trailing comma off
  std::string speaker;  // canonical entity name, or the words naming the speaker; "" if none
  int entity = -1;      // the speaker's entity, if resolved
  uint32_t begin = 0, end = 0;  // bytes of the quotation (marks included) in Article::text
  uint32_t sentence = 0;        // the sentence holding its opening mark
};

struct ArticleQuotes {
  std::vector<QuoteFound> quotes;          // four words or more, with a speaker
  std::vector<std::string> scare_quotes;   // one to three words in marks ("terrorists"),
                                           // lower case: framing reads them
};

// The quotations of article `article` (analysed; `entities` from find_entities over its
// event). Cost: linear in the text.
ArticleQuotes find_quotes(const std::vector<Article>& articles, size_t article,
                          const EntityIndex& entities);

// Whether byte `at` of `text` is inside quotation marks opened after byte `from` (a
// sentence's or paragraph's start): an odd number of straight marks, or more opening than
// closing curly ones, between them. Cost: linear in at - from.
bool inside_quotation(std::string_view text, uint32_t from, uint32_t at);

}  // namespace chorus
