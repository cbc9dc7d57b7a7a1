// chorus clean FILE... [--format text|jsonl]
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.h"
#include "util/json.h"

namespace chorus::cli {
namespace {

std::string as_jsonl(const Article& a) {
  JsonWriter w;
  w.begin_object();
  w.key("id").value(a.id);
  w.key("file").string_or_null(a.file);
  w.key("title").string_or_null(a.title);
  w.key("published").string_or_null(a.published);
  w.key("source").string_or_null(a.source);
  w.key("language").value(a.language);
  w.key("text").value(a.text);
  w.key("removed").begin_array();
  for (const RemovedLine& r : a.removed) {
    w.begin_object().key("line").value(r.text).key("why").value(r.why).end_object();
  }
  w.end_array();
  w.end_object();
  return w.take() + "\n";
}

std::string as_text(const Article& a, bool with_header, bool first) {
  std::string out;
  if (with_header) out += (first ? "==> " : "\n==> ") + a.file + " <==\n";
  if (!a.title.empty()) out += a.title + "\n\n";
  // One paragraph a line in Article::text; a blank line between paragraphs reads better.
  for (char c : a.text) {
    out += c;
    if (c == '\n') out += '\n';
  }
  out += '\n';
  return out;
}

}  // namespace

Runner add_clean(CLI::App& app, const Global& global) {
  struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "clean",
      "Print each article's cleaned text: the headline, then the story's paragraphs, without\n"
      "the residue scraping leaves (menus, prompts, counters, ids, credits, repeated captions,\n"
      "code, foreign interface strings, tails). The same cleaning the brief uses.\n"
      "--format jsonl adds metadata and each removed line with the rule that removed it.");
  cmd->add_option("FILE", o->paths, "Files, folders or '-' (stdin)")->required();
  cmd->add_option("--format,-f", o->format, "text or jsonl")->check(CLI::IsMember({"text", "jsonl"}));
  return [o, &global] {
    std::vector<Article> articles;
    bool skipped = load(o->paths, global.threads, articles);
    std::string out;
    for (size_t i = 0; i < articles.size(); ++i) {
      out += o->format == "jsonl" ? as_jsonl(articles[i])
                                  : as_text(articles[i], articles.size() > 1, i == 0);
    }
    int rc = write_output(out, "");
    if (articles.empty()) {
      std::fprintf(stderr, "chorus: no usable articles in the input\n");
      return kSkipped;
    }
    return rc != kOk ? rc : (skipped ? kSkipped : kOk);
  };
}

}  // namespace chorus::cli
