#pragma once
// Design files on disk: read with every problem named, written atomically.
#include <filesystem>

#include "design/design.h"

namespace smp {

// Throws InputError "FILE: field: problem (and N more)" for a missing or bad file.
Design read_design_file(const std::filesystem::path& path);
// Throws std::runtime_error naming the file when it cannot be written; the old file is then intact.
void write_design_file(const std::filesystem::path& path, const Design& design);

}  // namespace smp
