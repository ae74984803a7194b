#include "io/mesh_cache.h"

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "io/atomic_file.h"
#include "io/cache_folder.h"

namespace smp {
namespace {

// Also part of every key: change it whenever the importer would read a file differently.
constexpr char kMagic[8] = {'S', 'M', 'P', 'M', 'E', 'S', 'H', '1'};
constexpr std::size_t kMeshesKept = 8;  // a few MB each

std::filesystem::path file_for(std::uint64_t key) {
  const std::filesystem::path dir = cache_folder();
  return dir.empty() ? dir : dir / ("mesh-" + std::to_string(key) + ".bin");
}

}  // namespace

std::optional<std::uint64_t> mesh_file_key(const std::filesystem::path& file) {
  const std::vector<char> bytes = read_whole_file(file);
  if (bytes.empty()) return std::nullopt;
  return fnv1a(kMagic, sizeof kMagic, fnv1a(bytes.data(), bytes.size()));  // another layout, another key
}

std::optional<Mesh> cached_mesh(std::uint64_t key) {
  const std::filesystem::path file = file_for(key);
  if (file.empty()) return std::nullopt;
  const std::vector<char> bytes = read_whole_file(file);
  std::uint64_t counts[2];  // positions, indices
  constexpr std::size_t kHeader = sizeof kMagic + sizeof counts;
  if (bytes.size() < kHeader || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
  std::memcpy(counts, bytes.data() + sizeof kMagic, sizeof counts);
  const std::uint64_t positions = counts[0], indices = counts[1];
  if (positions >= (1ull << 32) || indices >= (1ull << 34) || indices % 3 != 0 ||
      bytes.size() != kHeader + positions * sizeof(glm::vec3) + indices * sizeof(std::uint32_t))
    return std::nullopt;
  Mesh mesh;
  mesh.positions.resize(positions);
  mesh.indices.resize(indices);
  std::memcpy(mesh.positions.data(), bytes.data() + kHeader, positions * sizeof(glm::vec3));
  std::memcpy(mesh.indices.data(), bytes.data() + kHeader + positions * sizeof(glm::vec3), indices * sizeof(std::uint32_t));
  for (const glm::vec3& p : mesh.positions)
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) return std::nullopt;
  for (std::uint32_t i : mesh.indices)
    if (i >= positions) return std::nullopt;
  mark_used(file);
  return mesh;
}

void cache_mesh(std::uint64_t key, const Mesh& mesh) {
  const std::filesystem::path file = file_for(key);
  if (file.empty()) return;
  const std::uint64_t counts[2] = {mesh.positions.size(), mesh.indices.size()};
  std::vector<std::uint8_t> out(sizeof kMagic + sizeof counts + counts[0] * sizeof(glm::vec3) + counts[1] * sizeof(std::uint32_t));
  std::uint8_t* at = out.data();
  auto put = [&](const void* data, std::size_t size) {
    if (size) std::memcpy(at, data, size);
    at += size;
  };
  put(kMagic, sizeof kMagic);
  put(counts, sizeof counts);
  put(mesh.positions.data(), counts[0] * sizeof(glm::vec3));
  put(mesh.indices.data(), counts[1] * sizeof(std::uint32_t));
  try {
    std::filesystem::create_directories(file.parent_path());
    write_file_atomically(file, out);
    keep_most_recent(file.parent_path(), "mesh-", kMeshesKept);
  } catch (const std::exception&) {
    // No cache this time: the mesh is still good.
  }
}

}  // namespace smp
