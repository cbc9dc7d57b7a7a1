// The brief as JSON (docs/brief.md) and as Markdown.
#include <string>

#include "chorus/brief.h"
#include "util/json.h"

namespace chorus {

std::string brief_json(const Brief& b, int indent) {
  const std::vector<Article>& articles = *b.articles;
  JsonWriter w(indent);
  w.begin_object();
  w.key("event").begin_object();
  w.key("id").value(b.id);
  w.key("title").value(b.title);
  w.key("first_published").string_or_null(b.first_published);
  w.key("last_published").string_or_null(b.last_published);
  w.key("languages").begin_array();
  for (const std::string& l : b.languages) w.value(l);
  w.end_array();
  w.key("articles").value(articles.size());
  w.key("independent_articles").value(b.independent_articles);
  w.key("independent_sources").value(b.independent_sources);
  w.end_object();

  w.key("articles").begin_array();
  for (const Article& a : articles) {
    w.begin_object();
    w.key("id").value(a.id);
    w.key("file").string_or_null(a.file);
    w.key("source").string_or_null(a.source);
    w.key("url").string_or_null(a.url);
    w.key("title").string_or_null(a.title);
    w.key("published").string_or_null(a.published);
    w.key("language").value(a.language);
    w.key("words").value(a.words);
    w.key("duplicate_of").string_or_null(a.duplicate_of);
    w.key("wire_of").string_or_null(a.wire_of);
    w.key("removed_lines").begin_array();
    for (const RemovedLine& r : a.removed) w.value(r.text);
    w.end_array();
    w.end_object();
  }
  w.end_array();

  w.key("summary").begin_array();
  for (const SummarySentence& s : b.summary) {
    w.begin_object();
    w.key("text").value(s.text);
    w.key("from").value(articles[s.from].id);
    w.key("sources").begin_array();
    for (size_t a : s.sources) w.value(articles[a].id);
    w.end_array();
    w.end_object();
  }
  w.end_array();

  // Filled by the facts stage; present so that readers can rely on the fields.
  for (const char* section : {"facts", "entities", "quotes", "timeline", "framing"}) {
    w.key(section).begin_array().end_array();
  }
  w.end_object();
  std::string out = w.take();
  out.push_back('\n');
  return out;
}

std::string brief_markdown(const Brief& b) {
  const std::vector<Article>& articles = *b.articles;
  std::string out = "# " + (b.title.empty() ? std::string("(untitled event)") : b.title) + "\n\n";
  std::string dates = b.first_published;
  if (!b.last_published.empty() && b.last_published != b.first_published) {
    dates += " to " + b.last_published;
  }
  out += "*";
  if (!dates.empty()) out += dates + " · ";
  out += std::to_string(articles.size()) + (articles.size() == 1 ? " article" : " articles");
  if (b.independent_articles != articles.size()) {
    out += " (" + std::to_string(b.independent_articles) + " independent)";
  }
  for (size_t i = 0; i < b.languages.size(); ++i) out += (i == 0 ? " · " : ", ") + b.languages[i];
  out += "*\n\n## Summary\n\n";
  for (size_t i = 0; i < b.summary.size(); ++i) {
    const SummarySentence& s = b.summary[i];
    out += std::to_string(i + 1) + ". " + s.text + " [";
    // Long citation lists are cut for reading; the JSON has them whole.
    constexpr size_t kShown = 12;
    for (size_t k = 0; k < s.sources.size() && k < kShown; ++k) {
      if (k) out += ", ";
      out += std::to_string(s.sources[k] + 1);
    }
    if (s.sources.size() > kShown) {
      out += ", and " + std::to_string(s.sources.size() - kShown) + " more";
    }
    out += "]\n";
  }
  out += "\n## Sources\n\n";
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    out += "[" + std::to_string(i + 1) + "] ";
    out += a.source.empty() ? a.id : a.source;
    if (!a.title.empty()) out += " — " + a.title;
    if (!a.published.empty()) out += " (" + a.published + ")";
    if (!a.file.empty()) out += " · " + a.file;
    out += "\n";
  }
  return out;
}

}  // namespace chorus
