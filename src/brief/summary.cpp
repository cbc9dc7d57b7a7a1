#include "brief/summary.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "extract/clean.h"

namespace chorus {
namespace {

// Whether only spaces or hyphens separate two tokens ("Kassym-Jomart", "Security Treaty").
bool adjacent(const Article& a, const Token& x, const Token& y) {
  for (uint32_t i = x.begin + x.size; i < y.begin; ++i) {
    if (a.text[i] != ' ' && a.text[i] != '-') return false;
  }
  return true;
}

uint64_t pair_term(uint64_t a, uint64_t b) {
  uint64_t x = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2));
  return x ^ (x >> 29);
}

}  // namespace

SentenceSpace::SentenceSpace(const std::vector<Article>& articles) : articles_(articles.size()) {
  std::unordered_map<uint64_t, uint32_t> term_ids;
  term_ids.reserve(1 << 14);
  std::vector<uint32_t> df;
  offsets_.push_back(0);
  std::vector<Entry> unit;
  for (uint32_t a = 0; a < articles.size(); ++a) {
    const Article& art = articles[a];
    if (!art.duplicate_of.empty()) continue;
    for (uint32_t s = 0; s < art.sentences.size(); ++s) {
      const Sentence& sent = art.sentences[s];
      if (sent.heading) continue;
      unit.clear();
      auto add = [&](uint64_t term, float count) {
        auto [it, added] = term_ids.emplace(term, static_cast<uint32_t>(df.size()));
        if (added) df.push_back(0);
        unit.push_back({it->second, count});
      };
      const uint32_t end = sent.first_token + sent.token_count;
      uint64_t previous = 0;
      float previous_count = 0;
      for (uint32_t t = sent.first_token; t < end;) {
        // A name written in several capitalised words ("Collective Security Treaty
        // Organization") counts as much as one word: sentences that merely mention the same
        // long name should not look alike.
        uint32_t run = 1;
        const bool capitalised = (art.tokens[t].flags & (Token::kCapitalized | Token::kStopword)) ==
                                 Token::kCapitalized;
        while (capitalised && t + run < end && adjacent(art, art.tokens[t + run - 1], art.tokens[t + run]) &&
               (art.tokens[t + run].flags & (Token::kCapitalized | Token::kStopword)) ==
                   Token::kCapitalized) {
          ++run;
        }
        const float count = 1.0f / static_cast<float>(run);
        for (uint32_t k = t; k < t + run; ++k) {
          const Token& tok = art.tokens[k];
          if (tok.flags & Token::kStopword) {
            continue;
          }
          add(tok.term, count);
          // Pairs of neighbouring content words: paraphrases share them ("price hike",
          // "began withdrawing"); sentences that merely share a topic mostly do not.
          if (previous != 0) add(pair_term(previous, tok.term), std::min(count, previous_count));
          previous = tok.term;
          previous_count = count;
        }
        t += run;
      }
      if (unit.empty()) continue;
      std::sort(unit.begin(), unit.end(), [](const Entry& x, const Entry& y) { return x.term < y.term; });
      // Merge repeats into term counts.
      size_t w = 0;
      for (size_t r = 0; r < unit.size(); ++r) {
        if (w > 0 && unit[w - 1].term == unit[r].term) {
          unit[w - 1].weight += 1.0f;
        } else {
          unit[w++] = unit[r];
        }
      }
      unit.resize(w);
      for (const Entry& e : unit) ++df[e.term];
      entries_.insert(entries_.end(), unit.begin(), unit.end());
      offsets_.push_back(static_cast<uint32_t>(entries_.size()));
      refs_.push_back({a, s});
    }
  }

  // Weights: (1 + log tf) * idf, idf = log(1 + units / df); then unit length.
  const float n = static_cast<float>(refs_.size());
  for (size_t u = 0; u < refs_.size(); ++u) {
    float norm = 0;
    for (uint32_t k = offsets_[u]; k < offsets_[u + 1]; ++k) {
      Entry& e = entries_[k];
      // Counts below one (parts of names) scale linearly, repeats sub-linearly.
      float tf = e.weight <= 1.0f ? e.weight : 1.0f + std::log(e.weight);
      e.weight = tf * std::log(1.0f + n / static_cast<float>(df[e.term]));
      norm += e.weight * e.weight;
    }
    norm = norm > 0 ? 1.0f / std::sqrt(norm) : 0.0f;
    for (uint32_t k = offsets_[u]; k < offsets_[u + 1]; ++k) entries_[k].weight *= norm;
  }

  // Inverted index, term -> (unit, weight).
  posting_offsets_.assign(df.size() + 1, 0);
  for (size_t t = 0; t < df.size(); ++t) posting_offsets_[t + 1] = posting_offsets_[t] + df[t];
  postings_.resize(entries_.size());
  std::vector<uint32_t> fill(posting_offsets_.begin(), posting_offsets_.end() - 1);
  for (uint32_t u = 0; u < refs_.size(); ++u) {
    for (uint32_t k = offsets_[u]; k < offsets_[u + 1]; ++k) {
      postings_[fill[entries_[k].term]++] = {u, entries_[k].weight};
    }
  }

  // Centroid: the mean of per-article vectors, each the normalised sum of its sentences, so
  // that a long article counts as much as a short one.
  std::vector<float> centroid(df.size(), 0.0f);
  std::vector<float> article_vec(df.size(), 0.0f);
  std::vector<uint32_t> touched;
  for (size_t u = 0; u < refs_.size();) {
    uint32_t a = refs_[u].article;
    touched.clear();
    for (; u < refs_.size() && refs_[u].article == a; ++u) {
      for (uint32_t k = offsets_[u]; k < offsets_[u + 1]; ++k) {
        if (article_vec[entries_[k].term] == 0) touched.push_back(entries_[k].term);
        article_vec[entries_[k].term] += entries_[k].weight;
      }
    }
    float norm = 0;
    for (uint32_t t : touched) norm += article_vec[t] * article_vec[t];
    norm = norm > 0 ? 1.0f / std::sqrt(norm) : 0.0f;
    for (uint32_t t : touched) {
      centroid[t] += article_vec[t] * norm;
      article_vec[t] = 0;
    }
  }
  float cnorm = 0;
  for (float v : centroid) cnorm += v * v;
  cnorm = cnorm > 0 ? 1.0f / std::sqrt(cnorm) : 0.0f;
  centrality_.resize(refs_.size());
  for (size_t u = 0; u < refs_.size(); ++u) {
    float dot = 0;
    for (uint32_t k = offsets_[u]; k < offsets_[u + 1]; ++k) {
      dot += entries_[k].weight * centroid[entries_[k].term];
    }
    centrality_[u] = dot * cnorm;
  }
}

