#include "extract/metadata.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <unordered_set>

#include "text/tokens.h"
#include "text/utf8.h"

namespace chorus {
namespace {

// Words that may surround a date in a dateline and say nothing else.
const std::unordered_set<std::string_view>& dateline_words() {
  static const std::unordered_set<std::string_view> words = {
      "date", "dated", "published", "updated", "posted", "last", "modified", "on", "at", "am",
      "pm", "a", "p", "m", "gmt", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "bst",
      "msk", "ist", "time", "created", "publication", "update", "veröffentlicht",
      "aktualisiert", "um", "uhr", "publié", "le", "mis", "à", "jour", "publicado",
      "actualizado", "el", "las", "опубликовано", "обновлено", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
      "thu", "thur", "thurs", "fri", "sat", "sun", "montag", "dienstag", "mittwoch",
      "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi",
      "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes",
      "sábado", "domingo", "понедельник", "вторник", "среда", "четверг", "пятница",
      "суббота", "воскресенье", "г", "года", "в"};
  return words;
}

Date today_plus(int days) {
  using namespace std::chrono;
  auto d = year_month_day{floor<std::chrono::days>(system_clock::now()) + std::chrono::days(days)};
  return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
          static_cast<int>(static_cast<unsigned>(d.day()))};
}

// Capitalised words from the start of `s`: "Warsaw Institute Foundation may" -> "Warsaw
// Institute Foundation". Allows "&", "of", "and", "the" inside a name.
std::string leading_name(std::string_view s) {
  std::vector<RawToken> tokens;
  split_words(s, tokens);
  size_t end = 0;
  size_t taken = 0;
  for (size_t k = 0; k < tokens.size() && k < 6; ++k) {
    const RawToken& t = tokens[k];
    std::string_view w = s.substr(t.begin, t.size);
    bool joiner = w == "of" || w == "and" || w == "for";
    // A name continues only across spaces (not across a sentence or clause end).
    if (k > 0) {
      std::string_view gap = s.substr(end, t.begin - end);
      if (gap.find_first_not_of(" &-") != std::string_view::npos) break;
    }
    if (!t.capitalized && !(joiner && k > 0) && !t.number) break;
    if (t.capitalized || t.number) taken = t.begin + t.size;
    end = t.begin + t.size;
  }
  std::string name(s.substr(0, taken));
  while (!name.empty() && (name.back() == ' ' || name.back() == ',')) name.pop_back();
  return name;
}

// "© 2022 Name", "Copyright (c) 2022 Name", "(c) Name".
std::string from_copyright(std::string_view line) {
  std::string lower = utf8_lower(line);
  size_t pos = lower.find("\xC2\xA9");  // ©
  size_t skip = 2;
  if (pos == std::string::npos) {
    pos = lower.find("copyright");
    skip = 9;
  }
  if (pos == std::string::npos) return "";
  std::string_view rest = line.substr(pos + skip);
  // Skip "(c)", years and punctuation.
  while (!rest.empty()) {
    if (rest.substr(0, 3) == "(c)" || rest.substr(0, 3) == "(C)") {
      rest.remove_prefix(3);
    } else if (std::isdigit(static_cast<unsigned char>(rest[0])) || rest[0] == ' ' ||
               rest[0] == '-' || rest[0] == ',' || rest.substr(0, 2) == "\xC2\xA9") {
      rest.remove_prefix(rest.substr(0, 2) == "\xC2\xA9" ? 2 : 1);
    } else {
      break;
    }
  }
  if (rest.substr(0, 4) == "the " || rest.substr(0, 4) == "The ") rest.remove_prefix(4);
  return leading_name(rest);
}

// "... published by the Warsaw Institute Foundation ...", "content prepared by Name team".
std::string from_publisher_notice(std::string_view line) {
  static constexpr std::string_view kVerbs[] = {"published by ", "prepared by ", "produced by ",
                                                "provided by ", "brought to you by "};
  std::string lower = utf8_lower(line);
  for (std::string_view v : kVerbs) {
    size_t pos = lower.find(v);
    if (pos == std::string::npos) continue;
    std::string_view rest = line.substr(pos + v.size());
    if (rest.substr(0, 4) == "the " || rest.substr(0, 4) == "The ") rest.remove_prefix(4);
    std::string name = leading_name(rest);
    if (!name.empty()) return name;
  }
  return "";
}

// "MOSCOW (Reuters) -", "ALMATY, Kazakhstan (AP) —": the agency in brackets after a place.
std::string from_wire_dateline(std::string_view paragraph) {
  size_t open = paragraph.find('(');
  if (open == std::string_view::npos || open == 0 || open > 60) return "";
  size_t close = paragraph.find(')', open);
  if (close == std::string_view::npos || close - open > 30) return "";
  // The place opens in capitals: "MOSCOW", "ALMATY, Kazakhstan", "NEW YORK".
  std::string_view place = paragraph.substr(0, open);
  size_t caps = 0;
  while (caps < place.size() && std::isupper(static_cast<unsigned char>(place[caps]))) ++caps;
  if (caps < 3 || (caps < place.size() && std::isalpha(static_cast<unsigned char>(place[caps])))) {
    return "";
  }
  std::string_view after = paragraph.substr(close + 1);
  while (!after.empty() && after[0] == ' ') after.remove_prefix(1);
  bool dash = after.substr(0, 1) == "-" || after.substr(0, 3) == "\xE2\x80\x94" ||
              after.substr(0, 3) == "\xE2\x80\x93";
  if (!dash) return "";
  return std::string(paragraph.substr(open + 1, close - open - 1));
}

}  // namespace

std::optional<Date> dateline_date(std::string_view line, bool day_first) {
  if (line.size() > 100) return std::nullopt;
  auto dates = find_dates(line, day_first ? NumericOrder::kDayFirst : NumericOrder::kMonthFirst);
  if (dates.empty()) return std::nullopt;
  // What is left besides the dates must be label, weekday, time or punctuation.
  std::string rest;
  size_t pos = 0;
  for (const DateMatch& d : dates) {
    rest.append(line.substr(pos, d.begin - pos));
    rest.push_back(' ');
    pos = d.end;
  }
  rest.append(line.substr(pos));
  std::string lower = utf8_lower(rest);
  std::vector<RawToken> tokens;
  split_words(lower, tokens);
  for (const RawToken& t : tokens) {
    std::string_view w = std::string_view(lower).substr(t.begin, t.size);
    if (t.number && t.size <= 2) continue;  // hours and minutes
    if (!dateline_words().count(w)) return std::nullopt;
  }
  Date d = dates.front().date;
  if (d > today_plus(1)) return std::nullopt;
  return d;
}

std::string date_from_text(const CleanedText& cleaned, bool day_first) {
  std::optional<Date> best;
  for (const RemovedLine& r : cleaned.removed) {
    if (r.why != "dateline") continue;
    auto d = dateline_date(r.text, day_first);
    if (d && (!best || *d < *best)) best = d;
  }
  return best ? best->iso() : "";
}

std::string outlet_from_text(const CleanedText& cleaned) {
  for (const RemovedLine& r : cleaned.removed) {
    if (r.why == "outlet name") return r.text;
  }
  for (const RemovedLine& r : cleaned.removed) {
    std::string name = from_copyright(r.text);
    if (name.empty()) name = from_publisher_notice(r.text);
    if (!name.empty()) return name;
  }
  for (size_t i = 0; i < cleaned.paragraphs.size() && i < 3; ++i) {
    std::string agency = from_wire_dateline(cleaned.paragraphs[i]);
    if (!agency.empty()) return agency;
  }
  return "";
}

}  // namespace chorus
