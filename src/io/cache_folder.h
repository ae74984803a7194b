#pragma once
// The program's cache folder, $XDG_CACHE_HOME/smp-studio (or ~/.cache/smp-studio), which does not
// grow without bound: each head (a patient's scan) leaves a pool file of 10-15 MB, so after each
// store only the most recently used few of a kind are kept.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace smp {

// Empty when neither variable is set: then nothing is cached.
std::filesystem::path cache_folder();

// The whole file's bytes in one read (an istreambuf_iterator copy took 40 ms of a 15 MB pool);
// empty when it cannot be read.
std::vector<char> read_whole_file(const std::filesystem::path& file);

// A 64-bit FNV-1a hash of `bytes` (continuing from `hash`): the keys of cached files.
std::uint64_t fnv1a(const void* data, std::size_t bytes, std::uint64_t hash = 1469598103934665603ull);

// Marks `file` as just used (its modification time), so pruning keeps it. Errors are ignored: a
// cache that cannot be touched is still read.
void mark_used(const std::filesystem::path& file);

// Removes all but the `keep` most recently used files in `dir` whose names start with `prefix`;
// anything else in the folder is left alone, and files that cannot be removed are skipped.
void keep_most_recent(const std::filesystem::path& dir, std::string_view prefix, std::size_t keep);

}  // namespace smp
