// The per-article path: HTML to text, cleanup, metadata, language, sentences, tokens.
#include "chorus/pipeline.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "extract/clean.h"
#include "extract/html.h"
#include "extract/metadata.h"
#include "text/language.h"
#include "text/sentences.h"
#include "text/tokens.h"

namespace chorus {
namespace {

// CLD2 is sure of a language from a few hundred bytes of story; more only costs time (it
// reads about 25 MB/s, the largest single cost of analysis before this cap).
constexpr size_t kSampleBytes = 2048;

// Up to kSampleBytes of the text's longer lines (eight words or more), which are story far
// more often than interface text; the text's start if it has no such line.
std::string language_sample(std::string_view text) {
  std::string sample;
  size_t start = 0;
  while (start < text.size() && sample.size() < kSampleBytes) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (std::count(line.begin(), line.end(), ' ') >= 7) {
      sample.append(line);
      sample.push_back('\n');
    }
    start = nl + 1;
  }
  if (sample.empty()) sample = text.substr(0, kSampleBytes);
  // Cut at a character boundary.
  if (sample.size() > kSampleBytes) {
    size_t cut = kSampleBytes;
    while (cut > 0 && (static_cast<unsigned char>(sample[cut]) & 0xC0) == 0x80) --cut;
    sample.resize(cut);
  }
  return sample;
}

}  // namespace

bool analyze(Article& a, std::string* why) {
  std::string text;
  if (a.raw_is_html) {
    HtmlPage page = extract_html(a.raw);
    text = std::move(page.text);
    if (a.title.empty()) a.title = page.title;
    if (a.published.empty()) a.published = page.published;
    if (a.url.empty()) a.url = page.url;
    if (a.source.empty()) a.source = page.site;
  } else {
    text = std::move(a.raw);
  }
  a.raw.clear();
  a.raw.shrink_to_fit();

  // The language, from the text's long lines (story, not menus); it steers the cleaner.
  LanguageGuess first = detect_language(language_sample(text));
  CleanOptions options;
  options.language = first.code;
  options.known_title = a.title;
  options.day_first_dates = first.code != "en";
  CleanedText cleaned = clean_text(text, options);
  if (a.title.empty()) a.title = cleaned.headline;
  if (a.published.empty()) a.published = date_from_text(cleaned, options.day_first_dates);
  if (a.source.empty()) a.source = outlet_from_text(cleaned);

  a.text.clear();
  for (const std::string& p : cleaned.paragraphs) {
    if (!a.text.empty()) a.text.push_back('\n');
    a.text += p;
  }
  a.removed = std::move(cleaned.removed);
  a.language = first.code;
  if (!first.reliable) {  // look again at the clean text
    LanguageGuess second = detect_language(std::string_view(a.text).substr(0, kSampleBytes));
    if (second.code != "und") a.language = second.code;
  }

  a.sentences.clear();
  a.tokens.clear();
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  uint32_t start = 0;
  uint32_t paragraph = 0;
  const std::string_view body = a.text;
  while (start < body.size()) {
    size_t nl = body.find('\n', start);
    uint32_t end = static_cast<uint32_t>(nl == std::string_view::npos ? body.size() : nl);
    std::string_view line = body.substr(start, end - start);
    spans.clear();
    bool heading = looks_like_heading(line);
    if (heading) {
      spans.emplace_back(0, static_cast<uint32_t>(line.size()));
    } else {
      split_sentences(line, a.language, spans);
    }
    for (auto [b, e] : spans) {
      Sentence s;
      s.begin = start + b;
      s.end = start + e;
      s.paragraph = paragraph;
      s.heading = heading;
      s.first_token = static_cast<uint32_t>(a.tokens.size());
      annotate_tokens(body, s.begin, s.end, a.language, a.tokens);
      s.token_count = static_cast<uint32_t>(a.tokens.size()) - s.first_token;
      if (s.token_count > 0) a.sentences.push_back(s);
    }
    ++paragraph;
    start = end + 1;
  }
  a.words = static_cast<uint32_t>(a.tokens.size());
  if (a.words == 0) {
    if (why) *why = "no words left after cleaning";
    return false;
  }
  return true;
}

void analyze_all(std::vector<Article>& articles, std::vector<Problem>& problems, int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min<int>(threads, static_cast<int>(std::max<size_t>(articles.size(), 1)));
  std::vector<std::string> why(articles.size());
  std::vector<char> ok(articles.size(), 0);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < articles.size(); i = next++) {
      ok[i] = analyze(articles[i], &why[i]);
    }
  };
  if (threads == 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }
  size_t kept = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (ok[i]) {
      if (kept != i) articles[kept] = std::move(articles[i]);
      ++kept;
    } else {
      problems.push_back({articles[i].file.empty() ? articles[i].id : articles[i].file, why[i]});
    }
  }
  articles.resize(kept);
}

}  // namespace chorus
