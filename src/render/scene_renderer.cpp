#include "render/scene_renderer.h"

#include <algorithm>

#include <string>

namespace smp {
namespace {

constexpr float kMarkerRadiusMm = 2.5f;  // visible from across the room, smaller than an eye corner
constexpr float kHairlineBeadMm = 0.9f;  // beads 2 mm apart, half sunk in the skin: a dashed line
constexpr float kHairlineHandleMm = 2.0f;

}  // namespace

SceneRenderer::SceneRenderer() = default;

void SceneRenderer::set_head(const Mesh& mesh) { head_.set_mesh(mesh); }

void SceneRenderer::render(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 size) {
  render_head(camera, settings, size);
  render_on_skin(camera, settings, size);
}

void SceneRenderer::render_split(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 size, int split_px) {
  render(camera, settings, size);
  ViewSettings before = settings;  // the bare scalp: no dots, and none of the design's overlays
  before.show_dots = before.show_density = before.show_zones = before.show_hairline = false;
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, std::max(0, split_px), size.y);
  draw_head(camera, before, size);
  render_on_skin(camera, before, size);
  glDisable(GL_SCISSOR_TEST);
}

void SceneRenderer::render_in(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 origin, glm::ivec2 size) {
  origin_ = origin;
  glEnable(GL_SCISSOR_TEST);  // the clear, too, stays inside the rectangle
  glScissor(origin.x, origin.y, size.x, size.y);
  draw_head(camera, settings, size);
  render_on_skin(camera, settings, size);
  glDisable(GL_SCISSOR_TEST);
  origin_ = glm::ivec2(0);
}

void SceneRenderer::render_head(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 size) {
  glDisable(GL_SCISSOR_TEST);  // ImGui leaves it on
  draw_head(camera, settings, size);
}

void SceneRenderer::draw_head(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 size) {
  glViewport(origin_.x, origin_.y, size.x, size.y);
  glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glDisable(GL_BLEND);
  background_.draw(settings);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glDisable(GL_CULL_FACE);  // open scans must show both sides
  const float aspect = size.y > 0 ? float(size.x) / float(size.y) : 1.0f;
  head_.draw(camera, aspect, settings, size.y);
}

void SceneRenderer::render_on_skin(const OrbitCamera& camera, const ViewSettings& settings, glm::ivec2 size) {
  glViewport(origin_.x, origin_.y, size.x, size.y);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  const float aspect = size.y > 0 ? float(size.x) / float(size.y) : 1.0f;
  if (!head_.has_pigment() || settings.colour_sessions) dots_.draw(camera, aspect, settings);
  if (settings.show_landmarks) marker_pass_.draw(camera, aspect, markers_, kMarkerRadiusMm);
  if (settings.show_hairline) {
    marker_pass_.draw(camera, aspect, hairline_, kHairlineBeadMm);
    marker_pass_.draw(camera, aspect, handles_, kHairlineHandleMm);
  }
}

void wait_for_gpu() { glFinish(); }

std::string gl_renderer_name() {
  const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return name ? name : "unknown";
}

}  // namespace smp
