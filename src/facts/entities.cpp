#include "facts/entities.h"

#include <algorithm>
#include <deque>
#include <map>
#include <numeric>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "facts/gazetteer.h"
#include "facts/lexicon.h"
#include "facts/spelling.h"
#include "text/tokens.h"
#include "text/utf8.h"
#include "util/term_set.h"

namespace chorus {
namespace {

// A mention before merging, with what the text says about its kind.
struct Candidate {
  size_t article;
  size_t index;  // into EntityIndex::mentions[article]
  uint32_t keys_begin = 0, keys_end = 0;  // its words' spelling keys, in the event's key list
  bool sentence_initial = false;
  bool acronym = false;
  bool titled = false;    // a title was peeled off: a person
  bool role_word = false; // "press secretary Jen Psaki", "engineer Malik ...": a person
  bool speaker = false;   // followed by "said", "told", ...
  bool after_place_preposition = false;  // "in Almaty"
  bool common_word = false;  // a word of the name is written in lower case elsewhere
  // Signs of the kind in the words around the name, for names that carry none in themselves.
  bool person_sign = false;  // "Smith, 45,", "Smith, who", "Smith's wife", "Smith said he"
  bool org_sign = false;     // "Acme stock", "Acme's CEO", "the investment bank Acme"
  bool work_sign = false;    // "the film Acme", a title alone in quotation marks
  bool with_article = false; // "the Acme Tigers": people's names rarely take "the"
  // "CSTO" in "Collective Security Treaty Organization (CSTO)": a view into the article's text
  // (no string: candidates are many, and moved each time their vector grows).
  std::string_view defines;
};

bool is_acronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 6) return false;
  int letters = 0;
  bool roman = true;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') {
      ++letters;
      if (std::string_view("IVXLC").find(c) == std::string_view::npos) roman = false;
    } else if (!(c >= '0' && c <= '9')) {
      return false;
    }
  }
  return letters >= 2 && !roman;
}

