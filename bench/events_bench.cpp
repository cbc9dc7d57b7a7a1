// Event clustering throughput and memory on a synthetic stream of up to millions of articles.
//
//   build/bench/events_bench COUNT SEED_PATH... [--seed N] [--write DIR] [--no-score]
//                            [--assignments FILE]
//
// The stream is built from real articles (SEED_PATH: folders or JSONL, e.g. ECB+ and
// Multi-News, analysed once): synthetic events, each from one seed article with its names
// and numbers swapped for others from the seeds (consistently within the event), sizes drawn
// from a heavy-tailed law (1 to 400 articles, mean about 20), spread over weeks; each article
// of an event shuffles the seed's sentences, drops about one in five, and swaps a few more
// words. Articles are made at the token level (after parsing, as the issue asks), in date
// order, in chunks, and dropped after clustering, so memory is the clusterer's own.
// With --write DIR, also writes the stream as text (DIR/articles.jsonl, words joined by spaces)
// with its synthetic events (DIR/gold.jsonl), for running other clusterers on the same data.
// Prints the clustering rate (articles/s, one thread) per segment (to 10k, 100k, 1M, ...), the
// rate of the per-article signals (computed before the stream, timed apart, as parsing is),
// the peak resident memory, and B-cubed F1 against the synthetic events.
// With --assignments FILE, also writes every assignment (article, final event, duplicate_of,
// wire_of), one line each in stream order: to check that a change to the clusterer decides
// exactly as before (diff two runs' files). Writing is outside the timed part.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "chorus/events.h"
#include "chorus/pipeline.h"
#include "eval/cluster_eval.h"
#include "events/signals.h"
#include "util/json.h"

