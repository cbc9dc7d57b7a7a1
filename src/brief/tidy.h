// Tidying a sentence taken out of its article so that it reads well on its own in a summary.
#pragma once

#include <string>
#include <string_view>

namespace chorus {

// Returns `sentence` with what only made sense in its article taken off:
//   - a leading dateline: "MOSCOW (AP) — ", "PALM COAST, Fla. - ", "(CNN) ", "WASHINGTON: ";
//   - photo credits in parentheses: "(Photo: Reuters)", "(AP Photo/Jane Doe)";
//   - when `after_its_predecessor` is false (the summary does not show the sentence it
//     followed), a leading "But", "And", "Yet", "However," or "Also," (the next letter is
//     then capitalised);
//   - an unbalanced quotation mark, balanced by adding its partner at the other end: a quote
//     the article opened in an earlier sentence gets its opening mark, one it closes in a
//     later sentence gets its closing mark.
// Text is never reworded otherwise. If what would be left has fewer than four words the
// sentence is returned unchanged. Cost: linear in the sentence.
std::string tidy_sentence(std::string_view sentence, bool after_its_predecessor);

}  // namespace chorus
