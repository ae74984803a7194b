#pragma once
// Checks a mesh file before Assimp reads it, so that a corrupt or absurd file is refused at once
// instead of making the importer allocate what the header promises (a PLY header claiming two
// billion vertices costs ~23 GB and 10 s inside Assimp before it notices the data is missing).
#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace smp {

constexpr std::uintmax_t kMaxMeshFileBytes = 2ull << 30;  // 2 GiB: ten times a dense head scan

// Throws InputError naming the file when it is too large, or when its header declares more
// elements than its bytes can hold or more triangles than `max_triangles`.
void preflight_mesh_file(const std::filesystem::path& path, std::size_t max_triangles);

}  // namespace smp
