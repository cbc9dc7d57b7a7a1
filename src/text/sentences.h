// Sentence segmentation: ICU's sentence rules, corrected with an abbreviation list.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace chorus {

// Splits one paragraph into sentences, appending [begin, end) byte ranges (relative to
// `paragraph`, trimmed of spaces) to `out`. ICU splits by UAX #29 for `language`; breaks after
// titles and abbreviations ("Mr.", "Dr.", "Gen.", "Maj.", "U.S. President", initials as in
// "J. K. Rowling", "No. 5", "Jan. 6") are then undone. Thread-safe (one ICU iterator a thread
// and language). Cost: linear, several MB/s.
void split_sentences(std::string_view paragraph, std::string_view language,
                     std::vector<std::pair<uint32_t, uint32_t>>& out);

}  // namespace chorus
