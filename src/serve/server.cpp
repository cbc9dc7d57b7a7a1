// The HTTP API (cpp-httplib, a thread pool) over a pool of store connections, one per
// request at a time; writes go through one mutex, as the store has one writer.
#include "serve/server.h"

#include <httplib.h>
#include <simdjson.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "chorus/store.h"
#include "ingest/read.h"
#include "util/json.h"

namespace chorus {

namespace fs = std::filesystem;

namespace {

// Store connections, opened when first needed and reused; one per concurrent request.
class StorePool {
 public:
  explicit StorePool(std::string where) : where_(std::move(where)) {
    release(open());  // fails early, with the reason, when the store cannot be opened
  }
  std::unique_ptr<Store> acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        std::unique_ptr<Store> s = std::move(free_.back());
        free_.pop_back();
        return s;
      }
    }
    return open();
  }
  void release(std::unique_ptr<Store> s) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(s));
  }

 private:
  std::unique_ptr<Store> open() {
    std::string error;
    std::unique_ptr<Store> s = Store::open(where_, &error);
    if (!s) throw std::runtime_error(error);
    return s;
  }
  std::string where_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> free_;
};

// A store borrowed from the pool for one request.
class Lease {
 public:
  explicit Lease(StorePool& pool) : pool_(pool), store_(pool.acquire()) {}
  ~Lease() { pool_.release(std::move(store_)); }
  Store* operator->() { return store_.get(); }

 private:
  StorePool& pool_;
  std::unique_ptr<Store> store_;
};

// A request the client got wrong: answered with `status` and {"error": message}.
struct HttpError : std::runtime_error {
  HttpError(int status, const std::string& message)
      : std::runtime_error(message), status(status) {}
  int status;
};

void send_json(httplib::Response& res, std::string json, int status = 200) {
  res.status = status;
  res.set_content(std::move(json), "application/json; charset=utf-8");
}

std::string error_json(const std::string& message) {
  JsonWriter w;
  w.begin_object().key("error").value(message).end_object();
  return w.take();
}

void write_event(JsonWriter& w, const EventSummary& e) {
  w.begin_object();
  w.key("id").value(e.id);
  w.key("title").value(e.title);
  w.key("first_published").string_or_null(e.first_published);
  w.key("last_published").string_or_null(e.last_published);
  w.key("articles").value(e.articles);
  w.key("sources").value(e.sources);
  w.key("languages").begin_array();
  for (const std::string& l : e.languages) w.value(l);
  w.end_array();
  w.key("updated").value(e.updated);
  w.end_object();
}

void write_article(JsonWriter& w, const StoredArticle& a, bool with_text) {
  w.begin_object();
  w.key("id").value(a.id);
  w.key("event").value(a.event);
  w.key("title").value(a.title);
  w.key("source").string_or_null(a.source);
  w.key("url").string_or_null(a.url);
  w.key("published").string_or_null(a.published);
  w.key("language").value(a.language);
  w.key("words").value(a.words);
  w.key("duplicate_of").string_or_null(a.duplicate_of);
  w.key("wire_of").string_or_null(a.wire_of);
  w.key("added").value(a.added);
  if (with_text) {
    w.key("text").value(a.text);
  } else {
    // The opening words, cut at a character boundary.
    size_t n = std::min<size_t>(a.text.size(), 240);
    while (n < a.text.size() && (static_cast<unsigned char>(a.text[n]) & 0xC0) == 0x80) --n;
    w.key("snippet").value(a.text.substr(0, n) + (n < a.text.size() ? "…" : ""));
  }
  w.end_object();
}

// The parameter `name`, at most `max` bytes (400 beyond).
std::string param(const httplib::Request& req, const char* name, size_t max) {
  if (!req.has_param(name)) return "";
  std::string v = req.get_param_value(name);
  if (v.size() > max) {
    throw HttpError(400, std::string("parameter ") + name + " is longer than " +
                             std::to_string(max) + " bytes");
  }
  return v;
}

size_t number_param(const httplib::Request& req, const char* name, size_t fallback,
                    size_t max) {
  std::string v = param(req, name, 12);
  if (v.empty()) return fallback;
  if (v.find_first_not_of("0123456789") != std::string::npos || std::stoull(v) > max) {
    throw HttpError(400, std::string("parameter ") + name + " must be a number from 0 to " +
                             std::to_string(max));
  }
  return static_cast<size_t>(std::stoull(v));
}

std::string date_param(const httplib::Request& req, const char* name) {
  static const std::regex kDate(R"(\d{4}-\d{2}-\d{2})");
  std::string v = param(req, name, 10);
  if (!v.empty() && !std::regex_match(v, kDate)) {
    throw HttpError(400, std::string("parameter ") + name + " must be a date, YYYY-MM-DD");
  }
  return v;
}

