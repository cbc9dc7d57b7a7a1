// A small JSON writer: escapes strings, places commas, optionally indents.
//
//   JsonWriter w(2);
//   w.begin_object().key("n").value(3).key("xs").begin_array().value("a").end_array().end_object();
//   std::string s = w.take();
// Invalid UTF-8 in strings is written as U+FFFD, so the output is always valid JSON.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus {

class JsonWriter {
 public:
  explicit JsonWriter(int indent = 0) : indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(int64_t n);
  JsonWriter& value(int n) { return value(static_cast<int64_t>(n)); }
  JsonWriter& value(uint32_t n) { return value(static_cast<int64_t>(n)); }
  JsonWriter& value(size_t n) { return value(static_cast<int64_t>(n)); }
  JsonWriter& value(double d);
  JsonWriter& value(bool b);
  JsonWriter& null();
  // A string, or null when it is empty.
  JsonWriter& string_or_null(std::string_view s) { return s.empty() ? null() : value(s); }

  std::string take() { return std::move(out_); }
  const std::string& str() const { return out_; }

 private:
  void before_value();
  void open(char c);
  void close(char c);
  void newline();

  std::string out_;
  std::vector<bool> has_items_;  // per open container
  bool after_key_ = false;
  int indent_;
};

// Appends `s` to `out` as a quoted JSON string.
void json_quote(std::string& out, std::string_view s);

}  // namespace chorus
