#pragma once
// A cache folder that does not grow without bound: each head (a patient's scan) leaves a pool file
// of 10-15 MB, so after each store only the most recently used few are kept.
#include <cstddef>
#include <filesystem>
#include <string_view>

namespace smp {

// Marks `file` as just used (its modification time), so pruning keeps it. Errors are ignored: a
// cache that cannot be touched is still read.
void mark_used(const std::filesystem::path& file);

// Removes all but the `keep` most recently used files in `dir` whose names start with `prefix`;
// anything else in the folder is left alone, and files that cannot be removed are skipped.
void keep_most_recent(const std::filesystem::path& dir, std::string_view prefix, std::size_t keep);

}  // namespace smp
