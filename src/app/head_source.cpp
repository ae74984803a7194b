#include "app/head_source.h"

#include <cstdlib>
#include <iostream>
#include <system_error>

#include "core/input_error.h"

namespace smp {
namespace {

constexpr const char* kBundledHead = "head.ply";

std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path(".") : exe.parent_path();
}

}  // namespace

std::filesystem::path bundled_head_path() {
  std::vector<std::filesystem::path> candidates;
  if (const char* env = std::getenv("SMP_STUDIO_ASSETS")) candidates.emplace_back(env);
  const auto exe_dir = executable_dir();
  candidates.push_back(exe_dir / "assets");
  candidates.push_back(exe_dir.parent_path() / "assets");
  candidates.push_back(exe_dir.parent_path().parent_path() / "assets");
  candidates.emplace_back(SMP_SOURCE_ASSETS);
  for (const auto& dir : candidates)
    if (std::filesystem::exists(dir / kBundledHead)) return dir / kBundledHead;
  throw std::runtime_error(std::string("the bundled head (assets/") + kBundledHead +
                           ") was not found beside the program; set SMP_STUDIO_ASSETS to the assets folder");
}

ImportedMesh load_head(const std::optional<std::filesystem::path>& path, Units units) {
  ImportedMesh head = import_mesh(path ? *path : bundled_head_path(), path ? units : Units::Millimetres);
  if (path) std::cerr << head.normalisation.note << "\n";
  return head;
}

}  // namespace smp
