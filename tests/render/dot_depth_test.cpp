// Dots are drawn without writing depth, over the head's own depth: the skin nearer the eye hides
// them. A dot's quad faces its skin's way, and dots on skin facing away are skipped before the
// rasteriser, so on one sphere nothing would show whether the depth test runs; here a small ball
// stands in front of a larger one, whose dots behind it face the camera.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "core/image.h"
#include "core/mesh_primitives.h"
#include "render/offscreen_capture.h"
#include "offscreen_test.h"

namespace smp {
namespace {

class DotDepth : public test::OffscreenTest {};

// `mesh` with `more` added, moved by `offset`.
Mesh with(Mesh mesh, const Mesh& more, glm::vec3 offset) {
  const auto first = std::uint32_t(mesh.positions.size());
  for (const glm::vec3& p : more.positions) mesh.positions.push_back(p + offset);
  mesh.normals.insert(mesh.normals.end(), more.normals.begin(), more.normals.end());
  for (std::uint32_t i : more.indices) mesh.indices.push_back(first + i);
  return mesh;
}

bool same(const Image& a, const Image& b) { return a.width == b.width && a.height == b.height && a.rgba == b.rgba; }

TEST_F(DotDepth, ABallInFrontHidesTheDotsBehindIt) {
  const Mesh head = make_icosphere(60.0f, 5);
  const Mesh both = with(head, make_icosphere(15.0f, 3), {0.0f, 0.0f, 85.0f});
  // Dots of 0.6 mm at the big sphere's vertices facing the camera within 6 mm of its front: the
  // ball's outline from the camera is about 15 mm across them.
  std::vector<DotInstance> dots;
  for (std::size_t v = 0; v < head.positions.size(); ++v)
    if (const glm::vec3 p = head.positions[v]; p.z > 0.0f && glm::length(glm::vec2(p.x, p.y)) < 6.0f)
      dots.push_back({p, head.normals[v], 0.6f, 0.0f, 1.0f});
  ASSERT_GE(dots.size(), 10u);
  const glm::ivec2 size(200, 200);
  const OrbitCamera camera = camera_for_view(bounds_of(both), View::Front, 1.0f);
  ViewSettings settings;
  settings.dot_session_first = 0, settings.dot_session_last = 0;
  settings.map_dot_px = 6.0f, settings.colour_sessions = true;  // plain, large dots: a miss would show
  auto picture = [&](const Mesh& mesh, bool with_dots) {
    SceneRenderer renderer;
    renderer.set_head(mesh);
    if (with_dots) renderer.set_dots(dots);
    return capture_frame(renderer, camera, settings, size);
  };
  EXPECT_TRUE(same(picture(both, true), picture(both, false))) << "a dot behind the ball was drawn over it";
  // Without the ball the same dots show: the pictures above could have differed.
  EXPECT_FALSE(same(picture(head, true), picture(head, false)));
}

}  // namespace
}  // namespace smp
