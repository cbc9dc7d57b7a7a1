#include "eval/summary_eval.h"

#include <simdjson.h>

#include "brief/summary.h"
#include "text/sentences.h"
#include "util/lines.h"

namespace chorus {
namespace {

std::string text_of(const std::vector<Article>& articles, const SentenceAt& at) {
  const Article& a = articles[at.article];
  return std::string(a.sentence_text(a.sentences[at.sentence]));
}

double oracle_gain(const RougeResult& r) { return r.n[0].f + r.n[1].f; }

std::vector<std::string> oracle(const std::vector<Article>& articles, int words,
                                const RougeReferences& reference) {
  std::vector<SentenceAt> all;
  for (uint32_t a = 0; a < articles.size(); ++a) {
    for (uint32_t s = 0; s < articles[a].sentences.size(); ++s) {
      if (!articles[a].sentences[s].heading) all.push_back({a, s});
    }
  }
  std::vector<std::string> chosen;
  std::vector<char> used(all.size(), 0);
  double best = 0;
  int total = 0;
  while (total < words) {
    size_t pick = all.size();
    chosen.emplace_back();
    for (size_t i = 0; i < all.size(); ++i) {
      if (used[i]) continue;
      chosen.back() = text_of(articles, all[i]);
      double gain = oracle_gain(reference.score(chosen));
      if (gain > best) best = gain, pick = i;
    }
    if (pick == all.size()) {
      chosen.pop_back();
      break;
    }
    chosen.back() = text_of(articles, all[pick]);
    used[pick] = 1;
    total += static_cast<int>(articles[all[pick].article].sentences[all[pick].sentence].token_count);
  }
  return chosen;
}

}  // namespace

bool read_summary_clusters(std::string_view data, std::vector<SummaryCluster>& out,
                           std::string* error) {
  simdjson::dom::parser parser;
  size_t line_no = 0;
  auto fail = [&](const std::string& what) {
    if (error) *error = "line " + std::to_string(line_no) + ": " + what;
    return false;
  };
  return for_each_line(data, [&](size_t number, std::string_view line) {
    line_no = number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) return true;
    simdjson::dom::object obj;
    auto err = parser.parse(line.data(), line.size(), /*realloc_if_needed=*/true).get_object().get(obj);
    if (err) return fail(std::string("malformed JSON: ") + simdjson::error_message(err));
    SummaryCluster c;
    std::string_view s;
    if (obj["id"].get_string().get(s)) return fail("no \"id\"");
    c.id = s;
    if (obj["summary"].get_string().get(s)) return fail("no \"summary\"");
    c.reference = s;
    simdjson::dom::array articles;
    if (obj["articles"].get_array().get(articles)) return fail("no \"articles\" list");
    for (auto item : articles) {
      Article a;
      if (item["text"].get_string().get(s)) return fail("an article without \"text\"");
      a.raw = s;
      if (!item["id"].get_string().get(s)) {
        a.id = s;
      } else {
        a.id = c.id + "-a" + std::to_string(c.articles.size() + 1);
      }
      a.file = "line " + std::to_string(line_no);
      c.articles.push_back(std::move(a));
    }
    out.push_back(std::move(c));
    return true;
  });
}

bool parse_summary_method(std::string_view name, SummaryMethod& out) {
  static constexpr SummaryMethod kAll[] = {SummaryMethod::kChorus,   SummaryMethod::kLead,
                                           SummaryMethod::kCentroid, SummaryMethod::kLexRank,
                                           SummaryMethod::kTextRank, SummaryMethod::kOracle};
  for (SummaryMethod m : kAll) {
    if (name == summary_method_name(m)) {
      out = m;
      return true;
    }
  }
  return false;
}

const char* summary_method_name(SummaryMethod method) {
  switch (method) {
    case SummaryMethod::kChorus: return "chorus";
    case SummaryMethod::kLead: return "lead";
    case SummaryMethod::kCentroid: return "centroid";
    case SummaryMethod::kLexRank: return "lexrank";
    case SummaryMethod::kTextRank: return "textrank";
    case SummaryMethod::kOracle: return "oracle";
  }
  return "?";
}

std::vector<std::string> summarize_with(SummaryMethod method, const std::vector<Article>& articles,
                                        int words, const DocumentFrequencies* idf,
                                        const RougeReferences* reference) {
  std::vector<std::string> out;
  if (method == SummaryMethod::kChorus) {
    BriefOptions options;
    options.words = words;
    for (SummarySentence& s : summarize(articles, options)) out.push_back(std::move(s.text));
    return out;
  }
  if (method == SummaryMethod::kOracle) return reference ? oracle(articles, words, *reference) : out;
  Baseline b = Baseline::kLead;
  parse_baseline(summary_method_name(method), b);
  for (const SentenceAt& at : baseline_summary(b, articles, words, idf)) {
    out.push_back(text_of(articles, at));
  }
  return out;
}

std::vector<std::string> reference_sentences(std::string_view summary) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  split_sentences(summary, "en", spans);
  std::vector<std::string> out;
  for (auto [b, e] : spans) out.emplace_back(summary.substr(b, e - b));
  return out;
}

RougeOptions summary_rouge_options(int words) {
  RougeOptions o;
  o.word_limit = words;
  return o;
}

}  // namespace chorus
