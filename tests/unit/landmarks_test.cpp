// Landmarks: the JSON file beside a mesh, and estimation from the shape of the bundled head.
#include <filesystem>

#include <gtest/gtest.h>

#include "core/input_error.h"
#include "core/mesh_primitives.h"
#include "head/landmark_estimate.h"
#include "head/landmarks_json.h"
#include "support/bundled_head.h"

namespace smp {
namespace {

std::string json_error(const std::string& text) {
  try {
    landmarks_from_json(text, "head.landmarks.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(LandmarksJson, RoundTripsToAHundredthOfAMillimetre) {
  Landmarks l;
  for (std::size_t i = 0; i < kLandmarkCount; ++i) l.positions[i] = glm::vec3(float(i) + 0.123f, -float(i), 2.5f * float(i));
  const LandmarksFile back = landmarks_from_json(landmarks_to_json({l, glm::mat3(1.0f), 0.0f}), "test");
  for (std::size_t i = 0; i < kLandmarkCount; ++i)
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(back.landmarks.positions[i][k], l.positions[i][k], 0.005f);
  EXPECT_EQ(back.orientation, glm::mat3(1.0f));
  EXPECT_EQ(back.crop_to_top_mm, 0.0f);
}

TEST(LandmarksJson, OrientationAndCropRoundTrip) {
  LandmarksFile file;
  file.orientation = glm::mat3(glm::vec3(1, 0, 0), glm::vec3(0, 0, -1), glm::vec3(0, 1, 0));  // Z up, facing -Y
  file.crop_to_top_mm = 320.0f;
  const LandmarksFile back = landmarks_from_json(landmarks_to_json(file), "test");
  EXPECT_EQ(back.orientation, file.orientation);
  EXPECT_EQ(back.crop_to_top_mm, 320.0f);
  std::string skewed = landmarks_to_json(file);
  skewed.replace(skewed.find("\"orientation\": ["), 16, "\"orientation\": [[2, 0, 0], ");
  EXPECT_NE(json_error(skewed).find("must be a 3x3 rotation"), std::string::npos) << json_error(skewed);
}

TEST(LandmarksJson, BrokenFilesSayWhatIsWrong) {
  Landmarks l;
  const std::string good = landmarks_to_json({l, glm::mat3(1.0f), 0.0f});
  EXPECT_NE(json_error("{ not json").find("not valid JSON"), std::string::npos);
  EXPECT_NE(json_error("{}").find("no \"landmarks\""), std::string::npos);
  std::string missing = good;
  missing.replace(missing.find("\"vertex\""), 8, "\"vertexx\"");
  EXPECT_NE(json_error(missing).find("\"vertex\" is missing"), std::string::npos) << json_error(missing);
  std::string text_value = good;
  text_value.replace(text_value.find("\"nape\": ["), 9, "\"nape\": [\"a\",");
  EXPECT_NE(json_error(text_value).find("three numbers"), std::string::npos) << json_error(text_value);
  EXPECT_NE(json_error(R"({"units": "cm", "landmarks": {}})").find("units must be \"mm\""), std::string::npos);
  for (const std::string& message : {json_error("{ not json"), json_error(missing)})
    EXPECT_EQ(message.rfind("head.landmarks.json: ", 0), 0u) << "names the file: " << message;
}

TEST(LandmarkEstimate, BundledHeadLandmarksAreAnatomicallyOrdered) {
  const Mesh& head = test::bundled_head();
  const Landmarks l = estimate_landmarks(head, "head.ply");
  const glm::vec3 g = l[Landmark::Glabella], n = l[Landmark::Nasion], v = l[Landmark::Vertex], i = l[Landmark::Inion];
  EXPECT_GT(g.y, n.y + 5) << "glabella above the nasion";
  EXPECT_LT(g.y, n.y + 30);
  EXPECT_GT(g.z, 60) << "glabella on the face";
  EXPECT_LT(i.z, -60) << "inion at the back";
  EXPECT_GT(v.y, g.y + 80) << "vertex on top";
  EXPECT_LT(std::abs(v.z), 40.0f);
  for (Landmark mid : {Landmark::Glabella, Landmark::Nasion, Landmark::Vertex, Landmark::Inion, Landmark::Nape})
    EXPECT_LT(std::abs(l[mid].x), 4.0f) << landmark_label(mid) << " on the midline";
  EXPECT_GT(l[Landmark::LeftEarTop].x, 60) << "the patient's left is +X";
  EXPECT_LT(l[Landmark::RightEarTop].x, -60);
  EXPECT_GT(l[Landmark::LeftCanthus].x, 30);
  EXPECT_LT(l[Landmark::RightCanthus].x, -30);
  EXPECT_NEAR(l[Landmark::LeftCanthus].y, n.y, 15) << "eye corners at eye level";
  EXPECT_GT(l[Landmark::LeftFrontotemporal].y, g.y + 30) << "temple corner above the brow";
  EXPECT_NEAR(l[Landmark::LeftFrontotemporal].x, l[Landmark::LeftCanthus].x, 3) << "straight up from the eye corner";
  EXPECT_LT(l[Landmark::Nape].y, i.y - 40) << "nape below the inion";
}

TEST(LandmarkEstimate, ShapesWithoutAFaceAreRefusedNotGuessed) {
  try {
    estimate_landmarks(make_icosphere(90.0f, 4), "ball.obj");
    FAIL() << "a ball has no face";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("ball.obj: cannot find the landmarks"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("by hand"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace smp
