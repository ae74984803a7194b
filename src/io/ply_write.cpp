#include "io/ply_write.h"

#include <bit>
#include <cstring>
#include <string>
#include <vector>

#include "io/atomic_file.h"

namespace smp {

void write_ply(const std::filesystem::path& path, const Mesh& mesh) {
  static_assert(std::endian::native == std::endian::little, "PLY is written little-endian as in memory");
  const std::string header = "ply\nformat binary_little_endian 1.0\nelement vertex " + std::to_string(mesh.positions.size()) +
                             "\nproperty float x\nproperty float y\nproperty float z\nelement face " +
                             std::to_string(mesh.triangle_count()) + "\nproperty list uchar uint vertex_indices\nend_header\n";
  const std::size_t vertex_bytes = mesh.positions.size() * sizeof(glm::vec3);
  constexpr std::size_t kFaceBytes = 1 + 3 * sizeof(std::uint32_t);  // count byte + three indices
  std::vector<std::uint8_t> bytes(header.size() + vertex_bytes + mesh.triangle_count() * kFaceBytes);
  std::uint8_t* out = bytes.data();
  std::memcpy(out, header.data(), header.size());
  out += header.size();
  std::memcpy(out, mesh.positions.data(), vertex_bytes);
  out += vertex_bytes;
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t, out += kFaceBytes) {
    out[0] = 3;
    std::memcpy(out + 1, &mesh.indices[t * 3], 3 * sizeof(std::uint32_t));
  }
  write_file_atomically(path, bytes);
}

}  // namespace smp
