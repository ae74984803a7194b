#version 330 core
// A studio backdrop: a vertical gradient between two sRGB colours.
in float v_height;
uniform vec3 u_top;
uniform vec3 u_bottom;
out vec4 frag_colour;

void main() {
  float t = smoothstep(0.0, 1.0, v_height);
  frag_colour = vec4(mix(u_bottom, u_top, t), 1.0);
}
