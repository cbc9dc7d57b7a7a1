#include "facts/when.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>

#include "facts/lexicon.h"
#include "facts/quotes.h"
#include "text/tokens.h"
#include "text/utf8.h"
#include "util/term_set.h"

namespace chorus {
namespace {

// Whether the sentence speaks of what is still to come: then "on Friday" is the next Friday.
bool future_tense(const Article& a, const Sentence& s) {
  for (uint32_t k = s.first_token; k < s.first_token + s.token_count; ++k) {
    std::string w = ascii_lower(a.token_text(a.tokens[k]));
    if (w == "will" || w == "ll" || w == "shall" || w == "scheduled" || w == "planned" ||
        w == "expected" || w == "due" || w == "plans" || w == "going") {
      return true;
    }
    if ((w == "is" || w == "are") && k + 1 < s.first_token + s.token_count &&
        ascii_lower(a.token_text(a.tokens[k + 1])) == "to") {
      return true;
    }
  }
  return false;
}

// Day number of the weekday `target` (0 = Monday) nearest `base` in the given direction;
// `inclusive` lets `base` itself count.
int32_t weekday_from(int32_t base, int target, int direction, bool inclusive) {
  // 1970-01-01 was a Thursday (index 3).
  for (int step = inclusive ? 0 : 1; step <= 7; ++step) {
    int32_t d = base + direction * step;
    int wd = ((d % 7) + 7 + 3) % 7;
    if (wd == target) return d;
  }
  return base;
}

// Terms of the words that name a day relative to the publication date.
const std::vector<uint64_t>& relative_word_terms() {
  static const std::vector<uint64_t> kTerms = [] {
    std::vector<uint64_t> t;
    for (std::string_view word : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                  "sunday", "yesterday", "today", "tonight", "tomorrow"}) {
      t.push_back(english_term(word));
    }
    return t;
  }();
  return kTerms;
}

const TermSet& relative_words() {
  static const TermSet kWords = [] {
    TermSet w;
    w.reserve_sparse(relative_word_terms().size());  // asked of every token
    for (uint64_t t : relative_word_terms()) w.insert(t);
    return w;
  }();
  return kWords;
}

// The terms of the month names as tokens of `language` have them (Token::term), and the same
// with the words naming a day relative to the publication date (one lookup a token finds the
// sentences that need either); computed once a language.
struct DateTerms {
  TermSet months, months_and_relative;
};
const DateTerms& date_terms(const std::string& language) {
  static std::mutex mutex;
  static std::map<std::string, DateTerms> by_language;
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, added] = by_language.try_emplace(language);
  if (added) {
    // Asked of every token: sparse tables (see TermSet::reserve_sparse).
    it->second.months.reserve_sparse(month_words().size());
    it->second.months_and_relative.reserve_sparse(month_words().size() + relative_word_terms().size());
    for (std::string_view name : month_words()) {
      const uint64_t term = term_of(stem(language, name));
      it->second.months.insert(term);
      it->second.months_and_relative.insert(term);
    }
    for (uint64_t term : relative_word_terms()) it->second.months_and_relative.insert(term);
  }
  return it->second;
}

}  // namespace

