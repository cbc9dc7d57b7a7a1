#include "text/tokens.h"

#include <libstemmer.h>
#include <simdjson.h>
#include <unicode/uchar.h>
#include <xxhash.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "text/utf8.h"

namespace chorus {
namespace detail {
extern const std::string_view kStopwordsJson;         // third_party/stopwords-iso
extern const std::string_view kEnglishStopwordsJson;  // third_party/stopword-en
}

namespace {

bool is_word_char(char32_t c) {
  if (c < 0x80) return is_letter(c) || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK ||
         u_charType(static_cast<UChar32>(c)) == U_COMBINING_SPACING_MARK;
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return XXH3_64bits(s.data(), s.size()); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

using StopwordLists = std::unordered_map<std::string, StringSet, StringHash, std::equal_to<>>;

const StopwordLists& stopword_lists() {
  static const auto* lists = [] {
    auto* out = new StopwordLists();
    simdjson::dom::parser parser;
    // stopwords-iso for every language but English, whose list there is too broad for news.
    for (std::string_view source : {detail::kStopwordsJson, detail::kEnglishStopwordsJson}) {
      simdjson::padded_string json(source);
      simdjson::dom::object root = parser.parse(json).get_object();
      for (auto [lang, words] : root) {
        StringSet& set = (*out)[std::string(lang)];
        set.clear();
        for (auto w : words.get_array()) set.emplace(std::string_view(w.get_string()));
      }
    }
    return out;
  }();
  return *lists;
}

const StringSet* stopwords_of(std::string_view language) {
  const auto& lists = stopword_lists();
  auto it = lists.find(language);
  return it == lists.end() ? nullptr : &it->second;
}

// Per thread and language: a Snowball stemmer and a cache of word -> (term, stopword).
struct LanguageCache {
  struct Entry {
    uint64_t term;
    bool stop;
  };
  sb_stemmer* stemmer = nullptr;
  const StringSet* stopwords = nullptr;
  std::unordered_map<std::string, Entry, StringHash, std::equal_to<>> words;

  explicit LanguageCache(const std::string& language) {
    if (!language.empty() && language != "und") {
      stemmer = sb_stemmer_new(language.c_str(), "UTF_8");
    }
    stopwords = stopwords_of(language);
  }
  ~LanguageCache() {
    if (stemmer) sb_stemmer_delete(stemmer);
  }
  LanguageCache(const LanguageCache&) = delete;
  LanguageCache& operator=(const LanguageCache&) = delete;

  std::string stem(std::string_view lower) {
    if (!stemmer) return std::string(lower);
    const sb_symbol* s = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(lower.data()),
                                         static_cast<int>(lower.size()));
    if (!s) return std::string(lower);  // out of memory in libstemmer: keep the word
    return std::string(reinterpret_cast<const char*>(s),
                       static_cast<size_t>(sb_stemmer_length(stemmer)));
  }
};

LanguageCache& cache_for(std::string_view language) {
  thread_local std::unordered_map<std::string, std::unique_ptr<LanguageCache>, StringHash,
                                  std::equal_to<>>
      caches;
  auto it = caches.find(language);
  if (it == caches.end()) {
    std::string key(language);
    it = caches.emplace(key, std::make_unique<LanguageCache>(key)).first;
  }
  LanguageCache& c = *it->second;
  if (c.words.size() > 500000) c.words.clear();  // bound memory on endless streams
  return c;
}

// Lower case, typographic apostrophe to ASCII (Snowball's English rules expect "'").
std::string normalized_word(std::string_view word) {
  std::string lower = utf8_lower(word);
  size_t pos;
  while ((pos = lower.find("\xE2\x80\x99")) != std::string::npos) lower.replace(pos, 3, "'");
  return lower;
}

}  // namespace

void split_words(std::string_view text, std::vector<RawToken>& out) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = utf8_next(text, i);
    if (!is_word_char(c)) continue;
    RawToken t;
    t.begin = static_cast<uint32_t>(start);
    t.capitalized = is_upper(c);
    bool all_digits = is_digit(c);
    size_t end = i;
    while (end < text.size()) {
      size_t j = end;
      char32_t d = utf8_next(text, j);
      if (is_word_char(d)) {
        all_digits = all_digits && is_digit(d);
        end = j;
        continue;
      }
      // Inner apostrophe between letters, inner separator between digits.
      if (j < text.size()) {
        size_t k = j;
        char32_t next = utf8_next(text, k);
        if (is_apostrophe(d) && !all_digits && is_letter(next)) {
          end = j;
          continue;
        }
        if ((d == ',' || d == '.') && all_digits && is_digit(next)) {
          end = j;
          continue;
        }
      }
      break;
    }
    t.size = static_cast<uint32_t>(end - start);
    t.number = all_digits;
    out.push_back(t);
    i = end;
  }
}

bool is_stopword(std::string_view language, std::string_view lower_word) {
  const StringSet* set = stopwords_of(language);
  return set && set->find(lower_word) != set->end();
}

bool has_stopwords(std::string_view language) { return stopwords_of(language) != nullptr; }

std::string stem(std::string_view language, std::string_view word) {
  return cache_for(language).stem(normalized_word(word));
}

uint64_t term_of(std::string_view stem) { return XXH3_64bits(stem.data(), stem.size()); }

void annotate_tokens(std::string_view text, uint32_t begin, uint32_t end,
                     std::string_view language, std::vector<Token>& out) {
  thread_local std::vector<RawToken> raw;
  raw.clear();
  split_words(text.substr(begin, end - begin), raw);
  LanguageCache& cache = cache_for(language);
  for (const RawToken& r : raw) {
    Token t;
    t.begin = begin + r.begin;
    t.size = r.size;
    std::string_view word = text.substr(t.begin, t.size);
    if (r.number) {
      std::string digits;
      for (char ch : word) {
        if (ch != ',') digits.push_back(ch);
      }
      t.term = term_of(digits);
      t.flags = Token::kNumber;
      out.push_back(t);
      continue;
    }
    auto it = cache.words.find(word);
    if (it == cache.words.end()) {
      std::string lower = normalized_word(word);
      bool stop = cache.stopwords && cache.stopwords->count(lower) > 0;
      uint64_t term = term_of(cache.stem(lower));
      it = cache.words.emplace(std::string(word), LanguageCache::Entry{term, stop}).first;
    }
    t.term = it->second.term;
    if (it->second.stop) t.flags |= Token::kStopword;
    if (r.capitalized) t.flags |= Token::kCapitalized;
    out.push_back(t);
  }
}

}  // namespace chorus
