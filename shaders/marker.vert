#version 330 core
// A small sphere (unit icosphere scaled and moved) marking a point on the head.
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;

uniform mat4 u_view;
uniform mat4 u_projection;
uniform vec3 u_centre;   // mm
uniform float u_radius;  // mm

out vec3 v_normal;  // view space

void main() {
  v_normal = mat3(u_view) * a_normal;
  gl_Position = u_projection * u_view * vec4(u_centre + u_radius * a_position, 1.0);
}
