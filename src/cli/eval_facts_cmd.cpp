// chorus eval facts: a random sample of what the facts stage extracts, for a hand check.
//
// Picks clusters of a clusters file at random (seeded), runs the facts stage on each, and
// writes one JSON line per sampled item with the text a reader needs to judge it: a quantity
// with its sentence, an entity with its aliases and a sentence naming it, a quotation with its
// speaker and the paragraph around it. The reader's verdicts go next to the sample
// (BENCHMARKS.md shows how the precision figures were made).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <random>

#include "brief/facts.h"
#include "brief/summary.h"
#include "chorus/brief.h"
#include "chorus/pipeline.h"
#include "cli/commands.h"
#include "eval/summary_eval.h"
#include "util/files.h"
#include "util/json.h"

namespace chorus::cli {
namespace {

std::string paragraph_around(const Article& a, uint32_t begin, uint32_t end) {
  size_t from = a.text.rfind('\n', begin);
  from = from == std::string::npos ? 0 : from + 1;
  size_t to = a.text.find('\n', end);
  if (to == std::string::npos) to = a.text.size();
  return a.text.substr(from, to - from);
}

}  // namespace

Runner add_facts_sample_mode(CLI::App& eval, const Global& global) {
  struct Options {
    std::string data;
    size_t clusters = 20, quantities = 100, entities = 100, quotes = 50;
    unsigned seed = 1;
    std::vector<std::string> exclude;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = eval.add_subcommand(
      "facts",
      "Sample what the facts stage extracts from random clusters of a clusters file (one JSON\n"
      "a line: id, articles [{id, text}]), for a hand check: JSONL on stdout, one item a line\n"
      "(quantity, entity or quote) with the text needed to judge it.");
  cmd->add_option("--data", o->data, "Clusters JSONL (e.g. Multi-News)")->required();
  cmd->add_option("--clusters", o->clusters, "Clusters to pick at random (default 20)");
  cmd->add_option("--quantities", o->quantities, "Quantities to sample (default 100)");
  cmd->add_option("--entities", o->entities, "Entities to sample (default 100)");
  cmd->add_option("--quotes", o->quotes, "Quotations to sample (default 50)");
  cmd->add_option("--seed", o->seed, "Random seed (default 1)");
  cmd->add_option("--exclude", o->exclude, "Cluster ids not to pick (comma-separated), e.g. those\n"
                                           "looked at while developing")
      ->delimiter(',');
  return [o, &global] {
    std::string data, error;
    std::vector<SummaryCluster> clusters;
    if (!read_file(o->data, data, &error) || !read_summary_clusters(data, clusters, &error)) {
      std::fprintf(stderr, "chorus: %s: %s\n", o->data.c_str(), error.c_str());
      return kSkipped;
    }
    std::erase_if(clusters, [&](const SummaryCluster& c) {
      return std::find(o->exclude.begin(), o->exclude.end(), c.id) != o->exclude.end();
    });
    std::mt19937 rng(o->seed);
    std::shuffle(clusters.begin(), clusters.end(), rng);
    if (clusters.size() > o->clusters) clusters.resize(o->clusters);
    std::sort(clusters.begin(), clusters.end(), [](const SummaryCluster& x, const SummaryCluster& y) { return x.id < y.id; });

    // Every item of every picked cluster, as a JSON line; then a sample of each kind.
    std::vector<std::string> quantity_items, entity_items, quote_items;
    std::string picked;
    for (SummaryCluster& c : clusters) {
      picked += (picked.empty() ? "" : " ") + c.id;
      std::vector<Problem> problems;
      analyze_all(c.articles, problems, global.threads);
      if (c.articles.empty()) continue;
      BriefOptions options;
      options.facts = false;
      Brief brief = make_brief(c.articles, options);
      SentenceSpace space(c.articles);
      EntityIndex entities = find_entities(c.articles);
      for (size_t a = 0; a < c.articles.size(); ++a) {
        const Article& art = c.articles[a];
        for (const Quantity& q : find_quantities(art)) {
          JsonWriter w(0);
          w.begin_object().key("kind").value("quantity").key("cluster").value(c.id).key("article").value(art.id);
          w.key("text").value(art.view(q.begin, q.end)).key("value").value(q.value);
          if (q.value_max != q.value) w.key("value_max").value(q.value_max);
          w.key("approx").value(q.approx).key("unit").value(q.unit).key("counted").value(q.counted);
          w.key("fact_kind").value(q.kind).key("scope").value(q.scope);
          w.key("sentence").value(art.sentence_text(art.sentences[q.sentence])).end_object();
          quantity_items.push_back(w.take());
        }
        for (const QuoteFound& q : find_quotes(c.articles, a, entities).quotes) {
          JsonWriter w(0);
          w.begin_object().key("kind").value("quote").key("cluster").value(c.id).key("article").value(art.id);
          w.key("speaker").value(q.speaker).key("text").value(q.text);
          w.key("paragraph").value(paragraph_around(art, q.begin, q.end)).end_object();
          quote_items.push_back(w.take());
        }
      }
      for (size_t e = 0; e < entities.entities.size(); ++e) {
        const Entity& en = entities.entities[e];
        JsonWriter w(0);
        w.begin_object().key("kind").value("entity").key("cluster").value(c.id);
        w.key("name").value(en.name).key("type").value(en.type).key("aliases").begin_array();
        for (const std::string& alias : en.aliases) w.value(alias);
        w.end_array().key("mentions").value(en.mentions);
        // A sentence naming it, for context.
        for (size_t a = 0; a < c.articles.size(); ++a) {
          auto m = std::find_if(entities.mentions[a].begin(), entities.mentions[a].end(),
                                [&](const Mention& x) { return x.entity == static_cast<int>(e); });
          if (m == entities.mentions[a].end()) continue;
          w.key("sentence").value(c.articles[a].sentence_text(c.articles[a].sentences[m->sentence]));
          break;
        }
        w.end_object();
        entity_items.push_back(w.take());
      }
    }
    std::fprintf(stderr, "clusters (seed %u): %s\n", o->seed, picked.c_str());
    std::fprintf(stderr, "found %zu quantities, %zu entities, %zu quotes\n", quantity_items.size(),
                 entity_items.size(), quote_items.size());
    auto sample = [&](std::vector<std::string>& items, size_t n) {
      std::shuffle(items.begin(), items.end(), rng);
      if (items.size() > n) items.resize(n);
      for (const std::string& line : items) std::printf("%s\n", line.c_str());
    };
    sample(quantity_items, o->quantities);
    sample(entity_items, o->entities);
    sample(quote_items, o->quotes);
    return kOk;
  };
}

}  // namespace chorus::cli
