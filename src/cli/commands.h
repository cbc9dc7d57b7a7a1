// The subcommands of `chorus`, one file each. Each add_* function declares its subcommand on
// `app` and returns the function that runs it once parsed (its exit status).
//
// Exit status, for every subcommand: 0 when every input was used, 1 when some input was
// skipped (each one named on stderr) or nothing usable was left, 2 for a usage error.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "chorus/article.h"

namespace CLI {
class App;
}

namespace chorus::cli {

constexpr int kOk = 0;
constexpr int kSkipped = 1;
constexpr int kUsage = 2;

// Options shared by all subcommands.
struct Global {
  int threads = 0;  // per-article work; 0: one a core
};

using Runner = std::function<int()>;

Runner add_brief(CLI::App& app, const Global& global);
Runner add_clean(CLI::App& app, const Global& global);
Runner add_extract(CLI::App& app, const Global& global);
Runner add_events(CLI::App& app, const Global& global);
Runner add_eval(CLI::App& app, const Global& global);  // eval_cmd.cpp: eval rouge, ...
// eval_facts_cmd.cpp: `eval facts`, a sample of extracted facts for a hand check; `eval` is
// the eval subcommand.
Runner add_facts_sample_mode(CLI::App& eval, const Global& global);
Runner add_ingest(CLI::App& app, const Global& global);
Runner add_serve(CLI::App& app, const Global& global);

// The store `ingest` and `serve` use without --db: a SQLite file in the current folder.
constexpr const char* kDefaultStore = "chorus.db";

// Helpers shared by the subcommands (common.cpp).

// Reads and analyses `paths`, printing one stderr line per problem ("chorus: where: what").
// Returns whether any input was skipped.
bool load(const std::vector<std::string>& paths, int threads, std::vector<Article>& out);

// Writes `text` to `path`, or to stdout when `path` is empty or "-". Returns an exit status.
int write_output(const std::string& text, const std::string& path);

}  // namespace chorus::cli
