#version 330 core
// A studio backdrop: a vertical gradient between two sRGB colours.
in vec2 v_uv;
uniform vec3 u_top;
uniform vec3 u_bottom;
out vec4 frag_colour;

void main() {
  float t = smoothstep(0.0, 1.0, v_uv.y);
  frag_colour = vec4(mix(u_bottom, u_top, t), 1.0);
}