uint64_t SentenceSpace::signature(size_t unit) const {
  uint64_t h = 0xCBF29CE484222325ULL;
  for (uint32_t k = offsets_[unit]; k < offsets_[unit + 1]; ++k) {
    h = (h ^ entries_[k].term) * 0x100000001B3ULL;
  }
  return h;
}

float SentenceSpace::similarity(size_t a, size_t b) const {
  uint32_t i = offsets_[a], ie = offsets_[a + 1];
  uint32_t j = offsets_[b], je = offsets_[b + 1];
  float dot = 0;
  while (i < ie && j < je) {
    if (entries_[i].term < entries_[j].term) {
      ++i;
    } else if (entries_[i].term > entries_[j].term) {
      ++j;
    } else {
      dot += entries_[i++].weight * entries_[j++].weight;
    }
  }
  return dot;
}

std::vector<float> SentenceSpace::best_match_per_article(size_t unit) const {
  thread_local std::vector<float> dots;
  thread_local std::vector<uint32_t> touched;
  dots.assign(refs_.size(), 0.0f);
  touched.clear();
  for (uint32_t k = offsets_[unit]; k < offsets_[unit + 1]; ++k) {
    const Entry& e = entries_[k];
    for (uint32_t p = posting_offsets_[e.term]; p < posting_offsets_[e.term + 1]; ++p) {
      auto [other, weight] = postings_[p];
      if (dots[other] == 0.0f) touched.push_back(other);
      dots[other] += e.weight * weight;
    }
  }
  std::vector<float> best(articles_, 0.0f);
  for (uint32_t other : touched) {
    float& b = best[refs_[other].article];
    b = std::max(b, dots[other]);
  }
  return best;
}

namespace {

// How many words a sentence has (tokens, numbers included).
uint32_t words_of(const Article& a, const Sentence& s) { return s.token_count; }

// Whether a sentence can stand in a summary: a whole statement of reasonable length.
bool summary_worthy(const Article& a, const Sentence& s) {
  if (s.token_count < 6 || s.token_count > 70) return false;
  std::string_view text = a.sentence_text(s);
  if (text.empty() || text.back() == '?' || text.back() == ':') return false;
  // Ends as a sentence does: not cut off by the scraper.
  return !looks_like_heading(text) && (text.back() == '.' || text.back() == '!' ||
                                       text.back() == '"' || text.back() == ')' ||
                                       static_cast<unsigned char>(text.back()) >= 0x80);
}

}  // namespace

