// Writes COUNT synthetic news articles as JSONL to standard output (tests/store/synthetic_news.h):
// the input of the store benchmark (bench/store.sh).
//
//   build/bench/synthetic_news 100000 [SEED] > articles.jsonl
#include <cstdio>
#include <cstdlib>

#include "synthetic_news.h"

int main(int argc, char** argv) {
  if (argc < 2 || std::atol(argv[1]) <= 0) {
    std::fprintf(stderr, "usage: synthetic_news COUNT [SEED] > articles.jsonl\n");
    return 2;
  }
  uint32_t seed = argc > 2 ? static_cast<uint32_t>(std::atol(argv[2])) : 7;
  chorus::testing::SyntheticNews(seed).write(static_cast<size_t>(std::atol(argv[1])), stdout);
  return 0;
}
