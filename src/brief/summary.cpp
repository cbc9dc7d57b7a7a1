#include "brief/summary.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "brief/tidy.h"
#include "extract/clean.h"
#include "text/dates.h"

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

  // Centroid: the sum of per-article vectors, each the normalised sum of its sentences, so
  // that a long article counts as much as a short one. A sentence's centrality is its cosine
  // with the centroid of the *other* articles: an article that shares nothing with the rest
  // (a page of site text scraped by mistake) makes its own sentences no more central.
  std::vector<float> centroid(df.size(), 0.0f);
  std::vector<float> article_vec(df.size(), 0.0f);
  std::vector<uint32_t> touched;
  // Fills article_vec (unit length) from the units [u, end) of one article; returns end.
  auto article_vector = [&](size_t u) {
    const uint32_t a = refs_[u].article;
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
    for (uint32_t t : touched) article_vec[t] *= norm;
    return u;
  };
  size_t article_count = 0;
  for (size_t u = 0; u < refs_.size();) {
    u = article_vector(u);
    for (uint32_t t : touched) {
      centroid[t] += article_vec[t];
      article_vec[t] = 0;
    }
    ++article_count;
  }
  double centroid_sq = 0;
  for (float v : centroid) centroid_sq += static_cast<double>(v) * v;
  centrality_.resize(refs_.size());
  for (size_t u = 0; u < refs_.size();) {
    const size_t end = article_vector(u);
    double overlap = 0;  // centroid . article
    for (uint32_t t : touched) overlap += static_cast<double>(centroid[t]) * article_vec[t];
    // |centroid - article|^2, with |article| = 1.
    const double others_sq = centroid_sq - 2 * overlap + (touched.empty() ? 0 : 1);
    const bool alone = article_count < 2 || others_sq < 1e-6;
    const double inverse = alone ? 1.0 : 1.0 / std::sqrt(others_sq);
    for (; u < end; ++u) {
      double with_centroid = 0, with_own = 0;
      for (uint32_t k = offsets_[u]; k < offsets_[u + 1]; ++k) {
        with_centroid += entries_[k].weight * centroid[entries_[k].term];
        with_own += entries_[k].weight * article_vec[entries_[k].term];
      }
      centrality_[u] = static_cast<float>(alone ? with_own : (with_centroid - with_own) * inverse);
    }
    for (uint32_t t : touched) article_vec[t] = 0;
  }
}

