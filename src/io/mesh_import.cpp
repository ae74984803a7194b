#include "io/mesh_import.h"

#include <cmath>
#include <fstream>
#include <string>
#include <system_error>

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "core/input_error.h"
#include "io/mesh_preflight.h"

namespace smp {
namespace {

std::string fail(const std::filesystem::path& path, const std::string& what) { return path.string() + ": " + what; }

void check_file(const std::filesystem::path& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw InputError(fail(path, "no such file"));
  if (std::filesystem::is_directory(status)) throw InputError(fail(path, "is a folder, not a mesh file"));
  if (!std::ifstream(path)) throw InputError(fail(path, "cannot be read (permission denied?)"));
  if (std::filesystem::file_size(path, ec) == 0) throw InputError(fail(path, "the file is empty"));
}

// Counts before copying so that an absurd file is refused before it is materialised twice.
std::size_t count_triangles(const aiScene& scene) {
  std::size_t triangles = 0;
  for (unsigned m = 0; m < scene.mNumMeshes; ++m)
    if (scene.mMeshes[m]->mPrimitiveTypes & aiPrimitiveType_TRIANGLE) triangles += scene.mMeshes[m]->mNumFaces;
  return triangles;
}

Mesh merge_triangles(const aiScene& scene, const std::filesystem::path& path) {
  Mesh mesh;
  std::size_t bad_coordinates = 0;
  for (unsigned m = 0; m < scene.mNumMeshes; ++m) {
    const aiMesh& part = *scene.mMeshes[m];
    const auto base = static_cast<std::uint32_t>(mesh.positions.size());
    for (unsigned v = 0; v < part.mNumVertices; ++v) {
      const aiVector3D& p = part.mVertices[v];
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) ++bad_coordinates;
      mesh.positions.emplace_back(p.x, p.y, p.z);
    }
    for (unsigned f = 0; f < part.mNumFaces; ++f) {
      const aiFace& face = part.mFaces[f];
      if (face.mNumIndices != 3) continue;  // points and lines are not surface
      for (unsigned k = 0; k < 3; ++k) {
        if (face.mIndices[k] >= part.mNumVertices) throw InputError(fail(path, "a face points past the vertex list"));
        mesh.indices.push_back(base + face.mIndices[k]);
      }
    }
  }
  if (bad_coordinates > 0)
    throw InputError(fail(path, std::to_string(bad_coordinates) + " vertices have NaN or infinite coordinates"));
  return mesh;
}

}  // namespace

ImportedMesh import_mesh(const std::filesystem::path& path, Units units, std::size_t max_triangles) {
  check_file(path);
  preflight_mesh_file(path, max_triangles);
  Assimp::Importer importer;
  // Lines and points are dropped at import; node transforms are baked in so all parts line up.
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  const aiScene* scene = importer.ReadFile(path.string(), aiProcess_Triangulate | aiProcess_JoinIdenticalVertices |
                                                              aiProcess_SortByPType | aiProcess_PreTransformVertices);
  if (!scene) {
    std::string reason = importer.GetErrorString();
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == '.')) reason.pop_back();
    // Assimp's words for a file that parsed but held no surface.
    if (reason.find("No output meshes") != std::string::npos || reason.find("no meshes") != std::string::npos)
      throw InputError(fail(path, "contains no triangles (only points, lines or nothing)"));
    throw InputError(fail(path, "not a mesh that can be read (" + (reason.empty() ? "unknown format" : reason) + ")"));
  }
  const std::size_t triangles = count_triangles(*scene);
  if (triangles == 0) throw InputError(fail(path, "contains no triangles (only points, lines or nothing)"));
  if (triangles > max_triangles)
    throw InputError(fail(path, std::to_string(triangles) + " triangles is more than the " + std::to_string(max_triangles) +
                                    " this program accepts; simplify the mesh first"));
  ImportedMesh result;
  result.mesh = merge_triangles(*scene, path);
  importer.FreeScene();
  result.normalisation = normalise_mesh(result.mesh, units, path.string());
  return result;
}

}  // namespace smp
