// make_corpus SEED_PATH COUNT > corpus.jsonl
// Writes COUNT perturbed copies of the articles under SEED_PATH (see perturb.h) as JSONL.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "chorus/pipeline.h"
#include "perturb.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_corpus SEED_PATH COUNT > corpus.jsonl\n");
    return 2;
  }
  chorus::Input in = chorus::read_inputs({argv[1]});
  if (in.articles.empty()) {
    std::fprintf(stderr, "make_corpus: no articles under %s\n", argv[1]);
    return 1;
  }
  std::string out = chorus::bench::to_jsonl(
      chorus::bench::perturbed_copies(in.articles, std::strtoul(argv[2], nullptr, 10)));
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
