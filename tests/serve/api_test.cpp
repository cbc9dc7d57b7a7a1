// The HTTP API on a store holding the example, served in-process on a free loopback port:
// answers, status codes, and the security bounds (token, web/ confinement, sizes).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <simdjson.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "chorus/pipeline.h"
#include "chorus/store.h"
#include "serve/server.h"
#include "store/pg_server.h"

namespace chorus {
namespace {

namespace fs = std::filesystem;

// A request sent byte for byte, so that paths like "/../x" reach the server unchanged.
std::string raw_request(int port, const std::string& request) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return "";
  ::send(fd, request.data(), request.size(), 0);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return out;
}

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("chorus-api-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "web" / "js");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>chorus</title>";
    std::ofstream(dir_ / "web" / "js" / "app.js") << "// app";
    std::ofstream(dir_ / "secret.txt") << "not for the web";
    fs::create_symlink(dir_ / "secret.txt", dir_ / "web" / "link.txt");
    std::string error;
    auto store = Store::open((dir_ / "store.db").string(), &error);
    ASSERT_TRUE(store) << error;
    IngestReport r = store->ingest(read_inputs({CHORUS_EXAMPLES_DIR}).articles, {});
    event_ = r.events.at(0);
    article_ = r.ids.at(0);
    ServeOptions o;
    o.db = (dir_ / "store.db").string();
    o.port = 0;
    o.web_dir = (dir_ / "web").string();
    o.token = "s3cret";
    o.max_body = 64 * 1024;
    server_ = new ApiServer(o);
    port_ = server_->bind();
    ASSERT_GT(port_, 0);
    thread_ = new std::thread([] { server_->run(); });
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
    fs::remove_all(dir_);
  }

  httplib::Result get(const std::string& path) {
    httplib::Client c("127.0.0.1", port_);
    return c.Get(path.c_str());
  }
  httplib::Result post(const std::string& body, const std::string& token) {
    httplib::Client c("127.0.0.1", port_);
    httplib::Headers h;
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    return c.Post("/api/articles", h, body, "application/json");
  }
  // The status, and that the body is JSON with an "error" when the status says so.
  int status_of(const httplib::Result& r) {
    if (!r) return -1;
    simdjson::dom::parser p;
    simdjson::dom::element doc;
    EXPECT_FALSE(p.parse(r->body).get(doc)) << r->body;
    if (r->status >= 400) {
      std::string_view message;
      EXPECT_FALSE(doc["error"].get_string().get(message)) << r->body;
    }
    return r->status;
  }

  static inline fs::path dir_;
  static inline ApiServer* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
  static inline int port_ = 0;
  static inline int64_t event_ = 0;
  static inline std::string article_;
};

TEST_F(Api, ListsEvents) {
  auto r = get("/api/events");
  ASSERT_EQ(status_of(r), 200);
  simdjson::dom::parser p;
  simdjson::dom::element doc = p.parse(r->body);
  EXPECT_EQ(int64_t(doc["total"]), 1);
  simdjson::dom::element e = doc["events"].at(0);
  EXPECT_EQ(int64_t(e["id"]), event_);
  EXPECT_EQ(int64_t(e["articles"]), 5);
  EXPECT_EQ(int64_t(e["sources"]), 5);
  EXPECT_EQ(std::string_view(e["last_published"]), "2022-01-14");
}

TEST_F(Api, FiltersEvents) {
  auto count = [&](const std::string& query) {
    auto r = get("/api/events?" + query);
    EXPECT_EQ(status_of(r), 200) << query;
    simdjson::dom::parser p;
    return int64_t(p.parse(r->body)["total"]);
  };
  EXPECT_EQ(count("q=CSTO+troops"), 1);
  EXPECT_EQ(count("q=volcano"), 0);
  EXPECT_EQ(count("from=2022-01-14&to=2022-02-01"), 1);
  EXPECT_EQ(count("from=2023-01-01"), 0);
  EXPECT_EQ(count("language=en&limit=5&offset=0"), 1);
  EXPECT_EQ(count("source=BM.GE"), 1);
  EXPECT_EQ(count("source=Nobody"), 0);
}

