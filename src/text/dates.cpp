#include "text/dates.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>

#include "text/utf8.h"

namespace chorus {
namespace {

const std::unordered_map<std::string, int>& month_names() {
  static const auto* names = new std::unordered_map<std::string, int>{
      // English
      {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
      {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
      {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6},
      {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
      // German
      {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"mai", 5}, {"juni", 6},
      {"juli", 7}, {"oktober", 10}, {"dezember", 12},
      // French
      {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
      {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
      {"novembre", 11}, {"décembre", 12}, {"decembre", 12},
      // Spanish
      {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
      {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
      {"noviembre", 11}, {"diciembre", 12},
      // Italian
      {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
      {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
      // Portuguese
      {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6},
      {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"dezembro", 12},
      // Russian, nominative and genitive
      {"январь", 1}, {"января", 1}, {"февраль", 2}, {"февраля", 2}, {"март", 3},
      {"марта", 3}, {"апрель", 4}, {"апреля", 4}, {"май", 5}, {"мая", 5}, {"июнь", 6},
      {"июня", 6}, {"июль", 7}, {"июля", 7}, {"август", 8}, {"августа", 8},
      {"сентябрь", 9}, {"сентября", 9}, {"октябрь", 10}, {"октября", 10}, {"ноябрь", 11},
      {"ноября", 11}, {"декабрь", 12}, {"декабря", 12},
  };
  return *names;
}

struct Tok {
  enum Kind { kNumber, kWord, kPunct } kind;
  size_t begin, end;
  int value = 0;    // numbers: value; words: month (0 if none)
  int digits = 0;   // numbers: digit count
  bool space_before = false;
  char punct = 0;
};

std::vector<Tok> lex(std::string_view s) {
  std::vector<Tok> out;
  size_t i = 0;
  bool space = false;
  while (i < s.size()) {
    size_t start = i;
    char32_t c = utf8_next(s, i);
    if (is_space(c)) {
      space = true;
      continue;
    }
    Tok t{Tok::kPunct, start, i};
    t.space_before = space;
    space = false;
    if (c >= '0' && c <= '9') {
      t.kind = Tok::kNumber;
      long v = c - '0';
      t.digits = 1;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (t.digits < 9) v = v * 10 + (s[i] - '0');
        ++t.digits;
        ++i;
      }
      t.value = static_cast<int>(v);
      t.end = i;
    } else if (is_letter(c)) {
      t.kind = Tok::kWord;
      size_t j = i;
      while (j < s.size()) {
        size_t k = j;
        if (!is_letter(utf8_next(s, k))) break;
        j = k;
      }
      t.end = i = j;
      auto it = month_names().find(utf8_lower(s.substr(start, j - start)));
      t.value = it == month_names().end() ? 0 : it->second;
    } else {
      t.punct = c < 0x80 ? static_cast<char>(c) : '?';
    }
    out.push_back(t);
  }
  return out;
}

int two_digit_year(int yy) { return yy <= 69 ? 2000 + yy : 1900 + yy; }

bool is_year(const Tok& t) {
  return t.kind == Tok::kNumber && t.digits == 4 && t.value >= 1800 && t.value <= 2200;
}

bool is_day(const Tok& t) {
  return t.kind == Tok::kNumber && t.digits <= 2 && t.value >= 1 && t.value <= 31;
}

bool is_word(const Tok& t, std::string_view s, std::initializer_list<std::string_view> words) {
  if (t.kind != Tok::kWord) return false;
  std::string w = utf8_lower(s.substr(t.begin, t.end - t.begin));
  for (auto x : words) {
    if (w == x) return true;
  }
  return false;
}

bool is_punct(const Tok& t, char c) { return t.kind == Tok::kPunct && t.punct == c; }

class Matcher {
 public:
  Matcher(std::string_view s, NumericOrder order, bool allow_no_year)
      : s_(s), t_(lex(s)), order_(order), allow_no_year_(allow_no_year) {}

  std::vector<DateMatch> run() {
    std::vector<DateMatch> out;
    for (size_t i = 0; i < t_.size();) {
      DateMatch m;
      size_t next = 0;
      if (numeric(i, m, next) || month_first(i, m, next) || day_first(i, m, next)) {
        out.push_back(m);
        i = next;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  const Tok* at(size_t i) const { return i < t_.size() ? &t_[i] : nullptr; }

  // Skips an ordinal suffix ("13th", "1st", "2nd", "3rd"; "1er") right after a day number.
  size_t after_ordinal(size_t i) const {
    const Tok* t = at(i);
    if (t && !t->space_before &&
        is_word(*t, s_, {"st", "nd", "rd", "th", "er", "e", "º", "o"})) {
      return i + 1;
    }
    return i;
  }

  bool finish(int y, int m, int d, size_t first, size_t last, DateMatch& out) const {
    if (y == 0 ? !valid_date(2000, m, d) : !valid_date(y, m, d)) return false;
    out.date = {y, m, d};
    out.begin = t_[first].begin;
    out.end = t_[last].end;
    return true;
  }

  // Year after a month or day: ", 2022" or " 2022" or " de 2022"; Russian " 2022 г.".
  bool year_at(size_t i, int& year, size_t& last) const {
    size_t j = i;
    if (at(j) && is_punct(*at(j), ',')) ++j;
    if (at(j) && is_word(*at(j), s_, {"de", "del"})) ++j;
    if (!at(j) || !is_year(*at(j))) return false;
    year = at(j)->value;
    last = j;
    if (at(j + 1) && is_word(*at(j + 1), s_, {"г", "года"})) {
      last = j + 1;
      if (at(j + 2) && is_punct(*at(j + 2), '.') && !at(j + 2)->space_before) last = j + 2;
    }
    return true;
  }

  // "January 13, 2022", "Jan. 13 2022", "January 13th, 2022".
  bool month_first(size_t i, DateMatch& out, size_t& next) const {
    const Tok& m = t_[i];
    if (m.kind != Tok::kWord || m.value == 0) return false;
    size_t j = i + 1;
    if (at(j) && is_punct(*at(j), '.') && !at(j)->space_before) ++j;
    if (!at(j) || !is_day(*at(j))) return false;
    int day = at(j)->value;
    size_t last = j;
    j = after_ordinal(j + 1);
    last = std::max(last, j - 1);
    int year = 0;
    size_t ylast;
    if (year_at(j, year, ylast)) {
      last = ylast;
    } else {
      if (!allow_no_year_) return false;
      // "May 5" is too often not a date ("may 5 people...") unless capitalised.
      size_t k = m.begin;
      if (!is_upper(utf8_next(s_, k))) return false;
    }
    if (!finish(year, m.value, day, i, last, out)) return false;
    next = last + 1;
    return true;
  }

  // "13 January 2022", "13. Januar 2022", "13th of January, 2022", "13 de enero de 2022".
  bool day_first(size_t i, DateMatch& out, size_t& next) const {
    if (!is_day(t_[i])) return false;
    int day = t_[i].value;
    size_t j = after_ordinal(i + 1);
    if (at(j) && is_punct(*at(j), '.') && !at(j)->space_before) ++j;
    if (at(j) && is_word(*at(j), s_, {"of", "de", "di", "du"})) ++j;
    const Tok* m = at(j);
    if (!m || m->kind != Tok::kWord || m->value == 0) return false;
    size_t last = j;
    if (at(j + 1) && is_punct(*at(j + 1), '.') && !at(j + 1)->space_before &&
        s_.substr(m->begin, m->end - m->begin).size() <= 4) {
      last = j + 1;  // "13 Jan. 2022"
    }
    int year = 0;
    size_t ylast;
    if (year_at(last + 1, year, ylast)) {
      last = ylast;
    } else if (!allow_no_year_) {
      return false;
    }
    if (!finish(year, m->value, day, i, last, out)) return false;
    next = last + 1;
    return true;
  }

  // "2022-01-13", "13.01.22", "13.01.2022", "01/13/2022", "2022/01/13".
  bool numeric(size_t i, DateMatch& out, size_t& next) const {
    const Tok* a = at(i);
    const Tok* s1 = at(i + 1);
    const Tok* b = at(i + 2);
    const Tok* s2 = at(i + 3);
    const Tok* c = at(i + 4);
    if (!a || !s1 || !b || !s2 || !c) return false;
    if (a->kind != Tok::kNumber || b->kind != Tok::kNumber || c->kind != Tok::kNumber) return false;
    if (s1->kind != Tok::kPunct || s2->kind != Tok::kPunct || s1->punct != s2->punct) return false;
    char sep = s1->punct;
    if (sep != '.' && sep != '/' && sep != '-') return false;
    if (s1->space_before || b->space_before || s2->space_before || c->space_before) return false;
    // Not part of a longer dotted or slashed run (version numbers, IP addresses, fractions).
    if (i > 0 && !a->space_before && t_[i - 1].kind == Tok::kPunct &&
        (t_[i - 1].punct == sep || t_[i - 1].punct == '.')) {
      return false;
    }
    const Tok* after = at(i + 5);
    if (after && !after->space_before &&
        (after->kind == Tok::kNumber || (after->kind == Tok::kPunct && after->punct == sep &&
                                         at(i + 6) && at(i + 6)->kind == Tok::kNumber))) {
      return false;
    }
    int y, m, d;
    if (a->digits == 4) {  // year first
      if (b->digits > 2 || c->digits > 2) return false;
      y = a->value, m = b->value, d = c->value;
    } else {
      if (a->digits > 2 || b->digits > 2 || (c->digits != 4 && c->digits != 2)) return false;
      y = c->digits == 2 ? two_digit_year(c->value) : c->value;
      bool day_first = sep != '/' || order_ == NumericOrder::kDayFirst;
      if (a->value > 12) day_first = true;
      if (b->value > 12) day_first = false;
      d = day_first ? a->value : b->value;
      m = day_first ? b->value : a->value;
      if (sep == '-' && c->digits == 2) return false;  // "12-10-22" is too often not a date
    }
    if (!finish(y, m, d, i, i + 4, out)) return false;
    next = i + 5;
    return true;
  }

  std::string_view s_;
  std::vector<Tok> t_;
  NumericOrder order_;
  bool allow_no_year_;
};

}  // namespace

std::string Date::iso() const {
  if (year == 0 || month == 0 || day == 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool valid_date(int year, int month, int day) {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[month - 1];
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) days = 29;
  return day <= days;
}

std::vector<DateMatch> find_dates(std::string_view text, NumericOrder order,
                                  bool allow_no_year) {
  return Matcher(text, order, allow_no_year).run();
}

std::optional<Date> parse_date(std::string_view value) {
  // ISO 8601 first: "2022-01-13", "2022-01-13T21:00:00+03:00", "20220113".
  auto digits = [&](size_t pos, size_t n) {
    if (pos + n > value.size()) return -1;
    int v = 0;
    for (size_t k = pos; k < pos + n; ++k) {
      if (value[k] < '0' || value[k] > '9') return -1;
      v = v * 10 + (value[k] - '0');
    }
    return v;
  };
  size_t start = 0;
  while (start < value.size() && value[start] == ' ') ++start;
  value.remove_prefix(start);
  int y = digits(0, 4);
  if (y > 0 && value.size() >= 10 && value[4] == '-' && value[7] == '-') {
    int m = digits(5, 2), d = digits(8, 2);
    if (valid_date(y, m, d)) return Date{y, m, d};
  }
  if (y > 0 && value.size() >= 8 && (value.size() == 8 || value[8] == 'T')) {
    int m = digits(4, 2), d = digits(6, 2);
    if (m > 0 && valid_date(y, m, d)) return Date{y, m, d};
  }
  auto found = find_dates(value, NumericOrder::kMonthFirst, false);
  if (!found.empty()) return found.front().date;
  return std::nullopt;
}

std::vector<std::string_view> month_words() {
  std::vector<std::string_view> out;
  for (const auto& [name, month] : month_names()) out.push_back(name);
  return out;
}

int32_t day_of(const Date& d) {
  using namespace std::chrono;
  year_month_day ymd{year{d.year}, month{static_cast<unsigned>(d.month)}, day{static_cast<unsigned>(d.day)}};
  return static_cast<int32_t>(sys_days(ymd).time_since_epoch().count());
}

Date date_of(int32_t n) {
  using namespace std::chrono;
  year_month_day ymd{sys_days{days{n}}};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace chorus
