#include "support/bundled_head.h"

#include <filesystem>

#include "io/mesh_import.h"

namespace smp::test {

const Mesh& bundled_head() {
  static const Mesh head = import_mesh(std::filesystem::path(SMP_ASSETS_DIR) / "head.ply", Units::Millimetres).mesh;
  return head;
}

}  // namespace smp::test
