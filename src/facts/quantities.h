// Numbers an article reports, with their qualifier and what they count.
//
//   "more than 2,000 troops"        -> 2000, over, counts "troops"
//   "over 160 people had been killed" -> 160, over, counts "people killed" (class "killed")
//   "the official death toll was announced as 164" -> 164, counts "death toll" ("killed")
//   "about 10 days"                 -> 10 days, about, a duration (of the withdrawal, when the
//                                      sentence names one)
//   "scores of people", "hundreds", "a dozen", "1.8 million", "100-200", "75 percent",
//   "the 81-year-old Nazarbayev"    -> an age, of the name that follows
// Dates, times, years, ordinals and numbers inside names ("COVID-19") are not quantities.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "chorus/article.h"

namespace chorus {

struct Quantity {
  double value = 0, value_max = 0;  // a range's ends; equal when one number; in days for
                                    // durations
  bool vague = false;               // "dozens", "scores", "hundreds": value..value_max
  std::string approx;      // "", "about", "nearly", "over", "at least", "under", "up to"
  std::string unit;        // "" (a count), "days", "percent", "years" (an age), "$", "€", ...
  std::string counted;     // what it counts, as written: "troops", "security officers",
                           // "people killed", "death toll"
  std::string kind;        // what it counts, for comparing across articles: "troops"
                           // (soldiers, forces, officers, ...), "killed", "injured",
                           // "arrested", "duration:withdrawal", "age", or the counted word's
                           // stem
  std::string scope;       // a nationality or name narrowing it ("Armenian" soldiers; the
                           // person an age belongs to); or ""
  uint32_t begin = 0, end = 0;  // bytes of the phrase in Article::text
  uint32_t sentence = 0;
};

// The quantities of an analysed English article in text order (other languages: none yet).
// Cost: linear in the tokens.
std::vector<Quantity> find_quantities(const Article& article);

// The act a word names, for durations and dated facts: "withdrawal" for withdrawal,
// withdrawing, pullout, pullback, drawdown; "deployment", "ceasefire", "curfew",
// "state of emergency", "protests", "election", "talks", "strike", "trial", "lockdown";
// "" for other words. `word` is lower case.
std::string_view act_of(std::string_view word);
// The same for an English token's term (Token::term), without lower-casing its text.
std::string_view act_of_term(uint64_t term);

}  // namespace chorus
