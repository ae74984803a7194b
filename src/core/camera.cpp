#include "core/camera.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "core/ray_cast.h"

namespace smp {
namespace {

constexpr float kMaxPitch = glm::radians(89.0f);  // short of the pole, where "up" flips
constexpr float kOrbitRadiansPerPixel = 0.008f;
constexpr float kZoomPerStep = 0.85f;

struct NamedView {
  View view;
  std::string_view name;
  float yaw_deg;
  float pitch_deg;
};
constexpr std::array<NamedView, 6> kViews{{
    {View::Front, "front", 0.0f, 0.0f},
    {View::Back, "back", 180.0f, 0.0f},
    {View::Left, "left", 90.0f, 0.0f},      // the patient's left side
    {View::Right, "right", -90.0f, 0.0f},
    {View::Top, "top", 180.0f, 89.0f},     // from above and behind: forehead at the top, as the artist sees it
    {View::ThreeQuarter, "three-quarter", 35.0f, 15.0f},
}};

}  // namespace

std::optional<View> parse_view(std::string_view name) {
  for (const NamedView& v : kViews)
    if (v.name == name) return v.view;
  return std::nullopt;
}

std::string_view view_name(View view) {
  for (const NamedView& v : kViews)
    if (v.view == view) return v.name;
  return "front";
}

void OrbitCamera::set_view(View view) {
  for (const NamedView& v : kViews) {
    if (v.view != view) continue;
    yaw = glm::radians(v.yaw_deg);
    pitch = glm::radians(v.pitch_deg);
  }
}

void OrbitCamera::frame(const Bounds& bounds, float aspect) {
  target = bounds.centre();
  scene_radius_ = std::max(bounds.radius(), 1.0f);
  // Back off until every corner of the box is inside the view from the current direction.
  const float free_fraction = std::clamp(free_width, 0.1f, 1.0f);
  const float tan_y = std::tan(0.5f * fov_y), tan_x = tan_y * aspect * free_fraction;
  const glm::vec3 r = right(), u = up(), toward_eye = -forward();
  float needed = 0.0f;
  for (int corner = 0; corner < 8; ++corner) {
    const glm::vec3 p((corner & 1) ? bounds.max.x : bounds.min.x, (corner & 2) ? bounds.max.y : bounds.min.y,
                      (corner & 4) ? bounds.max.z : bounds.min.z);
    const glm::vec3 d = p - target;
    const float depth = glm::dot(d, toward_eye);
    needed = std::max({needed, depth + std::abs(glm::dot(d, r)) / tan_x, depth + std::abs(glm::dot(d, u)) / tan_y});
  }
  distance = 1.06f * needed;  // a small margin around the head
}

glm::vec3 OrbitCamera::eye() const {
  const glm::vec3 offset(std::cos(pitch) * std::sin(yaw), std::sin(pitch), std::cos(pitch) * std::cos(yaw));
  return target + distance * offset;
}

glm::vec3 OrbitCamera::forward() const { return glm::normalize(target - eye()); }
glm::vec3 OrbitCamera::right() const { return glm::normalize(glm::cross(forward(), glm::vec3(0, 1, 0))); }
glm::vec3 OrbitCamera::up() const { return glm::cross(right(), forward()); }

glm::vec3 OrbitCamera::ray_direction(glm::vec2 ndc, float aspect) const {
  const float tan_half = std::tan(0.5f * fov_y);
  return glm::normalize(forward() + (ndc.x - lens_shift_x) * tan_half * aspect * right() + ndc.y * tan_half * up());
}

glm::mat4 OrbitCamera::view_matrix() const { return glm::lookAt(eye(), target, up()); }

glm::mat4 OrbitCamera::projection_matrix(float aspect) const {
  const float near_plane = std::max(1.0f, distance - 2.0f * scene_radius_);
  const float far_plane = distance + 2.0f * scene_radius_;
  const glm::mat4 shift = glm::translate(glm::mat4(1.0f), glm::vec3(lens_shift_x, 0.0f, 0.0f));
  return shift * glm::perspective(fov_y, aspect, near_plane, far_plane);
}

glm::vec2 OrbitCamera::to_pixels(glm::vec3 point, glm::ivec2 size) const {
  const glm::vec4 clip = projection_matrix(float(size.x) / float(size.y)) * view_matrix() * glm::vec4(point, 1.0f);
  const glm::vec2 ndc = glm::vec2(clip) / clip.w;
  return {0.5f * (ndc.x + 1.0f) * float(size.x), 0.5f * (1.0f - ndc.y) * float(size.y)};
}

void OrbitCamera::orbit(glm::vec2 drag_px) {
  yaw -= drag_px.x * kOrbitRadiansPerPixel;
  pitch = std::clamp(pitch + drag_px.y * kOrbitRadiansPerPixel, -kMaxPitch, kMaxPitch);
}

void OrbitCamera::pan(glm::vec2 drag_px, float viewport_height) {
  const float mm_per_pixel = 2.0f * distance * std::tan(0.5f * fov_y) / std::max(viewport_height, 1.0f);
  target += (-drag_px.x * right() + drag_px.y * up()) * mm_per_pixel;
}

void OrbitCamera::zoom_toward(glm::vec2 cursor_ndc, float steps, float aspect) {
  const float factor = std::clamp(std::pow(kZoomPerStep, steps), 0.05f, 20.0f);
  const float new_distance = std::clamp(distance * factor, 0.2f * scene_radius_, 20.0f * scene_radius_);
  const float applied = new_distance / distance;
  // The point under the cursor on the plane through the target stays under the cursor.
  const float half_h = distance * std::tan(0.5f * fov_y);
  const float x = cursor_ndc.x - lens_shift_x;  // relative to the shifted centre
  const glm::vec3 under_cursor = target + x * half_h * aspect * right() + cursor_ndc.y * half_h * up();
  target = under_cursor + (target - under_cursor) * applied;
  distance = new_distance;
}

void OrbitCamera::keep_eye_outside(const Mesh& mesh) {
  const float closest = 0.2f * scene_radius_;
  const glm::vec3 back = -forward();
  // From just off the target, so that a target on the skin does not meet its own triangle.
  const float start = 0.01f * closest;
  const auto hit = cast_ray(mesh, target + back * start, back);
  if (!hit) return;
  const float skin = start + hit->distance;  // from the target toward the eye
  if (distance >= skin + closest) return;
  target += back * skin;
  distance = closest;
}

OrbitCamera camera_for_view(const Bounds& bounds, View view, float aspect) {
  OrbitCamera camera;
  camera.set_view(view);
  camera.frame(bounds, aspect);
  return camera;
}

}  // namespace smp
