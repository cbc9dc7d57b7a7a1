// Reading files and folders, with transparent gzip and zstd decompression.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace chorus {

// Decompressed data is refused beyond this size (a guard against compression bombs).
constexpr size_t kMaxDecompressedBytes = size_t{1} << 30;

// Reads the whole file at `path` into `out`, decompressing gzip or zstd data (recognised by
// its magic number, whatever the extension). On failure returns false and sets *error to a
// message such as "no such file" or "corrupt gzip data".
bool read_file(const std::string& path, std::string& out, std::string* error);

// Reads a whole stream (standard input), decompressing like read_file.
bool read_stream(std::istream& in, std::string& out, std::string* error);

// Decompresses `data` in place if it starts with a gzip or zstd magic number.
bool decompress(std::string& data, std::string* error);

// Regular files under `dir`, recursively, sorted by path; names starting with '.' are
// skipped. Paths are `dir` joined with the relative path.
std::vector<std::string> list_files(const std::string& dir);

// The file name of `path` without folders and without its extensions (".txt.gz" too).
std::string file_stem(const std::string& path);

// The lower-cased extension of `path` after removing ".gz"/".zst" ("html" for "a.html.gz").
std::string content_extension(const std::string& path);

}  // namespace chorus
