#pragma once
// Reads any mesh format Assimp knows (OBJ, PLY, STL, glTF/GLB, FBX, Collada, Blender, ...) into one
// merged, normalised Mesh. The only place in the program that includes Assimp.
#include <chrono>
#include <cstddef>
#include <filesystem>

#include "core/mesh.h"
#include "io/mesh_normalise.h"

namespace smp {

// Anything larger is refused rather than left to exhaust memory: a dense head scan is ~1M.
constexpr std::size_t kMaxTriangles = 5'000'000;
// A file that takes longer than this to read is refused (a 5M-triangle scan reads in ~30 s here).
constexpr std::chrono::seconds kImportTimeLimit{120};
// Nor may reading it take more memory than this (address space of the reading process): a 5M-triangle
// scan needs ~2 GB inside Assimp; a file that would need more is refused, the machine stays usable.
constexpr std::size_t kImportMemoryBytes = std::size_t(8) << 30;

struct ImportedMesh {
  Mesh mesh;
  Normalisation normalisation;
};

// Throws InputError with one line naming the file and the problem. Assimp reads the file in a
// child process: Debian's Assimp aborts the whole process on some malformed files (an assertion
// in its post-processing, found by fuzzing) and may never return on others; either way the
// program, and the design open in it, carry on with a message.
ImportedMesh import_mesh(const std::filesystem::path& path, Units units = Units::Auto,
                         std::size_t max_triangles = kMaxTriangles, std::chrono::seconds time_limit = kImportTimeLimit);

}  // namespace smp
