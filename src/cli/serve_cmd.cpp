// chorus serve [--db FILE|URI] [--host 127.0.0.1] [--port 8080] [--token T] [--web DIR]
#include <CLI/CLI.hpp>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "chorus/store.h"
#include "cli/commands.h"
#include "serve/server.h"

namespace chorus::cli {

Runner add_serve(CLI::App& app, const Global& global) {
  auto o = std::make_shared<ServeOptions>();
  o->db = kDefaultStore;
  o->web_dir = CHORUS_WEB_DIR;
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve a store's events and briefs as a JSON API (docs/api.md) and the web page.\n"
      "Listens on 127.0.0.1 unless told otherwise; writes (POST /api/articles) need a token,\n"
      "given with --token or in the environment as CHORUS_TOKEN. Stops on Ctrl-C.");
  cmd->add_option("--db", o->db, "SQLite file or postgresql:// URI (default " +
                                     std::string(kDefaultStore) + ")");
  cmd->add_option("--host", o->host, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--port,-p", o->port, "Port (default 8080; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--token", o->token, "Token that POST /api/articles must send");
  cmd->add_option("--web", o->web_dir, "Folder of the web page (default: the source's web/)");
  cmd->add_option("--max-body", o->max_body, "Largest request body in bytes (default 8 MiB)")
      ->check(CLI::PositiveNumber);
  return [o] {
    if (o->token.empty()) {
      if (const char* t = std::getenv("CHORUS_TOKEN")) o->token = t;
    }
    // A mistyped path would otherwise serve a new, empty store.
    if (!is_postgres(o->db) && !std::filesystem::exists(o->db)) {
      std::fprintf(stderr, "chorus: %s: no such store; make it with: chorus ingest PATH --db %s\n",
                   o->db.c_str(), o->db.c_str());
      return kSkipped;
    }
    // Signals are taken by one thread that stops the server; the server's threads never
    // see them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    try {
      ApiServer server(*o);
      int port = server.bind();
      if (port < 0) {
        std::fprintf(stderr, "chorus: cannot listen on %s:%d (in use?)\n", o->host.c_str(),
                     o->port);
        return kSkipped;
      }
      std::fprintf(stderr, "chorus: serving %s on http://%s:%d/ (writes %s)\n", o->db.c_str(),
                   o->host.c_str(), port, o->token.empty() ? "disabled" : "need the token");
      std::thread waiter([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        server.stop();
      });
      bool ok = server.run();
      pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if run() failed
      waiter.join();
      return ok ? kOk : kSkipped;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "chorus: %s\n", e.what());
      return kSkipped;
    }
  };
}

}  // namespace chorus::cli
