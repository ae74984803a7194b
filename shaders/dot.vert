#version 330 core
// One pigment dot: a small disc lying on the skin, drawn once per instance.
layout(location = 0) in vec2 a_corner;       // the unit quad, -1..1
layout(location = 1) in vec3 a_position;     // per dot, mm
layout(location = 2) in vec3 a_normal;
layout(location = 3) in vec3 a_size_session_shade; // diameter in mm, session index, shade 0..1

uniform mat4 u_view;
uniform mat4 u_projection;
uniform float u_lift_mm;         // off the skin, against z-fighting
uniform int u_first_session;     // sessions outside [first, last] are not drawn
uniform int u_last_session;
uniform float u_viewport_height_px;
// A dot smaller than this on screen would fall between the pixel centres and vanish: it is drawn
// this big instead, with its ink thinned by the same factor, so a region of dots darkens the skin
// by the true share of it that the dots cover (what reads as shaved hair at a distance).
uniform float u_smallest_dot_px;  // 1.5 for the pigment; larger when colouring sessions as a map

out vec2 v_corner;
out vec3 v_normal;  // view space
flat out int v_session;
out float v_shade;
out float v_ink_share;  // 1, or less for a dot drawn larger than it is

void main() {
  int session = int(a_size_session_shade.y + 0.5);
  v_shade = a_size_session_shade.z;
  v_session = session;
  v_corner = a_corner;
  v_normal = mat3(u_view) * a_normal;
  vec4 centre = u_view * vec4(a_position, 1.0);
  // A dot on skin that faces away lies behind the head from here: skip it before the rasteriser.
  bool faces_away = dot(v_normal, -centre.xyz) < 0.0;
  if (session < u_first_session || session > u_last_session || faces_away) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: not drawn
    return;
  }
  vec3 helper = abs(a_normal.y) < 0.9 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0);
  vec3 tangent = normalize(cross(a_normal, helper));
  vec3 bitangent = cross(a_normal, tangent);
  float radius = 0.5 * a_size_session_shade.x;
  float px_per_mm = u_projection[1][1] * 0.5 * u_viewport_height_px / max(1e-3, -centre.z);
  float diameter_px = 2.0 * radius * px_per_mm;
  v_ink_share = 1.0;
  if (diameter_px < u_smallest_dot_px) {
    v_ink_share = (diameter_px / u_smallest_dot_px) * (diameter_px / u_smallest_dot_px);
    radius *= u_smallest_dot_px / max(diameter_px, 1e-4);
  }
  vec3 world = a_position + radius * (a_corner.x * tangent + a_corner.y * bitangent) + u_lift_mm * a_normal;
  gl_Position = u_projection * u_view * vec4(world, 1.0);
}
