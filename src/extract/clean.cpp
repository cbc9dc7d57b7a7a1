#include "extract/clean.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/metadata.h"
#include "text/language.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace chorus {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Words of page interface text: menus, prompts, sharing, counters' labels. A short line made
// mostly of them is interface, not story. Lower case; several languages.
const WordSet& interface_words() {
  static const WordSet words = {
      "home", "menu", "category", "categories", "search", "login", "logout", "log", "sign",
      "signup", "register", "account", "profile", "subscribe", "subscription", "subscribers",
      "unsubscribe", "newsletter", "newsletters", "share", "shares", "tweet", "facebook",
      "twitter", "whatsapp", "telegram", "linkedin", "pinterest", "reddit", "vk", "email",
      "e-mail", "print", "comment", "comments", "related", "tags", "tag", "top", "support",
      "donate", "donation", "donations", "advertisement", "advertising", "ads", "sponsored",
      "loading", "cookie", "cookies", "privacy", "policy", "terms", "contact", "contacts",
      "follow", "rss", "feed", "app", "apps", "download", "video", "videos", "photos",
      "gallery", "live", "tv", "radio", "podcast", "podcasts", "watch", "listen", "more",
      "next", "previous", "prev", "back", "skip", "navigation", "close", "toggle", "latest",
      "popular", "trending", "sitemap", "archive", "archives", "edition", "settings",
      "notifications", "premium", "click", "here", "posts", "post", "read", "headlines",
      "news", "feedback", "faq", "help", "imprint", "impressum", "careers", "jobs", "shop",
      "store", "copyright", "reserved", "rights", "accept", "menü", "suche", "startseite",
      "teilen", "abonnieren", "anmelden", "werbung", "anzeige", "kommentare", "kommentar",
      "accueil", "recherche", "partager", "publicité", "commentaires", "connexion",
      "inicio", "buscar", "compartir", "suscribirse", "suscríbete", "publicidad",
      "comentarios", "главная", "меню", "поиск", "поделиться", "подписаться", "реклама",
      "комментарии", "войти", "новости", "рубрики",
  };
  return words;
}

// Whole lines that mark an advertisement slot.
const WordSet& ad_markers() {
  static const WordSet words = {"advertisement", "advertising", "ad", "ads", "sponsored",
                                "sponsored content", "paid content", "anzeige", "werbung",
                                "publicité", "publicidad", "реклама", "annonce", "pub"};
  return words;
}

// Prefixes of photo and image credit lines ("Image: Name/AFP", "IMAGE SOURCE: TASS").
constexpr std::array kCreditPrefixes = {
    "image:", "images:", "photo:", "photos:", "picture:", "pictures:", "credit:", "credits:",
    "image source:", "photo credit:", "photo credits:", "image credit:", "source:",
    "photograph:", "foto:", "fotos:", "bild:", "bildquelle:", "quelle:", "фото:",
    "источник:", "crédit photo:", "crédits photo:", "©", "(c) ", "photo by ", "image by ",
    "photo courtesy", "pictured:", "illustration:"};

// Prefixes of links to other articles left in the text.
constexpr std::array kRelatedPrefixes = {
    "read more", "read also", "also read", "see also", "related:", "more:", "watch:",
    "listen:", "recommended:", "read next", "more on this", "читайте также", "смотрите также",
    "lesen sie auch", "mehr zum thema", "lire aussi", "à lire aussi", "lea también",
    "leer más", "te puede interesar"};

// Words that, outside quotation marks, make a sentence a prompt or a legal notice rather
// than story: addressed to the reader, or about the page's rights and data.
const WordSet& notice_words() {
  static const WordSet words = {
      "you", "your", "yours", "please", "click", "subscribe", "newsletter", "donate",
      "copyright", "reserved", "permission", "reproduced", "disseminated", "republished",
      "redistributed", "cookies", "sie", "ihre", "vous", "votre", "usted", "su", "вы", "ваш"};
  return words;
}

