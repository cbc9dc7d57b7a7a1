// chorus extract FILE... [--format text|jsonl]
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "extract/html.h"
#include "util/files.h"
#include "util/json.h"

namespace chorus::cli {
namespace {

std::string as_jsonl(const std::string& file, const HtmlPage& p) {
  JsonWriter w;
  w.begin_object();
  w.key("file").value(file);
  w.key("title").string_or_null(p.title);
  w.key("published").string_or_null(p.published);
  w.key("authors").begin_array();
  for (const std::string& a : p.authors) w.value(a);
  w.end_array();
  w.key("site").string_or_null(p.site);
  w.key("language").string_or_null(p.language);
  w.key("url").string_or_null(p.url);
  w.key("is_article").value(p.is_article);
  w.key("text").value(p.text);
  w.end_object();
  return w.take() + "\n";
}

}  // namespace

Runner add_extract(CLI::App& app, const Global&) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Read web pages (HTML, optionally .gz/.zst; '-' for stdin) and print each article's\n"
      "text, or with --format jsonl one JSON line a page: file, title, published, authors,\n"
      "site, language, url, is_article, text. Menus, banners, prompts, related blocks, share\n"
      "bars, comments and footers are left out; is_article is false for index pages,\n"
      "galleries and pages without a body.");
  cmd->add_option("FILE", o->paths, "HTML files, folders or '-' (stdin)")->required();
  cmd->add_option("--format,-f", o->format, "text or jsonl")->check(CLI::IsMember({"text", "jsonl"}));
  return [o] {
    bool skipped = false;
    std::vector<std::string> files;
    for (const std::string& p : o->paths) {
      if (p != "-" && std::filesystem::is_directory(p)) {
        for (const std::string& f : list_files(p)) files.push_back(f);
      } else {
        files.push_back(p);
      }
    }
    for (const std::string& file : files) {
      std::string data, error;
      bool ok = file == "-" ? read_stream(std::cin, data, &error) : read_file(file, data, &error);
      if (ok && data.find_first_not_of(" \t\r\n") == std::string::npos) {
        ok = false;
        error = "empty file";
      }
      if (ok && data.substr(0, 8192).find('\0') != std::string::npos &&
          data.compare(0, 2, "\xFF\xFE") != 0 && data.compare(0, 2, "\xFE\xFF") != 0) {
        ok = false;
        error = "binary data, not HTML";
      }
      if (!ok) {
        std::fprintf(stderr, "chorus: %s: %s; skipped\n", file.c_str(), error.c_str());
        skipped = true;
        continue;
      }
      HtmlPage page = extract_html(data);
      if (page.truncated) {
        std::fprintf(stderr, "chorus: %s: warning: page over %zu MiB; only the first %zu MiB read\n",
                     file.c_str(), kMaxPageBytes >> 20, kMaxPageBytes >> 20);
      }
      std::string out = o->format == "jsonl" ? as_jsonl(file, page) : page.text + "\n";
      if (o->format == "text" && files.size() > 1) out = "==> " + file + " <==\n" + out + "\n";
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
    std::fflush(stdout);
    return skipped ? kSkipped : kOk;
  };
}

}  // namespace chorus::cli
