// Walking the lines of a text held in memory (JSONL files, line-based formats).
#pragma once

#include <cstddef>
#include <string_view>

namespace chorus {

// Calls fn(number, line) for each line of `data`, split at '\n' (the '\n' not included;
// numbered from 1; no empty line after a final '\n'). fn returns false to stop; for_each_line
// then returns false, else true. Cost: one pass over `data`.
template <typename Fn>
bool for_each_line(std::string_view data, Fn&& fn) {
  size_t number = 0, pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    if (!fn(++number, data.substr(pos, end - pos))) return false;
    pos = end + 1;
  }
  return true;
}

}  // namespace chorus
