#include <cstdio>
#include <fstream>

#include "chorus/pipeline.h"
#include "cli/commands.h"

namespace chorus::cli {

bool load(const std::vector<std::string>& paths, int threads, std::vector<Article>& out) {
  Input in = read_inputs(paths);
  analyze_all(in.articles, in.problems, threads);
  bool skipped = false;
  for (const Problem& p : in.problems) {
    std::fprintf(stderr, "chorus: %s: %s%s%s\n", p.where.c_str(), p.skipped ? "" : "warning: ",
                 p.what.c_str(), p.skipped ? "; skipped" : "");
    skipped = skipped || p.skipped;
  }
  out = std::move(in.articles);
  return skipped;
}

int write_output(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? kOk : kSkipped;
  }
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f) {
    std::fprintf(stderr, "chorus: %s: cannot write\n", path.c_str());
    return kSkipped;
  }
  return kOk;
}

}  // namespace chorus::cli
