// Importing and normalising meshes written by the test itself, in several formats and units.
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include "core/input_error.h"
#include "io/mesh_import.h"
#include "io/ply_write.h"
#include "support/test_files.h"

namespace smp {
namespace {

std::string import_error(const std::filesystem::path& path, std::size_t max_triangles = kMaxTriangles) {
  try {
    import_mesh(path, Units::Auto, max_triangles);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(UnitDetection, HeadSizedBoxesInEachUnit) {
  EXPECT_EQ(detect_units({{0, 0, 0}, {0.16f, 0.22f, 0.2f}}), Units::Metres);
  EXPECT_EQ(detect_units({{0, 0, 0}, {16, 22, 20}}), Units::Centimetres);
  EXPECT_EQ(detect_units({{0, 0, 0}, {160, 220, 200}}), Units::Millimetres);
}

TEST(MeshImport, ObjInMetresIsScaledCentredWeldedAndSmooth) {
  const auto path = test::scratch_dir() / "cube.obj";
  test::write_text(path, test::cube_obj(0.2f, 5.0f, 1.0f, -2.0f));  // 0.2 m, far from the origin
  const ImportedMesh result = import_mesh(path);
  EXPECT_EQ(result.normalisation.units, Units::Metres);
  EXPECT_TRUE(result.normalisation.detected);
  EXPECT_NE(result.normalisation.note.find("as m"), std::string::npos) << result.normalisation.note;
  const Bounds b = bounds_of(result.mesh);
  EXPECT_NEAR(b.size().x, 200.0f, 1e-2f);
  EXPECT_NEAR(glm::length(b.centre()), 0.0f, 1e-3f);
  EXPECT_EQ(result.mesh.vertex_count(), 8u);  // 24 split corners welded into 8
  EXPECT_EQ(result.mesh.triangle_count(), 12u);
  for (std::size_t i = 0; i < result.mesh.vertex_count(); ++i) {
    EXPECT_NEAR(glm::length(result.mesh.normals[i]), 1.0f, 1e-5f);
    EXPECT_GT(glm::dot(result.mesh.normals[i], result.mesh.positions[i]), 0.0f);  // outward
  }
}

TEST(MeshImport, UnitsCanBeForced) {
  const auto path = test::scratch_dir() / "cube.obj";
  test::write_text(path, test::cube_obj(20.0f));
  EXPECT_EQ(import_mesh(path, Units::Auto).normalisation.units, Units::Centimetres);
  const ImportedMesh as_mm = import_mesh(path, Units::Millimetres);
  EXPECT_FALSE(as_mm.normalisation.detected);
  // 20 mm is too small to be a head, but a forced unit is the user's call: only absurd sizes fail.
  EXPECT_NEAR(bounds_of(as_mm.mesh).size().y, 20.0f, 1e-3f);
}

TEST(MeshImport, PlyAndStlAreReadToo) {
  const auto dir = test::scratch_dir();
  Mesh tetra;
  tetra.positions = {{0, 0, 0}, {150, 0, 0}, {0, 150, 0}, {0, 0, 150}};
  tetra.indices = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
  write_ply(dir / "tetra.ply", tetra);
  EXPECT_EQ(import_mesh(dir / "tetra.ply").mesh.triangle_count(), 4u);

  test::write_text(dir / "tri.stl",
                   "solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 180 0 0\nvertex 0 180 0\n"
                   "endloop\nendfacet\nendsolid t\n");
  const ImportedMesh stl = import_mesh(dir / "tri.stl");
  EXPECT_EQ(stl.mesh.triangle_count(), 1u);
  EXPECT_EQ(stl.normalisation.units, Units::Millimetres);
}

TEST(MeshImportErrors, EachBrokenFileGetsOneLineNamingIt) {
  const auto dir = test::scratch_dir();
  struct Case {
    const char* file;
    std::string contents;
    const char* expected;
  };
  const Case cases[] = {
      {"empty.obj", "", "the file is empty"},
      {"garbage.obj", "this is not a mesh\x01\x02\n", "no triangles"},
      {"garbage.xyz123", "\x7f\x45\x4c\x46 binary junk", "not a mesh that can be read"},
      {"points.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\n", "no triangles"},
      {"nan.obj", "v 0 0 0\nv nan 0 0\nv 0 100 0\nf 1 2 3\n", "NaN or infinite"},
      {"flat.obj", "v 0 0 0\nv 100 0 0\nv 200 0 0\nf 1 2 3\n", "zero area"},
  };
  for (const Case& c : cases) {
    test::write_text(dir / c.file, c.contents);
    const std::string message = import_error(dir / c.file);
    EXPECT_NE(message.find((dir / c.file).string()), std::string::npos) << c.file << ": " << message;
    EXPECT_NE(message.find(c.expected), std::string::npos) << c.file << ": " << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << c.file << ": one line";
  }
  EXPECT_NE(import_error(dir / "missing.obj").find("no such file"), std::string::npos);
  EXPECT_NE(import_error(dir).find("is a folder"), std::string::npos);
}

TEST(MeshImportErrors, TooManyTrianglesIsRefused) {
  const auto path = test::scratch_dir() / "cube.obj";
  test::write_text(path, test::cube_obj(200.0f));
  const std::string message = import_error(path, 10);  // the cube has 12
  EXPECT_NE(message.find("12 triangles is more than the 10"), std::string::npos) << message;
}

TEST(MeshImportErrors, PlyHeaderPromisingMoreThanTheFileHoldsIsRefusedAtOnce) {
  const auto path = test::scratch_dir() / "evil.ply";
  // Two billion vertices declared, none present: without the check Assimp allocates ~23 GB first.
  test::write_text(path, "ply\nformat binary_little_endian 1.0\nelement vertex 2000000000\nproperty float x\n"
                         "property float y\nproperty float z\nelement face 1\nproperty list uchar uint vertex_indices\n"
                         "end_header\n");
  EXPECT_NE(import_error(path).find("declares more data than the file holds"), std::string::npos) << import_error(path);
}

TEST(MeshImportErrors, PlyDeclaringTooManyFacesIsRefusedBeforeReading) {
  const auto path = test::scratch_dir() / "dense.ply";
  Mesh cube;
  cube.positions = {{0, 0, 0}, {100, 0, 0}, {0, 100, 0}, {0, 0, 100}};
  cube.indices = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
  write_ply(path, cube);
  EXPECT_NE(import_error(path, 3).find("4 faces is more than the 3"), std::string::npos) << import_error(path, 3);
}

TEST(MeshImportErrors, AbsurdSizeIsRefusedWithAHint) {
  const auto path = test::scratch_dir() / "huge.obj";
  test::write_text(path, test::cube_obj(90000.0f));  // 90 m read as mm
  const std::string message = import_error(path);
  EXPECT_NE(message.find("cannot be a head"), std::string::npos) << message;
  EXPECT_NE(message.find("--units"), std::string::npos) << message;
}

}  // namespace
}  // namespace smp
