// libFuzzer target: bytes as a mesh file of one of the formats clinics send (the first byte picks
// the extension, the rest is the file), through import and normalisation. A broken file must end
// in InputError (one line naming it), never a crash, a hang or a sanitizer report.
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/input_error.h"
#include "io/mesh_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* kExtensions[] = {".obj", ".ply", ".stl", ".off", ".gltf", ".glb", ".dae", ".fbx", ".3ds", ".x"};
  if (size < 1) return 0;
  const char* extension = kExtensions[data[0] % (sizeof kExtensions / sizeof *kExtensions)];
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("smp-fuzz-" + std::to_string(getpid()) + extension);
  {
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(data + 1), std::streamsize(size - 1));
  }
  try {
    // A small triangle limit keeps each run quick; the limit itself is part of what is tested. The
    // time limit is under libFuzzer's -timeout, so a reader stuck in a loop is ours to stop.
    (void)smp::import_mesh(file, smp::Units::Auto, 200'000, std::chrono::seconds(4));
  } catch (const smp::InputError&) {
  }
  std::filesystem::remove(file);
  return 0;
}