// Languages whose stopwords are compared when looking for a line in another language.
constexpr std::array kCommonLanguages = {"en", "de", "fr", "es", "it", "pt", "nl", "ru",
                                         "pl", "tr", "sv", "uk"};

bool starts_with_any(std::string_view s, const auto& prefixes) {
  for (std::string_view p : prefixes) {
    if (s.size() >= p.size() && s.substr(0, p.size()) == p) return true;
  }
  return false;
}

bool ends_sentence(std::string_view s) {
  // Strip closing quotes and brackets, then look for . ! ? or an ellipsis.
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||  // ”
                                 s.substr(s.size() - 3) == "\xE2\x80\x99")) {  // ’
      s.remove_suffix(3);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB") {  // »
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?') return true;
  return s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\xA6" ||  // …
                           s.substr(s.size() - 3) == "\xE3\x80\x82");   // 。
}

// Removes text inside quotation marks, so that a quote's "you" does not make a story line
// look like a prompt to the reader.
std::string outside_quotes(std::string_view s) {
  std::string out;
  bool inside = false;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t c = utf8_next(s, i);
    bool quote = c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB ||
                 c == 0x201E;
    if (quote) {
      inside = !inside;
      out.push_back(' ');
      continue;
    }
    if (!inside) out.append(s.substr(start, i - start));
  }
  return out;
}

// Decodes the HTML entities that leak into scraped text: &amp; &nbsp; &#8217; &#x2019; ...
std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  static const std::unordered_map<std::string_view, char32_t> named = {
      {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},     {"ndash", 0x2013},  {"mdash", 0x2014},
      {"rsquo", 0x2019},  {"lsquo", 0x2018},  {"rdquo", 0x201D},  {"ldquo", 0x201C},
      {"hellip", 0x2026}, {"laquo", 0xAB},    {"raquo", 0xBB},    {"copy", 0xA9}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      size_t semi = s.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 10) {
        std::string_view name = s.substr(i + 1, semi - i - 1);
        char32_t c = 0;
        if (!name.empty() && name[0] == '#') {
          bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
          std::string digits(name.substr(hex ? 2 : 1));
          if (!digits.empty() && digits.size() <= 6 &&
              std::all_of(digits.begin(), digits.end(), [&](char ch) {
                return hex ? std::isxdigit(static_cast<unsigned char>(ch)) != 0
                           : std::isdigit(static_cast<unsigned char>(ch)) != 0;
              })) {
            c = static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10));
            if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0;
          }
        } else if (auto it = named.find(name); it != named.end()) {
          c = it->second;
        }
        if (c != 0) {
          utf8_append(out, c);
          i = semi;
          continue;
        }
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

struct Line {
  std::string text;
  std::string lower;
  std::vector<std::string> words;  // lower-cased words
  int numbers = 0;
  int stop = 0;     // stopwords of the article's language
  int content = 0;  // words that are not stopwords
  int ui = 0;       // words of interface vocabulary
  bool end_punct = false;
  std::string why;  // non-empty: removed, for this reason

  bool kept() const { return why.empty(); }
  int word_count() const { return static_cast<int>(words.size()); }
};

class Cleaner {
 public:
  Cleaner(std::string_view text, const CleanOptions& options) : options_(options) {
    split_lines(text);
    script_ = dominant_script(text).script;
  }

  CleanedText run() {
    for (size_t i = 0; i < lines_.size(); ++i) classify(i);
        mark_short_token_runs();
    find_headline();
    mark_repeats();
    mark_navigation();
    mark_tail();
        CleanedText out;
    out.headline = headline_;
    for (Line& l : lines_) {
      if (l.kept()) {
        out.paragraphs.push_back(std::move(l.text));
      } else if (l.why != "headline") {
        out.removed.push_back({std::move(l.text), std::move(l.why)});
      }
    }
    return out;
  }