// "Kazakhstan's" -> "Kazakhstan"; `had` says whether there was one.
std::string_view without_possessive(std::string_view w, bool* had) {
  *had = false;
  if (w.empty() || (w.back() != 's' && w.back() != '\'' && w.back() != '\x99')) return w;
  for (std::string_view s : {std::string_view("'s"), std::string_view("\xE2\x80\x99s"),
                             std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
    if (w.size() > s.size() && w.substr(w.size() - s.size()) == s) {
      *had = true;
      return w.substr(0, w.size() - s.size());
    }
  }
  return w;
}

bool headline_like(const Article& a, const Sentence& s) {
  // Title-case lines and credit lines ("Image: Pavel Mikheyev/REUTERS") carry names out of
  // any sentence: their capitals say nothing.
  std::string_view text = a.sentence_text(s);
  // (The first letter of each prefix, tested first: most sentences start with none of them.)
  if (!text.empty() && std::string_view("IPCSVGB").find(text[0]) != std::string_view::npos) {
    for (std::string_view p : {"Image:", "Photo:", "Picture:", "Credit:", "Source:", "Video:",
                               "IMAGE SOURCE", "Photograph:", "Getty", "Buy Photo", "Courtesy of",
                               "Photo by", "Photo courtesy"}) {
      if (text.starts_with(p)) return true;
    }
  }
  if (s.token_count < 4) return s.token_count > 0 && text.find(' ') != std::string_view::npos && s.heading;
  uint32_t caps = 0, words = 0;
  for (uint32_t k = s.first_token; k < s.first_token + s.token_count; ++k) {
    const Token& t = a.tokens[k];
    if (t.flags & Token::kNumber) continue;
    ++words;
    if (t.flags & Token::kCapitalized) ++caps;
  }
  return words >= 4 && caps * 10 >= words * 7;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void join(size_t a, size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

// The keys of a name's words joined by spaces, from word `from` on. `Key` is std::string or a
// pointer to one.
const std::string& key_text(const std::string& k) { return k; }
const std::string& key_text(const std::string* k) { return *k; }
template <typename Key>
std::string join_keys(std::span<const Key> keys, size_t from = 0) {
  std::string s;
  for (size_t i = from; i < keys.size(); ++i) {
    if (i > from) s.push_back(' ');
    s += key_text(keys[i]);
  }
  return s;
}

// Whether an acronym's letters appear, in order, among the initials of the name's words
// ("Collective Security Treaty Organization (CSTO)"; not "CHICAGO (AP)").
bool initials_fit(std::string_view name, std::string_view acronym) {
  std::string initials;
  bool start = true;
  for (char c : name) {
    if (c == ' ' || c == '-') {
      start = true;
    } else if (start) {
      initials.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
      start = false;
    }
  }
  if (initials.size() < 2) return false;
  size_t at = 0;
  for (char c : acronym) {
    if (c < 'A' || c > 'Z') continue;
    at = initials.find(c, at);
    if (at == std::string::npos) return false;
    ++at;
  }
  return true;
}

bool is_name_suffix(std::string_view w) {
  return w == "Jr" || w == "Sr" || w == "II" || w == "III" || w == "IV";
}

// Party members as a description: "House Republican", "Kentucky Democrat".
bool is_party_word(std::string_view w) {
  return w == "republican" || w == "democrat" || w == "democratic" || w == "conservative" ||
         w == "liberal" || w == "socialist" || w == "labour" || w == "green" || w == "tory";
}

bool is_compass_word(std::string_view w) {
  return w == "north" || w == "south" || w == "east" || w == "west" || w == "northern" ||
         w == "southern" || w == "eastern" || w == "western" || w == "central" || w == "northeast" ||
         w == "northwest" || w == "southeast" || w == "southwest";
}

bool all_caps(std::string_view w) {
  bool letters = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letters |= c >= 'A' && c <= 'Z';
  }
  return letters;
}

// What the word lists say about a capitalised word, computed once per distinct word of the
// event (views into the articles' text, which outlive the cache).
class WordCache {
 public:
  struct Info {
    bool title = false, demonym = false, acronym = false, place = false, month_or_day = false;
    bool org_word = false, role = false;
    bool place_word = false, particle = false, opener = false, speech = false, place_preposition = false;
    bool compass = false, document_or_event = false;
    bool kin = false, pronoun = false, company_has = false, group_noun = false, work_noun = false;
    std::string key;  // spelling_key
  };
  // `term`: the token's (Token::term). Looked up by term, length and capitals, not by text:
  // hashing a number is cheaper, and words of one stem, length and case read alike here.
  const Info& operator()(std::string_view w, uint64_t term) {
    const bool capital = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
    const uint64_t key = (term * 0x9E3779B97F4A7C15ULL) ^ (uint64_t{w.size()} << 2) ^ (capital ? 1 : 0) ^
                         (all_caps(w) ? 2 : 0);
    if (const uint32_t* known = index_.find(key)) return infos_[*known];
    Info i;
    std::string lower = ascii_lower(w);
    const uint32_t classes = word_classes(lower);
    i.title = classes & kTitleWord;
    i.month_or_day = classes & kMonthOrWeekday;
    i.org_word = classes & kOrgWord;
    i.role = classes & kRoleWord;
    i.place_word = classes & kPlaceWord;
    i.particle = classes & kNameParticle;
    i.opener = classes & kOpenerWord;
    i.speech = classes & kSpeechVerb;
    i.place_preposition = classes & kPlacePreposition;
    i.compass = is_compass_word(lower);
    i.document_or_event = classes & kDocumentOrEventWord;
    i.kin = classes & kKinWord;
    i.pronoun = classes & kPersonPronoun;
    i.company_has = classes & kCompanyHas;
    i.group_noun = classes & kGroupNoun;
    i.work_noun = classes & kWorkNoun;
    // Only names need their gazetteer entries and spelling keys: words in lower case are read
    // for the lists above only (speech verbs, roles, prepositions around a name).
    if (!w.empty() && !(w[0] >= 'a' && w[0] <= 'z')) {
      i.demonym = is_demonym(w);
      i.acronym = is_acronym(w);
      i.place = place_kind(w) != PlaceKind::kNone || (all_caps(w) && is_country_code(w));
      i.key = spelling_key(w);
    }
    index_.insert(key, static_cast<uint32_t>(infos_.size()));
    infos_.push_back(std::move(i));
    return infos_.back();
  }

 private:
  std::deque<Info> infos_;  // a deque: the Infos handed out stay where they are
  TermIndex index_;         // key -> position in infos_
};

// Whether the span starting at token k opens a sentence, or a quotation or aside within one.
// Whether `g` is the one character `c` (cheaper than comparing with a one-letter string).
inline bool one(std::string_view g, char c) { return g.size() == 1 && g[0] == c; }

// "the", "a", "an", as written in a sentence or opening it.
bool is_article(std::string_view w) {
  return w == "the" || w == "The" || w == "a" || w == "A" || w == "an" || w == "An";
}

bool opens_sentence(const Article& a, const Sentence& s, uint32_t k) {
  if (k == s.first_token) return true;
  const Token& prev = a.tokens[k - 1];
  std::string_view g = a.view(prev.begin + prev.size, a.tokens[k].begin);
  if (one(g, ' ')) return false;
  return g.find_first_of(".!?:;\"(") != std::string_view::npos ||
         g.find("\xE2\x80\x9C") != std::string_view::npos ||  // “
         g.find("\xE2\x80\x94") != std::string_view::npos;    // —
}

// Reads the mentions of one article into `out`, with what the text says of each into
// `candidates` and their words' spelling keys appended to `keys`. `lowercase_terms`: terms the
// event's articles write in lower case somewhere, so that "Although" or "Protests" opening a
// sentence are not names.
void read_mentions(const Article& a, size_t article, WordCache& cache,
                   const TermSet& lowercase_terms, std::vector<Mention>& out,
                   std::vector<Candidate>& candidates, std::vector<const std::string*>& keys) {
  const std::string& text = a.text;
  std::vector<const WordCache::Info*> infos(a.tokens.size(), nullptr);
  for (uint32_t si = 0; si < a.sentences.size(); ++si) {
    const Sentence& s = a.sentences[si];
    if (s.heading || headline_like(a, s)) continue;
    const uint32_t first = s.first_token, last = s.first_token + s.token_count;
    auto gap = [&](uint32_t k) {  // text between token k and k + 1
      const Token& t = a.tokens[k];
      return std::string_view(text).substr(t.begin + t.size, a.tokens[k + 1].begin - t.begin - t.size);
    };
    auto word = [&](uint32_t k) { return a.token_text(a.tokens[k]); };
    auto info = [&](uint32_t k) -> const WordCache::Info& {  // one cache lookup a token
      if (!infos[k]) infos[k] = &cache(word(k), a.tokens[k].term);
      return *infos[k];
    };
    auto capital = [&](uint32_t k) {
      const Token& t = a.tokens[k];
      return (t.flags & Token::kCapitalized) && !(t.flags & Token::kNumber);
    };
    // "X and Y" is one name when the capitalised run after "and" is short and ends the name
    // of an organisation, or an acronym in parentheses follows it ("Alcohol and Drug
    // Office", "Safety and Health (NIOSH)"); "Russia and Belarus" are two.
    auto and_joins = [&](uint32_t k) {
      uint32_t end = k;
      while (end + 1 < last && capital(end + 1) && one(gap(end), ' ') && end < k + 2) ++end;
      if (end + 1 < last && capital(end + 1) && one(gap(end), ' ')) return false;
      if (info(end).org_word) return true;
      return end + 1 < last && gap(end) == " (" && is_acronym(word(end + 1));
    };
    // Bodies named for what they deliberate on: "Committee on Foreign Relations".
    auto deliberative = [&](std::string_view w) {
      return w == "Committee" || w == "Subcommittee" || w == "Commission" || w == "Council" ||
             w == "Conference" || w == "Panel" || w == "Court";
    };
    auto title_in_span = [&](uint32_t from, uint32_t to) {
      for (uint32_t x = from; x <= to; ++x) {
        if (info(x).title) return true;
      }
      return false;
    };
    // A determiner or a possessive before token k, next to it or one word before: "the film",
    // "Disney's new film", "a 2016 film", "the folk band"; not "polls show" (a verb).
    auto determined = [&](uint32_t k) {
      for (uint32_t back = 1; back <= 2 && k >= first + back; ++back) {
        const std::string_view w = word(k - back);
        if (is_article(w) || w == "its" || w == "their" || w == "his" || w == "her") return true;
        bool possessive = false;
        without_possessive(w, &possessive);
        if (possessive) return true;
        if (!one(gap(k - back), ' ')) break;
      }
      return false;
    };
    // What the words around an untitled name [begin, end] say of its kind (see Candidate).
    auto read_kind_signs = [&](uint32_t begin, uint32_t end, bool possessive, Candidate& c) {
      if (begin > first && one(gap(begin - 1), ' ')) {
        const uint32_t k = begin - 1;
        const std::string_view w = word(k);
        if (w == "the" || w == "The") {
          c.with_article = true;
        } else if (!capital(k) && info(k).group_noun && determined(k)) {
          c.org_sign = true;
        } else if (!capital(k) && info(k).work_noun && determined(k)) {
          c.work_sign = true;
        }
      }
      if (begin > 0 && end + 1 < a.tokens.size()) {  // "“La La Land”": a title
        const Token& before = a.tokens[begin - 1];
        const std::string_view open = a.view(before.begin + before.size, a.tokens[begin].begin);
        const std::string_view close = gap(end);
        if ((open.ends_with("\"") || open.ends_with("\xE2\x80\x9C")) &&
            (close.starts_with("\"") || close.starts_with("\xE2\x80\x9D"))) {
          c.work_sign = true;
        }
      }
      if (end + 1 >= last) return;
      const std::string_view g = gap(end);
      const WordCache::Info& next = info(end + 1);
      if (one(g, ' ') && !capital(end + 1) && next.company_has) c.org_sign = true;  // "Acme's CEO"
      // A person: "Smith's wife"; "Smith, who"; "Smith, 45,"; "Smith said he" (a pronoun right
      // after the speech verb: further on, or after an object, it stands as often for someone
      // else: "told CNN that he").
      const bool sign =
          (one(g, ' ') && possessive && next.kin) ||
          (g == ", " && (word(end + 1) == "who" ||
                         ((a.tokens[end + 1].flags & Token::kNumber) && a.tokens[end + 1].size <= 2 &&
                          end + 2 < last && gap(end + 1).starts_with(",")))) ||
          (next.speech && end + 2 < last && one(gap(end + 1), ' ') && info(end + 2).pronoun);
      if (!sign || c.after_place_preposition) return;  // "actresses in Hollywood, who"
      // A capitalised word after an article, or an article and an adjective, is a description,
      // whoever it stands for ("the notorious Nazi's wife", "a five-term Republican, says he"):
      // its signs of a person are not its own; nor are a party's ("Chaffetz, a Republican").
      if (begin > first && (is_article(word(begin - 1)) ||
                            (begin > first + 1 && !capital(begin - 1) && is_article(word(begin - 2))))) {
        return;
      }
      if (begin == end) {  // "Republican", "Democrats"
        std::string w = ascii_lower(word(begin));
        if (w.size() > 1 && w.back() == 's') w.pop_back();
        if (is_party_word(w)) return;
      }
      c.person_sign = true;
    };
    // "Nelson County Sheriff's Office", "Children's Hospital of Philadelphia": the possessive
    // of a title, or of a word the event writes in lower case (no organisation or place word),
    // before capitalised words that end in an organisation word (within three) is inside the
    // name; after a name it ends it ("Putin's Kremlin").
    auto office_follows = [&](uint32_t k) {
      if (k + 1 >= last || !one(gap(k), ' ') || !capital(k + 1)) return false;
      bool org_ahead = false;
      for (uint32_t x = k + 1; x < last && x <= k + 3 && capital(x); ++x) {
        if (info(x).org_word) {
          org_ahead = true;
          break;
        }
        if (x + 1 < last && !one(gap(x), ' ')) break;
      }
      if (!org_ahead) return false;
      bool had = false;
      const uint32_t classes = word_classes(ascii_lower(without_possessive(word(k), &had)));
      if (classes & kTitleWord) return true;
      // An organisation or place owns what follows ("Santa Clara County's Department of ...").
      return !(classes & (kOrgWord | kPlaceWord)) && lowercase_terms.contains(a.tokens[k].term);
    };
    // Names transliterated by syllables join the last two with a hyphen, the second in lower
    // case ("Jae-in", "Jong-un", "Kai-shek"): a short syllable after a short capitalised one,
    // a stopword or a word the event never writes alone in lower case, and no further hyphen
    // ("New York-area" and "York-to-Boston" stay apart).
    auto syllable_follows = [&](uint32_t k) {
      const Token& t = a.tokens[k + 1];
      if (capital(k + 1) || a.tokens[k].size > 5 || t.size > 4 || (t.flags & Token::kNumber)) return false;
      const std::string_view w = word(k + 1);
      if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
      if (k + 2 < last && one(gap(k + 1), '-')) return false;
      return (t.flags & Token::kStopword) || !lowercase_terms.contains(t.term);
    };
    for (uint32_t i = first; i < last; ++i) {
      if (!capital(i)) continue;
      uint32_t j = i;
      bool possessive = false;
      without_possessive(word(j), &possessive);
      if (possessive && office_follows(j)) possessive = false;
      while (!possessive && j + 1 < last) {
        std::string_view g = gap(j);
        const bool single = a.tokens[j].size == 1;
        // Initials ("Paul D. Ryan"), "U.S.", and abbreviated titles ("Lt. Col. Mike").
        bool dotted = (single && (g == ". " || (g == "." && a.tokens[j + 1].size == 1))) ||
                      (g == ". " && a.tokens[j].size <= 4 && info(j).title);
        // (The two country codes news writes for the country itself open names as its name
        // would: "US Naval Hospital", "UK Border Force"; other codes are mostly words: "TV", "PM".)
        const bool acronym_then_name = one(g, ' ') && all_caps(word(j)) && a.tokens[j].size >= 2 &&
                                       !all_caps(word(j + 1)) && !info(j + 1).org_word && !info(j + 1).place_word &&
                                       word(j) != "US" && word(j) != "UK";
        if ((one(g, ' ') || one(g, '-') || dotted) && capital(j + 1) && !(a.tokens[j + 1].flags & Token::kStopword) &&
            !acronym_then_name) {
          ++j;  // (a capitalised stopword starts another phrase: "Musashi The Japanese ...")
        } else if (one(g, ' ') && j + 2 < last && a.tokens[j + 1].size <= 4 && !capital(j + 1) &&
                   is_name_particle(word(j + 1)) &&
                   (one(gap(j + 1), ' ') || one(gap(j + 1), '-')) && capital(j + 2)) {
          j += 2;  // "Harry Reid of Nevada", "Riad al-Asaad"
        } else if (one(g, ' ') && j + 3 < last && (word(j + 1) == "of" || word(j + 1) == "for") && word(j + 2) == "the" &&
                   one(gap(j + 1), ' ') && one(gap(j + 2), ' ') && capital(j + 3)) {
          j += 3;
        } else if (one(g, ' ') && j + 2 < last && word(j + 1) == "on" && one(gap(j + 1), ' ') && capital(j + 2) &&
                   deliberative(word(j))) {
          j += 2;  // "House Select Committee on Assassinations"
        } else if (one(g, ' ') && j + 2 < last && word(j + 1) == "and" && one(gap(j + 1), ' ') && capital(j + 2) &&
                   j > i && !info(j).org_word && !title_in_span(i, j) && and_joins(j + 2)) {
          j += 2;  // "National Institute for Occupational Safety and Health (NIOSH)"
        } else if (one(g, '-') && j > i && syllable_follows(j)) {
          ++j;  // "Moon Jae-in", "Kim Jong-un"
        } else {
          break;
        }
        without_possessive(word(j), &possessive);
        if (possessive && office_follows(j)) possessive = false;
      }
      uint32_t span_begin = i, span_end = j;  // tokens, inclusive
      i = j;
      // "Castel Gandolfo Saturday": a day or month after a name is not part of it, nor a
      // particle left at its end ("Freedom Caucus on").
      while (span_end > span_begin && !one(gap(span_end - 1), '-') &&
             (info(span_end).month_or_day || info(span_end).particle || word(span_end) == "on" ||
              word(span_end) == "and")) {
        --span_end;
      }
      // "American Airlines CEO", "Bank of England Governor": a title after an organisation's
      // name is its holder's, not part of the name.
      while (span_end > span_begin + 1 && info(span_end).title && info(span_end - 1).org_word) --span_end;
      // Words that open a sentence are capitalised whatever they are: a stopword ("The",
      // "In") or a word the event writes in lower case elsewhere ("Although", "Protests")
      // is not part of a name; nor is a particle left in front ("of Gadhafi").
      auto particle = [&](uint32_t k) { return a.tokens[k].size <= 4 && info(k).particle; };
      // Sentence openers: conjunctions and adverbs ("Although"), and words the event writes in
      // lower case elsewhere ("Protests") unless an organisation or place word follows
      // ("Cancer Council Victoria").
      auto opener = [&](uint32_t k) {
        if (!opens_sentence(a, s, k)) return false;
        if (info(k).opener) return true;
        if (word(k).ends_with("ly") && a.tokens[k].size > 4) return true;  // "Suddenly", "Apparently"
        if (!lowercase_terms.contains(a.tokens[k].term)) return false;
        if (k < span_end && (info(k + 1).org_word || info(k + 1).place_word)) return false;
        // "Costs: New York City ...": the word begins a listed place.
        if (k < span_end && one(gap(k), ' ')) {
          const Token& next = a.tokens[k + 1];
          const size_t from = a.tokens[k].begin;
          if (place_kind(std::string_view(text).substr(from, next.begin + next.size - from)) != PlaceKind::kNone) {
            return false;
          }
        }
        return true;
      };
      while (span_begin <= span_end && !info(span_begin).title &&
             !(particle(span_begin) && capital(span_begin) && span_begin < span_end) &&  // "Al Jazeera"
             ((a.tokens[span_begin].flags & Token::kStopword) || opener(span_begin))) {
        ++span_begin;
      }
      while (span_begin <= span_end && particle(span_begin) && !capital(span_begin)) ++span_begin;
      if (span_begin > span_end) continue;
      // Lines in capitals ("OSAN AIR BASE, South Korea", "LIKE US ON FACEBOOK") are
      // datelines and banners.
      if (span_end > span_begin && all_caps(word(span_begin)) && all_caps(word(span_begin + 1))) continue;
      // "Mayor Stephanie A. Miner of Syracuse", "Jeffrey Rosen of the National Constitution
      // Center": a person's name ends before "of" when what follows is a place or an
      // organisation and nothing before it names one.
      for (uint32_t k = span_begin + 1; k + 1 <= span_end; ++k) {
        if (word(k) != "of") continue;
        bool org_before = false;
        for (uint32_t x = span_begin; x < k; ++x) org_before |= info(x).org_word || info(x).place_word;
        uint32_t after = k + 1 < span_end && word(k + 1) == "the" ? k + 2 : k + 1;
        bool org_after = info(after).place;  // "Jeff King of Denali Park": a place word too
        for (uint32_t x = after; x <= span_end; ++x) org_after |= info(x).org_word || info(x).place_word;
        if (!org_before && org_after && k - span_begin >= 2) span_end = k - 1;
        break;
      }
      // Peel a title: everything up to the last title word that a name of one to four words
      // follows ("Senate Majority Leader Mitch McConnell", "Russian Defense Minister Sergei
      // Shoigu"); not when an organisation follows ("Defense Ministry").
      uint32_t name_begin = span_begin;
      bool titled = false;
      for (uint32_t k = span_begin; k < span_end; ++k) {
        const WordCache::Info& here = info(k);
        // A capitalised role ("Analyst Marta Ozola") is a title before a name of two words.
        bool title = here.title || (here.role && span_end - k >= 2);
        if (!title || info(k + 1).org_word || info(k + 1).particle) continue;
        if (span_end - k > 4) continue;
        bool org_after = false;
        for (uint32_t x = k + 1; x <= span_end; ++x) org_after |= info(x).org_word;
        if (org_after) continue;
        name_begin = k + 1;
        titled = true;
      }
      // "Senator Harry Reid of Nevada": the place is not part of the name.
      if (titled) {
        for (uint32_t k = name_begin + 1; k + 1 <= span_end; ++k) {
          if (word(k) == "of" && info(k + 1).place) {
            span_end = k - 1;
            break;
          }
        }
      }
      while (name_begin < span_end && (a.tokens[name_begin].flags & Token::kStopword)) ++name_begin;
      bool had_possessive = false;
      std::string_view last_word = without_possessive(word(span_end), &had_possessive);
      uint32_t b = a.tokens[name_begin].begin;
      uint32_t e = a.tokens[span_end].begin + static_cast<uint32_t>(last_word.size());
      const std::string_view surface = std::string_view(text).substr(b, e - b);
      const WordCache::Info& last_info = cache(last_word, a.tokens[span_end].term);
      // Codes and ratings: "BP194", "PG-13"; and a compass word before "of" ("South of the
      // Sahara") names no place of its own.
      {
        bool code = false;
        for (uint32_t x = name_begin; x <= span_end; ++x) {
          std::string_view w = word(x);
          code |= std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
        }
        if (code) continue;
        if (span_end + 2 < last && one(gap(span_end), '-') && (a.tokens[span_end + 1].flags & Token::kNumber)) continue;
        if (name_begin < span_end && is_compass_word(ascii_lower(word(name_begin))) && word(name_begin + 1) == "of") continue;
      }
      // Adjectives of several words: "Central Asian", "South Korean"; and a nationality with one
      // noun is a description, not a name ("Italian Jesuit"; "Russian Defense Ministry" and
      // "British Airways" name organisations).
      if (name_begin < span_end && (last_info.demonym || is_party_word(ascii_lower(last_word)))) continue;
      if (span_end == name_begin + 1 && info(name_begin).demonym && !last_info.org_word && !last_info.place) continue;
      // Party and state tags: "(D-Conn.)", "(R-Wis.)".
      if (a.tokens[name_begin].size == 1 && name_begin < span_end && one(gap(name_begin), '-')) continue;
      {
        const std::string_view w = a.token_text(a.tokens[span_end]);
        const size_t apostrophe = std::min(w.find('\''), w.find("\xE2\x80\x99"));
        if (apostrophe != std::string_view::npos && !had_possessive) continue;  // "I’m", "We’ve"
      }
      // A brand in the possessive ("Carl's Jr.").
      if (had_possessive && span_end + 1 < last && one(gap(span_end), ' ') && capital(span_end + 1) &&
          a.tokens[span_end + 1].size <= 3) {
        continue;
      }
      // One adjective used as a modifier: "Democratic amendment", "Catholic schools". Only
      // suffixes surnames rarely have: "-an" is left alone, "Pashinian discussed" is a man.
      if (name_begin == span_end && span_end + 1 < last && one(gap(span_end), ' ') && !capital(span_end + 1) &&
          !(a.tokens[span_end + 1].flags & (Token::kStopword | Token::kNumber)) &&
          (last_word.ends_with("ic") || last_word.ends_with("ese") || last_word.ends_with("ish")) &&
          !last_info.place) {
        continue;
      }
      // A label, not a name: "Group 1", "Record Group 104".
      if (last_info.org_word && span_end + 1 < last && one(gap(span_end), ' ') &&
          (a.tokens[span_end + 1].flags & Token::kNumber)) {
        continue;
      }
      // Single words that are never names: months, weekdays, demonyms ("Russian").
      if (name_begin == span_end) {
        if (last_info.month_or_day || last_info.demonym || surface.size() < 2) continue;
        if (last_info.compass) continue;  // "South", "Western": a fragment
        if (is_name_suffix(surface)) continue;                 // "Jr", "III"
        // A plural of people by what they do, opening a sentence, is a common noun
        // ("Meteorologists say ...", "Residents fled"); surnames in -s stay ("Karins said").
        if (opens_sentence(a, s, name_begin) && !last_info.place &&
            (surface.ends_with("ists") || surface.ends_with("ians") || surface.ends_with("ants") ||
             surface.ends_with("ents"))) {
          continue;
        }
        if (last_info.title || (surface.size() > 3 && surface.back() == 's' &&
                                is_title_word(ascii_lower(surface.substr(0, surface.size() - 1))))) {
          continue;  // "Minister", "Sens"
        }
        if (a.tokens[name_begin].flags & Token::kStopword) continue;  // "No"
        // A word the event also writes in lower case ("Male", "Mission", "Images"), or a bare
        // organisation, place or event word ("Commission", "Square", "Election"), names
        // nothing by itself; institutions known by one word ("Senate", "Kremlin") do.
        if (lowercase_terms.contains(a.tokens[name_begin].term) && !last_info.place) continue;
        if ((last_info.org_word || last_info.place_word || last_info.document_or_event) &&
            (!is_institution_word(ascii_lower(surface)) ||
             (span_end + 1 < last && one(gap(span_end), ' ') && !capital(span_end + 1) &&
              !(a.tokens[span_end + 1].flags & Token::kStopword)))) {  // "Cabinet posts"
          continue;
        }
        // "SEs", "IDs": plural abbreviations.
        if (surface.size() >= 3 && surface.back() == 's' && all_caps(surface.substr(0, surface.size() - 1))) continue;
        if (a.tokens[name_begin].flags & Token::kStopword) continue;  // "I", "We"
        if (had_possessive && is_stopword(a.language, ascii_lower(last_word))) continue;  // "It's"
      }
      Mention m;
      m.begin = b;
      m.end = e;
      m.sentence = si;
      m.surface = std::string(surface);
      if (titled) {
        std::string role;
        for (uint32_t k = span_begin; k < name_begin; ++k) {
          std::string w(word(k));
          if (is_title_word(ascii_lower(w)) || is_role_word(ascii_lower(w))) w = ascii_lower(w);
          if (!role.empty()) role.push_back(' ');
          role += w;
        }
        m.role = std::move(role);
      }
      Candidate c;
      c.article = article;
      c.index = out.size();
      c.keys_begin = static_cast<uint32_t>(keys.size());
      for (uint32_t k = name_begin; k < span_end; ++k) keys.push_back(&info(k).key);
      keys.push_back(&last_info.key);
      c.keys_end = static_cast<uint32_t>(keys.size());
      c.sentence_initial = opens_sentence(a, s, name_begin);
      for (uint32_t k = name_begin; k <= span_end; ++k) c.common_word |= lowercase_terms.contains(a.tokens[k].term);
      c.acronym = name_begin == span_end && last_info.acronym;
      c.titled = titled;
      for (uint32_t back = 1; back <= 2 && span_begin >= first + back; ++back) {
        const WordCache::Info& before = info(span_begin - back);
        if (before.role && !capital(span_begin - back)) {
          c.role_word = true;
          if (m.role.empty()) m.role = ascii_lower(word(span_begin - back));  // "Geneva mayor Anna Keller"
        }
        // "in Almaty" names a place; "in Medicare fees" uses a name as a modifier.
        const std::string_view w = word(span_begin - back);
        if (back == 1 && before.place_preposition && w != "to" && w != "from" &&
            !(span_end + 1 < last && one(gap(span_end), ' ') && !capital(span_end + 1))) {
          c.after_place_preposition = true;
        }
      }
      if (span_end + 1 < last && info(span_end + 1).speech) c.speaker = true;
      if (!titled) read_kind_signs(name_begin, span_end, had_possessive, c);
      // "Andy Puzder, the chief executive of ...", "Rami Abdel Rahman, head of ...".
      if (span_end + 1 < last && gap(span_end) == ", ") {
        for (uint32_t k = span_end + 1; k < last && k <= span_end + 4; ++k) {
          if (info(k).role || (info(k).title && !capital(k))) {
            c.role_word = true;
            break;
          }
          if (k > span_end + 1 && !one(gap(k - 1), ' ')) break;
        }
      }
      // "Collective Security Treaty Organization (CSTO)".
      if (span_end + 1 < last && gap(span_end) == " (" && is_acronym(word(span_end + 1)) &&
          gap(span_end + 1).substr(0, 1) == ")" && initials_fit(surface, word(span_end + 1))) {
        c.defines = word(span_end + 1);
      }
      out.push_back(std::move(m));
      candidates.push_back(std::move(c));
    }
  }
}

struct Form {  // one distinct key sequence
  std::vector<std::string> keys;
  std::vector<size_t> candidates;
  int person = 0, org = 0, place = 0, other = 0;
  bool noninitial = false;
  bool acronym = false;
  bool strong = false;  // a title, organisation word or gazetteer place
  bool org_word = false, place_word = false, gazetteer = false;  // of its first surface
  bool document_or_event = false;
  bool common_word = false;
  int person_signs = 0, org_signs = 0, work_signs = 0;  // see add_kind_signs
  int said = 0;  // of `person`: the points of a speech verb after it (organisations speak too)
  int articled = 0;  // mentions with "the" before
};

// The signs read around a mention (read_kind_signs), as points of its form. A person's sign
// weighs like a role word; what a company has, a work's noun and "the" count only where nothing
// but a speech verb says person (decided per group, in find_entities).
void add_kind_signs(const Candidate& c, Form& f) {
  if (c.person_sign) f.person += 2, f.person_signs += 1;
  f.org_signs += c.org_sign;
  f.work_signs += c.work_sign;
  f.articled += c.with_article;
}

}  // namespace

int EntityIndex::find(std::string_view words) const {
  std::string key = spelling_key(words);
  for (const auto& [k, e] : lookup) {
    if (k == key) return e;
  }
  for (const auto& [k, e] : lookup) {
    if (same_spelling(k, key)) return e;
  }
  return -1;
}

EntityIndex find_entities(const std::vector<Article>& articles) {
  EntityIndex index;
  index.mentions.resize(articles.size());
  std::vector<Candidate> candidates;
  std::vector<const std::string*> candidate_keys;  // the candidates' keys, a run each (no vector each)
  WordCache cache;
  // Which capitalised words the event also writes in lower case: the terms of each case in
  // one pass over the tokens, then the capitalised ones (fewer) looked up among the others.
  TermSet capitalised_terms, lowercase_seen, lowercase_terms;
  for (const Article& a : articles) {
    for (const Token& t : a.tokens) {
      if (t.flags & Token::kNumber) continue;
      if (t.flags & Token::kCapitalized) {
        capitalised_terms.insert(t.term);
      } else {
        lowercase_seen.insert(t.term);
      }
    }
  }
  capitalised_terms.for_each([&](uint64_t term) {
    if (lowercase_seen.contains(term)) lowercase_terms.insert(term);
  });
  for (size_t a = 0; a < articles.size(); ++a) {
    read_mentions(articles[a], a, cache, lowercase_terms, index.mentions[a], candidates, candidate_keys);
  }

  // Distinct forms, and distinct surfaces (the texts as written, numbered here in text order,
  // where the mentions are read in order, so that entities count them by number below).
  std::vector<Form> forms;
  std::unordered_map<std::string, size_t> form_of;
  std::vector<size_t> candidate_form(candidates.size());
  std::unordered_map<std::string_view, uint32_t> surface_id;
  std::vector<std::string_view> surface_text;
  std::vector<uint32_t> candidate_surface(candidates.size());
  std::vector<const std::string*> candidate_role(candidates.size(), nullptr);
  for (size_t c = 0; c < candidates.size(); ++c) {
    {
      const Mention& m = index.mentions[candidates[c].article][candidates[c].index];
      auto [it, added] = surface_id.try_emplace(m.surface, static_cast<uint32_t>(surface_text.size()));
      if (added) surface_text.push_back(m.surface);
      candidate_surface[c] = it->second;
      if (!m.role.empty()) candidate_role[c] = &m.role;
    }
    const std::span<const std::string* const> cand_keys(candidate_keys.data() + candidates[c].keys_begin,
                                                        candidate_keys.data() + candidates[c].keys_end);
    // (try_emplace, not emplace: no node is made and freed for a form seen before.)
    auto [it, added] = form_of.try_emplace(join_keys(cand_keys), forms.size());
    if (added) {
      forms.emplace_back();
      for (const std::string* k : cand_keys) forms.back().keys.push_back(*k);
    }
    Form& f = forms[it->second];
    f.candidates.push_back(c);
    candidate_form[c] = it->second;
    const Candidate& cand = candidates[c];
    const std::string& surface = index.mentions[cand.article][cand.index].surface;
    if (!cand.sentence_initial) f.noninitial = true;
    if (cand.acronym) f.acronym = true;
    if (cand.titled) f.person += 3, f.strong = true;
    if (cand.role_word) f.person += 2, f.strong = true;
    if (cand.after_place_preposition) f.place += 1;
    if (added) {
      std::vector<RawToken> parts;
      split_words(surface, parts);
      // The head word decides ("Port Authority of Gdynia" is an authority, "Almaty
      // International Airport" an airport): the last word before "of", else the last word.
      std::vector<uint32_t> classes;  // word_classes of each part
      size_t head = SIZE_MAX;
      bool head_found = false;
      for (const RawToken& p : parts) {
        std::string w = ascii_lower(std::string_view(surface).substr(p.begin, p.size));
        classes.push_back(word_classes(w));
        if ((w == "of" || w == "for" || w == "on" || w == "and") && head != SIZE_MAX) head_found = true;
        if (!head_found) head = classes.size() - 1;
      }
      const uint32_t head_classes = head == SIZE_MAX ? 0 : classes[head];
      f.org_word = head_classes & kOrgWord;
      f.place_word = head_classes & kPlaceWord;
      // Laws and events are named things that are neither ("Misuse of Drugs Act", "Winter
      // Olympics").
      f.document_or_event = head_classes & kDocumentOrEventWord;
      for (uint32_t c : classes) {
        if (f.org_word || f.place_word) break;
        f.org_word |= (c & kOrgWord) != 0;
        f.place_word |= (c & kPlaceWord) && !f.org_word;
      }
      f.gazetteer = place_kind(surface) != PlaceKind::kNone ||
                    (cand.acronym && all_caps(surface) && is_country_code(surface));
      // "Southern California", "North Dakota": a compass word makes a region. Last, it is
      // more often a surname ("Kanye West", "Oliver North") unless a word of direction or
      // distance comes before it ("Middle East", "Pacific Northwest").
      for (size_t k = 0; k < parts.size() && parts.size() > 1 && !f.org_word; ++k) {
        const std::string word = ascii_lower(std::string_view(surface).substr(parts[k].begin, parts[k].size));
        if (!is_compass_word(word)) continue;
        if (k + 1 < parts.size()) {
          f.place_word = true;
        } else {
          const std::string before =
              ascii_lower(std::string_view(surface).substr(parts[k - 1].begin, parts[k - 1].size));
          f.place_word |= before == "middle" || before == "far" || before == "near" || before == "pacific" ||
                          before == "deep" || before == "wild" || before == "old" || is_compass_word(before);
        }
      }
      f.common_word = cand.common_word;
    }
    const bool org_word = f.org_word, place_word = f.place_word;
    if (f.gazetteer) f.place += 5, f.strong = true;
    if (f.document_or_event) f.other += 10, f.strong = true;
    if (place_word) f.place += 4, f.strong = true;
    else if (org_word) f.org += 5, f.strong = true;
    if (cand.acronym) f.org += 1;
    // A speech verb after a single word says little (organisations speak too: "Avaaz said").
    if (cand.speaker && !org_word && !cand.acronym && f.keys.size() > 1) f.person += 1, f.said += 1;
    add_kind_signs(cand, f);
  }

  UnionFind groups(forms.size());
  // Acronyms defined in parentheses, and acronyms matching the initials of one name.
  std::unordered_map<std::string, size_t> acronym_form;
  for (size_t f = 0; f < forms.size(); ++f) {
    if (forms[f].acronym) acronym_form[forms[f].keys[0]] = f;
  }
  for (size_t c = 0; c < candidates.size(); ++c) {
    if (candidates[c].defines.empty()) continue;
    auto it = acronym_form.find(spelling_key(candidates[c].defines));
    if (it != acronym_form.end()) groups.join(it->second, candidate_form[c]);
  }
  std::unordered_map<std::string, std::vector<size_t>> by_initials;
  for (size_t f = 0; f < forms.size(); ++f) {
    if (forms[f].keys.size() < 2) continue;
    const Candidate& c = candidates[forms[f].candidates[0]];
    const std::string& surface = index.mentions[c.article][c.index].surface;
    std::vector<RawToken> parts;
    split_words(surface, parts);
    std::string initials;
    for (const RawToken& p : parts) {
      std::string_view w = std::string_view(surface).substr(p.begin, p.size);
      if (is_name_particle(w) || w == "the") continue;
      initials.push_back(w[0]);
    }
    by_initials[spelling_key(initials)].push_back(f);
  }
  for (const auto& [key, f] : acronym_form) {
    auto it = by_initials.find(key);
    if (it != by_initials.end() && it->second.size() == 1 && forms[it->second[0]].org > 0) {
      groups.join(f, it->second[0]);
    }
  }
  // Multi-word names equal word by word (Qasym-Zhomart Toqaev = Kassym-Jomart Tokayev), and
  // a name with and without nationality or place words in front.
  std::unordered_map<std::string, std::vector<size_t>> by_last;  // last word's key -> forms
  for (size_t f = 0; f < forms.size(); ++f) by_last[forms[f].keys.back()].push_back(f);
  // Compared within buckets of one word count and one first letter of the last word (keys
  // fold transliterations, so variants share it): pairs across buckets never match.
  std::map<std::pair<size_t, char>, std::vector<size_t>> buckets;
  for (size_t f = 0; f < forms.size(); ++f) {
    if (!forms[f].keys.back().empty()) buckets[{forms[f].keys.size(), forms[f].keys.back()[0]}].push_back(f);
  }
  for (auto& [bucket, list] : buckets) {
    // Spellings one edit apart differ in length by one at most: sorted by length, each form
    // is compared with its near neighbours only.
    std::sort(list.begin(), list.end(), [&](size_t x, size_t y) {
      return forms[x].keys.back().size() < forms[y].keys.back().size();
    });
    for (size_t x = 0; x < list.size(); ++x) {
      for (size_t y = x + 1; y < list.size(); ++y) {
        const auto& a = forms[list[x]].keys;
        const auto& b = forms[list[y]].keys;
        if (b.back().size() > a.back().size() + 1) break;
        // "Mercers" is the family, not a spelling of "Mercer".
        auto plural_of = [](const std::string& plural, const std::string& one) {
          return plural.size() == one.size() + 1 && plural.back() == 's' && plural.compare(0, one.size(), one) == 0;
        };
        if (a.size() == 1 && (plural_of(b[0], a[0]) || plural_of(a[0], b[0]))) continue;
        // A single word one edit from another is a misspelling only when long ("Shaimukhambetow");
        // short ones are other names ("Jackson", "Jacksen" may be two people).
        if (a.size() == 1 && a[0] != b[0] && a[0].size() < 8) continue;
        if (!same_spelling(a.back(), b.back())) continue;
        bool same = true;
        for (size_t k = 0; k < a.size() && same; ++k) same = same_spelling(a[k], b[k]);
        if (same) groups.join(list[x], list[y]);
      }
    }
  }
  for (size_t f = 0; f < forms.size(); ++f) {
    const auto& keys = forms[f].keys;
    if (keys.size() < 3) continue;
    // "Russian Defense Ministry" -> "Defense Ministry" when that form exists.
    std::string rest = join_keys(std::span<const std::string>(keys), 1);
    auto it = form_of.find(rest);
    if (it == form_of.end()) continue;
    const Candidate& c = candidates[forms[f].candidates[0]];
    const std::string& surface = index.mentions[c.article][c.index].surface;
    std::string first_word = surface.substr(0, surface.find_first_of(" -"));
    if (is_demonym(first_word) || place_kind(first_word) != PlaceKind::kNone) groups.join(f, it->second);
  }
  // "Republicans", "Ramseys": the plural of a name the event also uses is a group of its
  // bearers, not an entity of its own.
  std::vector<bool> plural_of_name(forms.size(), false);
  for (size_t f = 0; f < forms.size(); ++f) {
    const std::string& key = forms[f].keys.back();
    if (forms[f].keys.size() != 1 || key.size() < 4 || key.back() != 's') continue;
    const std::string singular = key.substr(0, key.size() - 1);
    plural_of_name[f] = by_last.count(singular) > 0;
  }

  // A surname alone: the person named in full whose last word it is (the same key), the one
  // named in the most of the same articles; none when two people share the surname equally
  // ("Ramsey" with John, Patsy and Burke Ramsey).
  for (size_t f = 0; f < forms.size(); ++f) {
    if (forms[f].keys.size() != 1 || forms[f].acronym || forms[f].org >= 5 || plural_of_name[f]) continue;
    // A surname that is also a place ("Duarte", "Nelson") is still the surname of a person
    // named in full in the same articles; otherwise a place stays a place.
    const bool place = forms[f].place >= 5;
    auto it = by_last.find(forms[f].keys[0]);
    if (it == by_last.end() ||
        std::none_of(it->second.begin(), it->second.end(), [&](size_t g) { return forms[g].keys.size() >= 2; })) {
      continue;  // no one is named in full with this surname
    }
    std::set<size_t> articles_of_f;
    for (size_t c : forms[f].candidates) articles_of_f.insert(candidates[c].article);
    std::map<size_t, std::pair<std::set<size_t>, size_t>> by_person;  // group -> (shared articles, mentions)
    for (size_t g : it->second) {
      if (forms[g].keys.size() < 2 || forms[g].org >= 5 || forms[g].place >= 5) continue;
      if (place && forms[g].person < 1) continue;
      auto& [shared, count] = by_person[groups.find(g)];
      for (size_t c : forms[g].candidates) {
        if (articles_of_f.count(candidates[c].article)) shared.insert(candidates[c].article);
      }
      count += forms[g].candidates.size();
    }
    size_t best = forms.size(), best_shared = 0, best_count = 0;
    bool tie = false;
    for (const auto& [root, v] : by_person) {
      const auto& [shared, count] = v;
      if (place && shared.empty()) continue;
      if (shared.size() > best_shared || (shared.size() == best_shared && count > best_count)) {
        tie = best < forms.size() && shared.size() == best_shared && best_shared > 0;
        best = root, best_shared = shared.size(), best_count = count;
      } else if (shared.size() == best_shared && best_shared > 0) {
        tie = true;
      }
    }
    if (best < forms.size() && !tie) {
      groups.join(f, best);
      forms[best].person += 1;
      forms[f].person += 1;
      if (place) forms[f].place = 0, forms[f].person += 5;  // the full name outweighs the gazetteer
    }
  }

  // Entities from groups.
  std::map<size_t, std::vector<size_t>> members;
  for (size_t f = 0; f < forms.size(); ++f) members[groups.find(f)].push_back(f);
  struct Built {
    Entity entity;
    std::vector<size_t> forms;
    size_t articles = 0;
  };
  std::vector<Built> built;
  struct SurfaceCount {
    size_t mentions = 0;
    size_t first_seen = SIZE_MAX;
  };
  std::vector<SurfaceCount> surface_count(surface_text.size());  // zero again after each group
  for (const auto& [root, list] : members) {
    if (std::all_of(list.begin(), list.end(), [&](size_t f) { return plural_of_name[f]; })) continue;
    // First what decides whether the group is kept (cheap: its forms' counts), then, for the
    // kept ones only, its spellings and articles.
    int person = 0, org = 0, place = 0, other = 0;
    int said = 0, org_signs = 0, work_signs = 0, articled = 0;
    bool strong = false, noninitial = false;
    size_t mentions = 0;
    for (size_t f : list) {
      person += forms[f].person, org += forms[f].org, place += forms[f].place, other += forms[f].other;
      said += forms[f].said, org_signs += forms[f].org_signs, work_signs += forms[f].work_signs;
      articled += forms[f].articled;
      strong |= forms[f].strong;
      noninitial |= forms[f].noninitial || forms[f].keys.size() > 1;
      mentions += forms[f].candidates.size();
    }
    // A single capitalised word seen only opening sentences is most likely a common word.
    if (!noninitial && !strong) continue;
    // Where nothing but a speech verb says person ("Acme said"), what a company has, a work's
    // noun or quotation marks, and "the" in front, decide: people's names rarely take any.
    const bool said_only = person == said;
    if (said_only) {
      org += 2 * org_signs;
      other += 2 * work_signs;
      if (org_signs + work_signs + articled > 0) person = 0;
    }
    std::string type;
    if (other > 0 && other >= person && other >= org && other >= place) type = "other";
    else if (place >= org && place >= person && place > 0) type = "place";
    else if (org >= person && org > 0) type = "organization";
    else if (person > 0) type = "person";
    // Two or three capitalised words with no sign of an organisation or place are most often
    // a person's name ("Lester Holt anchors ..."); not with "the" in front ("the Daily Beast",
    // "the Super Bowl"): such a name is left out rather than called a person.
    else if (!(said_only && articled > 0) && std::any_of(list.begin(), list.end(), [&](size_t f) {
               return forms[f].keys.size() >= 2 && forms[f].keys.size() <= 3 && !forms[f].acronym &&
                      !forms[f].common_word;  // "Planned Parenthood", "Fighter Wing" are not people
             })) type = "person";
    else type = "other";
    // Kept: named twice or with a clear sign of its kind; and of a known kind (a name the
    // text gives no sign of, typed "other", is left out unless it names a law or an event).
    if (!((mentions >= 2 || strong) && (type != "other" || other > 0))) continue;

    // Each surface of the group with its mentions and its first candidate (text order).
    std::vector<uint32_t> group_surfaces;
    std::vector<size_t> articles_named;
    std::map<std::string, size_t> roles;
    for (size_t f : list) {
      for (size_t c : forms[f].candidates) {
        SurfaceCount& sc = surface_count[candidate_surface[c]];
        if (sc.mentions == 0) group_surfaces.push_back(candidate_surface[c]);
        ++sc.mentions;
        sc.first_seen = std::min(sc.first_seen, c);
        if (candidate_role[c]) ++roles[*candidate_role[c]];
        articles_named.push_back(candidates[c].article);
      }
    }
    std::vector<std::pair<std::string_view, SurfaceCount>> ordered;
    for (uint32_t id : group_surfaces) {
      ordered.emplace_back(surface_text[id], surface_count[id]);
      surface_count[id] = {};
    }
    std::sort(articles_named.begin(), articles_named.end());
    articles_named.erase(std::unique(articles_named.begin(), articles_named.end()), articles_named.end());
    Built b;
    b.forms = list;
    Entity& e = b.entity;
    e.type = type;
    // Canonical: the most used form of the most words (a full name over a surname). Ties go
    // to the earliest article's; first_seen differs between surfaces, so the order is total.
    auto words_in = [](std::string_view s) { return std::count(s.begin(), s.end(), ' ') + 1; };
    std::sort(ordered.begin(), ordered.end(), [&](const auto& x, const auto& y) {
      bool xa = is_acronym(x.first), ya = is_acronym(y.first);
      if (xa != ya) return !xa;  // the expansion over the acronym
      if (e.type == "person" && words_in(x.first) != words_in(y.first)) {
        return words_in(x.first) > words_in(y.first);
      }
      if (x.second.mentions != y.second.mentions) return x.second.mentions > y.second.mentions;
      return x.second.first_seen < y.second.first_seen;
    });
    e.name = std::string(ordered[0].first);
    std::vector<std::pair<std::string_view, SurfaceCount>> rest(ordered.begin() + 1, ordered.end());
    std::sort(rest.begin(), rest.end(), [&](const auto& x, const auto& y) {
      return x.second.mentions != y.second.mentions ? x.second.mentions > y.second.mentions
                                                     : x.second.first_seen < y.second.first_seen;
    });
    for (const auto& [s, n] : rest) e.aliases.emplace_back(s);
    e.mentions = mentions;
    e.sources = articles_named;
    b.articles = articles_named.size();
    // Roles, for "the Kazakh president" below.
    for (const auto& [role, n] : roles) e.aliases.push_back("\x01" + role);  // marked: resolved below
    built.push_back(std::move(b));
  }

  // A role ("Kazakh president") given to one person only names that person where the text
  // says "the Kazakh president".
  std::unordered_map<std::string, int> role_owners;
  std::unordered_map<std::string, std::string> role_first_word;  // as written
  for (const Built& b : built) {
    for (const std::string& a : b.entity.aliases) {
      if (a[0] != '\x01') continue;
      std::string role = utf8_lower(a.substr(1));
      ++role_owners[role];
      role_first_word[role] = a.substr(1, a.find(' ') == std::string::npos ? std::string::npos : a.find(' ') - 1);
    }
  }
  // Where the text says "the <role>" ("the Kazakh president"), for the roles of one person
  // only, in the articles naming that person; found by the role's first word as written, then
  // compared in lower case. Cost: the text of the person's articles, once a role.
  std::unordered_map<std::string, const std::vector<size_t>*> role_articles;
  for (const Built& b : built) {
    for (const std::string& a : b.entity.aliases) {
      if (a[0] == '\x01') role_articles[utf8_lower(a.substr(1))] = &b.entity.sources;
    }
  }
  std::set<std::string> roles_in_text;
  for (const auto& [role, owners] : role_owners) {
    size_t space = role.find(' ');
    if (owners != 1 || space == std::string::npos) continue;
    const std::string& first = role_first_word[role];
    for (size_t ai : *role_articles[role]) {
      if (roles_in_text.count(role)) break;
      const std::string& t = articles[ai].text;
      for (size_t at = t.find(first); at != std::string::npos; at = t.find(first, at + 1)) {
        if (at < 4 || ascii_lower(std::string_view(t).substr(at - 4, 4)) != "the ") continue;
        if (ascii_lower(std::string_view(t).substr(at, role.size())) != role) continue;
        size_t after = at + role.size();
        if (after < t.size() && is_letter(static_cast<unsigned char>(t[after]))) continue;
        roles_in_text.insert(role);
        break;
      }
    }
  }
  for (Built& b : built) {
    std::vector<std::string> aliases;
    for (const std::string& a : b.entity.aliases) {
      if (a[0] != '\x01') {
        aliases.push_back(a);
        continue;
      }
      std::string role = utf8_lower(a.substr(1));
      if (b.entity.type == "person" && roles_in_text.count(role)) aliases.push_back("the " + a.substr(1));
    }
    b.entity.aliases = std::move(aliases);
  }

  // Order: most articles, then most mentions (groups not kept were left out above).
  std::vector<size_t> order(built.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    if (built[x].articles != built[y].articles) return built[x].articles > built[y].articles;
    return built[x].entity.mentions > built[y].entity.mentions;
  });
  constexpr size_t kMaxEntities = 60;
  if (order.size() > kMaxEntities) order.resize(kMaxEntities);
  std::vector<int> entity_of_form(forms.size(), -1);
  for (size_t rank = 0; rank < order.size(); ++rank) {
    Built& b = built[order[rank]];
    for (size_t f : b.forms) entity_of_form[f] = static_cast<int>(rank);
    index.entities.push_back(std::move(b.entity));
  }
  for (size_t c = 0; c < candidates.size(); ++c) {
    index.mentions[candidates[c].article][candidates[c].index].entity = entity_of_form[candidate_form[c]];
  }
  for (size_t e = 0; e < index.entities.size(); ++e) {
    const Entity& en = index.entities[e];
    index.lookup.emplace_back(spelling_key(en.name), static_cast<int>(e));
    for (const std::string& a : en.aliases) index.lookup.emplace_back(spelling_key(a), static_cast<int>(e));
  }
  return index;
}

}  // namespace chorus
