// Imported scans come in any axis order: the head is turned back into the program's frame.
#include <filesystem>

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include "core/input_error.h"
#include "core/mesh_primitives.h"
#include "head/orientation.h"
#include "support/bundled_head.h"

namespace smp {
namespace {

// A rotation taking the program's frame to a file's: `up` and `facing` are where they end up.
glm::mat3 file_frame(glm::vec3 up, glm::vec3 facing) { return glm::mat3(glm::cross(up, facing), up, facing); }

TEST(Orientation, TurnsScansSavedInOtherFramesBack) {
  struct Case {
    const char* name;
    glm::vec3 up, facing;
  };
  const Case cases[] = {{"Z up, facing -Y (scanners)", {0, 0, 1}, {0, -1, 0}},
                        {"Z up, facing +X", {0, 0, 1}, {1, 0, 0}},
                        {"upside down", {0, -1, 0}, {0, 0, 1}},
                        {"facing away", {0, 1, 0}, {0, 0, -1}}};
  const Landmarks reference = orient_head(test::bundled_head(), "head.ply").landmarks;
  for (const Case& c : cases) {
    const Mesh file = rotate_mesh(test::bundled_head(), file_frame(c.up, c.facing));
    const OrientedHead oriented = orient_head(file, c.name);
    for (Landmark l : kAllLandmarks)
      EXPECT_LT(glm::length(oriented.landmarks[l] - reference[l]), 2.0f) << c.name << ": " << landmark_label(l);
    EXPECT_NE(oriented.note.find("assumed"), std::string::npos) << oriented.note;
  }
}

TEST(Orientation, BodyScanIsCutToTheHead) {
  // The head on a torso: a box 40 x 60 x 25 cm under the neck.
  Mesh body = test::bundled_head();
  const float neck = bounds_of(body).min.y;
  const auto base = static_cast<std::uint32_t>(body.positions.size());
  for (int i = 0; i < 8; ++i)
    body.positions.emplace_back((i & 1) ? 200.0f : -200.0f, (i & 2) ? neck + 5 : neck - 600, (i & 4) ? 125.0f : -125.0f);
  const std::uint32_t box[36] = {0, 2, 3, 0, 3, 1, 4, 5, 7, 4, 7, 6, 0, 1, 5, 0, 5, 4, 2, 6, 7, 2, 7, 3, 0, 4, 6, 0, 6, 2, 1, 3, 7, 1, 7, 5};
  for (std::uint32_t i : box) body.indices.push_back(base + i);
  compute_smooth_normals(body);
  const OrientedHead oriented = orient_head(body, "body.ply");
  EXPECT_NE(oriented.note.find("cut"), std::string::npos) << oriented.note;
  EXPECT_LE(bounds_of(oriented.mesh).size().y, kBodyCropMm + 1.0f);
  EXPECT_LT(oriented.landmarks[Landmark::LeftEarTop].x, 100.0f) << "the ear, not the shoulder";
}

TEST(Orientation, ShapesWithNoFaceAnyWayUpAreRefused) {
  try {
    orient_head(make_icosphere(100.0f, 4), "ball.stl");
    FAIL() << "a ball has no face";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("ball.stl: no face found"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace smp
