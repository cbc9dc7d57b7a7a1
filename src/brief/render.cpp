// The brief as JSON (docs/brief.md) and as Markdown.
#include <algorithm>
#include <cmath>
#include <string>

#include "chorus/brief.h"
#include "text/dates.h"
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

  auto ids = [&](const std::vector<size_t>& list) {
    w.begin_array();
    for (size_t a : list) w.value(articles[a].id);
    w.end_array();
  };
  auto number = [&](const Fact& f, double v) {
    if (f.unit == "date") {
      w.value(date_of(static_cast<int32_t>(v)).iso());
    } else if (v == std::floor(v) && std::fabs(v) < 1e15) {
      w.value(static_cast<int64_t>(v));
    } else {
      w.value(v);
    }
  };
  auto fact_value = [&](const Fact& f, const FactValue& v) {
    w.key("value");
    number(f, v.value);
    if (v.value_max != v.value) {
      w.key("value_max");
      number(f, v.value_max);
    }
    w.key("approx").string_or_null(v.approx);
    w.key("text").value(v.text);
  };
  w.key("facts").begin_array();
  for (const Fact& f : b.facts) {
    w.begin_object();
    w.key("about").value(f.about);
    w.key("unit").string_or_null(f.unit);
    fact_value(f, f.reported);
    w.key("sources");
    ids(agreeing_sources(f));
    w.key("single_source").value(f.outlets == 1);
    for (auto [name, list] : {std::pair{"agreeing", &f.agreeing}, std::pair{"conflicts", &f.conflicts}}) {
      w.key(name).begin_array();
      for (const FactValue& v : *list) {
        w.begin_object();
        fact_value(f, v);
        w.key("sources");
        ids(v.sources);
        w.end_object();
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();

  w.key("entities").begin_array();
  for (const Entity& e : b.entities) {
    w.begin_object();
    w.key("name").value(e.name);
    w.key("type").value(e.type);
    w.key("aliases").begin_array();
    for (const std::string& a : e.aliases) w.value(a);
    w.end_array();
    w.key("sources");
    ids(e.sources);
    w.key("mentions").value(e.mentions);
    w.end_object();
  }
  w.end_array();

  w.key("quotes").begin_array();
  for (const Quote& q : b.quotes) {
    w.begin_object();
    w.key("speaker").value(q.speaker);
    w.key("text").value(q.text);
    w.key("sources");
    ids(q.sources);
    w.end_object();
  }
  w.end_array();

  w.key("timeline").begin_array();
  for (const TimelineEntry& t : b.timeline) {
    w.begin_object();
    w.key("date").value(t.date);
    w.key("text").value(t.text);
    w.key("from").value(articles[t.from].id);
    w.key("sources");
    ids(t.sources);
    w.end_object();
  }
  w.end_array();

  w.key("framing").begin_array();
  for (const Framing& f : b.framing) {
    w.begin_object();
    w.key("article").value(articles[f.article].id);
    w.key("terms").begin_array();
    for (const std::string& t : f.terms) w.value(t);
    w.end_array();
    w.key("quoted").begin_array();
    for (const std::string& t : f.quoted) w.value(t);
    w.end_array();
    w.end_object();
  }
  w.end_array();
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
  auto cite = [&](const std::vector<size_t>& sources) {
    std::string c = " [";
    for (size_t k = 0; k < sources.size() && k < 12; ++k) c += (k ? ", " : "") + std::to_string(sources[k] + 1);
    if (sources.size() > 12) c += ", and " + std::to_string(sources.size() - 12) + " more";
    return c + "]";
  };
  if (!b.facts.empty()) {
    out += "\n## Facts\n\n";
    for (const Fact& f : b.facts) {
      out += "- **" + f.about + "**: " + f.reported.text + cite(f.reported.sources);
      for (const FactValue& v : f.agreeing) out += "; " + v.text + cite(v.sources);
      if (f.outlets == 1) out += " (one source only)";
      for (const FactValue& v : f.conflicts) out += "; **differs**: " + v.text + cite(v.sources);
      out += "\n";
    }
  }
  if (!b.timeline.empty()) {
    out += "\n## Timeline\n\n";
    for (const TimelineEntry& t : b.timeline) out += "- " + t.date + ": " + t.text + cite(t.sources) + "\n";
  }
  if (!b.quotes.empty()) {
    out += "\n## Quotes\n\n";
    for (const Quote& q : b.quotes) out += "- " + q.speaker + ": \u201C" + q.text + "\u201D" + cite(q.sources) + "\n";
  }
  if (!b.entities.empty()) {
    out += "\n## People, organisations and places\n\n";
    for (const Entity& e : b.entities) {
      out += "- " + e.name + " (" + e.type;
      if (!e.aliases.empty()) {
        out += "; also ";
        for (size_t i = 0; i < e.aliases.size(); ++i) out += (i ? ", " : "") + e.aliases[i];
      }
      out += ")" + cite(e.sources) + "\n";
    }
  }
  if (!b.framing.empty()) {
    out += "\n## Wording\n\n";
    for (const Framing& f : b.framing) {
      out += "- [" + std::to_string(f.article + 1) + "]";
      for (size_t i = 0; i < f.terms.size(); ++i) out += (i ? ", " : " ") + f.terms[i];
      for (size_t i = 0; i < f.quoted.size(); ++i) out += std::string(i || !f.terms.empty() ? ", " : " ") + "\"" + f.quoted[i] + "\"";
      out += "\n";
    }
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
