#include "eval/baselines.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace chorus {
namespace {

// One candidate sentence: its distinct content terms with counts, sorted by term.
struct Unit {
  SentenceAt at;
  uint32_t words = 0;        // all tokens, stopwords included
  uint32_t index = 0;        // position among its article's units, from 0
  uint32_t article_units = 0;
  std::vector<std::pair<uint64_t, float>> terms;  // (term, count)
  std::vector<float> weights;                     // tf-idf, unit length (cosine)
};

std::vector<Unit> units_of(const std::vector<Article>& articles, const DocumentFrequencies& idf) {
  std::vector<Unit> units;
  for (uint32_t a = 0; a < articles.size(); ++a) {
    const Article& art = articles[a];
    const size_t first = units.size();
    for (uint32_t s = 0; s < art.sentences.size(); ++s) {
      const Sentence& sent = art.sentences[s];
      if (sent.heading) continue;
      Unit u;
      u.at = {a, s};
      u.words = sent.token_count;
      std::vector<uint64_t> terms;
      for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) {
        if (!(art.tokens[t].flags & Token::kStopword)) terms.push_back(art.tokens[t].term);
      }
      if (terms.empty()) continue;
      std::sort(terms.begin(), terms.end());
      for (uint64_t t : terms) {
        if (!u.terms.empty() && u.terms.back().first == t) {
          u.terms.back().second += 1;
        } else {
          u.terms.emplace_back(t, 1.0f);
        }
      }
      float norm = 0;
      for (auto [t, c] : u.terms) {
        float w = c * idf.idf(t);
        u.weights.push_back(w);
        norm += w * w;
      }
      norm = norm > 0 ? 1.0f / std::sqrt(norm) : 0.0f;
      for (float& w : u.weights) w *= norm;
      u.index = static_cast<uint32_t>(units.size() - first);
      units.push_back(std::move(u));
    }
    for (size_t i = first; i < units.size(); ++i) {
      units[i].article_units = static_cast<uint32_t>(units.size() - first);
    }
  }
  return units;
}

// Calls shared(i, j) for each term that x.terms[i] and y.terms[j] share.
template <typename Shared>
void for_each_shared_term(const Unit& x, const Unit& y, Shared&& shared) {
  size_t i = 0, j = 0;
  while (i < x.terms.size() && j < y.terms.size()) {
    if (x.terms[i].first < y.terms[j].first) {
      ++i;
    } else if (x.terms[i].first > y.terms[j].first) {
      ++j;
    } else {
      shared(i++, j++);
    }
  }
}

float cosine(const Unit& x, const Unit& y) {
  float dot = 0;
  for_each_shared_term(x, y, [&](size_t i, size_t j) { dot += x.weights[i] * y.weights[j]; });
  return dot;
}

size_t shared_terms(const Unit& x, const Unit& y) {
  size_t n = 0;
  for_each_shared_term(x, y, [&](size_t, size_t) { ++n; });
  return n;
}