TEST_F(Api, RefusesBadParameters) {
  EXPECT_EQ(status_of(get("/api/events?from=yesterday")), 400);
  EXPECT_EQ(status_of(get("/api/events?limit=1000")), 400);
  EXPECT_EQ(status_of(get("/api/events?offset=-1")), 400);
  EXPECT_EQ(status_of(get("/api/search")), 400);
  EXPECT_EQ(status_of(get("/api/events?q=" + std::string(600, 'a'))), 400);  // query bound
  EXPECT_EQ(status_of(get("/api/search?q=" + std::string(20000, 'a'))), 414);  // URI bound
}

TEST_F(Api, GivesTheBriefOfAnEvent) {
  auto r = get("/api/events/" + std::to_string(event_));
  ASSERT_EQ(status_of(r), 200);
  simdjson::dom::parser p;
  simdjson::dom::element doc = p.parse(r->body);
  EXPECT_EQ(int64_t(doc["id"]), event_);
  EXPECT_GE(doc["brief"]["summary"].get_array().size(), 3u);
  EXPECT_EQ(doc["brief"]["articles"].get_array().size(), 5u);
  EXPECT_TRUE(doc["brief"]["facts"].is_array());
}

TEST_F(Api, UnknownIdsAreNotFound) {
  EXPECT_EQ(status_of(get("/api/events/999999")), 404);
  EXPECT_EQ(status_of(get("/api/events/abc")), 404);
  EXPECT_EQ(status_of(get("/api/articles/0123456789abcdef")), 404);
  EXPECT_EQ(status_of(get("/api/articles/nonsense")), 404);
  EXPECT_EQ(status_of(get("/api/nothing")), 404);
}

TEST_F(Api, GivesArticlesAndSearches) {
  auto r = get("/api/articles/" + article_);
  ASSERT_EQ(status_of(r), 200);
  simdjson::dom::parser p;
  simdjson::dom::element doc = p.parse(r->body);
  EXPECT_EQ(std::string_view(doc["id"]), article_);
  EXPECT_GT(std::string_view(doc["text"]).size(), 500u);
  r = get("/api/search?q=Tokayev&limit=2");
  ASSERT_EQ(status_of(r), 200);
  doc = p.parse(r->body);
  EXPECT_GE(int64_t(doc["total"]), 3);
  EXPECT_EQ(doc["articles"].get_array().size(), 2u);
}

TEST_F(Api, WritesNeedTheToken) {
  std::string body =
      R"({"url": "https://example.org/volcano", "title": "Volcano erupts in Iceland",
          "published": "2024-01-14", "source": "RUV",
          "text": "A volcano on the Reykjanes peninsula in Iceland erupted on Sunday."})";
  EXPECT_EQ(status_of(post(body, "")), 401);
  EXPECT_EQ(status_of(post(body, "wrong")), 401);
  EXPECT_EQ(status_of(post(body, "s3cret-and-more")), 401);
  EXPECT_EQ(status_of(get("/api/search?q=Reykjanes")), 200);
  simdjson::dom::parser p;
  EXPECT_EQ(int64_t(p.parse(get("/api/search?q=Reykjanes")->body)["total"]), 0);

  auto r = post(body, "s3cret");
  ASSERT_EQ(status_of(r), 201) << r->body;
  EXPECT_EQ(int64_t(p.parse(r->body)["added"]), 1);
  r = post("[" + body + "]", "s3cret");  // the same again: nothing changes
  ASSERT_EQ(status_of(r), 200);
  EXPECT_EQ(int64_t(p.parse(r->body)["duplicates"]), 1);
  EXPECT_EQ(int64_t(p.parse(get("/api/search?q=Reykjanes")->body)["total"]), 1);
}