std::vector<SummarySentence> summarize(const std::vector<Article>& articles,
                                       const BriefOptions& options) {
  SentenceSpace space(articles);
  if (space.size() == 0) return {};

  // Position in its article: the lead carries the story.
  std::vector<uint32_t> sentences_in(articles.size(), 0);
  for (size_t u = 0; u < space.size(); ++u) ++sentences_in[space.ref(u).article];
  std::vector<uint32_t> index_in_article(space.size());
  {
    std::vector<uint32_t> seen(articles.size(), 0);
    for (size_t u = 0; u < space.size(); ++u) index_in_article[u] = seen[space.ref(u).article]++;
  }

  // Candidates, pre-ranked by centrality; support is computed for the best of them only.
  std::vector<uint32_t> candidates;
  for (uint32_t u = 0; u < space.size(); ++u) {
    const auto& r = space.ref(u);
    if (summary_worthy(articles[r.article], articles[r.article].sentences[r.sentence])) {
      candidates.push_back(u);
    }
  }
  const size_t wanted = options.words > 0 ? static_cast<size_t>(options.words) / 15 + 1
                                          : static_cast<size_t>(std::max(options.sentences, 0));
  if (wanted == 0) return {};
  // The pool: the most central candidates, one of each group of near-copies (events with
  // many copies of a text would otherwise fill it with one sentence).
  const size_t pool_size = std::max<size_t>(60, wanted * 12);
  std::stable_sort(candidates.begin(), candidates.end(), [&](uint32_t x, uint32_t y) {
    return space.centrality(x) > space.centrality(y);
  });
  std::vector<uint32_t> pool;
  std::unordered_set<uint64_t> signatures;
  for (uint32_t u : candidates) {
    if (pool.size() >= pool_size) break;
    if (!signatures.insert(space.signature(u)).second) continue;
    bool copy = std::any_of(pool.begin(), pool.end(),
                            [&](uint32_t p) { return space.similarity(p, u) >= kRedundant; });
    if (!copy) pool.push_back(u);
  }
  candidates.swap(pool);

  struct Scored {
    uint32_t unit;
    float score;
    std::vector<size_t> sources;
  };
  std::vector<Scored> scored;
  for (uint32_t u : candidates) {
    std::vector<float> best = space.best_match_per_article(u);
    Scored s{u, 0.0f, {}};
    for (size_t a = 0; a < best.size(); ++a) {
      if (a == space.ref(u).article || best[a] >= kSameStatement) s.sources.push_back(a);
    }
    float position = 1.0f / std::sqrt(1.0f + static_cast<float>(index_in_article[u]));
    s.score = static_cast<float>(s.sources.size()) + space.centrality(u) + 0.5f * position;
    scored.push_back(std::move(s));
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& x, const Scored& y) { return x.score > y.score; });

  std::vector<const Scored*> chosen;
  uint32_t words = 0;
  for (const Scored& s : scored) {
    const auto& r = space.ref(s.unit);
    uint32_t w = words_of(articles[r.article], articles[r.article].sentences[r.sentence]);
    if (options.words > 0 ? (words + w > static_cast<uint32_t>(options.words) && !chosen.empty())
                          : chosen.size() >= static_cast<size_t>(options.sentences)) {
      if (options.words > 0) continue;  // a shorter sentence may still fit
      break;
    }
    bool repeats = std::any_of(chosen.begin(), chosen.end(), [&](const Scored* c) {
      return space.similarity(c->unit, s.unit) >= kRedundant;
    });
    if (repeats) continue;
    chosen.push_back(&s);
    words += w;
  }

  // Story order: by relative position in the source article, then by article.
  std::stable_sort(chosen.begin(), chosen.end(), [&](const Scored* x, const Scored* y) {
    float px = static_cast<float>(index_in_article[x->unit]) /
               static_cast<float>(sentences_in[space.ref(x->unit).article]);
    float py = static_cast<float>(index_in_article[y->unit]) /
               static_cast<float>(sentences_in[space.ref(y->unit).article]);
    return px < py;
  });
  std::vector<SummarySentence> out;
  for (const Scored* s : chosen) {
    const auto& r = space.ref(s->unit);
    const Article& a = articles[r.article];
    out.push_back({std::string(a.sentence_text(a.sentences[r.sentence])), r.article, s->sources});
  }
  return out;
}

}  // namespace chorus