int64_t SentenceSpace::unit_of(uint32_t article, uint32_t sentence) const {
  auto it = std::lower_bound(refs_.begin(), refs_.end(), Ref{article, sentence}, [](const Ref& x, const Ref& y) {
    return x.article != y.article ? x.article < y.article : x.sentence < y.sentence;
  });
  if (it == refs_.end() || it->article != article || it->sentence != sentence) return -1;
  return it - refs_.begin();
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

const std::vector<uint32_t>& SentenceSpace::dot_products(size_t unit, const std::vector<float>** dots_out,
                                                         uint32_t below) const {
  // Kept zero between calls, so each call costs its postings, not the size of the space.
  thread_local std::vector<float> dots;
  thread_local std::vector<uint32_t> touched;
  for (uint32_t t : touched) dots[t] = 0.0f;
  touched.clear();
  if (dots.size() < refs_.size()) dots.resize(refs_.size(), 0.0f);
  for (uint32_t k = offsets_[unit]; k < offsets_[unit + 1]; ++k) {
    const Entry& e = entries_[k];
    for (uint32_t p = posting_offsets_[e.term]; p < posting_offsets_[e.term + 1]; ++p) {
      auto [other, weight] = postings_[p];
      if (other >= below) break;  // postings are in unit order
      if (dots[other] == 0.0f) touched.push_back(other);
      dots[other] += e.weight * weight;
    }
  }
  *dots_out = &dots;
  return touched;
}

std::vector<float> SentenceSpace::best_match_per_article(size_t unit) const {
  const std::vector<float>* dots;
  std::vector<float> best(articles_, 0.0f);
  for (uint32_t other : dot_products(unit, &dots)) {
    float& b = best[refs_[other].article];
    b = std::max(b, (*dots)[other]);
  }
  return best;
}

std::vector<std::pair<uint32_t, float>> SentenceSpace::matches(size_t unit, float at_least,
                                                               uint32_t below) const {
  const std::vector<float>* dots;
  std::vector<std::pair<uint32_t, float>> out;
  for (uint32_t other : dot_products(unit, &dots, below)) {
    if (other != unit && (*dots)[other] >= at_least) out.emplace_back(other, (*dots)[other]);
  }
  return out;
}

namespace {

// How many words a sentence has (tokens, numbers included).
uint32_t words_of(const Article& a, const Sentence& s) { return s.token_count; }

// A photo caption in the agencies' style: "Berlusconi sits in the chamber, in Rome, Friday,
// Oct. 14, 2011." It ends with a place, a weekday and a full date; a story sentence that ends
// with a date has "on" there ("The trial begins on Monday, Jan. 9, 2023.").
bool looks_like_caption(std::string_view text) {
  // Cheap test first (find_dates costs microseconds): a year, then the final stop.
  if (text.size() < 6 || text.back() != '.' ||
      !std::all_of(text.end() - 5, text.end() - 1, [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  std::vector<DateMatch> dates = find_dates(text);
  if (dates.empty() || text.size() - dates.back().end > 1) return false;
  static constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
  std::string_view date = text.substr(dates.back().begin);
  std::string_view before = text.substr(0, dates.back().begin);
  auto trimmed = [](std::string_view v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == ',')) v.remove_suffix(1);
    return v;
  };
  // The weekday: inside the match ("Friday, Oct. 14, 2011") or just before it.
  bool weekday = std::any_of(std::begin(kWeekdays), std::end(kWeekdays),
                             [&](std::string_view w) { return date.substr(0, w.size()) == w; });
  for (size_t k = 0; k < std::size(kWeekdays) && !weekday; ++k) {
    std::string_view t = trimmed(before);
    if (t.ends_with(kWeekdays[k])) {
      weekday = true;
      before = t.substr(0, t.size() - kWeekdays[k].size());
    }
  }
  if (!weekday) return false;
  // Before the weekday: a capitalised word and a comma ("in Rome, "), not "on".
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty() || before.back() != ',') return false;
  before.remove_suffix(1);
  const size_t space = before.find_last_of(' ');
  const std::string_view place = before.substr(space == std::string_view::npos ? 0 : space + 1);
  return !place.empty() && place[0] >= 'A' && place[0] <= 'Z';
}

// Whether a sentence can stand in a summary: a whole statement of reasonable length.
bool summary_worthy(const Article& a, const Sentence& s) {
  if (s.token_count < 6 || s.token_count > 70) return false;
  std::string_view text = a.sentence_text(s);
  if (text.empty() || text.back() == '?' || text.back() == ':') return false;
  // Starts and ends as a whole sentence does: not the tail of a quote split off ("the lawyer
  // said."), not cut off by the scraper ("...").
  const std::string_view first_word = text.substr(0, text.find(' '));
  const bool lower_start = text.front() >= 'a' && text.front() <= 'z' &&
                           std::none_of(first_word.begin(), first_word.end(),
                                        [](char c) { return c >= 'A' && c <= 'Z'; });  // "iPhone"
  if (lower_start || text.ends_with("...") ||
      text.ends_with("\xE2\x80\xA6")) {
    return false;
  }
  const unsigned char last = static_cast<unsigned char>(text.back());
  const bool ends_well = last == '.' || last == '!' || last == '"' || last == ')' || last >= 0x80;
  return ends_well && !looks_like_heading(text) && !addresses_reader(text) && !looks_like_caption(text);
}

// The share of a sentence's words, after its first, that are names or numbers: a sentence
// that says who, how many and when, rather than a general remark.
float specificity(const Article& a, const Sentence& s) {
  if (s.token_count < 2) return 0.0f;
  uint32_t specific = 0;
  for (uint32_t t = s.first_token + 1; t < s.first_token + s.token_count; ++t) {
    const uint8_t f = a.tokens[t].flags;
    specific += (f & Token::kNumber) || ((f & Token::kCapitalized) && !(f & Token::kStopword));
  }
  return static_cast<float>(specific) / static_cast<float>(s.token_count - 1);
}

}  // namespace

std::vector<SummarySentence> summarize(const std::vector<Article>& articles,
                                       const BriefOptions& options) {
  return summarize(articles, SentenceSpace(articles), options);
}

std::vector<SummarySentence> summarize(const std::vector<Article>& articles,
                                       const SentenceSpace& space, const BriefOptions& options) {
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
    const float position = 1.0f / std::sqrt(1.0f + static_cast<float>(index_in_article[u]));
    const auto& r = space.ref(u);
    const float specific = specificity(articles[r.article], articles[r.article].sentences[r.sentence]);
    s.score = static_cast<float>(s.sources.size()) + space.centrality(u) + kPositionWeight * position +
              kSpecificityWeight * specific;
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
  const Scored* previous = nullptr;
  for (const Scored* s : chosen) {
    const auto& r = space.ref(s->unit);
    const Article& a = articles[r.article];
    // A sentence reads on from the one before it only if that is its predecessor in the article.
    const bool follows = previous && space.ref(previous->unit).article == r.article &&
                         space.ref(previous->unit).sentence + 1 == r.sentence;
    out.push_back({tidy_sentence(a.sentence_text(a.sentences[r.sentence]), follows), r.article, s->sources});
    previous = s;
  }
  return out;
}

}  // namespace chorus
