#pragma once
// An orbit camera around a target: what the practitioner turns with the mouse, and what the
// headless renderer places by view name. Angles in radians, distances in mm.
#include <optional>
#include <string_view>

#include <glm/mat4x4.hpp>
#include <glm/trigonometric.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "core/mesh.h"

namespace smp {

enum class View { Front, Back, Left, Right, Top, ThreeQuarter };

std::optional<View> parse_view(std::string_view name);  // "front", "three-quarter", ...
std::string_view view_name(View view);

class OrbitCamera {
 public:
  glm::vec3 target{0.0f};
  float yaw = 0.0f;       // around +Y; 0 looks at the face from +Z, +pi/2 from the patient's left (+X)
  float pitch = 0.0f;     // up from the horizon
  float distance = 600.0f;
  float fov_y = glm::radians(30.0f);
  // Moves the picture's centre right by this much of the half-width (normalised device units), so
  // the head centres in the part of the window that a side panel leaves free.
  float lens_shift_x = 0.0f;
  float free_width = 1.0f;  // share of the window's width the head may fill (panels cover the rest)

  // Places the camera on a named side of the head, keeping the target and distance.
  void set_view(View view);
  // Centres on the bounds and backs off until the whole box fits the viewport (the part right of
  // the lens shift), seen from the current direction.
  void frame(const Bounds& bounds, float aspect);

  // Mouse gestures, in pixels of a viewport `viewport_height` tall.
  void orbit(glm::vec2 drag_px);
  void pan(glm::vec2 drag_px, float viewport_height);
  // Zooms by wheel `steps`, keeping the point under the cursor (normalised device coordinates) still.
  void zoom_toward(glm::vec2 cursor_ndc, float steps, float aspect);
  // Keeps the eye out of `mesh`: when the skin between the target and the eye comes nearer the
  // eye than the closest zoom (a fifth of the framed scene's radius), or the eye has passed
  // through it, the target moves onto that skin and the eye stays the closest zoom from it, looking
  // the same way. Zooming at the middle of the picture otherwise ends inside the head, where a
  // closed head drawn from its outside shows nothing.
  void keep_eye_outside(const Mesh& mesh);

  glm::vec3 eye() const;
  glm::vec3 forward() const;  // unit, from eye to target
  glm::vec3 right() const;
  glm::vec3 up() const;
  glm::mat4 view_matrix() const;
  // The direction from the eye through a point of the picture (normalised device coordinates).
  glm::vec3 ray_direction(glm::vec2 ndc, float aspect) const;
  glm::mat4 projection_matrix(float aspect) const;
  // Where a point lands in a picture `size` pixels wide and tall, from its top-left corner.
  glm::vec2 to_pixels(glm::vec3 point, glm::ivec2 size) const;

 private:
  float scene_radius_ = 150.0f;  // near/far planes follow the framed scene
};

// A camera framed on `bounds` and turned to `view`: what every headless render starts from.
OrbitCamera camera_for_view(const Bounds& bounds, View view, float aspect);

}  // namespace smp
