#include "facts/quotes.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include "facts/gazetteer.h"
#include "facts/lexicon.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace chorus {
namespace {

struct Span {
  uint32_t open, inner_begin, inner_end, close_end;
};

constexpr std::string_view kLeftDouble = "\xE2\x80\x9C";   // “
constexpr std::string_view kRightDouble = "\xE2\x80\x9D";  // ”
constexpr std::string_view kLowDouble = "\xE2\x80\x9E";    // „
constexpr std::string_view kLeftGuillemet = "\xC2\xAB";    // «
constexpr std::string_view kRightGuillemet = "\xC2\xBB";   // »

// Quotation spans within paragraphs; a quotation left open at the end of its paragraph is
// dropped (its end cannot be known).
std::vector<Span> quotation_spans(std::string_view text) {
  std::vector<Span> out;
  bool open = false;
  bool straight = false;
  uint32_t open_at = 0, inner = 0;
  for (size_t i = 0; i < text.size();) {
    // Only newlines, straight marks and the lead bytes of the curly ones matter.
    // memchr is vectorised: find the nearest of the few bytes that matter.
    size_t next = text.size();
    for (char c : {'\n', '"', '\xE2', '\xC2'}) {
      const void* hit = std::memchr(text.data() + i, c, next - i);
      if (hit) next = static_cast<const char*>(hit) - text.data();
    }
    i = next;
    if (i == text.size()) break;
    std::string_view rest = text.substr(i);
    size_t len = 1;
    if (text[i] == '\n') {
      open = false;
    } else if (rest.starts_with(kLeftDouble) || rest.starts_with(kLowDouble) || rest.starts_with(kLeftGuillemet)) {
      len = rest.starts_with(kLeftGuillemet) ? 2 : 3;
      if (open && !straight && rest.starts_with(kLeftDouble)) {
        // „...“ closes with the German left mark.
        out.push_back(Span{open_at, inner, static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)});
        open = false;
      } else {
        open = true, straight = false;
        open_at = static_cast<uint32_t>(i), inner = static_cast<uint32_t>(i + len);
      }
    } else if (rest.starts_with(kRightDouble) || rest.starts_with(kRightGuillemet)) {
      len = rest.starts_with(kRightGuillemet) ? 2 : 3;
      if (open && !straight) out.push_back(Span{open_at, inner, static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)});
      open = false;
    } else if (text[i] == '"') {
      if (open && straight) {
        out.push_back(Span{open_at, inner, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)});
        open = false;
      } else if (!open) {
        open = true, straight = true;
        open_at = static_cast<uint32_t>(i), inner = static_cast<uint32_t>(i + 1);
      }
    }
    i += len;
  }
  return out;
}

bool pronoun(std::string_view w) { return w == "he" || w == "she" || w == "they"; }

bool adverb(std::string_view w) {
  return (w.size() > 3 && w.ends_with("ly")) || w == "earlier" || w == "also" || w == "later" ||
         w == "then" || w == "again" || w == "once" || w == "previously" || w == "even" ||
         w == "has" || w == "had" || w == "have" || w == "was" || w == "is";
}

// Nouns that stand for a speaker named before: "the statement added".
bool stand_in(std::string_view w) {
  return w == "statement" || w == "ministry" || w == "spokesman" || w == "spokeswoman" ||
         w == "spokesperson" || w == "official" || w == "report" || w == "agency" ||
         w == "office" || w == "government" || w == "company" || w == "police" ||
         w == "president" || w == "minister" || w == "leader" || w == "department";
}

class Reader {
 public:
  Reader(const Article& a, const std::vector<Mention>& mentions, const EntityIndex& entities,
         const std::vector<Span>& spans)
      : a_(a), mentions_(mentions), entities_(entities), spans_(spans) {}

