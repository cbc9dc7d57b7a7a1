// ROUGE-1.5.5's text handling: lines, -l truncation, tokens, WordNet exceptions and its
// Porter stemmer. Every rule here mirrors the Perl script byte for byte (see rouge.h).
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include "eval/rouge.h"
#include "util/lines.h"

namespace chorus {
namespace detail {
extern const std::string_view kWordnetAdjExc;  // third_party/wordnet-exc
extern const std::string_view kWordnetAdvExc;
extern const std::string_view kWordnetNounExc;
extern const std::string_view kWordnetVerbExc;
}  // namespace detail

namespace {

// Perl's \s on a byte string: ASCII whitespace only.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_token_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Perl's split(/\s+/, $s): a leading empty field when $s starts with whitespace, no
// trailing empty fields.
std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  if (!s.empty() && is_space(s[0])) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i == s.size()) return out;  // all whitespace: every field is empty, so none is kept
    out.emplace_back();
  }
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    out.push_back(s.substr(start, i - start));
    while (i < s.size() && is_space(s[i])) ++i;
  }
  return out;
}

// --- The Porter stemmer of ROUGE-1.5.5 ---
// The Perl stemmer decides with regular expressions over these classes:
//   c = [^aeiou]  v = [aeiouy]  C = c[^aeiouy]*  V = v[aeiou]*
// (an initial y is upper-cased first, so it is a consonant in both). The conditions are
// evaluated here as those regexes would be: over the set of positions a match can reach.
bool aeiou(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool aeiouy(char c) { return aeiou(c) || c == 'y'; }

class Positions {
 public:
  explicit Positions(std::string_view s) : s_(s), at_(s.size() + 1, 0) { at_[0] = 1; }
  bool any() const {
    for (char a : at_) {
      if (a) return true;
    }
    return false;
  }
  bool at_end() const { return at_[s_.size()] != 0; }

  // C, or (C)? when `optional`.
  Positions& consonants(bool optional = false) {
    return step(optional, [](char c) { return !aeiou(c); }, [](char c) { return !aeiouy(c); });
  }
  // V, or (V)? when `optional`.
  Positions& vowels(bool optional = false) {
    return step(optional, [](char c) { return aeiouy(c); }, [](char c) { return aeiou(c); });
  }
  // A single character of a class.
  template <typename Class>
  Positions& one(Class in_class) {
    std::vector<char> next(at_.size(), 0);
    for (size_t p = 0; p < s_.size(); ++p) {
      if (at_[p] && in_class(s_[p])) next[p + 1] = 1;
    }
    at_.swap(next);
    return *this;
  }

 private:
  template <typename First, typename Rest>
  Positions& step(bool optional, First first, Rest rest) {
    std::vector<char> next(at_.size(), 0);
    for (size_t p = 0; p < s_.size(); ++p) {
      if (!at_[p] || !first(s_[p])) continue;
      size_t q = p + 1;
      next[q] = 1;
      while (q < s_.size() && rest(s_[q])) next[++q] = 1;
    }
    if (optional) {
      for (size_t p = 0; p < at_.size(); ++p) next[p] |= at_[p];
    }
    at_.swap(next);
    return *this;
  }

  std::string_view s_;
  std::vector<char> at_;
};

bool m_gt0(std::string_view s) { return Positions(s).consonants(true).vowels().consonants().any(); }
bool m_gt1(std::string_view s) {
  return Positions(s).consonants(true).vowels().consonants().vowels().consonants().any();
}
bool m_eq1(std::string_view s) {
  return Positions(s).consonants(true).vowels().consonants().vowels(true).at_end();
}
bool has_vowel(std::string_view s) { return Positions(s).consonants(true).one(aeiouy).any(); }
// ^C v [^aeiouwxy]$ : the whole stem is one consonant-vowel-consonant.
bool cvc(std::string_view s) {
  return Positions(s)
      .consonants()
      .one(aeiouy)
      .one([](char c) { return !aeiou(c) && c != 'w' && c != 'x' && c != 'y'; })
      .at_end();
}

bool ends_with(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() &&
         w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}
std::string_view before(const std::string& w, size_t suffix_size) {
  return std::string_view(w).substr(0, w.size() - suffix_size);
}

struct Rule {
  std::string_view suffix, replacement;
};

// A regex alternation anchored at the end matches its longest alternative: the longest
// suffix of `rules` that `w` ends with, or nullptr.
template <size_t N>
const Rule* longest_suffix(const std::string& w, const std::array<Rule, N>& rules) {
  const Rule* best = nullptr;
  for (const Rule& r : rules) {
    if (ends_with(w, r.suffix) && (!best || r.suffix.size() > best->suffix.size())) best = &r;
  }
  return best;
}

constexpr std::array<Rule, 21> kStep2 = {{{"ational", "ate"}, {"tional", "tion"},
                                          {"enci", "ence"},   {"anci", "ance"},
                                          {"izer", "ize"},    {"bli", "ble"},
                                          {"alli", "al"},     {"entli", "ent"},
                                          {"eli", "e"},       {"ousli", "ous"},
                                          {"ization", "ize"}, {"ation", "ate"},
                                          {"ator", "ate"},    {"alism", "al"},
                                          {"iveness", "ive"}, {"fulness", "ful"},
                                          {"ousness", "ous"}, {"aliti", "al"},
                                          {"iviti", "ive"},   {"biliti", "ble"},
                                          {"logi", "log"}}};
constexpr std::array<Rule, 7> kStep3 = {{{"icate", "ic"},
                                         {"ative", ""},
                                         {"alize", "al"},
                                         {"iciti", "ic"},
                                         {"ical", "ic"},
                                         {"ful", ""},
                                         {"ness", ""}}};
// Step 4's first test; "ment" and "ent" follow as tests of their own (the 2004 change).
constexpr std::array<Rule, 16> kStep4 = {{{"al", ""},
                                          {"ance", ""},
                                          {"ence", ""},
                                          {"er", ""},
                                          {"ic", ""},
                                          {"able", ""},
                                          {"ible", ""},
                                          {"ant", ""},
                                          {"ement", ""},
                                          {"ou", ""},
                                          {"ism", ""},
                                          {"ate", ""},
                                          {"iti", ""},
                                          {"ous", ""},
                                          {"ive", ""},
                                          {"ize", ""}}};

// Removes `suffix_size` bytes when what is left has m > 1.
void strip_if_m_gt1(std::string& w, size_t suffix_size) {
  if (m_gt1(before(w, suffix_size))) w.resize(w.size() - suffix_size);
}

// --- WordNet exceptions ---

struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using ExceptionTable = std::unordered_map<std::string, std::string, ViewHash, std::equal_to<>>;

// ROUGE's database maps each word to the first base form on its line, and a word listed
// twice keeps the value written last. Its build read adv before adj and noun before verb
// (the vectors show better -> good, testes -> testes); no word is in both groups.
const ExceptionTable& exception_table() {
  static const ExceptionTable* table = [] {
    auto* t = new ExceptionTable();
    for (std::string_view file : {detail::kWordnetAdvExc, detail::kWordnetAdjExc,
                                  detail::kWordnetNounExc, detail::kWordnetVerbExc}) {
      for_each_line(file, [&](size_t, std::string_view line) {
        std::vector<std::string_view> f = split_words(line);
        if (f.size() < 2 || f[0].empty()) return true;
        // Tokens are runs of [a-z0-9]: other keys ("a_cappella", "aides-de-camp") never match.
        bool token_like = true;
        for (char c : f[0]) token_like = token_like && is_token_char(c);
        if (token_like) (*t)[std::string(f[0])] = std::string(f[1]);
        return true;
      });
    }
    return t;
  }();
  return *table;
}

}  // namespace