std::vector<DateMention> find_date_mentions(const Article& a, std::string_view fallback_date) {
  std::vector<DateMention> out;
  std::optional<Date> published = parse_date(a.published);
  std::optional<Date> year_base = published ? published : parse_date(fallback_date);
  const int32_t base = published ? day_of(*published) : 0;
  const DateTerms& terms = date_terms(a.language);
  const TermSet& months = terms.months;
  const TermSet& date_words = terms.months_and_relative;
  for (uint32_t si = 0; si < a.sentences.size(); ++si) {
    const Sentence& s = a.sentences[si];
    // Every absolute date has a month name or digits joined by '/', '-' or '.': most
    // sentences need no date matching, and where one does, only the words around those.
    uint32_t first_hit = UINT32_MAX, last_hit = 0;
    bool relative_word = false;
    for (uint32_t k = s.first_token; k < s.first_token + s.token_count; ++k) {
      const Token& t = a.tokens[k];
      bool hit = false;
      if (date_words.contains(t.term)) {
        hit = months.contains(t.term);
        relative_word |= relative_words().contains(t.term);
      }
      if (!hit && (t.flags & Token::kNumber)) {
        std::string_view w = a.token_text(t);
        char c = t.begin + t.size + 1 < a.text.size() ? a.text[t.begin + t.size] : ' ';
        hit = ((c == '/' || c == '-' || c == '.') && a.text[t.begin + t.size + 1] >= '0' &&
               a.text[t.begin + t.size + 1] <= '9') ||
              std::count(w.begin(), w.end(), '.') + std::count(w.begin(), w.end(), '/') >= 2;  // "13.01.2022"
      }
      if (hit) first_hit = std::min(first_hit, k), last_hit = k;
    }
    std::vector<DateMatch> absolute;
    if (first_hit != UINT32_MAX) {
      // "Thursday, 13 January 2022": four words before the first month or number, five after
      // the last.
      const uint32_t from = first_hit >= s.first_token + 4 ? first_hit - 4 : s.first_token;
      const uint32_t to = std::min(last_hit + 5, s.first_token + s.token_count - 1);
      const uint32_t begin = a.tokens[from].begin, end = a.tokens[to].begin + a.tokens[to].size;
      absolute = find_dates(a.view(begin, end), NumericOrder::kMonthFirst, /*allow_no_year=*/true);
      for (DateMatch& m : absolute) m.begin += begin - s.begin, m.end += begin - s.begin;
    }
    auto inside_absolute = [&](uint32_t offset) {
      for (const DateMatch& m : absolute) {
        if (offset >= s.begin + m.begin && offset < s.begin + m.end) return true;
      }
      return false;
    };
    std::vector<DateMention> found;
    for (const DateMatch& m : absolute) {
      Date d = m.date;
      if (d.year == 0) {
        if (!year_base) continue;
        // The year that puts the day nearest the publication date.
        int best_year = year_base->year;
        int32_t best_gap = INT32_MAX;
        for (int y = year_base->year - 1; y <= year_base->year + 1; ++y) {
          if (!valid_date(y, d.month, d.day)) continue;
          int32_t gap = std::abs(day_of(Date{y, d.month, d.day}) - day_of(*year_base));
          if (gap < best_gap) best_gap = gap, best_year = y;
        }
        d.year = best_year;
      }
      if (!valid_date(d.year, d.month, d.day)) continue;
      found.push_back(DateMention{d, s.begin + static_cast<uint32_t>(m.begin),
                                  s.begin + static_cast<uint32_t>(m.end), si, false});
    }
    if (published && relative_word) {
      std::optional<bool> future;
      for (uint32_t k = s.first_token; k < s.first_token + s.token_count; ++k) {
        const Token& t = a.tokens[k];
        if (!relative_words().contains(t.term)) continue;
        if (inside_absolute(t.begin) || inside_quotation(a.text, s.begin, t.begin)) continue;
        std::string w = ascii_lower(a.token_text(t));
        std::string prev = k > s.first_token ? ascii_lower(a.token_text(a.tokens[k - 1])) : "";
        int32_t day = INT32_MIN;
        uint32_t begin = t.begin;
        if (int wd = weekday_index(w); wd >= 0) {
          if (prev == "last" || prev == "past") {
            day = weekday_from(base, wd, -1, false);
          } else if (prev == "next" || prev == "coming") {
            day = weekday_from(base, wd, +1, false);
          } else {
            if (!future) future = future_tense(a, s);
            day = *future ? weekday_from(base, wd, +1, true) : weekday_from(base, wd, -1, true);
          }
          if (prev == "last" || prev == "next" || prev == "on" || prev == "this" || prev == "coming" || prev == "past") {
            begin = a.tokens[k - 1].begin;
          }
        } else if (w == "yesterday") {
          day = base - 1;
        } else if (w == "today" || w == "tonight") {
          day = base;
        } else if (w == "tomorrow") {
          day = base + 1;
        }
        if (day == INT32_MIN) continue;
        found.push_back(DateMention{date_of(day), begin, t.begin + t.size, si, true});
      }
    }
    // "Thursday, January 13": one date, not two.
    std::erase_if(found, [&](const DateMention& m) {
      if (!m.relative) return false;
      for (const DateMention& o : found) {
        if (!o.relative && o.date == m.date) return true;
      }
      return false;
    });
    std::sort(found.begin(), found.end(), [](const DateMention& x, const DateMention& y) { return x.begin < y.begin; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace chorus
