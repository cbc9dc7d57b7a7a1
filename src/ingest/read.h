// Readers for the input formats: plain text, JSONL, HTML (each possibly compressed).
#pragma once

#include <string>
#include <string_view>

#include "chorus/pipeline.h"

namespace chorus {

enum class Format { kText, kJsonl, kHtml };

// The format of `data` read from `path`: by extension (.jsonl/.ndjson, .html/.htm/.xhtml,
// .txt), else by content ('{' at the start: JSONL; a doctype or <html>: HTML; else text).
Format detect_format(const std::string& path, std::string_view data);

// Adds the articles of one input's data to `in`, or the problems found. `where` names the
// input in messages and in Article::file; `stem` is the default article id.
void read_data(const std::string& where, const std::string& stem, std::string&& data,
               Format format, Input& in);

// Adds the articles of JSONL data (one JSON object a line) to `in`; a bad line becomes a
// Problem naming `where:line` and the others are read. Cost: linear (simdjson).
void read_jsonl(const std::string& where, std::string_view data, Input& in);

}  // namespace chorus