  // First token starting at or after byte `offset`.
  uint32_t token_at(uint32_t offset) const {
    auto it = std::lower_bound(a_.tokens.begin(), a_.tokens.end(), offset,
                               [](const Token& t, uint32_t o) { return t.begin < o; });
    return static_cast<uint32_t>(it - a_.tokens.begin());
  }
  uint32_t sentence_at(uint32_t offset) const {
    auto it = std::upper_bound(a_.sentences.begin(), a_.sentences.end(), offset,
                               [](uint32_t o, const Sentence& s) { return o < s.begin; });
    return it == a_.sentences.begin() ? 0 : static_cast<uint32_t>(it - a_.sentences.begin() - 1);
  }
  std::string lower(uint32_t k) const { return utf8_lower(a_.token_text(a_.tokens[k])); }
  // Spans are in text order and do not overlap: a binary search finds the one that may
  // hold `offset`.
  bool in_quote(uint32_t offset) const {
    auto it = std::upper_bound(spans_.begin(), spans_.end(), offset,
                               [](uint32_t o, const Span& s) { return o < s.open; });
    return it != spans_.begin() && offset < std::prev(it)->close_end;
  }
  // The mention starting at token k, if any (mentions are in text order).
  const Mention* mention_at(uint32_t k) const {
    uint32_t b = a_.tokens[k].begin;
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), b,
                               [](const Mention& m, uint32_t o) { return m.begin < o; });
    return it != mentions_.end() && it->begin == b ? &*it : nullptr;
  }
  // A mention whose title starts at token k ("Senator Bob Corker": the mention is "Bob
  // Corker", its role "Senator"), within three words; or null.
  const Mention* titled_mention_near(uint32_t k) const {
    uint32_t limit = a_.tokens[std::min<size_t>(a_.tokens.size() - 1, k + 3)].begin;
    for (const Mention& m : mentions_) {
      if (m.begin <= a_.tokens[k].begin) continue;
      if (m.begin > limit) break;
      return m.role.empty() ? nullptr : &m;
    }
    return nullptr;
  }
  // The mention ending at token k (its last token), if any.
  const Mention* mention_ending_at(uint32_t k) const {
    const Token& t = a_.tokens[k];
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), t.begin + t.size + 1,
                               [](const Mention& m, uint32_t o) { return m.begin < o; });
    while (it != mentions_.begin()) {
      --it;
      if (it->end <= t.begin) break;
      if (it->end <= t.begin + t.size) return &*it;
    }
    return nullptr;
  }
  // A person: by its entity's type; a name left out of the entities (named once, without a
  // sign of its kind) counts when it has a role or several words ("Rancher Cliven Bundy").
  bool is_person(const Mention& m) const {
    return m.entity >= 0 ? entities_.entities[m.entity].type == "person"
                         : !m.role.empty() || m.surface.find(' ') != std::string::npos;
  }
  // Who "he" or "she" at byte `offset` is: the first person named (outside quotations) in the
  // nearest sentence before it that names one, the sentence's subject more often than not
  // ("Gorsuch praised Scalia. “...,” he said.").
  // A listener ("told the Iditarod Insider") or the place or outlet where something was said
  // is not who "he" is.
  const Mention* person_before(uint32_t offset) const {
    const Mention* best = nullptr;
    uint32_t best_sentence = UINT32_MAX;
    for (const Mention& m : mentions_) {
      if (m.begin >= offset) break;
      if (!is_person(m) || in_quote(m.begin) || where_said(m) || listener(m)) continue;
      if (m.sentence != best_sentence) best = &m, best_sentence = m.sentence;
    }
    return best;
  }
  // Lower-case role words right after a mention (" press secretary"), or "".
  std::string role_words_after(const Mention& m) const {
    std::string words;
    uint32_t k = token_at(m.end);
    for (uint32_t n = 0; k < a_.tokens.size() && n < 3; ++k, ++n) {
      const Token& t = a_.tokens[k];
      std::string_view gap = a_.view(k == token_at(m.end) ? m.end : a_.tokens[k - 1].begin + a_.tokens[k - 1].size, t.begin);
      if (gap != " " || (t.flags & Token::kCapitalized)) break;
      words += " " + std::string(a_.token_text(t));
      if (is_role_word(lower(k))) return words;
    }
    return "";
  }
  // Whether the mention follows "on", "to", "in", "at" or "with" (the): the place or outlet
  // where something was said ("said on Good Morning America"), not who said it.
  bool where_said(const Mention& m) const {
    uint32_t k = token_at(m.begin);
    if (k == 0) return false;
    std::string prev = lower(k - 1);
    if (prev == "the" && k >= 2) prev = lower(k - 2);
    return prev == "on" || prev == "to" || prev == "in" || prev == "at" || prev == "with";
  }
  // Whether the mention follows "told" or "asked" (the): the one spoken to.
  bool listener(const Mention& m) const {
    uint32_t k = token_at(m.begin);
    if (k == 0) return false;
    std::string prev = lower(k - 1);
    if (prev == "the" && k >= 2) prev = lower(k - 2);
    return prev == "told" || prev == "tells" || prev == "asked";
  }
  bool is_place(const Mention& m) const {
    return m.entity >= 0 && entities_.entities[m.entity].type == "place";
  }
  void set_speaker(const Mention& m, QuoteFound& q, bool named_here = true) const {
    // "Pashinian's press office said": the office speaks, not Pashinian (where the name
    // stands before the verb, not where a pronoun refers to it).
    std::string_view after = std::string_view(a_.text).substr(m.end, 3);
    if (named_here && (after.starts_with("'s ") || std::string_view(a_.text).substr(m.end, 5) == "\xE2\x80\x99s ")) {
      uint32_t k = token_at(m.end + (after[0] == '\'' ? 3 : 5));
      std::string words = std::string(a_.view(m.begin, m.end)) + std::string(a_.view(m.end, a_.tokens[k].begin));
      const size_t first = k;
      for (; k < a_.tokens.size() && k < first + 3 && !is_speech_verb(lower(k)) &&
             !(a_.tokens[k].flags & Token::kCapitalized); ++k) {
        words += std::string(a_.token_text(a_.tokens[k])) + " ";
      }
      if (k == a_.tokens.size() || !is_speech_verb(lower(k))) return;  // not "X's office said"
      while (!words.empty() && words.back() == ' ') words.pop_back();
      q.entity = -1;
      q.speaker = words;
      return;
    }
    q.entity = m.entity;
    q.speaker = m.entity >= 0 ? entities_.entities[m.entity].name : m.surface;
  }
  // Lower-case words naming a speaker ("the statement", "officials") from tokens [b, e).
  void set_words(uint32_t b, uint32_t e, const QuoteFound* previous, QuoteFound& q) const {
    if (b >= e) return;
    std::string words;
    for (uint32_t k = b; k < e; ++k) words += (words.empty() ? "" : " ") + std::string(a_.token_text(a_.tokens[k]));
    std::string first = lower(b), head = lower(e - 1);
    if (first == "the" || first == "a" || first == "an") {
      int e_index = entities_.find(std::string_view(words).substr(words.find(' ') + 1));
      if (e_index >= 0) {
        q.speaker = entities_.entities[e_index].name, q.entity = e_index;
        return;
      }
      if (!stand_in(head)) return;
      // "the statement added": the organisation named last before it; "the president
      // said": the person named last with that title.
      bool person_word = head == "spokesman" || head == "spokeswoman" || head == "spokesperson" ||
                         head == "official" || head == "president" || head == "minister" || head == "leader";
      const Mention* last = nullptr;
      for (const Mention& m : mentions_) {
        if (m.begin >= a_.tokens[b].begin) break;
        if (m.entity < 0 || in_quote(m.begin)) continue;
        const std::string& type = entities_.entities[m.entity].type;
        if (person_word ? (type == "person" && m.role.find(head) != std::string::npos) : type == "organization") {
          last = &m;
        }
      }
      if (last) {
        set_speaker(*last, q);
      } else if (previous && !previous->speaker.empty() && !person_word) {
        q.speaker = previous->speaker, q.entity = previous->entity;
      }
      return;
    }
    // "Russian defence ministry" for the Russian Defense Ministry.
    if (int e_index = entities_.find(words); e_index >= 0) {
      q.speaker = entities_.entities[e_index].name, q.entity = e_index;
      return;
    }
    // "officials", "witnesses": plural nouns naming a group speak for themselves.
    if (e - b <= 2 && head.size() > 3 && head.back() == 's' && !(a_.tokens[e - 1].flags & Token::kStopword)) {
      q.speaker = words;
    }
  }

  const Article& a_;
  const std::vector<Mention>& mentions_;
  const EntityIndex& entities_;
  const std::vector<Span>& spans_;
};

