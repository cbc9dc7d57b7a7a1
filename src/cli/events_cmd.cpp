// chorus events PATH... [--window DAYS] [--threshold T] [--briefs]
#include <CLI/CLI.hpp>

#include <cstdio>
#include <map>

#include "chorus/brief.h"
#include "chorus/events.h"
#include "cli/commands.h"
#include "util/json.h"

namespace chorus::cli {

Runner add_events(CLI::App& app, const Global& global) {
  struct Options {
    std::vector<std::string> paths;
    EventOptions events;
    bool briefs = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "events",
      "Group articles into events in one pass, in publication order (input order where dates\n"
      "are missing), folding duplicates and recognising wire copies. Prints one JSON line an\n"
      "article: {\"article\", \"event\", \"duplicate_of\", \"wire_of\"}; with --briefs, then one\n"
      "line a event holding its brief (docs/brief.md). docs/events.md explains the method.");
  cmd->add_option("PATH", o->paths, "Files, folders or '-' (stdin)")->required();
  cmd->add_option("--window", o->events.window_days,
                  "Days an event stays open without a new article (default 3)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--threshold", o->events.join_threshold,
                  "Average-linkage similarity at which articles cluster (default 0.22)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--batch", o->events.batch, "Arrivals clustered together (default 512)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--briefs", o->briefs, "Also write one brief a event");
  return [o, &global] {
    std::vector<Article> articles;
    bool skipped = load(o->paths, global.threads, articles);
    std::vector<Assignment> assigned = assign_events(articles, o->events);
    std::string out;
    std::map<std::string, std::vector<size_t>> members;  // event -> article indexes
    std::vector<std::string> event_order;
    for (size_t i : publication_order(articles)) {
      const Assignment& a = assigned[i];
      JsonWriter w;
      w.begin_object();
      w.key("article").value(articles[i].id);
      w.key("event").value(a.event);
      w.key("duplicate_of").string_or_null(a.duplicate_of);
      w.key("wire_of").string_or_null(a.wire_of);
      w.end_object();
      out += w.take() + "\n";
      if (a.new_event) event_order.push_back(a.event);
      members[a.event].push_back(i);
    }
    int rc = write_output(out, "");
    if (o->briefs) {
      for (const std::string& e : event_order) {
        std::vector<Article> group;
        for (size_t i : members[e]) {
          group.push_back(std::move(articles[i]));
          group.back().duplicate_of = assigned[i].duplicate_of;
          group.back().wire_of = assigned[i].wire_of;
        }
        Brief b = make_brief(group, {});
        std::string json = brief_json(b, /*indent=*/0);
        rc = std::max(rc, write_output(json, ""));
      }
    }
    if (articles.empty()) {
      std::fprintf(stderr, "chorus: no usable articles in the input\n");
      return kSkipped;
    }
    return rc != kOk ? rc : (skipped ? kSkipped : kOk);
  };
}

}  // namespace chorus::cli
