#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include "core/camera.h"
#include "core/mesh_primitives.h"

namespace smp {
namespace {

Bounds head_box() { return {{-80, -100, -100}, {80, 100, 100}}; }

glm::vec2 project(const OrbitCamera& c, glm::vec3 p, float aspect) {
  const glm::vec4 clip = c.projection_matrix(aspect) * c.view_matrix() * glm::vec4(p, 1.0f);
  return glm::vec2(clip) / clip.w;
}

TEST(Camera, ViewNamesRoundTrip) {
  for (auto name : {"front", "back", "left", "right", "top", "three-quarter"}) {
    const auto view = parse_view(name);
    ASSERT_TRUE(view.has_value()) << name;
    EXPECT_EQ(view_name(*view), name);
  }
  EXPECT_FALSE(parse_view("side").has_value());
}

TEST(Camera, NamedViewsLookFromTheRightSide) {
  const OrbitCamera front = camera_for_view(head_box(), View::Front, 1.0f);
  EXPECT_GT(front.eye().z, 100.0f);  // the face looks along +Z
  const OrbitCamera left = camera_for_view(head_box(), View::Left, 1.0f);
  EXPECT_GT(left.eye().x, 100.0f);   // the patient's left is +X
  const OrbitCamera right = camera_for_view(head_box(), View::Right, 1.0f);
  EXPECT_LT(right.eye().x, -100.0f);
  const OrbitCamera back = camera_for_view(head_box(), View::Back, 1.0f);
  EXPECT_LT(back.eye().z, -100.0f);
  const OrbitCamera top = camera_for_view(head_box(), View::Top, 1.0f);
  EXPECT_GT(top.eye().y, 100.0f);
  EXPECT_GT(top.up().z, 0.9f);      // the forehead is at the top of the picture
  EXPECT_LT(top.right().x, -0.9f);  // standing behind the patient: their right is on the right
}

TEST(Camera, FramingKeepsEveryCornerOnScreen) {
  for (float aspect : {0.5f, 1.0f, 1.6f, 3.0f})
    for (View view : {View::Front, View::Left, View::Top, View::ThreeQuarter}) {
      const OrbitCamera c = camera_for_view(head_box(), view, aspect);
      for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 p((corner & 1) ? 80 : -80, (corner & 2) ? 100 : -100, (corner & 4) ? 100 : -100);
        const glm::vec2 ndc = project(c, p, aspect);
        EXPECT_LE(std::abs(ndc.x), 1.0f) << "aspect " << aspect;
        EXPECT_LE(std::abs(ndc.y), 1.0f) << "aspect " << aspect;
      }
    }
}

TEST(Camera, LensShiftFramesTheHeadBetweenThePanels) {
  OrbitCamera c;
  // Panels cover the left 40% and the right 20% of the window: x from -0.2 to 0.6 is free.
  c.lens_shift_x = 0.4f - 0.2f;
  c.free_width = 1.0f - 0.4f - 0.2f;
  c.set_view(View::ThreeQuarter);
  c.frame(head_box(), 1.6f);
  for (int corner = 0; corner < 8; ++corner) {
    const glm::vec3 p((corner & 1) ? 80 : -80, (corner & 2) ? 100 : -100, (corner & 4) ? 100 : -100);
    const glm::vec2 ndc = project(c, p, 1.6f);
    EXPECT_GE(ndc.x, -0.2f - 1e-4f);
    EXPECT_LE(ndc.x, 0.6f + 1e-4f);
    EXPECT_LE(std::abs(ndc.y), 1.0f);
  }
  EXPECT_NEAR(project(c, c.target, 1.6f).x, 0.2f, 1e-5f);  // the head's centre: the middle of the free part
}

TEST(Camera, ZoomKeepsThePointUnderTheCursorStill) {
  OrbitCamera c = camera_for_view(head_box(), View::Front, 1.5f);
  const glm::vec2 cursor(0.4f, -0.3f);
  // The point on the target plane under the cursor before zooming...
  const float half_h = c.distance * std::tan(0.5f * c.fov_y);
  const glm::vec3 p = c.target + cursor.x * half_h * 1.5f * c.right() + cursor.y * half_h * c.up();
  c.zoom_toward(cursor, 2.0f, 1.5f);
  const glm::vec2 after = project(c, p, 1.5f);  // ...is still under it after.
  EXPECT_NEAR(after.x, cursor.x, 1e-4f);
  EXPECT_NEAR(after.y, cursor.y, 1e-4f);
  EXPECT_LT(c.distance, camera_for_view(head_box(), View::Front, 1.5f).distance);
}

TEST(Camera, RaysGoThroughWhatIsDrawnThere) {
  OrbitCamera c = camera_for_view(head_box(), View::ThreeQuarter, 1.5f);
  c.lens_shift_x = 0.3f;
  const glm::vec3 p(20, -30, 40);
  const glm::vec2 ndc = project(c, p, 1.5f);
  const glm::vec3 to_p = glm::normalize(p - c.eye());
  EXPECT_GT(glm::dot(c.ray_direction(ndc, 1.5f), to_p), 0.99999f);
}

TEST(Camera, PixelsCountFromTheTopLeftCorner) {
  OrbitCamera c = camera_for_view(head_box(), View::Front, 1.5f);
  const glm::ivec2 size(300, 200);
  const glm::vec2 centre = c.to_pixels(c.target, size);
  EXPECT_NEAR(centre.x, 150.0f, 0.01f);
  EXPECT_NEAR(centre.y, 100.0f, 0.01f);
  EXPECT_LT(c.to_pixels(c.target + 10.0f * c.up(), size).y, centre.y);     // up the head is up the picture
  EXPECT_GT(c.to_pixels(c.target + 10.0f * c.right(), size).x, centre.x);  // and right is right
  const glm::vec3 p(20, -30, 40);  // the same place as the normalised device coordinates say
  const glm::vec2 ndc = project(c, p, 1.5f);
  EXPECT_NEAR(c.to_pixels(p, size).x, 0.5f * (ndc.x + 1.0f) * 300.0f, 0.01f);
}

TEST(Camera, OrbitNeverFlipsOverThePole) {
  OrbitCamera c = camera_for_view(head_box(), View::Front, 1.0f);
  c.orbit({0.0f, 100000.0f});
  EXPECT_LT(c.pitch, glm::radians(90.0f));
  EXPECT_GT(c.up().y, 0.0f);
}

TEST(Camera, PanMovesTheTargetAcrossTheView) {
  OrbitCamera c = camera_for_view(head_box(), View::Front, 1.0f);
  const glm::vec3 before = c.target;
  c.pan({-100.0f, 0.0f}, 800.0f);  // drag left: the scene follows the mouse, the target moves right
  EXPECT_GT(c.target.x, before.x);
  EXPECT_NEAR(c.target.y, before.y, 1e-4f);
}

TEST(Camera, ZoomingAtTheMiddleStopsAtTheSkin) {
  // Zoomed at the middle of the picture, the target stays at the head's centre: without a stop
  // the eye went inside the head (and a closed head drawn from outside then shows nothing).
  const Mesh head = make_icosphere(90.0f, 4);
  OrbitCamera c = camera_for_view(bounds_of(head), View::Back, 1.0f);
  for (int step = 0; step < 60; ++step) {
    c.zoom_toward({0.0f, 0.0f}, 1.0f, 1.0f);
    c.keep_eye_outside(head);
    ASSERT_GT(glm::length(c.eye()), 90.0f) << "step " << step;
  }
  EXPECT_NEAR(glm::length(c.target), 90.0f, 0.5f) << "the target moved onto the skin in front";
  EXPECT_NEAR(glm::dot(c.forward(), glm::vec3(0, 0, 1)), 1.0f, 1e-4f) << "still looking from the back";
  // A target on the skin (a landmark close-up) may be looked at from nearer than the stop.
  OrbitCamera close = camera_for_view(bounds_of(head), View::Front, 1.0f);
  close.target = {0.0f, 0.0f, 90.0f};
  close.distance = 5.0f;
  close.keep_eye_outside(head);
  EXPECT_EQ(close.distance, 5.0f);
  EXPECT_EQ(close.target, glm::vec3(0.0f, 0.0f, 90.0f));
}

}  // namespace
}  // namespace smp
