// Words, stopwords and stems.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/article.h"

namespace chorus {

// A word or number of a text, before stemming. Offsets are bytes into the text given.
struct RawToken {
  uint32_t begin = 0;
  uint32_t size = 0;
  bool number = false;       // digits, possibly with inner ',' or '.' ("2,000", "1.8")
  bool capitalized = false;  // first letter upper case
};

// Splits `text` into words and numbers, appending to `out`. A word is a run of letters, digits
// and combining marks, with inner apostrophes ("Kazakhstan's"); a number may hold ',' or '.'
// between digits. Hyphens, slashes and other punctuation separate tokens. Cost: linear.
void split_words(std::string_view text, std::vector<RawToken>& out);

// Whether `lower_word` (lower case) is a stopword of `language` (ISO 639-1). Languages
// without a list have no stopwords. Lists come from stopwords-iso (third_party/).
bool is_stopword(std::string_view language, std::string_view lower_word);

// Whether a list exists for `language`.
bool has_stopwords(std::string_view language);

// The lower-cased Snowball stem of `word` in `language`; the lower-cased word where Snowball
// has no stemmer for the language. Thread-safe (one stemmer a thread and language).
std::string stem(std::string_view language, std::string_view word);

// The term id of a token: a hash of its stem (numbers: of their digits, separators removed).
// Equal stems give equal terms in every language.
uint64_t term_of(std::string_view stem);

// Tokens of text[begin, end) with stems, term ids and flags, appended to `out`; offsets are
// relative to the start of `text`. Stems are cached per thread, so repeated words cost a hash
// lookup. Cost: linear in the span.
void annotate_tokens(std::string_view text, uint32_t begin, uint32_t end,
                     std::string_view language, std::vector<Token>& out);

}  // namespace chorus
