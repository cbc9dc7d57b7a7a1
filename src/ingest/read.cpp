#include "ingest/read.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <unordered_map>

#include "text/dates.h"
#include "text/utf8.h"
#include "util/files.h"
#include "util/lines.h"

namespace chorus {
namespace {

std::string lower_prefix(std::string_view data, size_t n) {
  std::string out;
  for (char c : data.substr(0, n)) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

void strip_bom(std::string& data) {
  if (data.size() >= 3 && data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.erase(0, 3);
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

// Binary data: a NUL byte, or many control characters, in the first 8 KiB.
bool looks_binary(std::string_view data) {
  std::string_view head = data.substr(0, 8192);
  size_t control = 0;
  for (char ch : head) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 20 > head.size();
}

// 1-based line of byte offset `pos`.
size_t line_of(std::string_view data, size_t pos) {
  return 1 + static_cast<size_t>(std::count(data.begin(), data.begin() + pos, '\n'));
}

std::string normalized_date(std::string_view value) {
  auto d = parse_date(value);
  return d ? d->iso() : "";
}

}  // namespace

Format detect_format(const std::string& path, std::string_view data) {
  std::string ext = content_extension(path);
  if (ext == "jsonl" || ext == "ndjson") return Format::kJsonl;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "txt" || ext == "text") return Format::kText;
  size_t start = 0;
  while (start < data.size() && std::isspace(static_cast<unsigned char>(data[start]))) ++start;
  std::string head = lower_prefix(data.substr(start), 256);
  if (head.rfind("{", 0) == 0) return Format::kJsonl;
  if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 ||
      (head.rfind("<", 0) == 0 && head.find("<body") != std::string::npos)) {
    return Format::kHtml;
  }
  return Format::kText;
}

void read_jsonl(const std::string& where, std::string_view data, Input& in) {
  simdjson::dom::parser parser;
  std::string stem = file_stem(where);
  for_each_line(data, [&](size_t line_no, std::string_view line) {
    if (blank(line)) return true;
    std::string at = where + ":" + std::to_string(line_no);
    simdjson::dom::element doc;
    auto err = parser.parse(line.data(), line.size(), /*realloc_if_needed=*/true).get(doc);
    if (err) {
      in.problems.push_back({at, std::string("malformed JSON: ") + simdjson::error_message(err)});
      return true;
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj)) {
      in.problems.push_back({at, "not a JSON object"});
      return true;
    }
    Article a;
    a.file = at;
    auto str = [&](const char* key, std::string& out) {
      std::string_view v;
      if (!obj[key].get_string().get(v)) out = std::string(v);
    };
    str("id", a.id);
    int64_t numeric_id;
    if (a.id.empty() && !obj["id"].get_int64().get(numeric_id)) a.id = std::to_string(numeric_id);
    str("url", a.url);
    str("source", a.source);
    str("title", a.title);
    std::string published;
    str("published", published);
    if (!published.empty()) {
      a.published = normalized_date(published);
      if (a.published.empty()) {
        in.problems.push_back(
            {at, "unreadable published date \"" + published + "\"; looking for one in the text",
             false});
      }
    }
    str("text", a.raw);
    if (a.raw.empty() || blank(a.raw)) {
      str("html", a.raw);
      a.raw_is_html = !a.raw.empty();
    }
    if (blank(a.raw)) {
      in.problems.push_back({at, "no text or html"});
      return true;
    }
    if (a.id.empty()) a.id = stem + ":" + std::to_string(line_no);
    in.articles.push_back(std::move(a));
    return true;
  });
}

void read_data(const std::string& where, const std::string& stem, std::string&& data,
               Format format, Input& in) {
  strip_bom(data);
  if (blank(data)) {
    in.problems.push_back({where, "empty file"});
    return;
  }
  if (looks_binary(data)) {
    in.problems.push_back({where, "binary data, not text"});
    return;
  }
  if (format == Format::kJsonl) {
    read_jsonl(where, data, in);  // simdjson checks UTF-8 line by line
    return;
  }
  size_t bad = utf8_first_invalid(data);
  if (bad != std::string_view::npos) {
    in.problems.push_back({where + ":" + std::to_string(line_of(data, bad)),
                           "invalid UTF-8 at byte " + std::to_string(bad)});
    return;
  }
  Article a;
  a.id = stem;
  a.file = where;
  a.raw = std::move(data);
  a.raw_is_html = format == Format::kHtml;
  in.articles.push_back(std::move(a));
}

Input read_inputs(const std::vector<std::string>& paths) {
  Input in;
  auto read_one = [&](const std::string& path) {
    std::string data, error;
    if (!read_file(path, data, &error)) {
      in.problems.push_back({path, error});
      return;
    }
    Format f = detect_format(path, data);
    read_data(path, file_stem(path), std::move(data), f, in);
  };
  for (const std::string& path : paths) {
    if (path == "-") {
      std::string data, error;
      if (!read_stream(std::cin, data, &error)) {
        in.problems.push_back({"stdin", error});
        continue;
      }
      Format f = detect_format("", data);
      read_data("stdin", "stdin", std::move(data), f, in);
      continue;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::string> files = list_files(path);
      if (files.empty()) in.problems.push_back({path, "folder holds no files"});
      for (const std::string& f : files) read_one(f);
    } else {
      read_one(path);
    }
  }
  // Ids must be unique within a run: later repeats get "~2", "~3", ...
  std::unordered_map<std::string, int> seen;
  for (Article& a : in.articles) {
    int n = ++seen[a.id];
    if (n > 1) {
      std::string candidate;
      do {
        candidate = a.id + "~" + std::to_string(n++);
      } while (seen.count(candidate));
      seen[a.id] = n - 1;
      a.id = candidate;
      seen[a.id] = 1;
    }
  }
  return in;
}

}  // namespace chorus
