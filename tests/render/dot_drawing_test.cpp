// How dots are drawn: hidden by skin nearer the eye, and only the sessions asked for. Dots are
// drawn without writing depth, over the head's own depth. A dot's quad faces its skin's way, and
// dots on skin facing away are skipped before the rasteriser, so on one sphere nothing would show
// whether the depth test runs: here a small ball stands in front of a larger one, whose dots
// behind it face the camera.
#include <array>

#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "core/image.h"
#include "core/mesh_primitives.h"
#include "render/offscreen_capture.h"
#include "offscreen_test.h"

namespace smp {
namespace {

class DotDrawing : public test::OffscreenTest {};

// `mesh` with `more` added, moved by `offset`.
Mesh with(Mesh mesh, const Mesh& more, glm::vec3 offset) {
  const auto first = std::uint32_t(mesh.positions.size());
  for (const glm::vec3& p : more.positions) mesh.positions.push_back(p + offset);
  mesh.normals.insert(mesh.normals.end(), more.normals.begin(), more.normals.end());
  for (std::uint32_t i : more.indices) mesh.indices.push_back(first + i);
  return mesh;
}

bool same(const Image& a, const Image& b) { return a.width == b.width && a.height == b.height && a.rgba == b.rgba; }

TEST_F(DotDrawing, ABallInFrontHidesTheDotsBehindIt) {
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

TEST_F(DotDrawing, SessionsAreShownUpToOneOrOneAlone) {
  // Three dots of 2 mm on the sphere's front, one per session, 20 mm apart.
  const Mesh head = make_icosphere(60.0f, 5);
  std::vector<DotInstance> dots;
  for (int session = 0; session < 3; ++session) {
    const glm::vec3 n = glm::normalize(glm::vec3(float(session - 1) * 20.0f, 0.0f, 60.0f));
    dots.push_back({60.0f * n, n, 2.0f, float(session), 1.0f});
  }
  const glm::ivec2 size(240, 240);
  const OrbitCamera camera = camera_for_view(bounds_of(head), View::Front, 1.0f);
  ViewSettings settings;
  SceneRenderer bare_head, dotted;
  bare_head.set_head(head), dotted.set_head(head);
  dotted.set_dots(dots);
  const Image bare = capture_frame(bare_head, camera, settings, size);
  auto shown = [&](int first, int last) {
    settings.dot_session_first = first, settings.dot_session_last = last;
    const Image picture = capture_frame(dotted, camera, settings, size);
    std::array<bool, 3> drawn{};
    for (std::size_t k = 0; k < 3; ++k) {
      const glm::vec2 at = camera.to_pixels(dots[k].position, size);
      const std::uint8_t *a = picture.pixel(int(at.x), int(at.y)), *b = bare.pixel(int(at.x), int(at.y));
      drawn[k] = a[0] != b[0] || a[1] != b[1] || a[2] != b[2];
    }
    return drawn;
  };
  using Shown = std::array<bool, 3>;
  for (const bool colours : {false, true}) {
    settings.colour_sessions = colours;
    EXPECT_EQ(shown(0, 2), (Shown{true, true, true})) << "all sessions, colours " << colours;
    EXPECT_EQ(shown(0, 0), (Shown{true, false, false})) << "session 1";
    EXPECT_EQ(shown(0, 1), (Shown{true, true, false})) << "sessions 1-2";
    EXPECT_EQ(shown(1, 1), (Shown{false, true, false})) << "session 2 alone";
    EXPECT_EQ(shown(2, 2), (Shown{false, false, true})) << "session 3 alone";
  }
}

}  // namespace
}  // namespace smp
