// ROUGE test vectors: cases whose scores the official ROUGE-1.5.5 script computed, one JSON
// object a line (the format of shared/data/rouge-vectors/README.md):
//
//   {"id": "rv-002-multinews", "config": "multinews", "candidate": ["the dog ran"],
//    "references": [["the dog ran home"], ["a dog ran fast today"]],
//    "rouge": {"rouge-1": {"r": 0.55556, "p": 0.83333, "f": 0.66667}, ...}}
//
// Metrics are "rouge-N", "rouge-l", "rouge-suG" or "rouge-sG" (skip-bigrams with gap G).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eval/rouge.h"

namespace chorus {

struct RougeVector {
  std::string id;
  std::string config;  // "multinews" or "duc2004": see rouge_config()
  std::vector<std::string> candidate;
  std::vector<std::vector<std::string>> references;
  struct Expected {
    std::string metric;  // "rouge-1", "rouge-l", "rouge-su4", ...
    double r = 0, p = 0, f = 0;
  };
  std::vector<Expected> expected;
};

// Parses a vectors file. Blank lines are skipped; on a malformed line returns false with
// "line N: what" in *error.
bool read_rouge_vectors(std::string_view jsonl, std::vector<RougeVector>& out, std::string* error);

// The options of a named ROUGE-1.5.5 configuration of the vectors:
//   multinews = -n 2 -2 4 -u -m -f A -p 0.5       duc2004 = -n 2 -m -l 100 -f A -p 0.5
// Returns false for an unknown name.
bool rouge_config(std::string_view name, RougeOptions& out);

// One printed number that differs from ROUGE's at %.5f.
struct RougeMismatch {
  std::string id, metric;
  char field = 'r';  // 'r', 'p' or 'f'
  double expected = 0, got = 0;  // got is NaN when the metric was not computed
};

struct RougeCheck {
  size_t cases = 0;
  size_t agreeing = 0;    // cases whose every number prints the same at %.5f
  size_t within_1e5 = 0;  // cases whose every number is within 1e-5
  size_t numbers = 0;   // numbers compared
  std::vector<RougeMismatch> mismatches;
  std::vector<std::string> problems;  // cases that could not be run (unknown config), by id
};

// Scores every case with the options of its config and compares each expected number.
// Cost: one rouge() a case; cases sharing a config and references reuse nothing.
RougeCheck check_rouge_vectors(const std::vector<RougeVector>& cases);

}  // namespace chorus