TEST_F(Api, RefusesBadBodies) {
  EXPECT_EQ(status_of(post("{not json", "s3cret")), 400);
  EXPECT_EQ(status_of(post("42", "s3cret")), 400);
  EXPECT_EQ(status_of(post("[1, 2]", "s3cret")), 400);
  std::string big = R"({"title": "x", "text": ")" + std::string(100 * 1024, 'a') + "\"}";
  EXPECT_EQ(status_of(post(big, "s3cret")), 413);
}

TEST_F(Api, ServesThePage) {
  auto r = get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("<title>chorus</title>"), std::string::npos);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  r = get("/js/app.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
}

TEST_F(Api, StaticFilesStayInsideWeb) {
  for (std::string path : {"/../secret.txt", "/js/../../secret.txt", "/%2e%2e/secret.txt",
                           "/..%2fsecret.txt", "/link.txt", "/../../../../etc/passwd",
                           "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd",
                           "/js/..%5c..%5csecret.txt"}) {
    std::string answer =
        raw_request(port_, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(answer.find("not for the web"), std::string::npos) << path;
    EXPECT_EQ(answer.find("root:"), std::string::npos) << path;
    EXPECT_TRUE(answer.rfind("HTTP/1.1 4", 0) == 0) << path << ": " << answer.substr(0, 40);
  }
}

TEST(ApiWithoutToken, RefusesAllWrites) {
  fs::path dir = fs::temp_directory_path() / ("chorus-api-ro-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ServeOptions o;
  o.db = (dir / "store.db").string();
  o.port = 0;
  ApiServer server(o);
  int port = server.bind();
  ASSERT_GT(port, 0);
  std::thread t([&] { server.run(); });
  httplib::Client c("127.0.0.1", port);
  httplib::Headers h{{"Authorization", "Bearer anything"}};
  auto r = c.Post("/api/articles", h, R"({"title": "x", "text": "Some words here."})",
                  "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_NE(r->body.find("--token"), std::string::npos);
  server.stop();
  t.join();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

// The same API over a PostgreSQL store (a server started for the test; pg_server.h).
TEST(ApiOnPostgres, ListsBriefsSearchesAndWrites) {
  testing::PgServer pg;
  if (!pg.ok()) GTEST_SKIP() << "PostgreSQL not available: " << pg.why();
  std::string error;
  auto store = Store::open(pg.uri(), &error);
  ASSERT_TRUE(store) << error;
  int64_t event = store->ingest(read_inputs({CHORUS_EXAMPLES_DIR}).articles, {}).events.at(0);
  store.reset();
  ServeOptions o;
  o.db = pg.uri();
  o.port = 0;
  o.token = "t0ken";
  ApiServer server(o);
  int port = server.bind();
  ASSERT_GT(port, 0);
  std::thread t([&] { server.run(); });
  httplib::Client c("127.0.0.1", port);
  simdjson::dom::parser p;
  auto r = c.Get("/api/events?q=troops");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(int64_t(p.parse(r->body)["total"]), 1);
  r = c.Get(("/api/events/" + std::to_string(event)).c_str());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_GE(p.parse(r->body)["brief"]["summary"].get_array().size(), 3u);
  r = c.Get("/api/search?q=Tokayev");
  ASSERT_TRUE(r);
  EXPECT_GE(int64_t(p.parse(r->body)["total"]), 3);
  httplib::Headers h{{"Authorization", "Bearer t0ken"}};
  std::string body = R"({"url": "https://example.org/v", "title": "Volcano erupts in Iceland",
                         "text": "A volcano on the Reykjanes peninsula in Iceland erupted."})";
  r = c.Post("/api/articles", h, body, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
  r = c.Post("/api/articles", h, body, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(c.Get("/api/events/424242")->status, 404);
  server.stop();
  t.join();
}

}  // namespace
}  // namespace chorus
