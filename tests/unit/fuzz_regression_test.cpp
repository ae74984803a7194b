// The fuzzers' seeds and every input they ever crashed on (fuzz/regressions), replayed in the
// normal build: each must end in a result or a named error. A fixed crash stays fixed.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "core/input_error.h"
#include "design/design_file.h"
#include "design/training_case.h"
#include "head/landmarks_json.h"
#include "io/mesh_import.h"
#include "support/test_files.h"

namespace smp {
namespace {

std::vector<std::filesystem::path> inputs(const std::string& target) {
  std::vector<std::filesystem::path> files;
  for (const char* kind : {"seeds", "regressions"}) {
    const std::filesystem::path dir = std::filesystem::path(SMP_SOURCE_DIR) / "fuzz" / kind / target;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error))
      if (entry.is_regular_file() && entry.path().filename() != ".keep") files.push_back(entry.path());
  }
  return files;
}

std::string bytes_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(FuzzRegressions, DesignReaderInputsEndInAResultOrANamedError) {
  const auto files = inputs("design_reader");
  ASSERT_GE(files.size(), 4u) << "the seeds are missing";
  for (const auto& file : files) {
    const std::string text = bytes_of(file);
    const DesignReadResult design = design_from_json(text);
    EXPECT_TRUE(design.design || !design.errors.empty()) << file;
    const CaseReadResult training_case = case_from_json(text);
    EXPECT_TRUE(training_case.training_case || !training_case.errors.empty()) << file;
    try {
      (void)landmarks_from_json(text, file.string());
    } catch (const InputError&) {
    }
  }
}

TEST(FuzzRegressions, MeshImportInputsEndInAMeshOrANamedError) {
  static const char* kExtensions[] = {".obj", ".ply", ".stl", ".off", ".gltf", ".glb", ".dae", ".fbx", ".3ds", ".x"};
  const auto files = inputs("mesh_import");
  ASSERT_GE(files.size(), 4u) << "the seeds are missing";
  const auto dir = test::scratch_dir();
  for (const auto& file : files) {
    const std::string bytes = bytes_of(file);
    if (bytes.empty()) continue;
    // As the fuzzer saw it: the first byte picks the format, the rest is the file.
    const auto as_mesh = dir / (std::string("input") + kExtensions[static_cast<unsigned char>(bytes[0]) % 10]);
    std::ofstream(as_mesh, std::ios::binary) << bytes.substr(1);
    try {
      // As the fuzzer runs it: a reader stuck in a loop is stopped after a few seconds.
      const ImportedMesh mesh = import_mesh(as_mesh, Units::Auto, 200'000, std::chrono::seconds(4));
      EXPECT_GT(mesh.mesh.triangle_count(), 0u) << file;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(as_mesh.filename().string()), std::string::npos) << "the error names the file: " << e.what();
    }
  }
}

}  // namespace
}  // namespace smp
