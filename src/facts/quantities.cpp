#include "facts/quantities.h"

#include <algorithm>
#include <cmath>
#include <climits>
#include <cstdlib>
#include <deque>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "facts/gazetteer.h"
#include "facts/lexicon.h"
#include "text/utf8.h"
#include "util/term_set.h"

namespace chorus {
namespace {

struct Qualifier {
  std::string_view words;
  std::string_view approx;
};
// Longest first, so that "no more than" wins over "more than".
constexpr Qualifier kQualifiers[] = {
    {"in excess of", "over"}, {"no more than", "up to"}, {"not more than", "up to"},
    {"no fewer than", "at least"}, {"no less than", "at least"}, {"a maximum of", "up to"},
    {"more than", "over"}, {"upwards of", "over"}, {"just over", "over"}, {"well over", "over"},
    {"at least", "at least"}, {"fewer than", "under"}, {"less than", "under"},
    {"just under", "under"}, {"up to", "up to"}, {"as many as", "up to"}, {"at most", "up to"},
    {"as much as", "up to"}, {"as long as", "up to"}, {"as high as", "up to"},
    {"as few as", "at least"}, {"as little as", "at least"},
    {"an estimated", "about"}, {"close to", "nearly"}, {"over", "over"}, {"under", "under"},
    {"below", "under"}, {"within", "up to"}, {"about", "about"}, {"around", "about"},
    {"approximately", "about"}, {"roughly", "about"}, {"some", "about"}, {"estimated", "about"},
    {"nearly", "nearly"}, {"almost", "nearly"}, {"circa", "about"}};

const std::unordered_map<std::string_view, double> kNumberWords = {
    {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
    {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
    {"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100},
    {"thousand", 1000}, {"dozen", 12}, {"one", 1}};

const std::unordered_map<std::string_view, double> kScales = {
    {"hundred", 100}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
    {"trillion", 1e12}, {"bn", 1e9}, {"m", 1e6}, {"k", 1e3}, {"thousands", 1e3},
    {"millions", 1e6}, {"billions", 1e9}, {"trillions", 1e12}};

// Vague amounts: the range a reader takes them for.
struct Vague {
  std::string_view word;
  double low, high;
};
constexpr Vague kVague[] = {{"dozens", 24, 99},        {"scores", 40, 199},
                            {"hundreds", 200, 999},    {"thousands", 2000, 9999},
                            {"millions", 2e6, 9.99e6}, {"billions", 2e9, 9.99e9}};

const std::unordered_map<std::string_view, double> kDays = {
    {"second", 1.0 / 86400}, {"seconds", 1.0 / 86400}, {"minute", 1.0 / 1440},
    {"minutes", 1.0 / 1440}, {"hour", 1.0 / 24}, {"hours", 1.0 / 24}, {"day", 1},
    {"days", 1}, {"week", 7}, {"weeks", 7}, {"month", 30.44}, {"months", 30.44},
    {"year", 365.25}, {"years", 365.25}, {"decade", 3652.5}, {"decades", 3652.5},
    {"century", 36525}, {"centuries", 36525}};

// Currencies written as words after the number ("six trillion dollars").
const std::unordered_map<std::string_view, std::string_view> kCurrencyWords = {
    {"dollars", "$"}, {"dollar", "$"}, {"euros", "\xE2\x82\xAC"}, {"euro", "\xE2\x82\xAC"},
    {"yuan", "yuan"}, {"rubles", "rubles"}, {"roubles", "rubles"},
    {"yen", "yen"}, {"rupees", "rupees"}};

// Words after a number that make it a phone or service number: "911 call", "999 operator".
bool phone_word(std::string_view w) {
  return w == "call" || w == "calls" || w == "tape" || w == "tapes" || w == "dispatcher" ||
         w == "operator" || w == "hotline" || w == "line" || w == "number";
}

// Words naming the same kind of counted people for comparison across outlets.
const std::unordered_map<std::string_view, std::string_view> kCountedKinds = {
    {"troops", "troops"}, {"soldiers", "troops"}, {"forces", "troops"},
    {"servicemen", "troops"}, {"servicemembers", "troops"}, {"personnel", "troops"},
    {"officers", "troops"}, {"peacekeepers", "troops"}, {"paratroopers", "troops"},
    {"marines", "troops"},
    {"dead", "killed"}, {"deaths", "killed"}, {"fatalities", "killed"}, {"lives", "killed"},
    {"toll", "killed"}, {"bodies", "killed"}, {"victims", "killed"},
    {"wounded", "injured"}, {"injuries", "injured"}, {"casualties", "casualties"},
    {"arrests", "arrested"}, {"detainees", "arrested"}};

// Participles that say what happened to the counted ("people killed").
const std::unordered_map<std::string_view, std::string_view> kOutcomes = {
    {"killed", "killed"}, {"dead", "killed"}, {"died", "killed"}, {"murdered", "killed"},
    {"slain", "killed"}, {"injured", "injured"}, {"wounded", "injured"}, {"hurt", "injured"},
    {"hospitalized", "hospitalized"}, {"hospitalised", "hospitalized"},
    {"arrested", "arrested"}, {"detained", "arrested"}, {"missing", "missing"},
    {"displaced", "displaced"}, {"evacuated", "evacuated"}, {"rescued", "rescued"},
    {"infected", "infected"}, {"deployed", "deployed"}, {"sentenced", "sentenced"},
    {"charged", "charged"}, {"fired", "fired"}, {"laid", "laid off"}};

const std::unordered_map<std::string_view, std::string_view> kActs = {
    {"withdrawal", "withdrawal"}, {"withdrawing", "withdrawal"}, {"withdraw", "withdrawal"},
    {"pullout", "withdrawal"}, {"pullback", "withdrawal"}, {"pull-out", "withdrawal"},
    {"drawdown", "withdrawal"}, {"pulling", "withdrawal"}, {"deployment", "deployment"},
    {"deployed", "deployment"}, {"ceasefire", "ceasefire"}, {"truce", "ceasefire"},
    {"curfew", "curfew"}, {"emergency", "state of emergency"}, {"protests", "protests"},
    {"protest", "protests"}, {"demonstrations", "protests"}, {"election", "election"},
    {"elections", "election"}, {"vote", "election"}, {"talks", "talks"},
    {"negotiations", "talks"}, {"strike", "strike"}, {"trial", "trial"},
    {"lockdown", "lockdown"}, {"mission", "deployment"}, {"operation", "deployment"},
    {"investigation", "investigation"}, {"inquiry", "investigation"}, {"search", "search"},
    {"sentence", "sentence"}, {"visit", "visit"}, {"tour", "visit"}, {"summit", "summit"}};

// Words that may stand between auxiliaries and an outcome: "had been", "have reportedly been".
bool auxiliary(std::string_view w) {
  return w == "had" || w == "have" || w == "has" || w == "been" || w == "were" || w == "was" ||
         w == "are" || w == "is" || w == "reportedly" || w == "were" || w == "being" ||
         w == "be" || w == "also" || w == "now" || w == "so" || w == "far" || w == "already";
}

// Reads a digit token: "2,000" -> 2000, "1.8" -> 1.8. False for "13.01.22" and the like.
bool parse_digits(std::string_view s, double* value) {
  std::string clean;
  int dots = 0;
  for (char c : s) {
    if (c == ',') continue;
    if (c == '.') ++dots;
    if (!(c == '.' || (c >= '0' && c <= '9'))) return false;
    clean.push_back(c);
  }
  if (dots > 1 || clean.empty()) return false;
  // Commas must separate thousands: "2,000" yes, "1,60" (a decimal comma) no.
  size_t int_end = std::min(s.find('.'), s.size());
  size_t group = 0;
  bool commas = false;
  for (size_t i = int_end; i-- > 0;) {
    if (s[i] == ',') {
      if (group != 3) return false;
      commas = true;
      group = 0;
    } else {
      ++group;
    }
  }
  if (commas && group > 3) return false;
  *value = std::strtod(clean.c_str(), nullptr);
  return true;
}

// The article's tokens in lower case, as they are asked for: lower-case ASCII tokens as their
// own text, the others made once, a slot a token pointing into a deque of the few asked (a
// string a token cost more than the rest of the scan).
class LoweredWords {
 public:
  explicit LoweredWords(const Article& a) : a_(a), index_(a.tokens.size(), -1) {}
  std::string_view operator()(uint32_t k) {
    // Most words asked are lower-case ASCII already ("of", "people"): their own text is their
    // lower case, with no copy to make and keep (the copies were a quarter of the scan).
    const std::string_view text = a_.token_text(a_.tokens[k]);
    bool plain = true;
    for (char c : text) {
      if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z')) {
        plain = false;
        break;
      }
    }
    if (plain) return text;
    int32_t& i = index_[k];
    if (i < 0) {
      i = static_cast<int32_t>(words_.size());
      words_.push_back(utf8_lower(a_.token_text(a_.tokens[k])));
    }
    return words_[i];
  }

 private:
  const Article& a_;
  std::vector<int32_t> index_;     // -1: not asked yet
  std::deque<std::string> words_;  // a deque: the strings handed out stay where they are
};

class SentenceReader {
 public:
  // `lowered`: the article's tokens in lower case, shared by the article's sentences.
  SentenceReader(const Article& a, const Sentence& s, LoweredWords& lowered)
      : a_(a), first_(s.first_token), last_(s.first_token + s.token_count), lowered_(lowered) {}
  uint32_t first() const { return first_; }
  uint32_t last() const { return last_; }
  std::string_view word(uint32_t k) const { return a_.token_text(a_.tokens[k]); }
  // A view, not a copy: the scan compares the words around each number many times.
  std::string_view lower(uint32_t k) const { return lowered_(k); }
  bool number(uint32_t k) const { return a_.tokens[k].flags & Token::kNumber; }
  bool capital(uint32_t k) const { return (a_.tokens[k].flags & Token::kCapitalized) && !number(k); }
  bool stop(uint32_t k) const { return a_.tokens[k].flags & Token::kStopword; }
  // Text between token k and token k + 1.
  std::string_view gap(uint32_t k) const {
    const Token& t = a_.tokens[k];
    return std::string_view(a_.text).substr(t.begin + t.size, a_.tokens[k + 1].begin - t.begin - t.size);
  }
  // Text just before token k, back to the previous token (or 3 bytes at the sentence start).
  std::string_view before(uint32_t k) const {
    if (k > first_) return gap(k - 1);
    uint32_t b = a_.tokens[k].begin;
    uint32_t from = b >= 3 ? b - 3 : 0;
    return std::string_view(a_.text).substr(from, b - from);
  }
  bool plain_gap(uint32_t k) const { return k + 1 < last_ && gap(k) == " "; }
  bool hyphen_gap(uint32_t k) const { return k + 1 < last_ && gap(k) == "-"; }

 private:
  const Article& a_;
  uint32_t first_, last_;
  LoweredWords& lowered_;
};

// Words before a number that make it a name or a label, not a count.
bool is_identifier_word(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "table", "figure", "fig", "chapter", "section", "page", "pages", "number", "no", "article",
      "paragraph", "line", "model", "version", "phase", "round", "level", "grade", "stage",
      "category", "type", "class", "item", "step", "route", "highway", "flight", "room", "game",
      "episode", "season", "volume", "vol", "issue", "part", "verse", "rank", "ranked", "size",
      "id", "code", "pp", "p", "ref", "appendix", "box", "exhibit", "unit", "gate", "platform",
      "group", "tier", "division", "district", "precinct", "lane", "track", "channel", "term"};
  return kWords.count(w) > 0;
}

// Common verbs ending in -s, which a number's subject may take ("$10 gets you ...").
bool is_verb_in_s(std::string_view w) {
  static const std::unordered_set<std::string_view> kVerbs = {
      "is", "was", "has", "does", "goes", "gets", "gives", "makes", "takes", "allows", "means",
      "seems", "comes", "becomes", "includes", "remains", "represents", "shows", "needs",
      "corresponds", "amounts", "equals", "costs", "buys", "pays", "covers", "runs", "puts",
      "brings", "keeps", "leaves", "lets", "looks", "sounds", "stands", "works", "helps"};
  return kVerbs.count(w) > 0;
}

// Units that count in the singular after a number in compounds or by habit ("60 kilometer",
// "250 military equipment").
bool is_unit_word(std::string_view w) {
  static const std::unordered_set<std::string_view> kUnits = {
      "kilometer", "kilometre", "km", "mile", "meter", "metre", "foot", "feet", "inch", "kg",
      "kilometers", "kilometres", "miles", "meters", "metres", "inches", "kilograms", "grams",
      "tons", "tonnes", "pounds", "ounces", "liters", "litres", "gallons", "acres", "hectares",
      "centimeters", "centimetres", "millimeters", "millimetres", "yards", "knots", "kilos",
      "kilogram", "gram", "ton", "tonne", "pound", "ounce", "liter", "litre", "gallon", "barrel",
      "acre", "hectare", "degree", "degrees", "point", "percentage", "equipment", "kph", "mph",
      "knot", "km/h", "square", "cubic", "per", "cent", "times", "fold", "member", "staff"};
  return kUnits.count(w) > 0;
}

// A plural noun, roughly: "troops", "ads", "people", "men".
bool plural(std::string_view w) {
  return (w.size() >= 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")) ||
         w == "people" || w == "men" || w == "women" || w == "children" || w == "police" ||
         w == "staff" || w == "personnel" || w == "crew" || w == "cattle";
}

bool is_year(double v, std::string_view token) {
  return token.size() == 4 && v >= 1800 && v <= 2100 && token.find_first_of(",.") == std::string_view::npos;
}

// kQualifiers split into words, once.
const std::vector<std::pair<std::vector<std::string>, std::string_view>>& qualifiers() {
  static const auto kSplit = [] {
    std::vector<std::pair<std::vector<std::string>, std::string_view>> out;
    for (const Qualifier& q : kQualifiers) {
      std::vector<std::string> words;
      std::string_view w = q.words;
      for (size_t p = 0; p <= w.size();) {
        size_t sp = std::min(w.find(' ', p), w.size());
        words.emplace_back(w.substr(p, sp - p));
        p = sp + 1;
      }
      out.emplace_back(std::move(words), q.approx);
    }
    return out;
  }();
  return kSplit;
}

const std::vector<std::pair<std::vector<std::string>, std::string_view>> kNoQualifiers;

// The words qualifiers are made of ("about", "nearly", "more"): a capitalised one before a
// number opens a sentence, it is not a name.
const std::unordered_set<std::string_view>& qualifier_words() {
  static const std::unordered_set<std::string_view> kWords = [] {
    std::unordered_set<std::string_view> w;  // views of qualifiers()' static words
    for (const auto& [words, approx] : qualifiers()) w.insert(words.begin(), words.end());
    return w;
  }();
  return kWords;
}

// The terms of number words and vague amounts: a token whose term is not one is no number
// unless it has digits (one probe a token).
const TermSet& number_word_terms() {
  static const TermSet kTerms = [] {
    TermSet t;
    t.reserve_sparse(kNumberWords.size() + std::size(kVague));  // asked of every token
    for (const auto& [w, v] : kNumberWords) t.insert(english_term(w));
    for (const Vague& v : kVague) t.insert(english_term(v.word));
    return t;
  }();
  return kTerms;
}

}  // namespace

std::string_view act_of(std::string_view word) {
  auto it = kActs.find(word);
  return it == kActs.end() ? std::string_view() : it->second;
}

std::string_view act_of_term(uint64_t term) {
  // Asked of every token of some sentences, most of them no act: a flat index by term into the
  // acts (the first act given a term keeps it, as a map's emplace would).
  struct ByTerm {
    TermIndex index;
    std::vector<std::string_view> acts;
  };
  static const ByTerm kByTerm = [] {
    ByTerm b;
    for (const auto& [word, act] : kActs) {
      const uint64_t t = english_term(word);
      if (b.index.find(t)) continue;
      b.index.insert(t, static_cast<uint32_t>(b.acts.size()));
      b.acts.push_back(act);
    }
    return b;
  }();
  const uint32_t* i = kByTerm.index.find(term);
  return i ? kByTerm.acts[*i] : std::string_view();
}

std::vector<Quantity> find_quantities(const Article& a) {
  std::vector<Quantity> out;
  if (a.language != "en") return out;
  LoweredWords lowered(a);
  const TermSet& number_words = number_word_terms();
  for (uint32_t si = 0; si < a.sentences.size(); ++si) {
    const Sentence& sentence = a.sentences[si];
    if (sentence.heading) continue;
    SentenceReader r(a, sentence, lowered);
    for (uint32_t k = r.first(); k < r.last(); ++k) {
      // Most tokens are neither digits nor number words: test the term before any text.
      if (!r.number(k) && !number_words.contains(a.tokens[k].term)) continue;
      Quantity q;
      uint32_t start = k, next = k + 1;
      const std::string_view low = r.lower(k);
      std::string_view prior = r.before(k);
      if (r.number(k)) {
        if (!parse_digits(r.word(k), &q.value)) continue;
        // Numbers inside names or codes: "COVID-19", "Boeing 737-800", "A-10".
        if (k > r.first() && (prior == "-" || prior == "/") ) continue;
        // Footnote marks glued to a word ("exposure.56", "own.55"), and numbers that open a
        // sentence before a capitalised stopword ("42 A recent review").
        if (k > r.first() && (prior.empty() || prior == "." || prior == "," || prior == ":")) continue;
        // Identifiers: "table 4", "figure 2", "number one", "H 2 O".
        if (k > r.first() && (is_identifier_word(r.lower(k - 1)) ||
                              (a.tokens[k - 1].size == 1 && r.capital(k - 1)))) {
          continue;
        }
        // "5 ½ days"
        const Token& digits = a.tokens[k];
        const std::string_view after_digits = std::string_view(a.text).substr(digits.begin + digits.size, 4);
        for (auto [mark, part] : {std::pair<std::string_view, double>{"\xC2\xBD", 0.5}, {"\xC2\xBC", 0.25}, {"\xC2\xBE", 0.75}}) {
          // The mark right after the digits or after one space; the text may end at the digits.
          if (after_digits.starts_with(mark) || (!after_digits.empty() && after_digits.substr(1).starts_with(mark))) {
            q.value += part;
          }
        }
        // Numbers inside names: "Caphe Da Lat 244", "Boeing 737", "30 Rock"; phone numbers:
        // "911 call".
        auto has_upper = [](std::string_view w) {
          return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        };
        if (k > r.first() && (r.capital(k - 1) || has_upper(r.word(k - 1))) && !r.stop(k - 1) && prior == " " &&
            !is_month_or_weekday(r.lower(k - 1)) && !qualifier_words().count(r.lower(k - 1)) &&
            !r.word(k - 1).ends_with("'s") && !r.word(k - 1).ends_with("\xE2\x80\x99s")) {  // not "CSTO's 1,600"
          continue;
        }
        if (k + 1 < r.last() && phone_word(r.lower(k + 1))) continue;
        // A conversion in parentheses repeats the number before it: "27 knots (50 kph)".
        if (prior.find('(') != std::string_view::npos && !out.empty() && out.back().sentence == si &&
            a.tokens[k].begin - out.back().end <= 8 && k + 1 < r.last() && is_unit_word(r.lower(k + 1))) {
          continue;
        }
        // "two of every three": a ratio.
        if ((k + 2 < r.last() && r.lower(k + 1) == "of" && r.lower(k + 2) == "every") ||
            (k > r.first() && r.lower(k - 1) == "every")) {
          continue;
        }
        // Ratios: "1 in 3".
        if ((k + 2 < r.last() && r.lower(k + 1) == "in" && r.number(k + 2)) ||
            (k >= r.first() + 2 && r.lower(k - 1) == "in" &&
             (r.number(k - 2) || r.lower(k - 2) == "one" || r.lower(k - 2) == "two"))) {
          continue;
        }
        // A sign right before the digits: "-0.25 volts", "(>4 drinks)".
        if (!prior.empty()) {
          std::string_view p = prior;
          auto ends = [&](std::string_view x) { return p.size() >= x.size() && p.substr(p.size() - x.size()) == x; };
          auto spaced = [&](size_t n) { return p.size() == n || p[p.size() - n - 1] == ' ' || p[p.size() - n - 1] == '('; };
          if ((ends("-") && spaced(1)) || (ends("\xE2\x80\x93") && spaced(3)) || (ends("\xE2\x88\x92") && spaced(3))) {
            q.value = -q.value;
          } else if (ends(">")) {
            q.approx = "over";
          } else if (ends("<")) {
            q.approx = "under";
          } else if (ends("\xE2\x89\xA5")) {
            q.approx = "at least";
          } else if (ends("\xE2\x89\xA4")) {
            q.approx = "up to";
          }
        }
        if (k + 1 < r.last() && (r.gap(k) == ":" || r.gap(k) == "/" || r.gap(k) == "." )) continue;
        // Dates: next to a month name.
        if ((k > r.first() && is_month_or_weekday(r.lower(k - 1))) ||
            (k + 1 < r.last() && is_month_or_weekday(r.lower(k + 1)))) {
          continue;
        }
        // "$ 40,000" (scrapers leave a space) as "$40,000".
        if (prior.size() >= 2 && prior.back() == ' ' && prior[prior.size() - 2] == '$') prior.remove_suffix(1);
        if (!prior.empty() && (prior.back() == '$' || prior.substr(prior.size() >= 2 ? prior.size() - 2 : 0) == "\xC2\xA3" ||
                               prior.substr(prior.size() >= 3 ? prior.size() - 3 : 0) == "\xE2\x82\xAC")) {
          q.unit = prior.back() == '$' ? "$" : (prior.back() == '\xA3' ? "\xC2\xA3" : "\xE2\x82\xAC");
        }
      } else if (auto w = kNumberWords.find(low); w != kNumberWords.end()) {
        q.value = w->second;
        // "one in five": a ratio, as "1 in 5" above.
        if (k >= r.first() + 2 && r.lower(k - 1) == "in" && (r.number(k - 2) || kNumberWords.count(r.lower(k - 2)))) {
          continue;
        }
        // "One hundred and three": the units before "hundred" are no pronoun.
        const bool hundreds = q.value < 10 && r.plain_gap(k) && r.lower(k + 1) == "hundred";
        if (!hundreds && (low == "one" || low == "dozen" || low == "hundred" || low == "thousand")) {
          // "one" alone is mostly a pronoun; "a dozen", "a hundred" need their article.
          bool article_before = k > r.first() && (r.lower(k - 1) == "a" || r.lower(k - 1) == "one");
          // "one" alone is a pronoun; "one day" alone ("one day he left") is no duration:
          // only "for one day", "within one week", "about one month" count.
          if (low == "one" && !(k + 1 < r.last() && kDays.count(r.lower(k + 1))) &&
              !(k + 2 < r.last() && (r.lower(k + 1) == "to" || r.lower(k + 1) == "or"))) {
            continue;
          }
          const bool range_follows = k + 2 < r.last() && (r.lower(k + 1) == "to" || r.lower(k + 1) == "or") &&
                                     (r.number(k + 2) || kNumberWords.count(r.lower(k + 2)));
          if (low == "one" && !range_follows) {
            static const std::unordered_set<std::string_view> kBefore = {
                "for", "within", "in", "after", "than", "only", "just", "about", "around",
                "nearly", "almost", "over", "under", "least", "last", "first", "past", "next"};
            if (k == r.first() || !kBefore.count(r.lower(k - 1))) continue;
          }
          if (low != "one" && !article_before) continue;
          if (low != "one") start = k - 1;
        }
        // "two dozen"
        if (k + 1 < r.last() && r.lower(k + 1) == "dozen" && r.plain_gap(k)) {
          q.value *= 12;
          next = k + 2;
        }
        // "twenty-five"
        if (r.hyphen_gap(k) && kNumberWords.count(r.lower(k + 1)) && q.value >= 20 && q.value < 100) {
          q.value += kNumberWords.at(r.lower(k + 1));
          next = k + 2;
        }
      } else {
        bool found = false;
        for (const Vague& v : kVague) {
          if (low != v.word) continue;
          // "tens of thousands"
          q.value = v.low, q.value_max = v.high, q.vague = true, found = true;
          if (k >= r.first() + 2 && r.lower(k - 1) == "of" && r.lower(k - 2) == "tens") {
            start = k - 2;
            q.value *= 5, q.value_max *= 5;
          }
        }
        if (!found) continue;
      }
      if (!q.vague) q.value_max = q.value;
      // "hundreds of billions (of dollars)"
      if (q.vague && next + 1 < r.last() && r.lower(next) == "of" && kScales.count(r.lower(next + 1)) &&
          kScales.at(r.lower(next + 1)) >= 1e3) {
        q.value *= kScales.at(r.lower(next + 1)), q.value_max *= kScales.at(r.lower(next + 1));
        next += 2;
      }
      // Scales: "1.8 million", "thirty thousand", "three hundred thousand".
      while (next < r.last() && r.plain_gap(next - 1) && !q.vague) {
        auto s = kScales.find(r.lower(next));
        if (s == kScales.end() || s->first.size() < 2 || s->first.back() == 's') break;
        q.value *= s->second, q.value_max *= s->second;
        ++next;
        // "one hundred and three", "two hundred and twenty-five"
        if (s->second == 100 && q.value < 1000 && r.plain_gap(next - 1) && next + 1 < r.last() &&
            r.lower(next) == "and" && r.plain_gap(next)) {
          auto units = kNumberWords.find(r.lower(next + 1));
          if (units != kNumberWords.end() && units->second < 100) {
            double add = units->second;
            next += 2;
            if (add >= 20 && r.hyphen_gap(next - 1) && kNumberWords.count(r.lower(next)) && kNumberWords.at(r.lower(next)) < 10) {
              add += kNumberWords.at(r.lower(next));
              ++next;
            }
            q.value += add, q.value_max += add;
          }
        }
      }
      // "half a dozen"
      if (low == "dozen" && start > r.first() && r.lower(start) == "a" && r.lower(start - 1) == "half") {
        q.value = q.value_max = 6;
        --start;
      }
      // Range: "100-200", "100–200", "100 to 200".
      if (next + 1 <= r.last() - 1 && r.number(next) && (r.gap(next - 1) == "-" || r.gap(next - 1) == "\xE2\x80\x93")) {
        double hi;
        if (parse_digits(r.word(next), &hi) && hi > q.value) {
          q.value_max = hi;
          ++next;
        }
      }
      // "17 to 22 people", "two to three years", "one or two positions".
      if (next + 1 < r.last() && (r.lower(next) == "to" || r.lower(next) == "or")) {
        double hi = 0;
        bool number = r.number(next + 1) ? parse_digits(r.word(next + 1), &hi)
                                         : kNumberWords.count(r.lower(next + 1)) > 0;
        if (!r.number(next + 1) && number) hi = kNumberWords.at(r.lower(next + 1));
        // "$199 or $299" are two prices, not a range.
        const bool two_prices = r.lower(next) == "or" && !r.before(next + 1).empty() && r.before(next + 1).back() == '$';
        if (number && hi > q.value_max && !q.vague && !two_prices) {
          q.value_max = hi;
          next += 2;
        }
      }
      // Footnote marks before a sentence: "41, 42 A recent review", "3-8 For example".
      if (r.number(k) && next < r.last() && r.capital(next) && r.stop(next) && q.value < 1000) continue;
      // Years are dates, not counts.
      if (r.number(k) && is_year(q.value, r.word(k)) && q.value_max == q.value) continue;
      // Qualifier before: the longest listed one ending just before `start`.
      {
        std::string_view before[3];  // lower case, nearest first
        for (uint32_t i = 0; i < 3 && start >= r.first() + i + 1; ++i) before[i] = r.lower(start - 1 - i);
        // Most numbers have no qualifier: test the word before against the qualifiers' last
        // words first.
        static const std::unordered_set<std::string_view> kLastWords = [] {
          std::unordered_set<std::string_view> w;  // views of qualifiers()' static words
          for (const auto& [words, approx] : qualifiers()) w.insert(words.back());
          return w;
        }();
        for (const auto& [words, approx] : kLastWords.count(before[0]) ? qualifiers() : kNoQualifiers) {
          bool match = words.size() <= 3 && !before[words.size() - 1].empty();
          for (size_t i = 0; i < words.size() && match; ++i) match = before[words.size() - 1 - i] == words[i];
          if (!match) continue;
          if (start > r.first() + words.size() && r.capital(start - 1)) break;  // "20 Under 20"
          if (q.vague) break;  // "talking about millions": a preposition, not a qualifier
          q.approx = std::string(approx);
          start -= static_cast<uint32_t>(words.size());
          break;
        }
      }
      // "between 100 and 200"
      if (start > r.first() && r.lower(start - 1) == "between" && next + 1 < r.last() &&
          r.lower(next) == "and" && r.number(next + 1)) {
        double hi;
        if (parse_digits(r.word(next + 1), &hi) && hi > q.value) {
          q.value_max = hi;
          --start;
          next += 2;
        }
      }
      // Percent.
      uint32_t after = next;
      if (after < r.last() && (r.lower(after) == "percent" || r.lower(after) == "per")) {
        q.unit = "percent";
        after += r.lower(after) == "per" && after + 1 < r.last() ? 2 : 1;
      } else if (r.number(k)) {
        const Token& t = a.tokens[next - 1];
        if (t.begin + t.size < a.text.size() && a.text[t.begin + t.size] == '%') q.unit = "percent";
      }
      // An adjective made of a number ("seven-member team", "five-point scale"): not a count;
      // times ("two-week") and ages ("81-year-old") are read below.
      if (after < r.last() && r.hyphen_gap(after - 1) && !r.number(after) && !kDays.count(r.lower(after)) &&
          r.lower(after) != "year" && r.lower(after) != "years") {
        continue;
      }
      // "Officer Collin Rose, 29, died": a number between commas after a name is an age.
      if (r.number(k) && q.value >= 1 && q.value <= 120 && q.value == std::floor(q.value) &&
          k > r.first() && prior == ", " && r.capital(k - 1) && next < r.last() &&
          r.before(next).starts_with(",") && q.approx.empty()) {
        q.unit = "years";
        q.kind = "age";
        q.counted = "age";
        uint32_t name = k - 1;
        while (name > r.first() && r.capital(name - 1) && (r.plain_gap(name - 1) || r.hyphen_gap(name - 1))) --name;
        q.scope = std::string(a.view(a.tokens[name].begin, a.tokens[k - 1].begin + a.tokens[k - 1].size));
        q.begin = a.tokens[k].begin;
        q.end = a.tokens[k].begin + a.tokens[k].size;
        q.sentence = si;
        out.push_back(std::move(q));
        continue;
      }
      // Ages of groups: "18-29 year olds", "30-year-olds", "aged 18-29 years", "11 to 12 years of age".
      if (after < r.last() && (r.lower(after) == "year" || r.lower(after) == "years") &&
          ((start > r.first() && r.lower(start - 1) == "aged") ||
           (after + 2 < r.last() && r.lower(after + 1) == "of" && r.lower(after + 2) == "age") ||
           (after + 1 < r.last() && (r.lower(after + 1) == "olds" ||
                                      (r.lower(after + 1) == "old" && after + 2 < r.last() && r.lower(after + 2) == "s"))))) {
        q.unit = "years";
        q.kind = "age";
        q.counted = "age";
        q.begin = a.tokens[start].begin;
        const uint32_t last_word = after + 1 < r.last() && r.lower(after + 1).starts_with("old") ? after + 1 : after;
        q.end = a.tokens[last_word].begin + a.tokens[last_word].size;
        q.sentence = si;
        out.push_back(std::move(q));
        k = last_word;
        continue;
      }
      // An age: "81-year-old".
      if (after + 1 < r.last() && r.hyphen_gap(after - 1) && (r.lower(after) == "year" || r.lower(after) == "years") &&
          r.hyphen_gap(after) && r.lower(after + 1).starts_with("old")) {
        q.unit = "years";
        q.kind = "age";
        q.counted = "age";
        uint32_t name = after + 2;
        if (name < r.last() && !r.capital(name) && r.hyphen_gap(after + 1) == false && name + 1 < r.last()) {
          // "the 81-year-old former leader Nazarbayev": look a little further for the name.
          for (uint32_t look = name; look < r.last() && look < name + 3; ++look) {
            if (r.capital(look)) {
              name = look;
              break;
            }
          }
        }
        if (name < r.last() && r.capital(name)) {
          uint32_t end = name;
          while (end + 1 < r.last() && r.capital(end + 1) && (r.plain_gap(end) || r.hyphen_gap(end))) ++end;
          const Token& t0 = a.tokens[name];
          const Token& t1 = a.tokens[end];
          q.scope = std::string(a.view(t0.begin, t1.begin + t1.size));
          if (q.scope.size() > 2 && (q.scope.ends_with("'s") )) q.scope.resize(q.scope.size() - 2);
        }
        q.begin = a.tokens[start].begin;
        q.end = a.tokens[after + 1].begin + a.tokens[after + 1].size;
        q.sentence = si;
        out.push_back(std::move(q));
        k = after + 1;
        continue;
      }
      // Durations: "10 days"; "a two-week state of emergency" counts for what follows.
      if (after < r.last() && kDays.count(r.lower(after)) && q.unit.empty()) {
        double factor = kDays.at(r.lower(after));
        // "one week after", "two days ago": a point in time, not a duration.
        if (after + 1 < r.last()) {
          const std::string_view n = r.lower(after + 1);
          if (n == "after" || n == "before" || n == "ago" || n == "later" || n == "earlier" ||
              n == "since" || n == "old") {
            continue;
          }
          // "5-6 days a week", "twice per day": a frequency.
          if ((n == "a" || n == "per" || n == "each") && after + 2 < r.last() && kDays.count(r.lower(after + 2))) {
            continue;
          }
        }
        if (start > r.first() && (r.lower(start - 1) == "every" || r.lower(start - 1) == "each")) continue;
        q.unit = "days";
        q.value *= factor, q.value_max *= factor;
        // "payments over 26 years", "cuts over 10 years": over a period is during it.
        if (q.approx == "over" && start < k && r.lower(start) == "over") q.approx.clear();
        q.counted = r.lower(after);
        std::string act;
        if (r.hyphen_gap(after - 1) || (after + 1 < r.last() && r.hyphen_gap(after))) {
          // Adjectival: "30-year history", "two-week long state of emergency".
          uint32_t h = after + 1;
          while (h < r.last() && (r.lower(h) == "long" || r.lower(h) == "old")) ++h;
          if (h < r.last() && !r.stop(h)) {
            // "two-week long state of emergency": the act may come a few words on.
            for (uint32_t look = h; look < r.last() && look < h + 3 && act.empty(); ++look) {
              act = std::string(act_of(r.lower(look)));
            }
            if (act.empty()) act = r.lower(h);
          }
        } else {
          // The act the sentence names nearest to the number.
          uint32_t best_distance = UINT32_MAX;
          // Within 16 words, and not inside a name ("Associated Investigative Services").
          for (uint32_t i = r.first(); i < r.last(); ++i) {
            std::string_view act_here = act_of_term(a.tokens[i].term);
            if (act_here.empty() || r.capital(i)) continue;
            uint32_t d = i < k ? k - i : i - k;
            if (d < best_distance && d <= 16) best_distance = d, act = std::string(act_here);
          }
          // "It should take about ten days": the act of the sentence before, if in the
          // same paragraph, when this one opens with a pronoun.
          const std::string_view opener = r.lower(r.first());
          if (act.empty() && si > 0 && a.sentences[si - 1].paragraph == sentence.paragraph &&
              (opener == "it" || opener == "this" || opener == "that")) {
            const Sentence& before = a.sentences[si - 1];
            for (uint32_t i = before.first_token + before.token_count; i-- > before.first_token && act.empty();) {
              act = std::string(act_of_term(a.tokens[i].term));
            }
          }
        }
        q.kind = "duration:" + act;
        q.counted = act.empty() ? q.counted : act + " (" + q.counted + ")";
        q.begin = a.tokens[start].begin;
        q.end = a.tokens[after].begin + a.tokens[after].size;
        q.sentence = si;
        out.push_back(std::move(q));
        k = after;
        continue;
      }
      // What it counts: the words after it, past names, acronyms in parentheses and
      // "Russia-led" modifiers, up to a stopword or punctuation.
      uint32_t h = after;
      if (q.vague || (h < r.last() && r.lower(h) == "of")) {
        if (h < r.last() && r.lower(h) == "of") ++h;
        if (h < r.last() && (r.lower(h) == "the" || r.lower(h) == "its" || r.lower(h) == "their")) ++h;
      }
      std::string scope;
      std::vector<std::string> words;
      uint32_t counted_end = 0;
      bool after_parenthesis = false;
      while (h < r.last() && words.size() < 4) {
        std::string_view g = r.before(h);
        if (!(g == " " || g == "-" || (after_parenthesis && g == ") "))) break;
        after_parenthesis = false;
        if (r.capital(h)) {
          if (!words.empty()) break;
          if (is_demonym(r.word(h)) && scope.empty()) scope = std::string(r.word(h));
          // "(CSTO)" after a name.
          if (h + 2 < r.last() && r.gap(h) == " (" && r.gap(h + 1).substr(0, 1) == ")") {
            h += 2;
            after_parenthesis = true;
            continue;
          }
          ++h;
          continue;
        }
        if (r.number(h)) break;
        const std::string_view w = r.lower(h);
        // "Russia-led", "GOP-run": the rest of a capitalised compound.
        if (g == "-" && h > after && r.capital(h - 1)) {
          ++h;
          continue;
        }
        if (r.stop(h) && !kCountedKinds.count(w)) break;
        // "top-ranked ads", "well-armed men": a compound modifier, one word.
        if (h + 1 < r.last() && r.hyphen_gap(h) && !r.capital(h + 1) && !r.number(h + 1)) {
          words.push_back(std::string(w) + "-" + std::string(r.lower(h + 1)));
          counted_end = h + 1;
          h += 2;
          continue;
        }
        // Adverbs and participles before a noun modify it ("highly respected agencies",
        // "even more compelling story lines"); elsewhere a verb ends the counted words
        // ("troops began", "soldiers joined", "hundreds stormed the ...").
        bool modifier_word = w.ends_with("ly") || w.ends_with("ed") || w.ends_with("ing") || w == "even" ||
                             w == "more" || w == "most" || w == "less" || w == "very" || w == "still";
        if (modifier_word) {
          // Only before a plural noun within three words: "four mentioned stroke" is a verb.
          bool noun_follows = false;
          for (uint32_t look = h + 1; look < r.last() && look <= h + 3 && r.plain_gap(look - 1); ++look) {
            if (r.capital(look) || r.number(look) || r.stop(look)) break;
            if (plural(r.lower(look))) {
              noun_follows = true;
              break;
            }
          }
          if (!noun_follows) break;
          ++h;
          continue;
        }
        // "the state's voters": a possessive modifies the head that follows.
        if (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s")) {
          ++h;
          continue;
        }
        // Verbs in -s are no plural heads: "$40,000 goes", "eight billion corresponds".
        if (words.empty() && is_verb_in_s(w)) break;
        words.emplace_back(w);
        counted_end = h;
        ++h;
        // A plural or a known counted word is the head: "leaders held", "troops from",
        // "people saw".
        if (plural(w) || kCountedKinds.count(w)) break;
      }
      if (!words.empty() && words.back().size() < 3) continue;  // "six ex-Soviet states"
      // Several things are counted by a plural ("80 runners"), a known word ("troops"), a
      // currency or a unit; a singular word after a count above one is a verb or an adjective
      // ("80 ran", "1023 lost", "17 percent live"): nothing is counted then, and nothing is
      // reported. "ones" counts nothing either.
      if (!words.empty()) {
        const std::string& w = words.back();
        const bool countable = plural(w) || kCountedKinds.count(w) || kCurrencyWords.count(w) ||
                               is_unit_word(w) || q.value <= 1 || q.unit == "percent" ||
                               (!q.unit.empty() && q.unit != "percent");
        if (!countable || w == "ones") words.clear();
        // "35 percent live with a partner": a verb after the percentage counts nothing.
        if (q.unit == "percent" && !words.empty() && !(after < r.last() && r.lower(after) == "of") &&
            std::none_of(words.begin(), words.end(), [](const std::string& x) { return plural(x); })) {
          words.clear();
        }
      }
      // "about 5 miles per hour", "7 miles an hour": a speed.
      if (!words.empty() && counted_end + 2 < r.last() &&
          (r.lower(counted_end + 1) == "per" || r.lower(counted_end + 1) == "an" || r.lower(counted_end + 1) == "a") &&
          kDays.count(r.lower(counted_end + 2))) {
        words.back() += " per ";
        words.back() += r.lower(counted_end + 2);
        counted_end += 2;
      }
      // "0.25 percentage points or below", "10 or more"
      {
        // After the counted words, or right after the number when none: "$1,600 or more".
        uint32_t at = words.empty() ? next - 1 : counted_end;
        if (at + 2 < r.last() && r.lower(at + 1) == "or") {
          const std::string_view w2 = r.lower(at + 2);
          if (w2 == "more" || w2 == "above" || w2 == "higher") q.approx = "at least";
          if (w2 == "less" || w2 == "fewer" || w2 == "below" || w2 == "lower") q.approx = "up to";
        }
      }
      // Money: "$13 million thanks to ...", "$3 back": what follows is no count; the amount
      // counts money.
      const bool money = !q.unit.empty() && q.unit != "percent" && q.unit != "days" && q.unit != "years";
      if (money && !words.empty() && !kCurrencyWords.count(words.back()) &&
          !(after < r.last() && r.lower(after) == "of")) {
        words.clear();
      }
      if (money && words.empty()) {
        q.counted = "money";
        q.kind = q.unit + ":money";
        q.scope = scope;
        q.begin = a.tokens[start].begin;
        q.end = a.tokens[next - 1].begin + a.tokens[next - 1].size;
        q.sentence = si;
        out.push_back(std::move(q));
        k = next - 1;
        continue;
      }
      // Currencies written out: "six trillion dollars".
      if (!words.empty() && q.unit.empty() && kCurrencyWords.count(words.back())) {
        q.unit = std::string(kCurrencyWords.at(words.back()));
      }
      if (!words.empty()) {
        const std::string& head = words.back();
        q.counted = words[0];
        for (size_t i = 1; i < words.size(); ++i) q.counted += " " + words[i];
        auto kind = kCountedKinds.find(head);
        const bool kind_known = kind != kCountedKinds.end();
        q.kind = kind_known ? std::string(kind->second) : head;
        // "people had been killed": the outcome names the kind.
        uint32_t o = counted_end + 1;
        while (o < r.last() && o < counted_end + 5 && auxiliary(r.lower(o))) ++o;
        if (o < r.last() && o <= counted_end + 5) {
          auto outcome = kOutcomes.find(r.lower(o));
          // A casualty names the kind ("officers killed"); another outcome only names people
          // counted by a general word ("people evacuated"), not troops "deployed".
          bool casualty = outcome != kOutcomes.end() &&
                          (outcome->second == "killed" || outcome->second == "injured" ||
                           outcome->second == "arrested" || outcome->second == "missing");
          if (outcome != kOutcomes.end() && r.plain_gap(o - 1) && (casualty || !kind_known)) {
            q.kind = std::string(outcome->second);
            q.counted += " " + std::string(outcome->first);
            counted_end = o;
          }
        }
      } else if (after < r.last() && kOutcomes.count(r.lower(after))) {
        // "thousands arrested"
        q.kind = std::string(kOutcomes.at(r.lower(after)));
        q.counted = r.lower(after);
        counted_end = after;
      } else {
        // Nothing after: "the death toll was announced as 164".
        for (uint32_t b = k; b > r.first() && b + 8 > k; --b) {
          const std::string_view w = r.lower(b - 1);
          if (w == "toll" || w == "tally" || w == "population" || w == "total") {
            bool two = b >= r.first() + 2 && !r.stop(b - 2) && !r.capital(b - 2);
            q.counted = two ? std::string(r.lower(b - 2)) + " " + std::string(w) : std::string(w);
            q.kind = w == "toll" ? std::string_view("killed") : w;
            start = two ? b - 2 : b - 1;  // the phrase: "death toll was announced as 164"
            break;
          }
        }
        if (q.counted.empty()) continue;
        counted_end = next - 1;
      }
      if (!q.unit.empty() && q.unit != "percent") q.kind = q.unit + ":" + q.kind;
      if (q.unit == "percent") q.kind = "percent:" + q.kind;
      q.scope = scope;
      q.begin = a.tokens[start].begin;
      const Token& last_token = a.tokens[std::max(counted_end, next - 1)];
      q.end = last_token.begin + last_token.size;
      q.sentence = si;
      out.push_back(std::move(q));
      k = std::max(counted_end, next - 1);
    }
  }
  return out;
}

}  // namespace chorus
