#include "app/pool_cache.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <string>
#include <vector>

#include "dots/head_dots.h"
#include "io/atomic_file.h"
#include "io/cache_folder.h"

namespace smp {
namespace {

// Pool files kept: a head's is 10-15 MB, and a clinic sees many patients' scans.
constexpr std::size_t kPoolsKept = 8;

// The file layout (2: with each dot's triangle; 3: and its nearest vertex, a search of 0.1-0.2 s
// at every start).
constexpr char kMagic[8] = {'S', 'M', 'P', 'P', 'O', 'O', 'L', '3'};

template <class T>
void append(std::vector<std::uint8_t>& out, const T* data, std::size_t count) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(data);
  out.insert(out.end(), p, p + count * sizeof(T));
}

template <class T>
bool take(const std::vector<char>& in, std::size_t& at, T* data, std::size_t count) {
  const std::size_t bytes = count * sizeof(T);
  if (at + bytes > in.size()) return false;
  std::memcpy(data, in.data() + at, bytes);
  at += bytes;
  return true;
}

}  // namespace

DotPool cached_head_pool(const Mesh& mesh) {
  std::uint64_t key = fnv1a(mesh.positions.data(), mesh.positions.size() * sizeof(glm::vec3));
  key = fnv1a(mesh.indices.data(), mesh.indices.size() * sizeof(std::uint32_t), key);
  const double density = kMaxDesignDensityPerCm2;
  key = fnv1a(&density, sizeof density, key);
  key = fnv1a(&kDotPoolVersion, sizeof kDotPoolVersion, key);
  key = fnv1a(kMagic, sizeof kMagic, key);  // builds with other layouts keep their own files
  const std::filesystem::path dir = cache_folder();
  const std::filesystem::path file = dir.empty() ? dir : dir / ("pool-" + std::to_string(key) + ".bin");

  if (!file.empty()) {
    const std::vector<char> bytes = read_whole_file(file);
    std::size_t at = 0;
    char magic[8];
    std::uint64_t count = 0;
    DotPool pool;
    if (take(bytes, at, magic, 8) && std::memcmp(magic, kMagic, 8) == 0 && take(bytes, at, &count, 1) &&
        take(bytes, at, &pool.area_mm2, 1) && take(bytes, at, &pool.density_per_cm2, 1) && count < (1ull << 28)) {
      pool.positions.resize(count);
      pool.normals.resize(count);
      pool.rank.resize(count);
      pool.triangles.resize(count);
      pool.nearest_vertex.resize(count);
      bool inside = true;  // every triangle and vertex index names one of this mesh
      if (take(bytes, at, pool.positions.data(), count) && take(bytes, at, pool.normals.data(), count) &&
          take(bytes, at, pool.rank.data(), count) && take(bytes, at, pool.triangles.data(), count) &&
          take(bytes, at, pool.nearest_vertex.data(), count) && at == bytes.size()) {
        for (std::uint32_t t : pool.triangles) inside &= t < mesh.triangle_count();
        for (std::uint32_t v : pool.nearest_vertex) inside &= v < mesh.positions.size() || v == kNoVertex;
        if (inside) {
          mark_used(file);
          return pool;
        }
      }
    }
  }
  DotPool pool = build_head_pool(mesh);
  pool.nearest_vertex = nearest_vertices(pool, mesh);
  if (!file.empty()) {
    std::vector<std::uint8_t> out;
    const std::uint64_t count = pool.size();
    append(out, kMagic, 8);
    append(out, &count, 1);
    append(out, &pool.area_mm2, 1);
    append(out, &pool.density_per_cm2, 1);
    append(out, pool.positions.data(), count);
    append(out, pool.normals.data(), count);
    append(out, pool.rank.data(), count);
    append(out, pool.triangles.data(), count);
    append(out, pool.nearest_vertex.data(), count);
    try {
      std::filesystem::create_directories(dir);
      write_file_atomically(file, out);
      keep_most_recent(dir, "pool-", kPoolsKept);
    } catch (const std::exception&) {
      // No cache this time: the pool is still good.
    }
  }
  return pool;
}

}  // namespace smp
