// Store: stable ids, incremental events and cached briefs over a backend (backend.h).
#include "chorus/store.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <ctime>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "chorus/brief.h"
#include "store/backend.h"
#include "text/utf8.h"

namespace chorus {

namespace {

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool tracking_parameter(const std::string& p) {
  std::string name = ascii_lower(p.substr(0, p.find('=')));
  return name.rfind("utm_", 0) == 0 || name == "fbclid" || name == "gclid" || name == "ocid" ||
         name == "cmpid" || name == "ref";
}

template <typename T>
void put(std::string& out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));  // little-endian hosts only (x86-64, arm64)
  out.append(b, sizeof(T));
}

template <typename T>
bool get(const std::string& in, size_t& pos, T& v) {
  if (pos + sizeof(T) > in.size()) return false;
  std::memcpy(&v, in.data() + pos, sizeof(T));
  pos += sizeof(T);
  return true;
}

constexpr uint8_t kSignalsVersion = 1;

}  // namespace

std::string canonical_url(const std::string& url) {
  std::string u = url;
  while (!u.empty() && std::isspace(static_cast<unsigned char>(u.back()))) u.pop_back();
  u.erase(0, u.find_first_not_of(" \t\r\n"));
  if (size_t hash = u.find('#'); hash != std::string::npos) u.resize(hash);
  size_t scheme = u.find("://");
  if (scheme != std::string::npos) u.erase(0, scheme + 3);  // http and https are one page
  size_t path_at = u.find_first_of("/?");
  std::string host = ascii_lower(u.substr(0, path_at));
  std::string rest = path_at == std::string::npos ? "" : u.substr(path_at);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  for (const char* port : {":80", ":443"}) {
    size_t n = std::strlen(port);
    if (host.size() > n && host.compare(host.size() - n, n, port) == 0) host.resize(host.size() - n);
  }
  std::string path = rest.substr(0, rest.find('?'));
  std::string query;
  if (size_t q = rest.find('?'); q != std::string::npos) {
    std::string params = rest.substr(q + 1);
    size_t start = 0;
    while (start <= params.size()) {
      size_t end = params.find('&', start);
      if (end == std::string::npos) end = params.size();
      std::string p = params.substr(start, end - start);
      if (!p.empty() && !tracking_parameter(p)) query += (query.empty() ? "?" : "&") + p;
      start = end + 1;
    }
  }
  while (!path.empty() && path.back() == '/') path.pop_back();
  return host + path + query;
}

std::string article_id(const std::string& url, const std::string& raw) {
  std::string key = url.empty() ? "text:" + raw : "url:" + canonical_url(url);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
  return hex;
}

std::string encode_signals(const ArticleSignals& s) {
  std::string out;
  put<uint8_t>(out, kSignalsVersion);
  put<uint64_t>(out, s.simhash);
  put<int32_t>(out, s.day);
  put<uint32_t>(out, s.words);
  put<uint32_t>(out, static_cast<uint32_t>(s.terms.size()));
  for (const auto& [term, weight] : s.terms) {
    put<uint64_t>(out, term);
    put<float>(out, weight);
  }
  put<uint32_t>(out, static_cast<uint32_t>(s.sentence_hashes.size()));
  for (uint64_t h : s.sentence_hashes) put<uint64_t>(out, h);
  return out;
}

bool decode_signals(const std::string& in, ArticleSignals& s) {
  size_t pos = 0;
  uint8_t version = 0;
  uint32_t n = 0;
  if (!get(in, pos, version) || version != kSignalsVersion || !get(in, pos, s.simhash) ||
      !get(in, pos, s.day) || !get(in, pos, s.words) || !get(in, pos, n) ||
      n > (in.size() - pos) / 12) {
    return false;
  }
  s.terms.resize(n);
  for (auto& [term, weight] : s.terms) get(in, pos, term), get(in, pos, weight);
  if (!get(in, pos, n) || n > (in.size() - pos) / 8) return false;
  s.sentence_hashes.resize(n);
  for (uint64_t& h : s.sentence_hashes) get(in, pos, h);
  return pos == in.size();
}

