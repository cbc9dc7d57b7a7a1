#include "eval/rouge_vectors.h"

#include <simdjson.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "util/lines.h"

namespace chorus {
namespace {

bool string_list(simdjson::dom::element e, std::vector<std::string>& out) {
  simdjson::dom::array a;
  if (e.get_array().get(a)) return false;
  for (auto item : a) {
    std::string_view s;
    if (item.get_string().get(s)) return false;
    out.emplace_back(s);
  }
  return true;
}

// The score ROUGE would print under `metric`, or nullptr if these options do not compute it.
const RougeScore* find_metric(const RougeResult& r, const RougeOptions& o,
                              std::string_view metric) {
  if (metric.substr(0, 6) != "rouge-") return nullptr;
  std::string_view m = metric.substr(6);
  if (m == "l") return o.rouge_l ? &r.l : nullptr;
  auto number = [](std::string_view s, int& out) {
    if (s.empty() || s.size() > 9) return false;
    out = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    return true;
  };
  int n = 0;
  if (number(m, n)) return n >= 1 && n <= static_cast<int>(r.n.size()) ? &r.n[n - 1] : nullptr;
  bool su = m.substr(0, 2) == "su";
  std::string_view gap = m.substr(su ? 2 : 1);
  if (m.empty() || m[0] != 's' || o.skip_gap < 0 || su != o.su_with_unigrams) return nullptr;
  if (gap == "*") return o.skip_gap == kRougeAnyGap ? &r.su : nullptr;
  return number(gap, n) && n == o.skip_gap ? &r.su : nullptr;
}

std::string fixed5(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.5f", x);
  return buf;
}

}  // namespace

bool read_rouge_vectors(std::string_view jsonl, std::vector<RougeVector>& out, std::string* error) {
  simdjson::dom::parser parser;
  size_t line_no = 0;
  auto fail = [&](const std::string& what) {
    if (error) *error = "line " + std::to_string(line_no) + ": " + what;
    return false;
  };
  return for_each_line(jsonl, [&](size_t number, std::string_view line) {
    line_no = number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) return true;
    simdjson::dom::object obj;
    auto err = parser.parse(line.data(), line.size(), /*realloc_if_needed=*/true)
                   .get_object()
                   .get(obj);
    if (err) return fail(std::string("malformed JSON: ") + simdjson::error_message(err));
    RougeVector v;
    std::string_view s;
    if (obj["id"].get_string().get(s)) return fail("no \"id\"");
    v.id = s;
    if (obj["config"].get_string().get(s)) return fail("no \"config\"");
    v.config = s;
    if (!string_list(obj["candidate"], v.candidate)) {
      return fail("\"candidate\" is not a list of strings");
    }
    simdjson::dom::array refs;
    if (obj["references"].get_array().get(refs)) return fail("no \"references\" list");
    for (auto ref : refs) {
      if (!string_list(ref, v.references.emplace_back())) {
        return fail("a reference is not a list of strings");
      }
    }
    simdjson::dom::object scores;
    if (obj["rouge"].get_object().get(scores)) return fail("no \"rouge\" object");
    for (auto [metric, value] : scores) {
      RougeVector::Expected e;
      e.metric = metric;
      if (value["r"].get_double().get(e.r) || value["p"].get_double().get(e.p) ||
          value["f"].get_double().get(e.f)) {
        return fail("\"" + e.metric + "\" needs numbers r, p and f");
      }
      v.expected.push_back(std::move(e));
    }
    out.push_back(std::move(v));
    return true;
  });
}

bool rouge_config(std::string_view name, RougeOptions& out) {
  out = RougeOptions{};
  if (name == "multinews") return true;  // the defaults
  if (name == "duc2004") {
    out.skip_gap = -1;
    out.word_limit = 100;
    return true;
  }
  return false;
}

RougeCheck check_rouge_vectors(const std::vector<RougeVector>& cases) {
  RougeCheck check;
  for (const RougeVector& v : cases) {
    ++check.cases;
    RougeOptions options;
    if (!rouge_config(v.config, options)) {
      check.problems.push_back(v.id + ": unknown config \"" + v.config + "\"");
      continue;
    }
    RougeResult result = rouge(v.candidate, v.references, options);
    size_t first = check.mismatches.size();
    bool agree = true;
    for (const RougeVector::Expected& e : v.expected) {
      const RougeScore* got = find_metric(result, options, e.metric);
      const std::pair<char, double> fields[] = {{'r', e.r}, {'p', e.p}, {'f', e.f}};
      for (auto [field, expected] : fields) {
        ++check.numbers;
        double value = !got ? std::nan("") : field == 'r' ? got->r : field == 'p' ? got->p : got->f;
        if (got && fixed5(value) == fixed5(expected)) continue;
        agree = false;
        check.mismatches.push_back({v.id, e.metric, field, expected, value});
      }
    }
    if (agree) ++check.agreeing;
    bool close = agree;
    if (!agree) {
      close = true;
      for (size_t k = first; k < check.mismatches.size(); ++k) {
        const RougeMismatch& x = check.mismatches[k];
        close = close && std::fabs(x.got - x.expected) <= 1e-5 + 1e-12;  // false for NaN
      }
    }
    if (close) ++check.within_1e5;
  }
  return check;
}

}  // namespace chorus
