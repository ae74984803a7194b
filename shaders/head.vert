#version 330 core
// Head mesh in mm; lighting is done in view space.
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in vec4 a_overlay;  // sRGB tint and its weight (zones); alpha 0 where none
layout(location = 3) in vec3 a_pigment_uv;  // where the vertex lies on the baked dots; z 0 off them

uniform mat4 u_view;
uniform mat4 u_projection;
uniform mat3 u_normal_matrix;
uniform float u_texels_per_pixel_per_mm;

out vec3 v_position;  // view space, mm
out vec3 v_normal;    // view space
out vec4 v_overlay;
out vec3 v_pigment_uv;
out float v_pigment_lod;  // the mip level of the pigment at this distance

void main() {
  vec4 view_position = u_view * vec4(a_position, 1.0);
  v_position = view_position.xyz;
  v_normal = u_normal_matrix * a_normal;
  v_overlay = a_overlay;
  v_pigment_uv = a_pigment_uv;
  v_pigment_lod = log2(max(1.0, -view_position.z * u_texels_per_pixel_per_mm));
  gl_Position = u_projection * view_position;
}
