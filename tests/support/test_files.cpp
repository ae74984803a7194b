#include "support/test_files.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

namespace smp::test {
namespace {

std::filesystem::path scratch_root() {
  return std::filesystem::temp_directory_path() / ("smp-studio-test-" + std::to_string(::getpid()));
}

// Removes this process's scratch folders when the tests end.
struct ScratchCleanup : ::testing::Environment {
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(scratch_root(), ec);
  }
};
const auto* const kCleanup = ::testing::AddGlobalTestEnvironment(new ScratchCleanup);

}  // namespace

std::filesystem::path scratch_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "scratch";
  const auto dir = scratch_root() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string cube_obj(float edge, float cx, float cy, float cz) {
  const float h = edge / 2;
  // Per face: 4 corners (own vertices, so the file is split per face), 2 triangles, outward winding.
  const float faces[6][4][3] = {
      {{-h, -h, h}, {h, -h, h}, {h, h, h}, {-h, h, h}},     {{h, -h, -h}, {-h, -h, -h}, {-h, h, -h}, {h, h, -h}},
      {{h, -h, h}, {h, -h, -h}, {h, h, -h}, {h, h, h}},     {{-h, -h, -h}, {-h, -h, h}, {-h, h, h}, {-h, h, -h}},
      {{-h, h, h}, {h, h, h}, {h, h, -h}, {-h, h, -h}},     {{-h, -h, -h}, {h, -h, -h}, {h, -h, h}, {-h, -h, h}}};
  std::ostringstream obj;
  for (const auto& face : faces)
    for (const auto& v : face) obj << "v " << v[0] + cx << " " << v[1] + cy << " " << v[2] + cz << "\n";
  for (int f = 0; f < 6; ++f) {
    const int b = f * 4 + 1;
    obj << "f " << b << " " << b + 1 << " " << b + 2 << "\nf " << b << " " << b + 2 << " " << b + 3 << "\n";
  }
  return obj.str();
}

CommandResult run_command(const std::string& command, Stderr stderr_output) {
  CommandResult result;
  FILE* pipe = ::popen((command + (stderr_output == Stderr::Captured ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  while (std::fgets(buffer.data(), buffer.size(), pipe)) result.output += buffer.data();
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace smp::test
