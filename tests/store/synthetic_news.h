// Synthetic news for store tests and benchmarks: many small articles on made-up events, as
// JSONL lines ({"url", "source", "published", "title", "text"}), deterministic for a seed.
// Each event has its own invented names, place and figure, 1 to 24 articles from different
// outlets over a few days; events follow one another over the days of a year or more.
#pragma once

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

#include "util/json.h"

namespace chorus::testing {

class SyntheticNews {
 public:
  explicit SyntheticNews(uint32_t seed = 7) : rng_(seed) {}

  // Writes `count` articles to `out`, one JSON line each; about 100 events a day.
  void write(size_t count, std::FILE* out) {
    size_t written = 0;
    for (size_t event = 0; written < count; ++event) {
      Event e = make_event(event);
      size_t n = std::min(count - written, size_t{1} + rng_() % 24);
      for (size_t i = 0; i < n; ++i, ++written) {
        std::string line = article(e, event, i);
        std::fwrite(line.data(), 1, line.size(), out);
        std::fputc('\n', out);
      }
    }
  }

  // The URL of article `i` of event `event` (as written by write()).
  static std::string url(size_t event, size_t i) {
    return "https://outlet" + std::to_string(i % 40) + ".example/news/" + std::to_string(event) +
           "-" + std::to_string(i);
  }

 private:
  struct Event {
    std::string person, place, group, thing;
    int figure;
    int day;  // days after 2020-01-01
  };

  std::string word(size_t syllables) {
    static const char* kParts[] = {"ka", "lo", "mi", "ra", "zen", "tor", "vel", "an", "dri",
                                   "sol", "bar", "nek", "ul", "pa", "gor", "si", "fen", "ox"};
    std::string w;
    for (size_t i = 0; i < syllables; ++i) w += kParts[rng_() % (sizeof kParts / sizeof *kParts)];
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  }

  Event make_event(size_t number) {
    static const char* kThings[] = {"bridge", "factory", "election", "strike", "flood",
                                    "summit", "trial", "harbour", "mine", "festival"};
    Event e;
    e.person = word(2) + " " + word(3);
    e.place = word(3);
    e.group = word(2) + " " + word(2) + " Union";
    e.thing = kThings[rng_() % 10];
    e.figure = 100 + static_cast<int>(rng_() % 9000);
    e.day = static_cast<int>(number / 100);
    return e;
  }

  std::string date(int day) {
    // 2020-01-01 plus `day` days, by the civil-from-days algorithm.
    int z = 18262 + day + 719468;  // 18262: days from 1970 to 2020-01-01
    int era = z / 146097, doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y + (m <= 2), m, d);
    return buf;
  }

  std::string article(const Event& e, size_t event, size_t i) {
    std::string fig = std::to_string(e.figure + static_cast<int>(i % 3));
    std::string text =
        e.person + " said on Monday that the " + e.thing + " in " + e.place + " would stay " +
        "closed after " + fig + " people protested. The " + e.group + " asked " + e.person +
        " to explain the decision about the " + e.thing + " in " + e.place + ". Officials in " +
        e.place + " expect a report on the " + e.thing + " within days, the " + e.group +
        " said.\n" + (i % 2 ? "Residents of " + e.place + " gathered near the " + e.thing +
                                  " on the second day of protests."
                            : "Critics of " + e.person + " called the closure of the " + e.thing +
                                  " a mistake.");
    JsonWriter w;
    w.begin_object();
    w.key("url").value(url(event, i));
    w.key("source").value("Outlet " + std::to_string(i % 40));
    w.key("published").value(date(e.day + static_cast<int>(i % 3)));
    w.key("title").value(e.person + " keeps " + e.place + " " + e.thing + " closed");
    w.key("text").value(text);
    w.end_object();
    return w.take();
  }

  std::mt19937 rng_;
};

}  // namespace chorus::testing
