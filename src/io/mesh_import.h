#pragma once
// Reads any mesh format Assimp knows (OBJ, PLY, STL, glTF/GLB, FBX, Collada, Blender, ...) into one
// merged, normalised Mesh. The only place in the program that includes Assimp.
#include <cstddef>
#include <filesystem>

#include "core/mesh.h"
#include "io/mesh_normalise.h"

namespace smp {

// Anything larger is refused rather than left to exhaust memory: a dense head scan is ~1M.
constexpr std::size_t kMaxTriangles = 5'000'000;

struct ImportedMesh {
  Mesh mesh;
  Normalisation normalisation;
};

// Throws InputError with one line naming the file and the problem.
ImportedMesh import_mesh(const std::filesystem::path& path, Units units = Units::Auto,
                         std::size_t max_triangles = kMaxTriangles);

}  // namespace smp
