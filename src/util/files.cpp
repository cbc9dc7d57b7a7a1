#include "util/files.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace chorus {
namespace fs = std::filesystem;

namespace {

bool gunzip(std::string& data, std::string* error) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) {  // 32: accept gzip and zlib headers
    *error = "cannot start gzip decoder";
    return false;
  }
  std::string out;
  out.resize(std::max<size_t>(data.size() * 4, 1 << 16));
  zs.next_in = reinterpret_cast<Bytef*>(data.data());
  zs.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  size_t produced = 0;
  while (true) {
    if (produced == out.size()) {
      if (out.size() >= kMaxDecompressedBytes) {
        inflateEnd(&zs);
        *error = "gzip data expands beyond 1 GiB";
        return false;
      }
      out.resize(std::min(out.size() * 2, kMaxDecompressedBytes));
    }
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = static_cast<uInt>(out.size() - produced);
    rc = inflate(&zs, Z_NO_FLUSH);
    produced = out.size() - zs.avail_out;
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members: continue with the next one.
      if (zs.avail_in > 0 && inflateReset(&zs) == Z_OK) continue;
      break;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) break;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // truncated input
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    *error = rc == Z_BUF_ERROR ? "truncated gzip data" : "corrupt gzip data";
    return false;
  }
  out.resize(produced);
  data.swap(out);
  return true;
}

bool unzstd(std::string& data, std::string* error) {
  ZSTD_DStream* ds = ZSTD_createDStream();
  ZSTD_initDStream(ds);
  std::string out;
  ZSTD_inBuffer in{data.data(), data.size(), 0};
  std::string chunk(ZSTD_DStreamOutSize(), '\0');
  size_t rc = 1;
  while (in.pos < in.size) {
    ZSTD_outBuffer ob{chunk.data(), chunk.size(), 0};
    rc = ZSTD_decompressStream(ds, &ob, &in);
    if (ZSTD_isError(rc)) {
      ZSTD_freeDStream(ds);
      *error = std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc);
      return false;
    }
    out.append(chunk.data(), ob.pos);
    if (out.size() > kMaxDecompressedBytes) {
      ZSTD_freeDStream(ds);
      *error = "zstd data expands beyond 1 GiB";
      return false;
    }
    if (ob.pos == 0 && rc != 0 && in.pos == in.size) break;
  }
  ZSTD_freeDStream(ds);
  if (rc != 0) {
    *error = "truncated zstd data";
    return false;
  }
  data.swap(out);
  return true;
}

}  // namespace

bool decompress(std::string& data, std::string* error) {
  if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1F &&
      static_cast<unsigned char>(data[1]) == 0x8B) {
    return gunzip(data, error);
  }
  if (data.size() >= 4 && static_cast<unsigned char>(data[0]) == 0x28 &&
      static_cast<unsigned char>(data[1]) == 0xB5 && static_cast<unsigned char>(data[2]) == 0x2F &&
      static_cast<unsigned char>(data[3]) == 0xFD) {
    return unzstd(data, error);
  }
  return true;
}

bool read_file(const std::string& path, std::string& out, std::string* error) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    *error = "no such file";
    return false;
  }
  if (fs::is_directory(status)) {
    *error = "is a folder";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    out.resize(static_cast<size_t>(size));
    in.read(out.data(), size);
    out.resize(static_cast<size_t>(in.gcount()));
  } else {
    // Size unknown (a pipe or a special file): read to the end.
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (in.bad()) {
    *error = "read error";
    return false;
  }
  return decompress(out, error);
}

bool read_stream(std::istream& in, std::string& out, std::string* error) {
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return decompress(out, error);
}

std::vector<std::string> list_files(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) files.push_back(p.string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string file_stem(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (const char* ext : {".gz", ".zst"}) {
    size_t n = std::strlen(ext);
    if (name.size() > n && name.compare(name.size() - n, n, ext) == 0) name.resize(name.size() - n);
  }
  size_t dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

std::string content_extension(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* ext : {".gz", ".zst"}) {
    size_t n = std::strlen(ext);
    if (name.size() > n && name.compare(name.size() - n, n, ext) == 0) name.resize(name.size() - n);
  }
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? "" : name.substr(dot + 1);
}

}  // namespace chorus
