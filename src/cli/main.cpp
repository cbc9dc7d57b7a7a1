// The `chorus` command.
//
// Exit status: 0 when every input was used, 1 when some input was skipped (each one named on
// stderr) or nothing usable was left, 2 for a usage error.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "chorus/brief.h"
#include "chorus/pipeline.h"
#include "util/json.h"

namespace {

constexpr int kOk = 0;
constexpr int kSkipped = 1;
constexpr int kUsage = 2;

// Reads and analyses the inputs, printing one line per problem. Returns whether any input
// was skipped.
bool load(const std::vector<std::string>& paths, int threads, std::vector<chorus::Article>& out) {
  chorus::Input in = chorus::read_inputs(paths);
  chorus::analyze_all(in.articles, in.problems, threads);
  bool skipped = false;
  for (const chorus::Problem& p : in.problems) {
    std::fprintf(stderr, "chorus: %s: %s%s\n", p.where.c_str(), p.skipped ? "" : "warning: ",
                 (p.what + (p.skipped ? "; skipped" : "")).c_str());
    skipped = skipped || p.skipped;
  }
  out = std::move(in.articles);
  return skipped;
}

int write_output(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? kOk : kSkipped;
  }
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f) {
    std::fprintf(stderr, "chorus: %s: cannot write\n", path.c_str());
    return kSkipped;
  }
  return kOk;
}

int run_brief(const std::vector<std::string>& paths, const chorus::BriefOptions& options,
              const std::string& format, const std::string& output, int threads) {
  std::vector<chorus::Article> articles;
  bool skipped = load(paths, threads, articles);
  if (articles.empty()) {
    std::fprintf(stderr, "chorus: no usable articles in the input\n");
    return kSkipped;
  }
  chorus::Brief brief = chorus::make_brief(articles, options);
  std::string text = format == "md" ? chorus::brief_markdown(brief) : chorus::brief_json(brief);
  int rc = write_output(text, output);
  return rc != kOk ? rc : (skipped ? kSkipped : kOk);
}

int run_clean(const std::vector<std::string>& paths, const std::string& format, int threads) {
  std::vector<chorus::Article> articles;
  bool skipped = load(paths, threads, articles);
  std::string out;
  for (size_t i = 0; i < articles.size(); ++i) {
    const chorus::Article& a = articles[i];
    if (format == "jsonl") {
      chorus::JsonWriter w;
      w.begin_object();
      w.key("id").value(a.id);
      w.key("file").string_or_null(a.file);
      w.key("title").string_or_null(a.title);
      w.key("published").string_or_null(a.published);
      w.key("source").string_or_null(a.source);
      w.key("language").value(a.language);
      w.key("text").value(a.text);
      w.key("removed").begin_array();
      for (const chorus::RemovedLine& r : a.removed) {
        w.begin_object().key("line").value(r.text).key("why").value(r.why).end_object();
      }
      w.end_array();
      w.end_object();
      out += w.take();
      out += '\n';
      continue;
    }
    if (articles.size() > 1) out += (i ? "\n==> " : "==> ") + a.file + " <==\n";
    if (!a.title.empty()) out += a.title + "\n\n";
    // One paragraph a line in Article::text; a blank line between paragraphs reads better.
    for (char c : a.text) {
      out += c;
      if (c == '\n') out += '\n';
    }
    out += '\n';
  }
  int rc = write_output(out, "");
  if (articles.empty()) {
    std::fprintf(stderr, "chorus: no usable articles in the input\n");
    return kSkipped;
  }
  return rc != kOk ? rc : (skipped ? kSkipped : kOk);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "chorus: many outlets' articles on one event -> one cited brief.\n"
      "Reads plain text, JSONL and HTML (optionally .gz/.zst), folders of them, or '-' for "
      "stdin."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "chorus 0.1.0");
  int threads = 0;
  app.add_option("--threads", threads, "Worker threads for per-article work (0: one a core)")
      ->check(CLI::NonNegativeNumber);

  std::vector<std::string> paths;
  chorus::BriefOptions options;
  std::string format = "json";
  std::string output;
  auto* brief = app.add_subcommand(
      "brief",
      "Treat all input as one event and write its brief: a summary whose every sentence cites\n"
      "the articles that state it, with the articles' metadata and removed residue.\n"
      "JSON by default (docs/brief.md), Markdown with --format md.");
  brief->add_option("PATH", paths, "Files, folders or '-' (stdin)")->required();
  auto* sentences = brief->add_option("--sentences,-n", options.sentences,
                                      "Summary length in sentences (default 5)")
                        ->check(CLI::PositiveNumber);
  brief->add_option("--words,-w", options.words, "Summary length in words instead of sentences")
      ->check(CLI::PositiveNumber)
      ->excludes(sentences);
  brief->add_option("--format,-f", format, "json or md")->check(CLI::IsMember({"json", "md"}));
  brief->add_option("--output,-o", output, "Write to this file instead of stdout");

  std::string clean_format = "text";
  auto* clean = app.add_subcommand(
      "clean",
      "Print each article's cleaned text: the headline, then the story's paragraphs, without\n"
      "the residue scraping leaves (menus, prompts, counters, ids, credits, repeated captions,\n"
      "code, foreign interface strings, tails). The same cleaning the brief uses.\n"
      "--format jsonl adds metadata and each removed line with the rule that removed it.");
  clean->add_option("FILE", paths, "Files, folders or '-' (stdin)")->required();
  clean->add_option("--format,-f", clean_format, "text or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e) == 0 ? kOk : kUsage;
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e) == 0 ? kOk : kUsage;
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  if (brief->parsed()) return run_brief(paths, options, format, output, threads);
  if (clean->parsed()) return run_clean(paths, clean_format, threads);
  return kUsage;
}
