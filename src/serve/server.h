// The HTTP JSON API and the web page over a store (docs/api.md).
//
//   chorus::ApiServer server({.db = "chorus.db", .web_dir = "web"});
//   int port = server.bind();   // 0 in options: any free port
//   server.run();               // blocks until stop() (another thread) is called
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace chorus {

struct ServeOptions {
  std::string db = "chorus.db";  // SQLite file or postgresql:// URI
  std::string host = "127.0.0.1";
  int port = 8080;               // 0: any free port
  std::string token;             // POST /api/articles needs "Authorization: Bearer <token>";
                                 // empty: writes are refused
  std::string web_dir;           // the page's files; nothing else is ever served
  size_t max_body = 8u << 20;    // bytes of a request body (413 beyond)
  size_t max_query = 512;        // bytes of a text parameter (q, source, ...; 400 beyond)
  size_t max_articles = 1000;    // articles in one POST (413 beyond)
};

class ApiServer {
 public:
  // Opens the store (throws std::runtime_error with a message if it cannot).
  explicit ApiServer(const ServeOptions& options);
  ~ApiServer();
  // Binds the listening socket; returns the port, or -1 if it cannot bind.
  int bind();
  // Serves until stop(). Returns false if the server could not run.
  bool run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chorus
