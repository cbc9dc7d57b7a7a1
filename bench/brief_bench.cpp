// Google Benchmark for the brief: analysis (cleanup, language, sentences, tokens) and the
// brief itself, on N perturbed copies of the bundled example articles, one thread.
//   build/bench/brief_bench [--benchmark_repetitions=5] [EXAMPLES_DIR]
#include <benchmark/benchmark.h>

#include <string>

#include "chorus/brief.h"
#include "chorus/pipeline.h"
#include "perturb.h"

namespace {

std::string g_examples = CHORUS_EXAMPLES_DIR;

std::vector<chorus::Article> corpus(size_t n) {
  chorus::Input in = chorus::read_inputs({g_examples});
  return chorus::bench::perturbed_copies(in.articles, n);
}

void BM_Analyze(benchmark::State& state) {
  const std::vector<chorus::Article> raw = corpus(static_cast<size_t>(state.range(0)));
  size_t bytes = 0;
  for (const auto& a : raw) bytes += a.raw.size();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<chorus::Article> articles = raw;
    std::vector<chorus::Problem> problems;
    state.ResumeTiming();
    chorus::analyze_all(articles, problems, 1);
    benchmark::DoNotOptimize(articles.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
  state.SetItemsProcessed(static_cast<int64_t>(raw.size() * state.iterations()));
}

// Second argument: whether the facts stage runs (issue 6: it may add under 20%).
void BM_MakeBrief(benchmark::State& state) {
  std::vector<chorus::Article> articles = corpus(static_cast<size_t>(state.range(0)));
  std::vector<chorus::Problem> problems;
  chorus::analyze_all(articles, problems, 1);
  chorus::BriefOptions options;
  options.facts = state.range(1) != 0;
  for (auto _ : state) {
    chorus::Brief b = chorus::make_brief(articles, options);
    benchmark::DoNotOptimize(b.summary.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(articles.size() * state.iterations()));
}

// The summary alone (sentence space, support, selection, tidying) at the length of a
// Multi-News summary: issue 5 asks for under 200 ms for one event of 500 articles.
void BM_Summarize260Words(benchmark::State& state) {
  std::vector<chorus::Article> articles = corpus(static_cast<size_t>(state.range(0)));
  std::vector<chorus::Problem> problems;
  chorus::analyze_all(articles, problems, 1);
  chorus::BriefOptions options;
  options.words = 260;
  options.facts = false;
  for (auto _ : state) {
    chorus::Brief b = chorus::make_brief(articles, options);
    benchmark::DoNotOptimize(b.summary.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(articles.size() * state.iterations()));
}

void BM_BriefEndToEnd(benchmark::State& state) {
  const std::vector<chorus::Article> raw = corpus(static_cast<size_t>(state.range(0)));
  chorus::BriefOptions options;
  options.facts = state.range(1) != 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<chorus::Article> articles = raw;
    std::vector<chorus::Problem> problems;
    state.ResumeTiming();
    chorus::analyze_all(articles, problems, 1);
    chorus::Brief b = chorus::make_brief(articles, options);
    std::string json = chorus::brief_json(b);
    benchmark::DoNotOptimize(json.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(raw.size() * state.iterations()));
}

}  // namespace

BENCHMARK(BM_Analyze)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MakeBrief)
    ->Args({100, 1})->Args({500, 1})->Args({1000, 0})->Args({1000, 1})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Summarize260Words)->Arg(500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BriefEndToEnd)->Args({1000, 0})->Args({1000, 1})->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 1) g_examples = argv[1];
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