std::vector<std::string> rouge_lines(const std::vector<std::string>& sentences, int word_limit) {
  std::vector<std::string> lines;
  for (const std::string& s : sentences) {
    for_each_line(s, [&](size_t, std::string_view part) {
      if (part.empty()) return true;
      std::string line(part);
      for (char& c : line) c = lower(c);
      lines.push_back(std::move(line));
      return true;
    });
  }
  if (word_limit <= 0) return lines;
  size_t limit = static_cast<size_t>(word_limit);
  size_t count = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<std::string_view> words = split_words(lines[i]);
    if (count + words.size() < limit) {
      count += words.size();
      continue;
    }
    std::string cut;
    for (size_t k = 0; k < limit - count; ++k) {
      if (k) cut += ' ';
      cut += words[k];
    }
    lines[i] = std::move(cut);
    lines.resize(i + 1);
    break;
  }
  return lines;
}

void rouge_tokens(std::string_view line, bool stem, std::vector<std::string>& out) {
  size_t i = 0;
  while (i < line.size()) {
    if (!is_token_char(lower(line[i]))) {
      ++i;
      continue;
    }
    std::string token;
    while (i < line.size() && is_token_char(lower(line[i]))) token += lower(line[i++]);
    out.push_back(stem ? rouge_stem(token) : std::move(token));
  }
}

