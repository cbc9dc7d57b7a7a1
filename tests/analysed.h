// Test support: invented articles, analysed as the pipeline would.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chorus/pipeline.h"

namespace chorus {

// One article per text, with ids a1, a2, ..., analysed on one thread; every text must keep
// some words.
inline std::vector<Article> analysed(const std::vector<std::string>& texts) {
  std::vector<Article> out;
  for (size_t i = 0; i < texts.size(); ++i) {
    Article a;
    a.id = "a" + std::to_string(i + 1);
    a.raw = texts[i];
    out.push_back(std::move(a));
  }
  std::vector<Problem> problems;
  analyze_all(out, problems, 1);
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems[0].what);
  return out;
}

}  // namespace chorus