std::vector<std::string> query_words(const std::string& query) {
  std::vector<std::string> words;
  std::string w;
  auto end_word = [&] {
    if (!w.empty() && words.size() < 16) words.push_back(w.substr(0, 64));
    w.clear();
  };
  for (unsigned char c : query) {
    // Bytes >= 0x80 are parts of non-ASCII letters: kept whole so that UTF-8 stays valid.
    if (std::isalnum(c) || c >= 0x80) {
      w += static_cast<char>(c);
    } else {
      end_word();
    }
  }
  end_word();
  for (std::string& x : words) {  // a character cut by the 64-byte bound is dropped
    size_t start = x.size();
    while (start > 0 && (static_cast<unsigned char>(x[start - 1]) & 0xC0) == 0x80) --start;
    if (start == 0) continue;
    unsigned char lead = static_cast<unsigned char>(x[start - 1]);
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (x.size() - (start - 1) < need) x.resize(start - 1);
  }
  std::erase_if(words, [](const std::string& x) { return x.empty(); });
  return words;
}

std::optional<std::string> events_where(
    const EventQuery& q, char mark, const std::function<std::string(const std::string&)>& text_query,
    const std::function<std::string(const std::string&)>& text_match,
    std::vector<std::string>& args) {
  std::string where = " WHERE merged_into IS NULL";
  auto arg = [&](const std::string& v) {
    args.push_back(v);
    std::string placeholder = std::to_string(args.size());
    return placeholder.insert(0, 1, mark);  // not mark + ...: a false -Wrestrict in GCC 12
  };
  if (!q.from.empty()) where += " AND last_published >= " + arg(q.from);
  if (!q.to.empty()) where += " AND first_published <> '' AND first_published <= " + arg(q.to);
  if (!q.source.empty()) {
    where += " AND id IN (SELECT event FROM articles WHERE source = " + arg(q.source) + ")";
  }
  if (!q.language.empty()) {
    where += " AND id IN (SELECT event FROM articles WHERE language = " + arg(q.language) + ")";
  }
  if (!q.text.empty()) {
    std::string tq = text_query(q.text);
    if (tq.empty()) return std::nullopt;
    where += " AND id IN (" + text_match(arg(tq)) + ")";
  }
  return where;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_postgres(const std::string& where) {
  return where.rfind("postgresql://", 0) == 0 || where.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Store> Store::open(const std::string& where, std::string* error) {
  try {
    return std::unique_ptr<Store>(
        new Store(is_postgres(where) ? open_postgres(where) : open_sqlite(where)));
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return nullptr;
  }
}

Store::Store(std::unique_ptr<StoreBackend> backend) : backend_(std::move(backend)) {}
Store::~Store() = default;

namespace {

// The event stream of one ingest, warmed with the stored articles of the open window, and
// the store event each of its events stands for.
class Clusterer {
 public:
  Clusterer(StoreBackend& db, const EventOptions& options) : stream_(options) {
    std::optional<int32_t> latest = db.latest_day();
    int32_t min_day = latest ? *latest - static_cast<int32_t>(options.window_days) - 1 : INT32_MAX;
    std::unordered_map<std::string, int64_t> stored_event;
    db.replay(min_day, /*undated=*/2000, [&](std::string id, int64_t event, std::string bytes) {
      ArticleSignals s;
      if (!decode_signals(bytes, s)) return;  // written by another version: not replayed
      stored_event.emplace(id, event);
      stream_.add(std::move(id), std::move(s));
    });
    stream_.flush();
    // The replay's clustering may differ from the stored one; stored articles keep their
    // events, and each stream event stands for the store event of its first replayed member.
    for (const Assignment& a : stream_.take()) {
      to_store_.try_emplace(stream_.current(a.event), stored_event.at(a.article));
    }
  }

  EventStream& stream() { return stream_; }

  // The store event of a stream event; 0 if it has none yet.
  int64_t store_event(const std::string& stream_event) const {
    auto it = to_store_.find(stream_event);
    return it == to_store_.end() ? 0 : it->second;
  }
  void bind(const std::string& stream_event, int64_t id) { to_store_[stream_event] = id; }

  // Store events that the stream merged since the last call: (event, into).
  std::vector<std::pair<int64_t, int64_t>> merges() {
    std::vector<std::pair<std::string, std::string>> moved;
    for (const auto& [e, id] : to_store_) {
      std::string c = stream_.current(e);
      if (c != e) moved.emplace_back(e, c);
    }
    std::vector<std::pair<int64_t, int64_t>> out;
    for (const auto& [e, c] : moved) {
      int64_t from = to_store_.at(e);
      to_store_.erase(e);
      auto [it, fresh] = to_store_.try_emplace(c, from);
      if (!fresh && it->second != from) out.emplace_back(from, it->second);
    }
    return out;
  }

 private:
  EventStream stream_;
  std::unordered_map<std::string, int64_t> to_store_;
};

ArticleRow row_of(const Article& a, std::string raw, const ArticleSignals& s) {
  ArticleRow r;
  StoredArticle& m = r.meta;
  m.id = a.id;
  m.url = a.url;
  m.source = a.source;
  m.title = a.title;
  m.published = a.published;
  m.language = a.language;
  m.file = a.file;
  m.text = a.text;
  m.words = a.words;
  r.raw = std::move(raw);
  r.raw_is_html = a.raw_is_html;
  r.signals = encode_signals(s);
  r.day = s.day;
  return r;
}

}  // namespace

IngestReport Store::ingest(std::vector<Article> articles, const IngestOptions& options) {
  IngestReport report;
  report.read = articles.size();

  // Stable ids; repeats within the input and articles already stored are duplicates.
  std::unordered_set<std::string> seen;
  std::vector<Article> fresh;
  for (Article& a : articles) {
    a.id = article_id(a.url, a.raw);
    report.ids.push_back(a.id);
    if (!seen.insert(a.id).second) {
      ++report.duplicates;
    } else {
      fresh.push_back(std::move(a));
    }
  }
  articles.clear();
  std::unordered_set<std::string> stored;
  for (size_t i = 0; i < fresh.size(); i += 500) {
    std::vector<std::string> ids;
    for (size_t j = i; j < std::min(fresh.size(), i + 500); ++j) ids.push_back(fresh[j].id);
    for (std::string& id : backend_->known(ids)) stored.insert(std::move(id));
  }
  report.duplicates += stored.size();
  std::erase_if(fresh, [&](const Article& a) { return stored.count(a.id) > 0; });
  if (fresh.empty()) {
    if (options.progress) options.progress(report.read, report.read, 0);
    return report;
  }

  std::vector<Article> ordered;
  ordered.reserve(fresh.size());
  for (size_t i : publication_order(fresh)) ordered.push_back(std::move(fresh[i]));
  fresh.clear();

  Clusterer clusterer(*backend_, options.events);
  std::set<int64_t> touched;
  size_t done = report.read - ordered.size();
  const size_t chunk_size = std::max<size_t>(1, options.chunk);
  for (size_t start = 0; start < ordered.size(); start += chunk_size) {
    size_t end = std::min(ordered.size(), start + chunk_size);
    std::vector<Article> chunk(std::make_move_iterator(ordered.begin() + start),
                               std::make_move_iterator(ordered.begin() + end));
    std::unordered_map<std::string, std::string> raw;  // analyze() releases it
    for (const Article& a : chunk) raw.emplace(a.id, a.raw);
    size_t before = report.problems.size();
    analyze_all(chunk, report.problems, options.threads);
    report.errors += report.problems.size() - before;

    WriteBatch batch;
    batch.now = utc_now();
    std::unordered_map<std::string, size_t> row;  // article id -> index in batch.articles
    for (const Article& a : chunk) {
      ArticleSignals s = signals_of(a);
      row.emplace(a.id, batch.articles.size());
      batch.articles.push_back(row_of(a, std::move(raw.at(a.id)), s));
      clusterer.stream().add(a.id, std::move(s));
    }
    clusterer.stream().flush();
    std::unordered_map<std::string, int64_t> new_event;  // stream event -> -(number)
    std::vector<std::string> new_order;
    for (Assignment& a : clusterer.stream().take()) {
      std::string e = clusterer.stream().current(a.event);
      StoredArticle& m = batch.articles[row.at(a.article)].meta;
      m.duplicate_of = a.duplicate_of;
      m.wire_of = a.wire_of;
      if (int64_t id = clusterer.store_event(e)) {
        m.event = id;
      } else {
        auto [it, added] = new_event.try_emplace(e, -static_cast<int64_t>(new_order.size()));
        if (added) new_order.push_back(e);
        m.event = it->second;
      }
    }
    batch.new_events = new_order.size();
    batch.merges = clusterer.merges();
    std::vector<int64_t> ids = backend_->write(batch);
    for (size_t k = 0; k < new_order.size(); ++k) clusterer.bind(new_order[k], ids[k]);
    for (const ArticleRow& r : batch.articles) {
      touched.insert(r.meta.event > 0 ? r.meta.event : ids[-r.meta.event]);
    }
    for (const auto& [from, into] : batch.merges) touched.erase(from), touched.insert(into);
    report.added += batch.articles.size();
    done += end - start;
    if (options.progress) options.progress(done, report.read, report.added);
  }
  // A later chunk may have merged an event touched earlier.
  for (int64_t id : touched) {
    std::optional<EventSummary> e = event(id);
    if (e) report.events.push_back(e->id);
  }
  std::sort(report.events.begin(), report.events.end());
  report.events.erase(std::unique(report.events.begin(), report.events.end()),
                      report.events.end());
  if (options.briefs) {
    for (size_t i = 0; i < report.events.size(); ++i) {
      brief(report.events[i]);
      if (options.brief_progress && ((i + 1) % 50 == 0 || i + 1 == report.events.size())) {
        options.brief_progress(i + 1, report.events.size());
      }
    }
  }
  return report;
}

std::optional<EventSummary> Store::event(int64_t id) {
  for (int hops = 0; hops < 64; ++hops) {  // merges form chains, never cycles
    auto e = backend_->event(id);
    if (!e) return std::nullopt;
    if (e->second == 0) return e->first;
    id = e->second;
  }
  return std::nullopt;
}

std::optional<std::string> Store::brief(int64_t id) {
  std::optional<EventSummary> e = event(id);
  if (!e) return std::nullopt;
  if (auto cached = backend_->brief(e->id); cached && cached->first == e->version) {
    return cached->second;
  }
  std::vector<Article> articles;
  for (ArticleRow& r : backend_->members(e->id)) {
    Article a;
    a.id = r.meta.id;
    a.file = r.meta.file;
    a.url = r.meta.url;
    a.source = r.meta.source;
    a.title = r.meta.title;
    a.published = r.meta.published;
    a.raw = std::move(r.raw);
    a.raw_is_html = r.raw_is_html;
    if (!analyze(a, nullptr)) continue;
    a.duplicate_of = r.meta.duplicate_of;
    a.wire_of = r.meta.wire_of;
    articles.push_back(std::move(a));
  }
  Brief b = make_brief(articles, {});
  std::string json = brief_json(b, /*indent=*/0);
  backend_->put_brief(e->id, e->version, json, b.title);
  return json;
}

EventPage Store::events(const EventQuery& query) { return backend_->events(query); }

std::optional<StoredArticle> Store::article(const std::string& id) {
  return backend_->article(id);
}

std::vector<StoredArticle> Store::search(const std::string& query, size_t limit, size_t offset,
                                         size_t* total) {
  return backend_->search(query, limit, offset, total);
}

size_t Store::article_count() { return backend_->article_count(); }
size_t Store::event_count() { return backend_->event_count(); }

}  // namespace chorus
