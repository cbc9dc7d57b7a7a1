// The `chorus` command: parses the command line and runs one subcommand (commands.h).
#include <CLI/CLI.hpp>

#include <map>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace chorus::cli;
  CLI::App app{
      "chorus: many outlets' articles on one event -> one cited brief.\n"
      "Reads plain text, JSONL and HTML (optionally .gz/.zst), folders of them, or '-' for "
      "stdin."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "chorus 0.1.0");
  Global global;
  app.add_option("--threads", global.threads,
                 "Worker threads for per-article work (0: one a core)")
      ->check(CLI::NonNegativeNumber);

  std::map<std::string, Runner> runners = {
      {"brief", add_brief(app, global)},
      {"clean", add_clean(app, global)},
      {"extract", add_extract(app, global)},
      {"events", add_events(app, global)},
      {"eval", add_eval(app, global)},
      {"ingest", add_ingest(app, global)},
      {"serve", add_serve(app, global)},
  };
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
  for (CLI::App* sub : app.get_subcommands()) return runners.at(sub->get_name())();
  return kUsage;
}
