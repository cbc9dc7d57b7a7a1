// chorus eval MODE ...: measuring chorus against references. Modes, one a sub-subcommand:
//   chorus eval rouge CANDIDATE REFERENCE... [-n N] [-l N] [-2 GAP] [-x] ...
//   chorus eval rouge --vectors FILE.jsonl
// A new mode adds its add_* function below and one line in add_eval().
#include <CLI/CLI.hpp>

#include <cstdio>
#include <map>
#include <memory>

#include "cli/commands.h"
#include "eval/rouge.h"
#include "eval/rouge_vectors.h"
#include "util/files.h"

namespace chorus::cli {
namespace {

// The lines of a file, one sentence each (ROUGE's SPL format).
bool read_lines(const std::string& path, std::vector<std::string>& out) {
  std::string data, error;
  if (!read_file(path, data, &error)) {
    std::fprintf(stderr, "chorus: %s: %s\n", path.c_str(), error.c_str());
    return false;
  }
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string::npos) end = data.size();
    out.push_back(data.substr(pos, end - pos));
    pos = end + 1;
  }
  return true;
}

int run_vectors(const std::string& path) {
  std::string data, error;
  if (!read_file(path, data, &error)) {
    std::fprintf(stderr, "chorus: %s: %s\n", path.c_str(), error.c_str());
    return kSkipped;
  }
  std::vector<RougeVector> cases;
  if (!read_rouge_vectors(data, cases, &error)) {
    std::fprintf(stderr, "chorus: %s: %s\n", path.c_str(), error.c_str());
    return kSkipped;
  }
  RougeCheck check = check_rouge_vectors(cases);
  for (const std::string& p : check.problems) std::fprintf(stderr, "chorus: %s\n", p.c_str());
  for (const RougeMismatch& m : check.mismatches) {
    std::printf("differs: %s %s %c: ROUGE-1.5.5 %.5f, chorus %.5f\n", m.id.c_str(),
                m.metric.c_str(), m.field, m.expected, m.got);
  }
  std::printf("%zu/%zu cases agree at %%.5f on every number (%zu/%zu numbers); "
              "%zu/%zu within 1e-5\n",
              check.agreeing, check.cases, check.numbers - check.mismatches.size(), check.numbers,
              check.within_1e5, check.cases);
  return check.agreeing == check.cases ? kOk : kSkipped;
}

void print_score(const char* name, const RougeScore& s) {
  std::printf("%-10s R:%.5f P:%.5f F:%.5f\n", name, s.r, s.p, s.f);
}

Runner add_rouge(CLI::App& eval) {
  struct Options {
    std::string vectors;
    std::string candidate;
    std::vector<std::string> references;
    RougeOptions rouge;
    bool no_stem = false, no_skip = false, no_unigrams = false, no_lcs = false;
    bool accepted = false;  // ROUGE-1.5.5's -u and -m, on by default here
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = eval.add_subcommand(
      "rouge",
      "ROUGE scores of CANDIDATE against REFERENCE files (one sentence a line), exactly as\n"
      "ROUGE-1.5.5 prints them; by default its -n 2 -2 4 -u -m -f A -p 0.5 (docs/eval.md).\n"
      "With --vectors, checks chorus against a file of ROUGE-1.5.5 results instead.");
  auto* vectors = cmd->add_option("--vectors", o->vectors,
                                  "Score every case of a vectors file (JSONL) and report "
                                  "disagreements with ROUGE-1.5.5");
  auto* candidate = cmd->add_option("CANDIDATE", o->candidate, "The summary to score")
                        ->excludes(vectors);
  cmd->add_option("REFERENCE", o->references, "One or more reference summaries")
      ->excludes(vectors);
  cmd->add_option("-n,--max-n", o->rouge.max_n, "ROUGE-1 to ROUGE-N (default 2)")
      ->check(CLI::Range(0, 9));
  cmd->add_option("-l,--words", o->rouge.word_limit,
                  "Keep only the first N words of the candidate and of each reference")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("-2,--skip-gap", o->rouge.skip_gap,
                  "ROUGE-S(U) with at most GAP words between a pair (default 4; negative: any)");
  cmd->add_flag("-u,--unigrams", o->accepted, "ROUGE-SU: count unigrams too (the default)");
  cmd->add_flag("--no-unigrams", o->no_unigrams, "ROUGE-S instead of ROUGE-SU");
  cmd->add_flag("--no-skip", o->no_skip, "No ROUGE-S(U)");
  cmd->add_flag("-m,--stem", o->accepted, "Stem: WordNet exceptions, else Porter (the default)");
  cmd->add_flag("--no-stem", o->no_stem, "Do not stem");
  cmd->add_flag("-x,--no-lcs", o->no_lcs, "No ROUGE-L");
  cmd->add_option("-p,-a,--alpha", o->rouge.alpha,
                  "Weight of precision in F = 1/(alpha/P + (1-alpha)/R) (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  return [o, candidate] {
    if (!o->vectors.empty()) return run_vectors(o->vectors);
    if (candidate->count() == 0 || o->references.empty()) {
      std::fprintf(stderr,
                   "chorus eval rouge: give CANDIDATE and REFERENCE files, or --vectors FILE\n"
                   "Run with --help for more information.\n");
      return kUsage;
    }
    RougeOptions options = o->rouge;
    if (options.skip_gap < 0) options.skip_gap = kRougeAnyGap;
    if (o->no_skip) options.skip_gap = -1;
    options.su_with_unigrams = !o->no_unigrams;
    options.stem = !o->no_stem;
    options.rouge_l = !o->no_lcs;
    std::vector<std::string> cand;
    std::vector<std::vector<std::string>> refs(o->references.size());
    bool ok = read_lines(o->candidate, cand);
    for (size_t i = 0; i < refs.size(); ++i) ok = read_lines(o->references[i], refs[i]) && ok;
    if (!ok) return kSkipped;
    RougeResult r = rouge(cand, refs, options);
    for (size_t n = 0; n < r.n.size(); ++n) {
      print_score(("ROUGE-" + std::to_string(n + 1)).c_str(), r.n[n]);
    }
    if (options.rouge_l) print_score("ROUGE-L", r.l);
    if (options.skip_gap >= 0) {
      std::string gap = options.skip_gap == kRougeAnyGap ? "*" : std::to_string(options.skip_gap);
      print_score(((options.su_with_unigrams ? "ROUGE-SU" : "ROUGE-S") + gap).c_str(), r.su);
    }
    return std::fflush(stdout) == 0 ? kOk : kSkipped;
  };
}

}  // namespace

Runner add_eval(CLI::App& app, const Global& global) {
  CLI::App* eval = app.add_subcommand("eval", "Measure chorus against references (ROUGE, ...)");
  eval->require_subcommand(1);
  auto modes = std::make_shared<std::map<std::string, Runner>>();
  (*modes)["rouge"] = add_rouge(*eval);
  return [eval, modes] {
    for (CLI::App* mode : eval->get_subcommands()) return modes->at(mode->get_name())();
    return kUsage;
  };
}

}  // namespace chorus::cli
