#pragma once
// Writes a Mesh as binary little-endian PLY (positions and triangles), atomically.
#include <filesystem>

#include "core/mesh.h"

namespace smp {

void write_ply(const std::filesystem::path& path, const Mesh& mesh);

}  // namespace smp