std::string clean_quote(std::string_view inner) {
  // Most quotations have plain single spaces: normalise only those that need it.
  const bool plain = std::all_of(inner.begin(), inner.end(), [](char c) { return c != '\n' && c != '\t' && (c & 0x80) == 0; }) &&
                     inner.find("  ") == std::string_view::npos;
  std::string s = plain ? std::string(inner) : normalize_spaces(inner);
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  while (!s.empty() && (s.back() == ',' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

ArticleQuotes find_quotes(const std::vector<Article>& articles, size_t article, const EntityIndex& entities) {
  ArticleQuotes out;
  const Article& a = articles[article];
  if (a.tokens.empty()) return out;
  std::vector<Span> spans = quotation_spans(a.text);
  Reader r(a, entities.mentions[article], entities, spans);
  const uint32_t n_tokens = static_cast<uint32_t>(a.tokens.size());
  for (const Span& span : spans) {
    // Its words, counted from the article's tokens.
    const uint32_t first_word = r.token_at(span.inner_begin), end_word = r.token_at(span.inner_end);
    const uint32_t word_count = end_word > first_word ? end_word - first_word : 0;
    if (word_count == 0) continue;
    std::string text = clean_quote(std::string_view(a.text).substr(span.inner_begin, span.inner_end - span.inner_begin));
    if (word_count <= 3) {
      std::string scare = utf8_lower(text);
      while (!scare.empty() && std::string_view(".,;:!?").find(scare.back()) != std::string_view::npos) scare.pop_back();
      if (!scare.empty()) out.scare_quotes.push_back(std::move(scare));
      continue;
    }
    QuoteFound q;
    q.text = text;
    q.begin = span.open;
    q.end = span.close_end;
    q.sentence = r.sentence_at(span.open);
    const QuoteFound* previous = out.quotes.empty() ? nullptr : &out.quotes.back();

    // After the quotation: “...,” said X / “...,” X said / “...,” he added / “...,” the
    // statement added. Stop at the end of the sentence or another quotation.
    uint32_t t0 = r.token_at(span.close_end);
    auto stops_before = [&](uint32_t k) {
      std::string_view between = std::string_view(a.text).substr(
          k == t0 ? span.close_end : a.tokens[k - 1].begin + a.tokens[k - 1].size,
          a.tokens[k].begin - (k == t0 ? span.close_end : a.tokens[k - 1].begin + a.tokens[k - 1].size));
      return between.find_first_of(".!?\n\"") != std::string_view::npos ||
             between.find(kLeftDouble) != std::string_view::npos;
    };
    if (t0 < n_tokens && !stops_before(t0)) {
      std::string w0 = r.lower(t0);
      // "told anchor Chris Cuomo": after "told" or "asked" comes the listener, not the speaker.
      const bool to_listener = w0 == "told" || w0 == "tells" || w0 == "asked" || w0 == "urged";
      // "..., adding that his counterpart Tokayev ...": a participle, or a verb with "that"
      // after it, reports more speech by the same speaker; the name after it is someone else.
      const bool reporting = w0.ends_with("ing") ||
                             (t0 + 1 < n_tokens && (r.lower(t0 + 1) == "that"));
      if (is_speech_verb(w0) && !to_listener && !reporting) {
        // "said Russian General Andrei Serdyukov", "said a Russian Defense Ministry statement":
        // a name starting within the four words after the verb, in the same sentence.
        // A person first ("said Geneva mayor Anna Keller", "said CNN senior political analyst
        // David Gergen"), else any name that is no place; within seven words.
        uint32_t limit = a.tokens[std::min(n_tokens - 1, t0 + 7)].begin;
        const Mention* chosen = nullptr;
        for (const Mention& m : r.mentions_) {
          if (m.begin <= a.tokens[t0].begin) continue;
          if (m.begin > limit) break;
          std::string_view between = std::string_view(a.text).substr(span.close_end, m.begin - span.close_end);
          if (between.find_first_of(".!?\n") != std::string_view::npos) break;
          if (r.is_place(m)) continue;
          if (r.where_said(m)) continue;  // "said on Good Morning America"
          if (r.is_person(m)) {
            chosen = &m;
            break;
          }
          if (!chosen) chosen = &m;
        }
        if (chosen) {
          r.set_speaker(*chosen, q);
          // "said the White House press secretary": the organisation's officer, in its words.
          if (!r.is_person(*chosen)) {
            std::string role = r.role_words_after(*chosen);
            if (!role.empty()) q.speaker += role, q.entity = -1;
          }
        }
        if (q.speaker.empty() && t0 + 1 < n_tokens && pronoun(r.lower(t0 + 1))) {
          if (const Mention* m = r.person_before(span.open)) r.set_speaker(*m, q, false);
        }
      } else if (pronoun(w0) && t0 + 1 < n_tokens && is_speech_verb(r.lower(t0 + 1))) {
        if (const Mention* m = r.person_before(span.open)) r.set_speaker(*m, q, false);
      } else if (const Mention* m = r.mention_at(t0) ? r.mention_at(t0) : r.titled_mention_near(t0);
                 m && !r.is_place(*m)) {
        uint32_t after = r.token_at(m->end);
        while (after < n_tokens && after < t0 + 8 && adverb(r.lower(after))) ++after;
        if (after < n_tokens && is_speech_verb(r.lower(after))) r.set_speaker(*m, q);
      } else {
        // "the statement added", "officials said"
        for (uint32_t k = t0 + 1; k < n_tokens && k <= t0 + 3 && !stops_before(k); ++k) {
          if (is_speech_verb(r.lower(k))) {
            r.set_words(t0, k, previous, q);
            break;
          }
          if (a.tokens[k].flags & Token::kCapitalized) break;
        }
      }
    }

    // Before the quotation: "Putin emphasised that “...”", "Tokayev said on Wednesday that
    // allied forces “played ...”", "Putin thanked Shoigu ..., saying, “...”".
    if (q.speaker.empty()) {
      const Sentence& s = a.sentences[q.sentence];
      uint32_t open_token = r.token_at(span.open);
      uint32_t from = std::max(s.first_token, open_token >= 12 ? open_token - 12 : 0);
      for (uint32_t v = open_token; v-- > from;) {
        if (r.in_quote(a.tokens[v].begin) || !is_speech_verb(r.lower(v))) continue;
        // The name just before the verb ("Putin emphasised", "Blinken earlier warned").
        uint32_t k = v;
        while (k > s.first_token && adverb(r.lower(k - 1)) && k + 2 > v) --k;
        if (k > s.first_token) {
          // Not a place, and not the end of an aside ("Pope Francis, a son of immigrants to
          // Argentina, said"): then the sentence's subject below.
          const Mention* m = r.mention_ending_at(k - 1);
          const bool aside = m && a.text.compare(a.tokens[k - 1].begin + a.tokens[k - 1].size, 1, ",") == 0;
          if (m && !r.in_quote(m->begin) && !r.is_place(*m) && !aside) {
            r.set_speaker(*m, q);
            break;
          }
          if (pronoun(r.lower(k - 1))) {
            if (const Mention* m = r.person_before(a.tokens[k - 1].begin)) r.set_speaker(*m, q, false);
            break;
          }
        }
        // Otherwise the sentence's first person named before the verb, else its first
        // organisation ("Russell Liddick of Bikers For Trump said": Liddick speaks).
        const Mention* subject = nullptr;
        for (const Mention& m : r.mentions_) {
          if (m.begin < s.begin || m.begin >= a.tokens[v].begin || r.in_quote(m.begin)) continue;
          if (r.is_place(m)) continue;
          if (r.is_person(m)) {
            subject = &m;
            break;
          }
          if (!subject) subject = &m;
        }
        if (subject) r.set_speaker(*subject, q);
        if (q.speaker.empty()) {
          // "the ministry said that", "officials said"
          uint32_t b = v;
          while (b > s.first_token && b + 4 > v &&
                 (!(a.tokens[b - 1].flags & Token::kCapitalized) || is_demonym(a.token_text(a.tokens[b - 1]))) &&
                 std::string_view(a.text).substr(a.tokens[b - 1].begin + a.tokens[b - 1].size,
                                                 a.tokens[b].begin - a.tokens[b - 1].begin - a.tokens[b - 1].size) == " ") {
            --b;
            if (r.lower(b) == "the" || r.lower(b) == "a") break;
          }
          if (b < v) r.set_words(b, v, previous, q);
        }
        break;
      }
    }
    if (q.speaker.empty()) continue;
    out.quotes.push_back(std::move(q));
  }
  return out;
}

bool inside_quotation(std::string_view text, uint32_t from, uint32_t at) {
  int straight = 0, curly = 0;
  std::string_view s = text.substr(from, at - from);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') ++straight;
    if (s.substr(i, 3) == kLeftDouble) ++curly;
    if (s.substr(i, 3) == kRightDouble) --curly;
  }
  return straight % 2 == 1 || curly > 0;
}

}  // namespace chorus
