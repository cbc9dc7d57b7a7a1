// chorus ingest PATH... [--db FILE | --db postgresql://...] [--window DAYS] [--defer-briefs]
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>

#include "chorus/pipeline.h"
#include "chorus/store.h"
#include "cli/commands.h"

namespace chorus::cli {

namespace {

// A progress bar on a terminal; with --verbose, or off a terminal, one line per committed
// chunk so that logs (and the durability test) see what is safely stored.
class Progress {
 public:
  explicit Progress(bool lines) : bar_(::isatty(2) && !lines), lines_(lines) {}
  void operator()(size_t done, size_t total, size_t committed) {
    if (lines_) {
      std::fprintf(stderr, "chorus: committed %zu articles (%zu of %zu handled)\n", committed,
                   done, total);
      return;
    }
    if (!bar_) return;
    constexpr int kWidth = 30;
    int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu articles, %zu added", std::string(filled, '#').c_str(),
                 std::string(kWidth - filled, ' ').c_str(), done, total, committed);
    drawn_ = true;
  }
  void briefs(size_t done, size_t total) {
    if (lines_) {
      if (done == total) std::fprintf(stderr, "chorus: %zu briefs computed\n", total);
      return;
    }
    if (!bar_) return;
    std::fprintf(stderr, "\r%-70s", ("briefs: " + std::to_string(done) + "/" +
                                      std::to_string(total) + " events").c_str());
    drawn_ = true;
  }
  void finish() {
    if (drawn_) std::fprintf(stderr, "\n");
  }

 private:
  bool bar_, lines_, drawn_ = false;
};

}  // namespace

Runner add_ingest(CLI::App& app, const Global& global) {
  struct Options {
    std::vector<std::string> paths;
    std::string db = kDefaultStore;
    IngestOptions ingest;
    bool defer_briefs = false;
    bool verbose = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Add articles to a store: a SQLite file by default, or PostgreSQL with --db\n"
      "postgresql://... Articles already stored (same URL, else same text) change nothing;\n"
      "new ones join the store's events, whose briefs are recomputed (docs/store.md).\n"
      "Ends with one line: articles read, added, duplicates, errors, events touched.");
  cmd->add_option("PATH", o->paths, "Files, folders or '-' (stdin)")->required();
  cmd->add_option("--db", o->db, "SQLite file or postgresql:// URI (default " +
                                     std::string(kDefaultStore) + ")");
  cmd->add_option("--window", o->ingest.events.window_days,
                  "Days an event stays open without a new article (default 3)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--chunk", o->ingest.chunk,
                  "Articles analysed and committed together, one transaction (default 2000)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--defer-briefs", o->defer_briefs,
                "Leave briefs to be computed when first requested (faster bulk loads)");
  cmd->add_flag("--verbose,-v", o->verbose, "One line per committed chunk instead of a bar");
  return [o, &global] {
    std::string error;
    std::unique_ptr<Store> store = Store::open(o->db, &error);
    if (!store) {
      std::fprintf(stderr, "chorus: %s\n", error.c_str());
      return kSkipped;
    }
    Input in = read_inputs(o->paths);
    for (const Problem& p : in.problems) {
      std::fprintf(stderr, "chorus: %s: %s%s\n", p.where.c_str(), p.what.c_str(),
                   p.skipped ? "; skipped" : "");
    }
    size_t unreadable = 0;
    for (const Problem& p : in.problems) unreadable += p.skipped ? 1 : 0;
    IngestOptions options = o->ingest;
    options.threads = global.threads;
    options.briefs = !o->defer_briefs;
    Progress progress(o->verbose);
    options.progress = [&](size_t done, size_t total, size_t committed) {
      progress(done, total, committed);
    };
    options.brief_progress = [&](size_t done, size_t total) { progress.briefs(done, total); };
    IngestReport r;
    auto start = std::chrono::steady_clock::now();
    try {
      r = store->ingest(std::move(in.articles), options);
    } catch (const std::exception& e) {
      progress.finish();
      std::fprintf(stderr, "chorus: %s: %s\n", o->db.c_str(), e.what());
      return kSkipped;
    }
    progress.finish();
    for (const Problem& p : r.problems) {
      std::fprintf(stderr, "chorus: %s: %s; skipped\n", p.where.c_str(), p.what.c_str());
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr,
                 "chorus: %zu articles read, %zu added, %zu duplicates, %zu errors, %zu events "
                 "touched (%.1f s); store %s\n",
                 r.read + unreadable, r.added, r.duplicates, r.errors + unreadable,
                 r.events.size(), seconds, o->db.c_str());
    return r.errors + unreadable > 0 ? kSkipped : kOk;
  };
}

}  // namespace chorus::cli
