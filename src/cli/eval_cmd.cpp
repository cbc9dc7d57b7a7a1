// chorus eval extract --pages DIR --truth FILE [--outputs FILE] [--worst N] [--dump DIR]
#include <CLI/CLI.hpp>
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "cli/commands.h"
#include "eval/extract_eval.h"
#include "extract/html.h"
#include "util/files.h"

namespace chorus::cli {
namespace {

// "042bb7...56.html.gz" -> "042bb7...56"
std::string page_key(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  return name.substr(0, name.find('.'));
}

// {key: text} from ground-truth.json ({"key": {"articleBody": "..."}}) or a JSONL of
// {"id": ..., "text": ...} lines.
bool read_texts(const std::string& path, bool jsonl, std::map<std::string, std::string>& out) {
  std::string data, error;
  if (!read_file(path, data, &error)) {
    std::fprintf(stderr, "chorus: %s: %s\n", path.c_str(), error.c_str());
    return false;
  }
  simdjson::dom::parser parser;
  if (!jsonl) {
    simdjson::dom::object root;
    if (parser.parse(data).get_object().get(root)) {
      std::fprintf(stderr, "chorus: %s: not a JSON object\n", path.c_str());
      return false;
    }
    for (auto [key, value] : root) {
      std::string_view body;
      if (value["articleBody"].get_string().get(body)) body = "";
      out[std::string(key)] = std::string(body);
    }
    return true;
  }
  size_t line = 0, pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string::npos) end = data.size();
    std::string_view l(data.data() + pos, end - pos);
    pos = end + 1;
    ++line;
    if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    simdjson::dom::element doc;
    std::string_view id, text;
    if (parser.parse(l.data(), l.size(), true).get(doc) || doc["id"].get_string().get(id)) {
      std::fprintf(stderr, "chorus: %s:%zu: expected {\"id\": ..., \"text\": ...}\n", path.c_str(), line);
      return false;
    }
    if (doc["text"].get_string().get(text)) text = "";
    out[std::string(id)] = std::string(text);
  }
  return true;
}

int run_extract_eval(const std::string& pages_dir, const std::string& truth_path,
                     const std::string& outputs_path, int worst, const std::string& dump) {
  std::map<std::string, std::string> truth;
  if (!read_texts(truth_path, false, truth)) return kSkipped;
  std::vector<std::pair<std::string, std::string>> pages;  // key, bytes
  for (const std::string& f : list_files(pages_dir)) {
    std::string ext = content_extension(f);
    if (ext != "html" && ext != "htm") continue;
    std::string data, error;
    if (!read_file(f, data, &error)) {
      std::fprintf(stderr, "chorus: %s: %s; skipped\n", f.c_str(), error.c_str());
      continue;
    }
    pages.emplace_back(page_key(f), std::move(data));
  }
  std::map<std::string, std::string> predicted;
  double seconds = 0;
  size_t bytes = 0;
  if (!outputs_path.empty()) {
    if (!read_texts(outputs_path, true, predicted)) return kSkipped;
  } else {
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& [key, data] : pages) {
      predicted[key] = extract_html(data).text;
      bytes += data.size();
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  std::vector<ShingleMatch> matches;
  std::vector<std::pair<double, std::string>> by_f1;
  size_t missing = 0;
  for (const auto& [key, data] : pages) {
    auto t = truth.find(key);
    if (t == truth.end()) continue;
    auto p = predicted.find(key);
    if (p == predicted.end()) ++missing;
    ShingleMatch m = shingle_match(p == predicted.end() ? "" : p->second, t->second);
    matches.push_back(m);
    double pr = m.precision(), rc = m.recall();
    double f1 = pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
    by_f1.emplace_back(f1, key);
    if (!dump.empty()) {
      std::filesystem::create_directories(dump);
      std::ofstream(dump + "/" + key + ".txt") << (p == predicted.end() ? "" : p->second);
    }
  }
  ExtractScore s = combine(matches);
  std::printf("pages %zu  precision %.4f  recall %.4f  F1 %.4f\n", s.pages, s.precision, s.recall, s.f1);
  if (missing) std::printf("pages without output: %zu\n", missing);
  if (outputs_path.empty()) {
    std::printf("extraction %.3f s on one thread: %.1f pages/s, %.1f MB/s\n", seconds,
                static_cast<double>(pages.size()) / seconds, static_cast<double>(bytes) / 1e6 / seconds);
  }
  std::sort(by_f1.begin(), by_f1.end());
  for (int i = 0; i < worst && i < static_cast<int>(by_f1.size()); ++i) {
    std::printf("  F1 %.3f  %s\n", by_f1[i].first, by_f1[i].second.c_str());
  }
  return kOk;
}

}  // namespace

Runner add_eval(CLI::App& app, const Global&) {
  struct Options {
    std::string pages, truth, outputs, dump;
    int worst = 0;
  };
  auto o = std::make_shared<Options>();
  CLI::App* eval = app.add_subcommand("eval", "Measure chorus against ground truth.");
  eval->require_subcommand(1);
  CLI::App* ex = eval->add_subcommand(
      "extract",
      "Score extraction as the article-extraction-benchmark does: per page, precision and\n"
      "recall of the token 4-gram shingles of the output against the truth's articleBody,\n"
      "averaged over pages, and F1 from the averages; and the extraction speed on one thread\n"
      "(pages are read before timing).");
  ex->add_option("--pages", o->pages, "Folder of pages (*.html, *.html.gz), named KEY.html[.gz]")->required();
  ex->add_option("--truth", o->truth, "ground-truth.json: {KEY: {\"articleBody\": ...}}")->required();
  ex->add_option("--outputs", o->outputs, "Score these outputs instead (JSONL: {\"id\": KEY, \"text\": ...})");
  ex->add_option("--worst", o->worst, "List the N pages with the lowest F1");
  ex->add_option("--dump", o->dump, "Write each output to DIR/KEY.txt");
  return [o, ex] {
    if (ex->parsed()) return run_extract_eval(o->pages, o->truth, o->outputs, o->worst, o->dump);
    return kUsage;
  };
}

}  // namespace chorus::cli
