// Line cleanup for already-extracted article text: takes out what scraping leaves behind
// (menus, prompts, counters, ids, credits, captions twice, code residue, foreign interface
// strings, font-size menus, "related"/"tags" tails) and keeps every line of the story.
//
// The rules are general (line shape and length, position, repetition, punctuation, the
// vocabulary of interface text, script and language mismatch); docs/cleaning.md lists them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chorus/article.h"

namespace chorus {

struct CleanedText {
  std::string headline;                 // the headline line at the top; empty if none
  std::vector<std::string> paragraphs;  // story lines kept, in order, spaces normalised
  std::vector<RemovedLine> removed;     // every other non-blank line, in order, with its rule
};

struct CleanOptions {
  std::string language = "und";  // the article's language (ISO 639-1), for stopwords
  std::string known_title;       // a title given with the input; its copy in the text goes
  bool day_first_dates = true;   // how to read "01/02/2022" in datelines
};

// Cleans `text` (plain UTF-8, lines separated by \n or \r\n). Hard-wrapped lines are joined
// first. Cost: linear in the text; a few hash lookups a word.
CleanedText clean_text(std::string_view text, const CleanOptions& options);

// Whether a line, outside quotation marks, addresses the reader or states the page's rights:
// "you", "your", "please", "click", "subscribe", "newsletter", "copyright", "permission", ...
// A prompt or a notice, not story.
bool addresses_reader(std::string_view line);

// Whether a line is a byline: "By Jane Doe", "Author: Jane Doe", "Von Max Muster".
bool looks_like_byline(std::string_view line);

// Whether a short line is a heading rather than a statement: few words, no sentence-final
// punctuation. Used to keep headings out of summaries.
bool looks_like_heading(std::string_view line);

}  // namespace chorus