 private:
  void split_lines(std::string_view text) {
    std::vector<std::string> raw;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
        raw.push_back(normalize_spaces(decode_entities(text.substr(start, i - start))));
        if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
      }
    }
    // Join hard-wrapped lines: a long line without final punctuation continued by a line
    // starting in lower case, with no blank line between.
    for (size_t i = 0; i < raw.size(); ++i) {
      std::string& s = raw[i];
      if (s.empty()) continue;
      if (!lines_.empty() && joins_previous_) {
        size_t k = 0;
        char32_t first = utf8_next(s, k);
        if (is_letter(first) && !is_upper(first)) {
          lines_.back().text += ' ';
          lines_.back().text += s;
          joins_previous_ = lines_.back().text.size() >= 40 && !ends_sentence(lines_.back().text);
          continue;
        }
      }
      Line l;
      l.text = std::move(s);
      lines_.push_back(std::move(l));
      joins_previous_ = lines_.back().text.size() >= 40 && !ends_sentence(lines_.back().text) &&
                        i + 1 < raw.size() && !raw[i + 1].empty();
    }
    for (Line& l : lines_) analyse(l);
  }

  void analyse(Line& l) {
    l.lower = utf8_lower(l.text);
    std::vector<RawToken> tokens;
    split_words(l.lower, tokens);
    for (const RawToken& t : tokens) {
      std::string w = l.lower.substr(t.begin, t.size);
      if (t.number) {
        ++l.numbers;
      } else if (is_stopword(options_.language, w) ||
                 (options_.language != "en" && is_stopword("en", w))) {
        ++l.stop;
      } else {
        ++l.content;
      }
      if (!t.number && interface_words().count(w)) ++l.ui;
      l.words.push_back(std::move(w));
    }
    l.end_punct = ends_sentence(l.text);
  }

  // Rules that look at one line alone.
  void classify(size_t i) {
    Line& l = lines_[i];
    const std::string& s = l.text;
    const std::string& lower = l.lower;
    std::string bare = lower;  // the line without punctuation at its ends
    while (!bare.empty() && std::ispunct(static_cast<unsigned char>(bare.back()))) bare.pop_back();
    while (!bare.empty() && std::ispunct(static_cast<unsigned char>(bare.front()))) bare.erase(0, 1);

    if (l.words.empty()) {
      l.why = "no words";
    } else if (is_code(s)) {
      l.why = "script or tag residue";
    } else if (is_url(s)) {
      l.why = "url";
    } else if (ad_markers().count(bare)) {
      l.why = "ad marker";
    } else if (is_hash(s)) {
      l.why = "hash or id";
    } else if (dateline_date(s, options_.day_first_dates)) {
      l.why = "dateline";
    } else if (is_counter(l)) {
      l.why = "counter";
    } else if (is_gallery_counter(l)) {
      l.why = "gallery counter";
    } else if (is_domain(s)) {
      l.why = "outlet name";
    } else if (starts_with_any(lower, kCreditPrefixes) && l.word_count() <= 14) {
      l.why = "photo credit";
    } else if (is_agency_credit(l)) {
      l.why = "photo credit";
    } else if (starts_with_any(lower, kRelatedPrefixes) && !l.end_punct) {
      l.why = "related link";
    } else if (is_byline(l)) {
      l.why = "byline";
    } else if (is_interface(l)) {
      l.why = "navigation or prompt";
    } else if (in_other_script(l)) {
      l.why = "another script";
    } else if (in_other_language(l)) {
      l.why = "another language";
    } else if (is_positioned_caption(l)) {
      l.why = "photo caption";
    }
  }

  static bool is_code(std::string_view s) {
    if (s.find("<!--") != std::string_view::npos || s.find("-->") != std::string_view::npos ||
        s.rfind("!--", 0) == 0 || s.find("/>") != std::string_view::npos ||
        s.find("</") != std::string_view::npos) {
      return true;
    }
    for (size_t p = s.find('<'); p != std::string_view::npos; p = s.find('<', p + 1)) {
      if (p + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[p + 1]))) {
        size_t close = s.find('>', p);
        if (close != std::string_view::npos && close - p < 200) return true;
      }
    }
    static constexpr std::array kCode = {"function(", "function (", "var ", "window.",
                                         "document.", "datalayer", "gtag(", "=>", "$(",
                                         "@media", "!important", "googletag", "adsbygoogle"};
    int markers = 0;
    for (std::string_view k : kCode) markers += s.find(k) != std::string_view::npos;
    size_t code_chars = 0;
    for (char c : s) code_chars += std::string_view("{}();=<>[]\\|").find(c) != std::string_view::npos;
    if (markers >= 1 && code_chars >= 3) return true;  // "window.dataLayer = ...;"
    return code_chars >= 8 && code_chars * 8 >= s.size();  // dense punctuation of code
  }

  static bool is_url(std::string_view s) {
    // Tokenised corpora space URLs out ("http : / / www . bbc . co . uk / news"): read the
    // line without its spaces when it starts like one.
    std::string joined;
    if (s.find(' ') != std::string_view::npos) {
      if (s.rfind("http", 0) != 0 && s.rfind("www", 0) != 0) return false;
      for (char c : s) {
        if (c != ' ') joined.push_back(c);
      }
      s = joined;
    }
    if (s.find(' ') != std::string_view::npos) return false;
    return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("www.", 0) == 0;
  }

  static bool is_domain(std::string_view s) {
    // "BM.GE", "example.com", "news.example.co.uk": labels of letters, digits and hyphens,
    // the last all letters.
    if (s.size() < 4 || s.size() > 60 || s.find(' ') != std::string_view::npos) return false;
    size_t dot = s.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || s.size() - dot - 1 < 2) return false;
    for (size_t i = dot + 1; i < s.size(); ++i) {
      if (!std::isalpha(static_cast<unsigned char>(s[i]))) return false;
    }
    for (char c : s) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
    }
    return s.find("..") == std::string_view::npos;
  }

  static bool is_hash(std::string_view s) {
    if (s.size() < 8 || s.find(' ') != std::string_view::npos) return false;
    int digits = 0, letters = 0, hex = 0;
    for (char c : s) {
      unsigned char u = static_cast<unsigned char>(c);
      if (std::isdigit(u)) {
        ++digits;
        ++hex;
      } else if (std::isalpha(u)) {
        ++letters;
        hex += std::isxdigit(u) != 0;
      } else if (c != '-' && c != '_') {
        return false;
      }
    }
    bool all_hex = hex == digits + letters;
    return (all_hex && digits >= 2 && letters >= 1) ||
           (s.size() >= 12 && digits >= 3 && letters >= 3);
  }

  static bool is_counter(const Line& l) {
    // A number alone, or with a counter's label: "467", "1.2K views", "35 comments".
    static const WordSet labels = {"views", "view", "comments", "comment", "shares", "share",
                                   "likes", "reads", "k", "m", "просмотров", "просмотра",
                                   "aufrufe", "vues", "vistas", "visitas"};
    if (l.numbers < 1 || l.word_count() > 3) return false;
    for (const std::string& w : l.words) {
      bool number = std::isdigit(static_cast<unsigned char>(w[0]));
      if (!number && !labels.count(w)) return false;
    }
    return l.numbers == 1 || l.word_count() == l.numbers;
  }

  static bool is_gallery_counter(const Line& l) {
    // "7 images1 | 7", "1 of 12", "3/12", "Photo 2 of 10", "12 photos".
    static const WordSet words = {"of", "images", "image", "photos", "photo", "pictures",
                                  "picture", "slides", "slide", "bilder", "фото", "из", "de",
                                  "sur", "von"};
    if (l.numbers < 1 || l.word_count() > 6) return false;
    int labels = 0;
    for (const std::string& w : l.words) {
      bool number = std::isdigit(static_cast<unsigned char>(w[0]));
      if (number) continue;
      // "images1": a label glued to a number
      std::string letters;
      for (char c : w) {
        if (!std::isdigit(static_cast<unsigned char>(c))) letters.push_back(c);
      }
      if (!words.count(letters)) return false;
      ++labels;
    }
    bool has_separator = l.text.find('|') != std::string::npos ||
                         l.text.find('/') != std::string::npos;
    return (l.numbers >= 2 && (labels > 0 || has_separator)) || (l.numbers == 1 && labels > 0);
  }

  // "Name Name/AFP", "Alexei Nikolsky/Kremlin/REUTERS", "Getty Images".
  static bool is_agency_credit(const Line& l) {
    if (l.end_punct || l.word_count() > 8 || l.word_count() < 1) return false;
    if (l.lower.find("getty images") != std::string::npos && l.word_count() <= 6) return true;
    size_t slash = l.text.rfind('/');
    if (slash == std::string::npos || slash + 1 >= l.text.size()) return false;
    std::string_view agency = std::string_view(l.text).substr(slash + 1);
    int upper = 0;
    for (char c : agency) {
      if (std::isupper(static_cast<unsigned char>(c))) ++upper;
      else if (!std::isalpha(static_cast<unsigned char>(c)) && c != ' ' && c != '.') return false;
    }
    return upper >= 2 && l.text.find("://") == std::string::npos;
  }

  static bool is_byline(const Line& l) { return looks_like_byline(l.text); }

  static bool is_interface(const Line& l) {
    if (l.word_count() > 6) return false;
    bool ellipsis = l.text.size() >= 3 && l.text.compare(l.text.size() - 3, 3, "...") == 0;
    if (l.end_punct && !ellipsis) return false;
    if (l.ui == 0) return false;
    return l.ui * 2 >= std::max(l.content, 1);
  }

  bool in_other_script(const Line& l) const {
    ScriptCount sc = dominant_script(l.text);
    if (sc.letters < 2 || script_ == 0) return false;
    return sc.script != script_ && sc.in_script * 10 >= sc.letters * 6;
  }

  // A line in another language than the article's: CLD2 is sure of another language and the
  // stopwords agree, or no stopword of the article's language stands among several of
  // another's.
  bool in_other_language(const Line& l) const {
    if (l.word_count() < 4 || l.word_count() > 25 || !has_stopwords(options_.language)) {
      return false;
    }
    auto hits = [&](std::string_view lang) {
      int n = 0;
      for (const std::string& w : l.words) n += is_stopword(lang, w);
      return n;
    };
    int own = hits(options_.language);
    if (own >= 2 && own * 5 >= l.word_count()) return false;  // plainly the article's language
    LanguageGuess g = detect_language(l.text);
    if (g.reliable && g.code != options_.language && g.code != "und") {
      return own < hits(g.code);
    }
    if (own > 0) return false;
    int best = 0;
    for (std::string_view lang : kCommonLanguages) {
      if (lang != options_.language) best = std::max(best, hits(lang));
    }
    return best >= 3;
  }

  static bool is_positioned_caption(const Line& l) {
    // One sentence naming who is where in a photo: "(L)", "(R)", "(C)", "(L-R)", "(left)".
    static constexpr std::array kMarkers = {"(l)", "(r)", "(c)", "(l-r)", "(r-l)", "(left)",
                                            "(right)", "(center)", "(centre)", "(front)",
                                            "(2nd l)", "(2nd r)", "(file photo)", "(file)"};
    if (l.word_count() > 30) return false;
    bool marker = false;
    for (std::string_view m : kMarkers) marker = marker || l.lower.find(m) != std::string::npos;
    if (!marker) return false;
    size_t stops = std::count(l.text.begin(), l.text.end(), '.');
    return stops <= 1;
  }

  // Runs of three or more very short lines ("XS", "SM", "MD", "LG"; "A-", "A", "A+"), or one
  // line of three or more such tokens: font-size and pager menus.
  void mark_short_token_runs() {
    auto tiny = [](const Line& l) {
      if (l.text.size() > 3 || l.words.size() > 1) return false;
      for (char c : l.text) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-') return false;
      }
      return true;
    };
    for (size_t i = 0; i < lines_.size();) {
      size_t j = i;
      while (j < lines_.size() && tiny(lines_[j])) ++j;
      if (j - i >= 3) {
        for (size_t k = i; k < j; ++k) {
          if (lines_[k].kept()) lines_[k].why = "font-size or pager menu";
        }
      }
      i = j == i ? i + 1 : j;
    }
    for (Line& l : lines_) {
      if (!l.kept() || l.words.size() < 3 || l.text.size() > 30) continue;
      bool all_tiny = true;
      size_t start = 0;
      while (start < l.text.size()) {
        size_t end = l.text.find(' ', start);
        if (end == std::string::npos) end = l.text.size();
        std::string_view tok = std::string_view(l.text).substr(start, end - start);
        all_tiny = all_tiny && tok.size() <= 2 &&
                   std::all_of(tok.begin(), tok.end(), [](char c) {
                     return std::isupper(static_cast<unsigned char>(c)) || c == '+' || c == '-';
                   });
        start = end + 1;
      }
      if (all_tiny) l.why = "font-size or pager menu";
    }
  }

  static std::string key_of(std::string_view s) {
    std::string k;
    for (size_t i = 0; i < s.size();) {
      char32_t c = utf8_next(s, i);
      if (is_letter(c) || is_digit(c)) utf8_append(k, c);
    }
    return utf8_lower(k);
  }

  // A story line: long enough, ends as a sentence does (or is a long paragraph, perhaps cut
  // short by the scraper), and does not address the reader.
  bool is_story(const Line& l) const {
    if (!l.kept()) return false;
    bool shaped = (l.word_count() >= 8 && l.end_punct) || l.word_count() >= 30;
    return shaped && !is_notice(l);
  }

  static bool is_notice(const Line& l) { return addresses_reader(l.text); }

  // The headline: the first kept line above the story that is shaped like one.
  void find_headline() {
    std::string known = key_of(options_.known_title);
    size_t first_story = lines_.size();
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (is_story(lines_[i])) {
        first_story = i;
        break;
      }
    }
    if (!known.empty()) {
      headline_ = options_.known_title;
      for (size_t i = 0; i < first_story; ++i) {
        if (lines_[i].kept() && key_of(lines_[i].text) == known) {
          lines_[i].why = "headline";
          headline_index_ = i;
          break;
        }
      }
      return;
    }
    // Runs of three or more short kept lines above the story are menus, not headlines.
    std::vector<bool> in_menu(lines_.size(), false);
    auto shortline = [&](const Line& l) { return l.kept() && l.word_count() <= 4 && !l.end_punct; };
    for (size_t i = 0; i < first_story;) {
      size_t j = i;
      while (j < first_story && shortline(lines_[j])) ++j;
      if (j - i >= 3) std::fill(in_menu.begin() + i, in_menu.begin() + j, true);
      i = j == i ? i + 1 : j;
    }
    for (size_t i = 0; i < first_story; ++i) {
      Line& l = lines_[i];
      if (!l.kept() || in_menu[i]) continue;
      int n = l.word_count();
      bool period = !l.text.empty() && l.text.back() == '.';
      if (n >= 3 && n <= 30 && !period && l.numbers * 2 < n) {
        headline_ = l.text;
        headline_index_ = i;
        l.why = "headline";
        return;
      }
    }
  }

  // Repeats: the headline's copies go; adjacent copies (captions printed twice) all go;
  // later copies of a line of eight words or more go.
  void mark_repeats() {
    std::unordered_map<std::string, std::vector<size_t>> groups;
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].kept()) groups[key_of(lines_[i].text)].push_back(i);
    }
    std::string headline_key = key_of(headline_);
    for (auto& [key, idx] : groups) {
      if (key.empty()) continue;
      if (key == headline_key) {
        for (size_t i : idx) lines_[i].why = "repeated headline";
        continue;
      }
      if (idx.size() < 2) continue;
      for (size_t n = 1; n < idx.size(); ++n) {
        bool adjacent = true;
        for (size_t k = idx[n - 1] + 1; k < idx[n]; ++k) {
          adjacent = adjacent && !lines_[k].kept() && lines_[k].why != "headline";
        }
        if (adjacent) {
          lines_[idx[n - 1]].why = "repeated caption";
          lines_[idx[n]].why = "repeated caption";
        } else if (lines_[idx[n]].kept() && lines_[idx[n]].word_count() >= 8) {
          // Short lines recur legitimately in tables, lists and recipes; a repeated
          // paragraph is the scraper's.
          lines_[idx[n]].why = "repeated line";
        }
      }
    }
  }

  // Above the headline: short lines without sentence punctuation are site navigation.
  void mark_navigation() {
    if (headline_index_ == npos) return;
    for (size_t i = 0; i < headline_index_; ++i) {
      Line& l = lines_[i];
      if (l.kept() && l.word_count() <= 8 && !l.end_punct) l.why = "navigation or prompt";
    }
  }

  // After the last story line, the first prompt, notice or interface line starts the page's
  // tail (subscribe boxes, donation appeals, rights notices, tags, related posts): it and
  // every line after it go.
  void mark_tail() {
    size_t last_story = npos;
    for (size_t i = lines_.size(); i-- > 0;) {
      if (is_story(lines_[i])) {
        last_story = i;
        break;
      }
    }
    if (last_story == npos) return;
    size_t start = npos;
    for (size_t i = last_story + 1; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      // Prompts and interface lines start a tail; counters, credits, datelines and the like
      // can stand between paragraphs and do not.
      bool starter = (!l.kept() && (l.why == "navigation or prompt" || l.why == "related link" ||
                                    l.why == "ad marker" || l.why == "font-size or pager menu")) ||
                     (l.kept() && is_notice(l));
      if (starter) {
        start = i;
        break;
      }
    }
    if (start == npos) return;
    for (size_t i = start; i < lines_.size(); ++i) {
      if (lines_[i].kept()) lines_[i].why = "page tail";
    }
  }

  static constexpr size_t npos = static_cast<size_t>(-1);
  const CleanOptions& options_;
  std::vector<Line> lines_;
  bool joins_previous_ = false;
  int script_ = 0;
  std::string headline_;
  size_t headline_index_ = npos;
};

}  // namespace

