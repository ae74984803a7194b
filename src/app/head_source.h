#pragma once
// Where the head comes from: the bundled head, or a mesh the user names with --head.
#include <filesystem>
#include <optional>

#include "io/mesh_import.h"

namespace smp {

// The bundled head: $SMP_STUDIO_ASSETS, assets/ beside or above the executable, or the source tree.
std::filesystem::path bundled_head_path();

// Imports `path` (or the bundled head) and prints which units were assumed to stderr.
ImportedMesh load_head(const std::optional<std::filesystem::path>& path, Units units);

}  // namespace smp
