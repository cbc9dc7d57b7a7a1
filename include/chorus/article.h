// chorus: one news article as it flows through the pipeline.
//
// An Article enters with what its source gave (a file's text, or a JSONL line's fields) and
// gains annotations in order: cleaned text and removed lines, metadata, language, sentences,
// tokens. Downstream stages read these annotations and never re-parse the text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// A word or number of Article::text. Offsets are bytes into Article::text.
struct Token {
  enum Flags : uint8_t {
    kStopword = 1,     // in the article language's stopword list
    kNumber = 2,       // digits, possibly with separators ("2,000", "1.8")
    kCapitalized = 4,  // first letter is upper case
  };
  uint32_t begin = 0;
  uint32_t size = 0;
  uint64_t term = 0;  // hash of the lower-cased Snowball stem: equal stems, equal terms
  uint8_t flags = 0;
};

// A sentence of Article::text. Sentences never cross paragraph boundaries.
struct Sentence {
  uint32_t begin = 0, end = 0;  // bytes into Article::text
  uint32_t first_token = 0;     // index into Article::tokens
  uint32_t token_count = 0;
  uint32_t paragraph = 0;       // 0-based paragraph of the body
  bool heading = false;         // a subheading line, not a statement
};

// A line the cleaner took out of the text, and the rule that took it.
struct RemovedLine {
  std::string text;
  std::string why;  // e.g. "navigation", "photo credit", "repeated caption"
};

struct Article {
  // --- Given by the input, or inferred from the text where the input is silent ---
  std::string id;         // unique within a run
  std::string file;       // path as given, for file input; "path:line" for JSONL
  std::string url;
  std::string source;     // the outlet, e.g. "DW"; empty if unknown
  std::string title;      // headline
  std::string published;  // YYYY-MM-DD; empty if unknown
  std::string raw;        // text or HTML as read; released by analyze()
  bool raw_is_html = false;

  // --- Filled by analyze() ---
  std::string text;  // cleaned body: one paragraph a line, paragraphs separated by "\n"
  std::vector<RemovedLine> removed;
  std::string language;  // ISO 639-1 code ("en"), "und" if unknown
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  uint32_t words = 0;  // word tokens in text

  // --- Filled by event-level stages ---
  std::string duplicate_of;  // id of the article this one repeats; empty if none
  std::string wire_of;       // id of the agency text this one reuses; empty if none

  std::string_view view(uint32_t begin, uint32_t end) const {
    return std::string_view(text).substr(begin, end - begin);
  }
  std::string_view sentence_text(const Sentence& s) const { return view(s.begin, s.end); }
  std::string_view token_text(const Token& t) const { return view(t.begin, t.begin + t.size); }
};

}  // namespace chorus
