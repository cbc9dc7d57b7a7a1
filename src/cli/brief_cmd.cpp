// chorus brief PATH... [--sentences N | --words N] [--format json|md] [--output FILE]
#include <CLI/CLI.hpp>

#include <cstdio>

#include "chorus/brief.h"
#include "cli/commands.h"

namespace chorus::cli {

Runner add_brief(CLI::App& app, const Global& global) {
  struct Options {
    std::vector<std::string> paths;
    BriefOptions brief;
    std::string format = "json";
    std::string output;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "brief",
      "Treat all input as one event and write its brief: a summary whose every sentence cites\n"
      "the articles that state it, with the articles' metadata and removed residue.\n"
      "JSON by default (docs/brief.md), Markdown with --format md.");
  cmd->add_option("PATH", o->paths, "Files, folders or '-' (stdin)")->required();
  auto* sentences = cmd->add_option("--sentences,-n", o->brief.sentences,
                                    "Summary length in sentences (default 5)")
                        ->check(CLI::PositiveNumber);
  cmd->add_option("--words,-w", o->brief.words, "Summary length in words instead of sentences")
      ->check(CLI::PositiveNumber)
      ->excludes(sentences);
  cmd->add_option("--format,-f", o->format, "json or md")->check(CLI::IsMember({"json", "md"}));
  cmd->add_flag("--no-facts{false}", o->brief.facts,
                "Summary only: leave facts, entities, quotes, timeline and framing empty");
  cmd->add_option("--output,-o", o->output, "Write to this file instead of stdout");
  return [o, &global] {
    std::vector<Article> articles;
    bool skipped = load(o->paths, global.threads, articles);
    if (articles.empty()) {
      std::fprintf(stderr, "chorus: no usable articles in the input\n");
      return kSkipped;
    }
    Brief brief = make_brief(articles, o->brief);
    std::string text = o->format == "md" ? brief_markdown(brief) : brief_json(brief);
    int rc = write_output(text, o->output);
    return rc != kOk ? rc : (skipped ? kSkipped : kOk);
  };
}

}  // namespace chorus::cli
