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

}  // namespace smp
