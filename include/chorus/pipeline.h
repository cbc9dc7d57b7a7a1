// chorus: reading articles and preparing them for event-level stages.
//
//   Input in = chorus::read_inputs({"examples/"});   // files, folders, JSONL, "-" for stdin
//   chorus::analyze_all(in.articles, /*threads=*/0);  // clean, metadata, language, text
//   for (auto& p : in.problems) std::cerr << p.where << ": " << p.what << "\n";
#pragma once

#include <string>
#include <vector>

#include "chorus/article.h"

namespace chorus {

// Something wrong in the input: where ("file", "file:line"), what, and whether the input
// was skipped because of it (otherwise it was used, e.g. with a date inferred instead).
struct Problem {
  std::string where;
  std::string what;
  bool skipped = true;
};

struct Input {
  std::vector<Article> articles;  // in the order given; folders in name order
  std::vector<Problem> problems;  // every input that was skipped, one entry each
};

// Reads PATHs: a file (plain text, .jsonl, .html/.htm, each optionally .gz or .zst), a folder of
// them (recursively, in name order), or "-" for standard input (JSONL if it starts with '{',
// else one text article). JSONL lines carry id, url, source, published, title and text or html;
// other fields are ignored. A missing file, an empty or binary file, invalid UTF-8 or a
// malformed JSONL line becomes a Problem and is skipped; the rest is read.
// Ids are the JSONL id, else the file name without extension; duplicates get "~2", "~3".
// Cost: linear in the input size; the whole input is held in memory.
Input read_inputs(const std::vector<std::string>& paths);

// Cleans and annotates one article in place: HTML to text if raw_is_html, line cleanup
// (Article::removed), headline, date and outlet from the text where not already given,
// language (CLD2), sentences (ICU with an abbreviation list), tokens with stopword flags and
// Snowball stems. Releases Article::raw. Returns false, with a reason in *why, when nothing
// usable is left (no words after cleaning). Thread-safe for distinct articles.
// Cost: linear in the text, about 10 MB/s on one core.
bool analyze(Article& article, std::string* why);

// analyze() over all articles on `threads` threads (0: one a core). Articles left with no
// words are removed from `articles` and reported in `problems`.
void analyze_all(std::vector<Article>& articles, std::vector<Problem>& problems, int threads = 0);

}  // namespace chorus