const char* content_type(const fs::path& p) {
  std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  return "application/octet-stream";
}

// Constant-time comparison: the time taken tells nothing about a wrong token's prefix.
bool same_secret(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= a[i] ^ b[i % (b.empty() ? 1 : b.size())];
  return diff == 0 && !b.empty();
}

}  // namespace

struct ApiServer::Impl {
  ServeOptions options;
  StorePool pool;
  fs::path web_root;
  std::mutex write_mu;
  httplib::Server http;

  explicit Impl(const ServeOptions& o) : options(o), pool(o.db) {
    if (!o.web_dir.empty()) {
      std::error_code ec;
      web_root = fs::canonical(o.web_dir, ec);
      if (ec) throw std::runtime_error(o.web_dir + ": no such folder for the web page");
    }
    routes();
  }

  // Runs a handler, turning HttpError into its status and anything else into a 500.
  template <typename Fn>
  auto guarded(Fn fn) {
    return [fn](const httplib::Request& req, httplib::Response& res) {
      try {
        fn(req, res);
      } catch (const HttpError& e) {
        send_json(res, error_json(e.what()), e.status);
      } catch (const std::exception& e) {
        send_json(res, error_json(std::string("internal error: ") + e.what()), 500);
      }
    };
  }

  void routes() {
    http.set_payload_max_length(options.max_body);
    // Answers go out at once: with Nagle's algorithm, a keep-alive client's delayed ACK
    // holds each small answer about 40 ms.
    http.set_tcp_nodelay(true);
    http.set_read_timeout(10, 0);
    http.set_write_timeout(10, 0);
    http.set_keep_alive_max_count(1000);
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      std::string message = res.status == 404   ? "not found: " + req.path
                            : res.status == 413 ? "request body too large"
                            : res.status == 414 ? "request URI too long"
                                                : "bad request";
      send_json(res, error_json(message), res.status);
    });
    http.Get("/api/events", guarded([this](const auto& req, auto& res) { list_events(req, res); }));
    http.Get(R"(/api/events/(\d{1,18}))",
             guarded([this](const auto& req, auto& res) { get_event(req, res); }));
    http.Get(R"(/api/articles/([0-9a-f]{16}))",
             guarded([this](const auto& req, auto& res) { get_article(req, res); }));
    http.Get("/api/search", guarded([this](const auto& req, auto& res) { search(req, res); }));
    http.Post("/api/articles",
              guarded([this](const auto& req, auto& res) { post_articles(req, res); }));
    http.Get(R"(/api/.*)", guarded([](const auto& req, auto&) -> void {
               throw HttpError(404, "no such endpoint or id: " + req.path);
             }));
    http.Get(R"(/.*)", guarded([this](const auto& req, auto& res) { static_file(req, res); }));
  }

  void list_events(const httplib::Request& req, httplib::Response& res) {
    EventQuery q;
    q.text = param(req, "q", options.max_query);
    q.from = date_param(req, "from");
    q.to = date_param(req, "to");
    q.source = param(req, "source", options.max_query);
    q.language = param(req, "language", 16);
    q.limit = number_param(req, "limit", 20, 100);
    q.offset = number_param(req, "offset", 0, 1000000);
    EventPage page = Lease(pool)->events(q);
    JsonWriter w;
    w.begin_object();
    w.key("total").value(page.total).key("limit").value(q.limit).key("offset").value(q.offset);
    w.key("events").begin_array();
    for (const EventSummary& e : page.events) write_event(w, e);
    w.end_array().end_object();
    send_json(res, w.take());
  }

  void get_event(const httplib::Request& req, httplib::Response& res) {
    int64_t id = std::stoll(req.matches[1]);
    Lease store(pool);
    std::optional<EventSummary> e = store->event(id);
    std::optional<std::string> brief = e ? store->brief(e->id) : std::nullopt;
    if (!e || !brief) throw HttpError(404, "no event " + std::string(req.matches[1]));
    JsonWriter w;
    write_event(w, *e);
    std::string json = w.take();
    json.pop_back();  // the closing brace: the brief goes inside
    json += ",\"brief\":" + *brief + "}";
    send_json(res, std::move(json));
  }

  void get_article(const httplib::Request& req, httplib::Response& res) {
    std::optional<StoredArticle> a = Lease(pool)->article(req.matches[1]);
    if (!a) throw HttpError(404, "no article " + std::string(req.matches[1]));
    JsonWriter w;
    write_article(w, *a, /*with_text=*/true);
    send_json(res, w.take());
  }

  void search(const httplib::Request& req, httplib::Response& res) {
    std::string q = param(req, "q", options.max_query);
    if (q.empty()) throw HttpError(400, "parameter q is required");
    size_t limit = number_param(req, "limit", 20, 100);
    size_t offset = number_param(req, "offset", 0, 1000000);
    size_t total = 0;
    std::vector<StoredArticle> found = Lease(pool)->search(q, limit, offset, &total);
    JsonWriter w;
    w.begin_object();
    w.key("total").value(total).key("limit").value(limit).key("offset").value(offset);
    w.key("articles").begin_array();
    for (const StoredArticle& a : found) write_article(w, a, /*with_text=*/false);
    w.end_array().end_object();
    send_json(res, w.take());
  }

  void post_articles(const httplib::Request& req, httplib::Response& res) {
    if (options.token.empty()) {
      throw HttpError(403, "writes are disabled: start chorus serve with --token");
    }
    std::string auth = req.get_header_value("Authorization");
    const std::string bearer = "Bearer ";
    if (auth.rfind(bearer, 0) != 0) {
      throw HttpError(401, "missing token: send \"Authorization: Bearer <token>\"");
    }
    if (!same_secret(auth.substr(bearer.size()), options.token)) {
      throw HttpError(401, "wrong token");
    }
    // One JSONL line per article, so that read_jsonl (the CLI's reader) reads them.
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (auto err = parser.parse(req.body).get(doc)) {
      throw HttpError(400, std::string("bad JSON: ") + simdjson::error_message(err));
    }
    std::string jsonl;
    size_t count = 0;
    if (doc.is_array()) {
      for (simdjson::dom::element x : doc.get_array()) {
        if (!x.is_object()) throw HttpError(400, "bad article: each item must be a JSON object");
        jsonl += simdjson::minify(x) + "\n";
        ++count;
      }
    } else if (doc.is_object()) {
      jsonl = simdjson::minify(doc) + "\n";
      count = 1;
    } else {
      throw HttpError(400, "bad article: send a JSON object or an array of them");
    }
    if (count > options.max_articles) {
      throw HttpError(413, "at most " + std::to_string(options.max_articles) +
                               " articles a request");
    }
    Input in;
    read_jsonl("request", jsonl, in);
    IngestReport r;
    {
      std::lock_guard<std::mutex> lock(write_mu);
      r = Lease(pool)->ingest(std::move(in.articles), {});
    }
    JsonWriter w;
    w.begin_object();
    w.key("read").value(count).key("added").value(r.added);
    w.key("duplicates").value(r.duplicates);
    w.key("errors").value(r.errors + in.problems.size());
    w.key("ids").begin_array();
    for (const std::string& id : r.ids) w.value(id);
    w.end_array();
    w.key("events").begin_array();
    for (int64_t e : r.events) w.value(e);
    w.end_array();
    w.key("problems").begin_array();
    for (const Problem& p : in.problems) w.value(p.where + ": " + p.what);
    for (const Problem& p : r.problems) w.value(p.where + ": " + p.what);
    w.end_array();
    w.end_object();
    send_json(res, w.take(), r.added > 0 ? 201 : 200);
  }

  // Files under web_root only: the path is resolved (symbolic links, "..") and must stay
  // inside it.
  void static_file(const httplib::Request& req, httplib::Response& res) {
    if (web_root.empty()) throw HttpError(404, "no web page: serve was started without one");
    std::string rel = req.path == "/" ? "index.html" : req.path.substr(1);
    if (rel.find('\0') != std::string::npos || rel.find('\\') != std::string::npos) {
      throw HttpError(400, "bad path");
    }
    std::error_code ec;
    fs::path p = fs::weakly_canonical(web_root / rel, ec);
    auto [end, _] = std::mismatch(web_root.begin(), web_root.end(), p.begin(), p.end());
    if (ec || end != web_root.end()) throw HttpError(404, "not found: " + req.path);
    if (!fs::is_regular_file(p, ec)) throw HttpError(404, "not found: " + req.path);
    std::ifstream f(p, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(s.str(), content_type(p));
  }
};

ApiServer::ApiServer(const ServeOptions& options) : impl_(std::make_unique<Impl>(options)) {}
ApiServer::~ApiServer() = default;

int ApiServer::bind() {
  if (impl_->options.port == 0) return impl_->http.bind_to_any_port(impl_->options.host);
  return impl_->http.bind_to_port(impl_->options.host, impl_->options.port)
             ? impl_->options.port
             : -1;
}

bool ApiServer::run() { return impl_->http.listen_after_bind(); }
void ApiServer::stop() { impl_->http.stop(); }

}  // namespace chorus