std::string rouge_stem(std::string_view token) {
  if (token.size() <= 3) return std::string(token);
  if (auto base = wordnet_exception(token)) return std::string(*base);
  return porter_stem(token);
}

std::optional<std::string_view> wordnet_exception(std::string_view word) {
  const ExceptionTable& t = exception_table();
  auto it = t.find(word);
  if (it == t.end()) return std::nullopt;
  return it->second;
}

std::string porter_stem(std::string_view word) {
  std::string w(word);
  if (w.size() < 3) return w;
  bool initial_y = w[0] == 'y';
  if (initial_y) w[0] = 'Y';

  // Step 1a
  if (ends_with(w, "sses") || ends_with(w, "ies")) {
    w.resize(w.size() - 2);
  } else if (w.size() >= 2 && w.back() == 's' && w[w.size() - 2] != 's') {
    w.pop_back();
  }
  // Step 1b
  if (ends_with(w, "eed")) {
    if (m_gt0(before(w, 3))) w.pop_back();
  } else if (ends_with(w, "ed") || ends_with(w, "ing")) {
    size_t n = ends_with(w, "ed") ? 2 : 3;
    if (has_vowel(before(w, n))) {
      w.resize(w.size() - n);
      char last = w.empty() ? 0 : w.back();
      if (ends_with(w, "at") || ends_with(w, "bl") || ends_with(w, "iz")) {
        w += 'e';
      } else if (w.size() >= 2 && last == w[w.size() - 2] &&
                 std::string_view("aeiouylsz").find(last) == std::string_view::npos) {
        w.pop_back();
      } else if (cvc(w)) {
        w += 'e';
      }
    }
  }
  // Step 1c
  if (ends_with(w, "y") && has_vowel(before(w, 1))) w.back() = 'i';
  // Steps 2 and 3
  for (int step = 2; step <= 3; ++step) {
    const Rule* r = step == 2 ? longest_suffix(w, kStep2) : longest_suffix(w, kStep3);
    if (r && m_gt0(before(w, r->suffix.size()))) {
      w.resize(w.size() - r->suffix.size());
      w += r->replacement;
    }
  }
  // Step 4, ROUGE's version: three tests in turn, so suffixes can chain.
  if (const Rule* r = longest_suffix(w, kStep4)) strip_if_m_gt1(w, r->suffix.size());
  if (ends_with(w, "ment")) strip_if_m_gt1(w, 4);
  if (ends_with(w, "ent")) {
    strip_if_m_gt1(w, 3);
  } else if (ends_with(w, "sion") || ends_with(w, "tion")) {
    strip_if_m_gt1(w, 3);  // the s or t stays
  }
  // Step 5
  if (ends_with(w, "e")) {
    std::string_view stem = before(w, 1);
    if (m_gt1(stem) || (m_eq1(stem) && !cvc(stem))) w.pop_back();
  }
  if (ends_with(w, "ll") && m_gt1(w)) w.pop_back();

  if (initial_y) w[0] = 'y';
  return w;
}

}  // namespace chorus