// Takes units in the order of `score` (highest first, ties in input order) until `words` is
// reached. With `max_similarity` below 1, a unit with a cosine above it to a taken one is
// skipped (MEAD's default reranker); with `min_words`, shorter units are left out.
std::vector<SentenceAt> take_best(const std::vector<Unit>& units, const std::vector<double>& score,
                                  int words, float max_similarity, uint32_t min_words) {
  std::vector<size_t> order(units.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
  std::vector<size_t> taken;
  int total = 0;
  for (size_t u : order) {
    if (total >= words) break;
    if (units[u].words < min_words) continue;
    if (max_similarity < 1.0f && std::any_of(taken.begin(), taken.end(), [&](size_t t) {
          return cosine(units[t], units[u]) > max_similarity;
        })) {
      continue;
    }
    taken.push_back(u);
    total += static_cast<int>(units[u].words);
  }
  std::vector<SentenceAt> out;
  for (size_t t : taken) out.push_back(units[t].at);
  return out;
}

constexpr uint32_t kMeadLengthCutoff = 9;
constexpr float kMeadRerankerSimilarity = 0.7f;

std::vector<SentenceAt> lead(const std::vector<Article>& articles, int words) {
  std::vector<std::vector<uint32_t>> bodies(articles.size());
  size_t longest = 0;
  for (size_t a = 0; a < articles.size(); ++a) {
    for (uint32_t s = 0; s < articles[a].sentences.size(); ++s) {
      if (!articles[a].sentences[s].heading) bodies[a].push_back(s);
    }
    longest = std::max(longest, bodies[a].size());
  }
  std::vector<SentenceAt> out;
  int total = 0;
  for (size_t k = 0; k < longest && total < words; ++k) {
    for (uint32_t a = 0; a < articles.size() && total < words; ++a) {
      if (k >= bodies[a].size()) continue;
      out.push_back({a, bodies[a][k]});
      total += static_cast<int>(articles[a].sentences[bodies[a][k]].token_count);
    }
  }
  return out;
}

std::vector<SentenceAt> centroid(const std::vector<Article>& articles, const std::vector<Unit>& units,
                                 const DocumentFrequencies& idf, int words) {
  // Centroid value of a word: its count in the cluster per document, times its IDF.
  std::unordered_map<uint64_t, double> value;
  for (const Unit& u : units) {
    for (auto [t, c] : u.terms) value[t] += c;
  }
  for (auto& [t, v] : value) v = v / static_cast<double>(articles.size()) * idf.idf(t);
  std::vector<double> c(units.size(), 0.0);
  std::vector<double> article_max(articles.size(), 0.0);
  for (size_t i = 0; i < units.size(); ++i) {
    for (auto [t, count] : units[i].terms) c[i] += value[t];
    article_max[units[i].at.article] = std::max(article_max[units[i].at.article], c[i]);
  }
  // Position: (n - i + 1) / n times the best centroid score of the document (i from 1).
  std::vector<double> score(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    const double n = units[i].article_units;
    score[i] = c[i] + (n - units[i].index) / n * article_max[units[i].at.article];
  }
  return take_best(units, score, words, kMeadRerankerSimilarity, kMeadLengthCutoff);
}

// Power iteration of PageRank-like scores: next[i] = base + damping * sum over neighbours j
// of weight(j, i) / out_weight(j) * current[j]; stops when no score moves by 1e-6 or more.
std::vector<double> rank(const std::vector<std::vector<std::pair<uint32_t, double>>>& edges,
                         double base, double damping) {
  const size_t n = edges.size();
  std::vector<double> out_weight(n, 0.0);
  for (size_t j = 0; j < n; ++j) {
    for (auto [i, w] : edges[j]) out_weight[j] += w;
  }
  std::vector<double> current(n, 1.0 / static_cast<double>(n)), next(n);
  for (int iteration = 0; iteration < 200; ++iteration) {
    std::fill(next.begin(), next.end(), base);
    for (size_t j = 0; j < n; ++j) {
      if (out_weight[j] == 0) continue;
      for (auto [i, w] : edges[j]) next[i] += damping * w / out_weight[j] * current[j];
    }
    double moved = 0;
    for (size_t i = 0; i < n; ++i) moved = std::max(moved, std::abs(next[i] - current[i]));
    current.swap(next);
    if (moved < 1e-6) break;
  }
  return current;
}

std::vector<SentenceAt> lexrank(const std::vector<Unit>& units, size_t n_articles, int words) {
  // Thresholded graph (self-loops included, as the cosine of a sentence with itself is 1).
  constexpr double kThreshold = 0.1, kJump = 0.15;
  const size_t n = units.size();
  std::vector<std::vector<std::pair<uint32_t, double>>> edges(n);
  for (size_t i = 0; i < n; ++i) {
    edges[i].emplace_back(static_cast<uint32_t>(i), 1.0);
    for (size_t j = i + 1; j < n; ++j) {
      if (cosine(units[i], units[j]) >= kThreshold) {
        edges[i].emplace_back(static_cast<uint32_t>(j), 1.0);
        edges[j].emplace_back(static_cast<uint32_t>(i), 1.0);
      }
    }
  }
  std::vector<double> score = rank(edges, kJump / static_cast<double>(n), 1.0 - kJump);
  // As the paper ran it, a feature of MEAD next to position: (n - i + 1) / n times the
  // document's best LexRank score.
  std::vector<double> article_max(n_articles, 0.0);
  for (size_t i = 0; i < n; ++i) {
    article_max[units[i].at.article] = std::max(article_max[units[i].at.article], score[i]);
  }
  for (size_t i = 0; i < n; ++i) {
    const double sentences = units[i].article_units;
    score[i] += (sentences - units[i].index) / sentences * article_max[units[i].at.article];
  }
  return take_best(units, score, words, kMeadRerankerSimilarity, kMeadLengthCutoff);
}

std::vector<SentenceAt> textrank(const std::vector<Unit>& units, int words) {
  constexpr double kDamping = 0.85;
  const size_t n = units.size();
  std::vector<std::vector<std::pair<uint32_t, double>>> edges(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      double denominator = std::log(static_cast<double>(units[i].words)) +
                           std::log(static_cast<double>(units[j].words));
      size_t shared = shared_terms(units[i], units[j]);
      if (shared == 0 || denominator <= 0) continue;
      double w = static_cast<double>(shared) / denominator;
      edges[i].emplace_back(static_cast<uint32_t>(j), w);
      edges[j].emplace_back(static_cast<uint32_t>(i), w);
    }
  }
  std::vector<double> score = rank(edges, 1.0 - kDamping, kDamping);
  return take_best(units, score, words, 1.0f, 0);
}

}  // namespace

bool parse_baseline(std::string_view name, Baseline& out) {
  if (name == "lead") {
    out = Baseline::kLead;
  } else if (name == "centroid") {
    out = Baseline::kCentroid;
  } else if (name == "lexrank") {
    out = Baseline::kLexRank;
  } else if (name == "textrank") {
    out = Baseline::kTextRank;
  } else {
    return false;
  }
  return true;
}

void DocumentFrequencies::add(const Article& article) {
  std::vector<uint64_t> terms;
  terms.reserve(article.tokens.size());
  for (const Token& t : article.tokens) {
    if (!(t.flags & Token::kStopword)) terms.push_back(t.term);
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  for (uint64_t t : terms) ++df_[t];
  ++documents_;
}

float DocumentFrequencies::idf(uint64_t term) const {
  auto it = df_.find(term);
  const double df = it == df_.end() ? 1.0 : it->second;
  return static_cast<float>(std::log(std::max<double>(documents_, 1.0) / df));
}

std::vector<SentenceAt> baseline_summary(Baseline method, const std::vector<Article>& articles,
                                         int words, const DocumentFrequencies* idf) {
  if (words <= 0 || articles.empty()) return {};
  if (method == Baseline::kLead) return lead(articles, words);
  DocumentFrequencies own;
  if (idf == nullptr) {
    for (const Article& a : articles) own.add(a);
    idf = &own;
  }
  std::vector<Unit> units = units_of(articles, *idf);
  if (units.empty()) return {};
  switch (method) {
    case Baseline::kCentroid:
      return centroid(articles, units, *idf, words);
    case Baseline::kLexRank:
      return lexrank(units, articles.size(), words);
    case Baseline::kTextRank:
      return textrank(units, words);
    case Baseline::kLead:
      break;
  }
  return {};
}

}  // namespace chorus