CleanedText clean_text(std::string_view text, const CleanOptions& options) {
  return Cleaner(text, options).run();
}

bool looks_like_byline(std::string_view line) {
  if (ends_sentence(line)) return false;
  std::vector<RawToken> tokens;
  split_words(line, tokens);
  if (tokens.size() < 2 || tokens.size() > 7) return false;
  std::string lower = utf8_lower(line.substr(0, 12));
  bool prefix = lower.rfind("by ", 0) == 0 || lower.rfind("author:", 0) == 0 ||
                lower.rfind("written by", 0) == 0 || lower.rfind("von ", 0) == 0 ||
                lower.rfind("par ", 0) == 0 || lower.rfind("por ", 0) == 0 ||
                lower.rfind("автор:", 0) == 0;
  if (!prefix) return false;
  // After the prefix, names: capitalised words.
  int names = 0;
  for (size_t k = 1; k < tokens.size(); ++k) names += tokens[k].capitalized;
  return names >= 1 && names + 2 >= static_cast<int>(tokens.size()) - 1;
}

bool addresses_reader(std::string_view line) {
  std::string outside = utf8_lower(outside_quotes(line));
  std::vector<RawToken> tokens;
  split_words(outside, tokens);
  for (const RawToken& t : tokens) {
    if (notice_words().count(std::string_view(outside).substr(t.begin, t.size))) return true;
  }
  return false;
}

bool looks_like_heading(std::string_view line) {
  if (ends_sentence(line)) return false;
  if (!line.empty() && (line.back() == ':' || line.back() == ';' || line.back() == ',')) {
    return false;
  }
  std::vector<RawToken> tokens;
  split_words(line, tokens);
  return !tokens.empty() && tokens.size() <= 14;
}

}  // namespace chorus
