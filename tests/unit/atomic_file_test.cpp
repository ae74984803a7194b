#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "io/atomic_file.h"
#include "support/test_files.h"

namespace smp {
namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ostringstream s;
  s << std::ifstream(path).rdbuf();
  return s.str();
}

TEST(AtomicFile, ReplacesTheWholeFileAndLeavesNoTemporary) {
  const auto dir = test::scratch_dir();
  const auto path = dir / "design.json";
  test::write_text(path, "old contents that are longer");
  write_file_atomically(path, std::string_view("new"));
  EXPECT_EQ(read_all(path), "new");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 1);
}

TEST(AtomicFile, FailureNamesThePathAndKeepsTheOldFile) {
  const auto dir = test::scratch_dir();
  const auto missing = dir / "no-such-folder" / "out.png";
  try {
    write_file_atomically(missing, std::string_view("x"));
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(missing));
}

}  // namespace
}  // namespace smp
