#include "io/cache_folder.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace smp {

std::filesystem::path cache_folder() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "smp-studio";
  if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "smp-studio";
  return {};
}

std::vector<char> read_whole_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) return {};
  std::vector<char> bytes(std::size_t(std::max<std::streamoff>(0, in.tellg())));
  in.seekg(0);
  if (!in.read(bytes.data(), std::streamsize(bytes.size()))) bytes.clear();
  return bytes;
}

std::uint64_t fnv1a(const void* data, std::size_t bytes, std::uint64_t hash) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < bytes; ++i) hash = (hash ^ p[i]) * 1099511628211ull;
  return hash;
}

void mark_used(const std::filesystem::path& file) {
  std::error_code ignored;
  std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now(), ignored);
}

void keep_most_recent(const std::filesystem::path& dir, std::string_view prefix, std::size_t keep) {
  std::error_code error;
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file(error) || name.compare(0, prefix.size(), prefix) != 0) continue;
    files.emplace_back(entry.last_write_time(error), entry.path());
  }
  if (files.size() <= keep) return;
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });  // newest first
  for (std::size_t i = keep; i < files.size(); ++i) std::filesystem::remove(files[i].second, error);
}

}  // namespace smp
