#include "text/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string>
#include <unordered_map>

#include "text/tokens.h"
#include "text/utf8.h"

namespace chorus {
namespace {

// Abbreviations that precede a name or a number: a break after them is never a sentence end
// when a word or number follows.
constexpr std::array kTitles = {
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr",
    "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Amb",
    "Supt", "Insp", "Det", "Fr", "Sr", "Sra", "Srta", "St", "Mt", "Ft", "Mme", "Mlle", "Hr",
    "Frau", "Nr", "Pfc", "Spc", "Atty", "Gens", "Reps", "Sens", "Dres",
    // Russian: "гражданин", "господин", "улица", "имени", "товарищ"
    "г", "гр", "ул", "им", "тов", "пр"};

// Abbreviations that precede a number: "No. 5", "Jan. 6", "Fig. 2", "p. 12".
constexpr std::array kBeforeNumber = {
    "No", "Nos", "Nr", "Vol", "Fig", "p", "pp", "Art", "Sec", "Ch", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "ca", "approx", "est", "art", "n",
    "Nº", "№"};

// Abbreviations inside a sentence that may also end one: merged only when what follows does
// not look like a new sentence (a capitalised stopword such as "The" or "He" does).
constexpr std::array kMidSentence = {
    "Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "vs", "etc", "approx", "Univ", "Dept", "Assn",
    "Ave", "Blvd", "Rd", "Sq", "bzw", "usw", "ca", "etwa", "tel", "vgl", "resp", "env", "av",
    "Av", "tys", "тыс", "млн", "млрд", "руб", "др", "см"};

template <size_t N>
bool in(const std::array<const char*, N>& list, std::string_view w) {
  return std::any_of(list.begin(), list.end(), [&](const char* a) { return w == a; });
}

icu::BreakIterator* iterator_for(std::string_view language) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::BreakIterator>> iterators;
  std::string key(language);
  auto it = iterators.find(key);
  if (it != iterators.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createSentenceInstance(
      icu::Locale(key == "und" ? "en" : key.c_str()), status));
  if (U_FAILURE(status)) bi.reset();
  return iterators.emplace(key, std::move(bi)).first->second.get();
}

// The word ending just before a final '.' of `s` (s trimmed), e.g. "U.S" for "... the U.S.".
std::string_view word_before_period(std::string_view s) {
  if (s.empty() || s.back() != '.') return {};
  size_t end = s.size() - 1;
  size_t begin = end;
  while (begin > 0) {
    char c = s[begin - 1];
    if (c == ' ' || c == '(' || c == '"' || c == '[' || c == '\n') break;
    --begin;
  }
  return s.substr(begin, end - begin);
}

// The first word of `s` and whether it starts with a digit or lower case letter.
struct NextWord {
  std::string_view word;
  bool digit = false, lower = false, upper = false;
};
NextWord next_word(std::string_view s) {
  NextWord n;
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '"' || s[i] == '(' || s[i] == '\'')) ++i;
  size_t begin = i;
  while (i < s.size() && s[i] != ' ') ++i;
  n.word = s.substr(begin, i - begin);
  if (!n.word.empty()) {
    size_t k = 0;
    char32_t c = utf8_next(n.word, k);
    n.digit = is_digit(c);
    n.upper = is_upper(c);
    n.lower = is_letter(c) && !n.upper;
  }
  return n;
}

bool is_initial(std::string_view w) {
  size_t i = 0;
  if (w.empty()) return false;
  char32_t c = utf8_next(w, i);
  return i == w.size() && is_upper(c);
}

// Dotted acronyms: "U.S", "U.N", "e.g", "a.m", "EE.UU", "т.е".
bool is_dotted(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  for (size_t i = 0; i < w.size();) {
    size_t start = i;
    while (i < w.size() && w[i] != '.') ++i;
    if (i - start == 0 || i - start > 4) return false;
    ++i;
  }
  return true;
}

// Whether a break between `left` (ending in '.') and `right` is an abbreviation, not an end.
bool is_false_break(std::string_view left, std::string_view right, std::string_view language) {
  std::string_view w = word_before_period(left);
  if (w.empty()) return false;
  NextWord next = next_word(right);
  if (next.word.empty()) return false;
  if (in(kTitles, w)) return next.upper || next.digit;
  if (in(kBeforeNumber, w) && next.digit) return true;
  if (is_initial(w)) return next.upper;  // "J. K. Rowling", "George W. Bush"
  if (next.lower || next.digit) return in(kMidSentence, w) || is_dotted(w);
  if (in(kMidSentence, w) || is_dotted(w)) {
    // "U.S. President Biden" continues; "in the U.S. The next day" does not.
    std::string lower = utf8_lower(next.word);
    while (!lower.empty() && static_cast<unsigned char>(lower.back()) < 0x80 &&
           !std::isalnum(static_cast<unsigned char>(lower.back()))) {
      lower.pop_back();  // trailing ASCII punctuation: "The," -> "the"
    }
    return !is_stopword(language, lower) && !is_stopword("en", lower);
  }
  return false;
}

bool has_word_char(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t c = utf8_next(s, i);
    if (is_letter(c) || is_digit(c)) return true;
  }
  return false;
}

}  // namespace

void split_sentences(std::string_view paragraph, std::string_view language,
                     std::vector<std::pair<uint32_t, uint32_t>>& out) {
  std::vector<std::pair<uint32_t, uint32_t>> raw;
  icu::BreakIterator* bi = iterator_for(language);
  if (bi) {
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, paragraph.data(), static_cast<int64_t>(paragraph.size()), &status);
    if (U_SUCCESS(status)) {
      bi->setText(&ut, status);
      int32_t start = bi->first();
      for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; end = bi->next()) {
        raw.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(end));
        start = end;
      }
    }
    utext_close(&ut);
  }
  if (raw.empty()) raw.emplace_back(0, static_cast<uint32_t>(paragraph.size()));

  // Trim, then undo false breaks and glue punctuation-only pieces to their left.
  auto trim = [&](std::pair<uint32_t, uint32_t> r) {
    while (r.first < r.second && paragraph[r.first] == ' ') ++r.first;
    while (r.second > r.first && paragraph[r.second - 1] == ' ') --r.second;
    return r;
  };
  std::vector<std::pair<uint32_t, uint32_t>> merged;
  for (auto r : raw) {
    r = trim(r);
    if (r.first >= r.second) continue;
    std::string_view piece = paragraph.substr(r.first, r.second - r.first);
    if (!merged.empty()) {
      auto& last = merged.back();
      std::string_view left = paragraph.substr(last.first, last.second - last.first);
      if (!has_word_char(piece) || is_false_break(left, piece, language)) {
        last.second = r.second;
        continue;
      }
    }
    merged.push_back(r);
  }
  out.insert(out.end(), merged.begin(), merged.end());
}

}  // namespace chorus