namespace {

struct Planned {
  int32_t day;
  uint32_t event;
  uint32_t serial;  // article number within the stream
};

struct SyntheticEvent {
  uint32_t seed;  // index of the seed article
  std::unordered_map<uint64_t, uint64_t> swap;  // term -> term, names and numbers
};

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: events_bench COUNT SEED_PATH... [--seed N]\n");
    return 2;
  }
  const size_t count = std::strtoull(argv[1], nullptr, 10);
  std::vector<std::string> paths;
  std::string write_dir, assignments_path;
  bool no_score = false;
  unsigned seed = 7;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seed" && i + 1 < argc) {
      seed = static_cast<unsigned>(std::atoi(argv[++i]));
    } else if (a == "--no-score") {
      no_score = true;
    } else if (a == "--write" && i + 1 < argc) {
      write_dir = argv[++i];
    } else if (a == "--assignments" && i + 1 < argc) {
      assignments_path = argv[++i];
    } else {
      paths.push_back(a);
    }
  }
  chorus::Input in = chorus::read_inputs(paths);
  chorus::analyze_all(in.articles, in.problems, 0);
  std::vector<chorus::Article>& seeds = in.articles;
  if (seeds.empty()) {
    std::fprintf(stderr, "events_bench: no seed articles\n");
    return 1;
  }
  // Pools of name and number terms to swap in.
  std::vector<uint64_t> names, numbers;
  for (const chorus::Article& a : seeds) {
    for (const chorus::Token& t : a.tokens) {
      if (t.flags & chorus::Token::kNumber) numbers.push_back(t.term);
      else if ((t.flags & chorus::Token::kCapitalized) && !(t.flags & chorus::Token::kStopword)) names.push_back(t.term);
    }
  }
  std::unordered_map<uint64_t, std::string> surface;  // a spelling for each term, to write text
  if (!write_dir.empty()) {
    for (const chorus::Article& a : seeds) {
      for (const chorus::Token& t : a.tokens) surface.emplace(t.term, std::string(a.token_text(t)));
    }
  }
  std::fprintf(stderr, "events_bench: %zu seed articles, %zu name and %zu number tokens\n",
               seeds.size(), names.size(), numbers.size());

  std::mt19937_64 rng(seed);
  // Plan: events with heavy-tailed sizes over ~8 weeks of days, articles within 3 days of
  // their event's start.
  std::vector<SyntheticEvent> events;
  std::vector<Planned> plan;
  plan.reserve(count);
  const int32_t start_day = chorus::day_number("2022-01-01");
  const double days = 56.0;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  while (plan.size() < count) {
    uint32_t e = static_cast<uint32_t>(events.size());
    SyntheticEvent ev;
    ev.seed = static_cast<uint32_t>(rng() % seeds.size());
    for (const chorus::Token& t : seeds[ev.seed].tokens) {
      bool name = (t.flags & chorus::Token::kCapitalized) && !(t.flags & chorus::Token::kStopword);
      bool number = t.flags & chorus::Token::kNumber;
      if ((name || number) && !ev.swap.count(t.term) && unit(rng) < 0.6) {
        ev.swap[t.term] = name ? names[rng() % names.size()] : numbers[rng() % numbers.size()];
      }
    }
    events.push_back(std::move(ev));
    // Pareto-like size: 1 + floor(2 / u^0.9), capped at 400.
    size_t size = std::min<size_t>(400, 1 + static_cast<size_t>(2.0 / std::pow(unit(rng) + 1e-9, 0.9)));
    int32_t day0 = start_day + static_cast<int32_t>(unit(rng) * days);
    for (size_t k = 0; k < size && plan.size() < count; ++k) {
      int32_t day = day0 + static_cast<int32_t>(unit(rng) * unit(rng) * 3);
      plan.push_back({day, e, 0});
    }
  }
  std::stable_sort(plan.begin(), plan.end(), [](const Planned& a, const Planned& b) { return a.day < b.day; });
  for (size_t i = 0; i < plan.size(); ++i) plan[i].serial = static_cast<uint32_t>(i);
  std::fprintf(stderr, "events_bench: %zu articles in %zu synthetic events\n", plan.size(), events.size());

  // Materialise an article from its plan entry, at the token level.
  auto make = [&](const Planned& p, std::mt19937_64& r) {
    const chorus::Article& s = seeds[events[p.event].seed];
    const auto& swap = events[p.event].swap;
    chorus::Article a;
    a.id = "a" + std::to_string(p.serial);
    a.title = s.title;
    a.language = s.language;
    char date[16];
    std::time_t secs = static_cast<std::time_t>(p.day) * 86400;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
    a.published = date;
    std::vector<uint32_t> order(s.sentences.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), r);
    for (uint32_t si : order) {
      if (order.size() > 3 && unit(r) < 0.2) continue;
      const chorus::Sentence& src = s.sentences[si];
      chorus::Sentence dst = src;
      dst.first_token = static_cast<uint32_t>(a.tokens.size());
      for (uint32_t t = src.first_token; t < src.first_token + src.token_count; ++t) {
        chorus::Token tok = s.tokens[t];
        auto it = swap.find(tok.term);
        if (it != swap.end()) tok.term = it->second;
        if (unit(r) < 0.03) tok.term = names[r() % names.size()];  // a few more changes
        a.tokens.push_back(tok);
      }
      dst.token_count = static_cast<uint32_t>(a.tokens.size()) - dst.first_token;
      a.sentences.push_back(dst);
    }
    a.words = static_cast<uint32_t>(a.tokens.size());
    return a;
  };

  std::FILE* out_articles = nullptr;
  std::FILE* out_gold = nullptr;
  if (!write_dir.empty()) {
    std::filesystem::create_directories(write_dir);
    out_articles = std::fopen((write_dir + "/articles.jsonl").c_str(), "w");
    out_gold = std::fopen((write_dir + "/gold.jsonl").c_str(), "w");
  }
  chorus::EventStream stream({});
  std::unordered_map<std::string, std::string> predicted, gold;
  std::vector<chorus::Assignment> all;  // kept for --assignments only
  // Scoring keeps every label in memory: off for memory figures (--no-score).
  const bool score = !no_score;
  // Segments: to 10k, to 100k, then every 100k (or tenth of the stream, if longer).
  std::vector<size_t> checkpoints = {10000, 100000};
  for (size_t c = 200000, step = std::max<size_t>(100000, count / 10); c < count; c += step) checkpoints.push_back(c);
  if (checkpoints.back() != count) checkpoints.push_back(count);  // a count of 100k: once
  while (checkpoints.size() > 1 && checkpoints.front() >= count) checkpoints.erase(checkpoints.begin());
  double clustering = 0, segment_time = 0, signals_time = 0;
  size_t segment_start = 0, next = 0;
  const size_t chunk = 10000;
  std::printf("%-12s %-12s %-14s %-14s %s\n", "articles", "segment", "articles/s", "us/article", "peak RSS MB");
  for (size_t base = 0; base < plan.size(); base += chunk) {
    size_t end = std::min(plan.size(), base + chunk);
    std::vector<chorus::Article> articles;
    articles.reserve(end - base);
    for (size_t i = base; i < end; ++i) articles.push_back(make(plan[i], rng));
    if (out_articles) {
      for (size_t i = base; i < end; ++i) {
        const chorus::Article& a = articles[i - base];
        std::string text;
        for (const chorus::Sentence& sent : a.sentences) {
          for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) {
            text += surface[a.tokens[t].term];
            text += ' ';
          }
          text += ".\n";
        }
        chorus::JsonWriter w;
        w.begin_object().key("id").value(a.id).key("title").value(a.title).key("published").value(a.published);
        w.key("text").value(text).end_object();
        std::fprintf(out_articles, "%s\n", w.str().c_str());
        std::fprintf(out_gold, "{\"article\":\"%s\",\"event\":\"s%u\"}\n", a.id.c_str(), plan[i].event);
      }
    }
    // Signals are per-article and stateless, like parsing: computed first, timed apart.
    auto s0 = std::chrono::steady_clock::now();
    std::vector<chorus::ArticleSignals> sig;
    sig.reserve(articles.size());
    for (const chorus::Article& a : articles) sig.push_back(chorus::signals_of(a));
    signals_time += std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();
    auto t0 = std::chrono::steady_clock::now();
    for (size_t i = 0; i < articles.size(); ++i) stream.add(articles[i].id, std::move(sig[i]));
    if (end == plan.size()) stream.flush();
    std::vector<chorus::Assignment> done = stream.take();
    double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    clustering += dt;
    segment_time += dt;
    if (!assignments_path.empty()) all.insert(all.end(), done.begin(), done.end());
    if (score) {
      for (chorus::Assignment& a : done) predicted[a.article] = std::move(a.event);
      for (size_t i = base; i < end; ++i) gold["a" + std::to_string(plan[i].serial)] = std::to_string(plan[i].event);
    }
    while (next < checkpoints.size() && end >= checkpoints[next]) {
      size_t n = end - segment_start;
      std::printf("%-12zu %-12s %-14.0f %-14.2f %ld\n", end,
                  (std::to_string(segment_start) + "-" + std::to_string(end)).c_str(),
                  static_cast<double>(n) / segment_time, segment_time * 1e6 / static_cast<double>(n),
                  peak_rss_mb());
      segment_start = end;
      segment_time = 0;
      ++next;
    }
  }
  std::printf("total: %zu articles clustered in %.2f s on one thread: %.0f articles/s; %zu events created, %zu open at the end; peak RSS %ld MB\n",
              plan.size(), clustering, static_cast<double>(plan.size()) / clustering,
              stream.events_created(), stream.open_events(), peak_rss_mb());
  std::printf("signals (per article, stateless, before the stream): %.2f s, %.0f articles/s; signals and clustering together: %.0f articles/s\n",
              signals_time, static_cast<double>(plan.size()) / signals_time,
              static_cast<double>(plan.size()) / (signals_time + clustering));
  if (out_articles) {
    std::fclose(out_articles);
    std::fclose(out_gold);
  }
  if (!assignments_path.empty()) {
    std::FILE* f = std::fopen(assignments_path.c_str(), "w");
    for (const chorus::Assignment& a : all) {
      std::fprintf(f, "%s %s %s %s%s\n", a.article.c_str(), stream.current(a.event).c_str(),
                   a.duplicate_of.empty() ? "-" : a.duplicate_of.c_str(),
                   a.wire_of.empty() ? "-" : a.wire_of.c_str(), a.new_event ? " new" : "");
    }
    std::fclose(f);
  }
  if (score) {
    for (auto& [id, e] : predicted) e = stream.current(e);
    chorus::ClusterScore s = chorus::score_clusters(predicted, gold);
    std::printf("against the synthetic events: B-cubed P %.4f R %.4f F1 %.4f, ARI %.4f (%zu events, %zu synthetic)\n",
                s.precision, s.recall, s.f1, s.adjusted_rand, s.clusters, s.gold_clusters);
  }
  return 0;
}
