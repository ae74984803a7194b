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

out vec2 v_corner;
out vec3 v_normal;  // view space
flat out int v_session;
out float v_shade;

void main() {
  int session = int(a_size_session_shade.y + 0.5);
  v_shade = a_size_session_shade.z;
  v_session = session;
  v_corner = a_corner;
  v_normal = mat3(u_view) * a_normal;
  if (session < u_first_session || session > u_last_session) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: not drawn
    return;
  }
  vec3 helper = abs(a_normal.y) < 0.9 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0);
  vec3 tangent = normalize(cross(a_normal, helper));
  vec3 bitangent = cross(a_normal, tangent);
  float radius = 0.5 * a_size_session_shade.x;
  vec3 world = a_position + radius * (a_corner.x * tangent + a_corner.y * bitangent) + u_lift_mm * a_normal;
  gl_Position = u_projection * u_view * vec4(world, 1.0);
}
