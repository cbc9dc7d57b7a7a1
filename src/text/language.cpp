#include "text/language.h"

#include <cstdio>  // cld2's header uses FILE without including it
#include <cld2/public/compact_lang_det.h>

namespace CLD2 {
const char* LanguageCode(Language lang);  // exported by libcld2, declared in an internal header
}

namespace chorus {

LanguageGuess detect_language(std::string_view text) {
  LanguageGuess out;
  if (text.empty()) return out;
  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  // The extended call answers UNKNOWN_LANGUAGE when unsure; the plain one answers ENGLISH.
  CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()),
                                 /*is_plain_text=*/true, /*tld_hint=*/"", /*encoding_hint=*/0,
                                 CLD2::UNKNOWN_LANGUAGE, top3, percent3, scores3, &text_bytes,
                                 &reliable);
  if (top3[0] == CLD2::UNKNOWN_LANGUAGE) return out;
  out.code = CLD2::LanguageCode(top3[0]);
  if (out.code == "un") out.code = "und";
  out.reliable = reliable;
  out.percent = percent3[0];
  return out;
}

}  // namespace chorus
