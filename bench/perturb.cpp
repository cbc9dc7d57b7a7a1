#include "perturb.h"

#include <algorithm>
#include <cstdio>
#include <random>

#include "util/json.h"

namespace chorus::bench {
namespace {

// Sentence-ish pieces of a line: split after ". " so that shuffling keeps sentences whole.
std::vector<std::string> pieces(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    if ((line[i] == '.' || line[i] == '!' || line[i] == '?') && line[i + 1] == ' ') {
      out.push_back(line.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  if (start < line.size()) out.push_back(line.substr(start));
  return out;
}

std::string change_numbers(const std::string& s, std::mt19937_64& rng) {
  std::string out;
  std::uniform_real_distribution<double> coin(0, 1);
  for (size_t i = 0; i < s.size();) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) {
      size_t j = i;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == ',')) ++j;
      std::string digits = s.substr(i, j - i);
      if (coin(rng) < 0.33 && digits.size() <= 9) {
        long v = 0;
        for (char c : digits) {
          if (c != ',') v = v * 10 + (c - '0');
        }
        v = std::max<long>(1, static_cast<long>(static_cast<double>(v) * (0.5 + coin(rng))));
        out += std::to_string(v);
      } else {
        out += digits;
      }
      i = j;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

}  // namespace

std::vector<Article> perturbed_copies(const std::vector<Article>& seeds, size_t count,
                                      uint64_t random_seed) {
  std::vector<Article> out;
  if (seeds.empty()) return out;
  std::mt19937_64 rng(random_seed);
  std::uniform_real_distribution<double> coin(0, 1);
  for (size_t k = 0; k < count; ++k) {
    const Article& seed = seeds[k % seeds.size()];
    Article a;
    a.id = "copy-" + std::to_string(k);
    a.source = "Outlet " + std::to_string(k % 97);
    char date[16];
    std::snprintf(date, sizeof date, "2022-01-%02zu", 10 + k % 10);
    a.published = date;
    std::string text;
    size_t start = 0;
    const std::string& raw = seed.raw;
    while (start <= raw.size()) {
      size_t nl = raw.find('\n', start);
      if (nl == std::string::npos) nl = raw.size();
      std::vector<std::string> parts = pieces(raw.substr(start, nl - start));
      if (parts.size() > 1) std::shuffle(parts.begin(), parts.end(), rng);
      std::string line;
      for (const std::string& p : parts) {
        if (parts.size() > 1 && coin(rng) < 0.1) continue;
        if (!line.empty()) line.push_back(' ');
        line += p;
      }
      text += change_numbers(line, rng);
      text.push_back('\n');
      start = nl + 1;
    }
    a.raw = std::move(text);
    out.push_back(std::move(a));
  }
  return out;
}

std::string to_jsonl(const std::vector<Article>& articles) {
  std::string out;
  for (const Article& a : articles) {
    JsonWriter w;
    w.begin_object();
    w.key("id").value(a.id);
    w.key("source").value(a.source);
    w.key("published").value(a.published);
    w.key("text").value(a.raw);
    w.end_object();
    out += w.take();
    out.push_back('\n');
  }
  return out;
}

}  // namespace chorus::bench
