#pragma once
// Every file the program writes goes through here: written to a temporary file beside the target,
// flushed, then renamed over it, so a crash or a full disk never leaves half a file behind.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace smp {

// Throws std::runtime_error naming the path and the reason on failure; the target is untouched then.
void write_file_atomically(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

// Puts the finished folder `ready` at `target` in one step: an existing `target` is swapped out
// atomically (renameat2 RENAME_EXCHANGE) and only then deleted, so a crash at any moment leaves
// either the old folder or the new one at `target`, never neither. Throws like the above.
void replace_folder_atomically(const std::filesystem::path& ready, const std::filesystem::path& target);

}  // namespace smp
