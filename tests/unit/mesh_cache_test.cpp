// The cache of imported meshes: what it keeps, what it refuses, and that import_mesh takes a
// file read before from it.
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "core/input_error.h"
#include "io/cache_folder.h"
#include "io/mesh_cache.h"
#include "io/mesh_import.h"
#include "support/test_files.h"

namespace smp {
namespace {

// Points the cache at this test's scratch folder for the test's length.
class MeshCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = test::scratch_dir();
    if (const char* old = std::getenv("XDG_CACHE_HOME")) old_ = old, had_ = true;
    setenv("XDG_CACHE_HOME", (folder_ / "cache").c_str(), 1);
  }
  void TearDown() override {
    if (had_) setenv("XDG_CACHE_HOME", old_.c_str(), 1);
    else unsetenv("XDG_CACHE_HOME");
  }
  std::filesystem::path folder_;

 private:
  std::string old_;
  bool had_ = false;
};

Mesh triangle_pair(float size) {
  Mesh mesh;
  mesh.positions = {{0, 0, 0}, {size, 0, 0}, {0, size, 0}, {size, size, 0}};
  mesh.indices = {0, 1, 2, 2, 1, 3};
  return mesh;
}

std::filesystem::path only_cached_file() {
  std::filesystem::path found;
  for (const auto& entry : std::filesystem::directory_iterator(cache_folder()))
    if (entry.path().filename().string().rfind("mesh-", 0) == 0) found = entry.path();
  return found;
}

TEST_F(MeshCacheTest, KeepsAMeshUnderItsKey) {
  EXPECT_FALSE(cached_mesh(42));
  cache_mesh(42, triangle_pair(3.0f));
  const std::optional<Mesh> back = cached_mesh(42);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->positions, triangle_pair(3.0f).positions);
  EXPECT_EQ(back->indices, triangle_pair(3.0f).indices);
  EXPECT_FALSE(cached_mesh(43));
}

TEST_F(MeshCacheTest, ADamagedFileIsNotTrusted) {
  cache_mesh(7, triangle_pair(1.0f));
  const std::filesystem::path file = only_cached_file();
  ASSERT_FALSE(file.empty());
  std::filesystem::resize_file(file, std::filesystem::file_size(file) - 4);  // cut short
  EXPECT_FALSE(cached_mesh(7));

  Mesh pointing_outside = triangle_pair(1.0f);
  pointing_outside.indices[5] = 9;  // no such vertex
  cache_mesh(7, pointing_outside);
  EXPECT_FALSE(cached_mesh(7));
}

TEST_F(MeshCacheTest, ImportTakesAFileReadBeforeFromTheCacheAndAChangedFileAfresh) {
  const std::filesystem::path path = folder_ / "cube.obj";
  test::write_text(path, test::cube_obj(200.0f));
  const ImportedMesh first = import_mesh(path);
  const std::optional<std::uint64_t> key = mesh_file_key(path);
  ASSERT_TRUE(key);
  ASSERT_TRUE(cached_mesh(*key)) << "the first import stores the mesh";

  // What the cache holds under the file's key is what a second import gets.
  cache_mesh(*key, triangle_pair(150.0f));
  EXPECT_EQ(import_mesh(path).mesh.triangle_count(), 2u);

  // A file with other contents has another key: read from the file.
  test::write_text(path, test::cube_obj(210.0f));
  EXPECT_EQ(import_mesh(path).mesh.triangle_count(), first.mesh.triangle_count());
}

TEST_F(MeshCacheTest, ACachedMeshStillObeysTheTriangleLimit) {
  const std::filesystem::path path = folder_ / "cube.obj";
  test::write_text(path, test::cube_obj(200.0f));
  import_mesh(path);  // cached now
  EXPECT_THROW(import_mesh(path, Units::Auto, 4), InputError);
}

}  // namespace
}  // namespace smp
