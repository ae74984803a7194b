#include "io/mesh_preflight.h"

#include <fstream>
#include <sstream>
#include <string>

#include "core/input_error.h"

namespace smp {
namespace {

// The counts a PLY header declares, and a lower bound on the bytes they need: every property of
// every element takes at least one byte (binary uchar, or one digit in ASCII).
void check_ply_header(const std::filesystem::path& path, std::uintmax_t file_bytes, std::size_t max_triangles) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!std::getline(in, line) || line.rfind("ply", 0) != 0) return;  // not PLY: Assimp decides
  std::uintmax_t needed = 0, faces = 0, current_count = 0;
  for (int lines = 0; std::getline(in, line) && lines < 10000; ++lines) {
    std::istringstream words(line);
    std::string keyword, name;
    words >> keyword;
    if (keyword == "end_header") break;
    if (keyword == "element") {
      words >> name >> current_count;
      if (name == "face") faces = current_count;
    } else if (keyword == "property") {
      needed += current_count;  // one byte per property per element at the least
    }
  }
  if (needed > file_bytes)
    throw InputError(path.string() + ": the header declares more data than the file holds (corrupt or truncated PLY)");
  // A face is at least one triangle; polygons only add more.
  if (faces > max_triangles)
    throw InputError(path.string() + ": " + std::to_string(faces) + " faces is more than the " +
                     std::to_string(max_triangles) + " triangles this program accepts; simplify the mesh first");
}

}  // namespace

void preflight_mesh_file(const std::filesystem::path& path, std::size_t max_triangles) {
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (ec) return;  // the importer reports unreadable files
  if (bytes > kMaxMeshFileBytes)
    throw InputError(path.string() + ": " + std::to_string(bytes >> 20) + " MiB is larger than the " +
                     std::to_string(kMaxMeshFileBytes >> 20) + " MiB this program reads; simplify the mesh first");
  check_ply_header(path, bytes, max_triangles);
}

}  // namespace smp
