#version 330 core
// Markers are lit simply from the camera, bright enough to read on any skin tone.
in vec3 v_normal;
uniform vec3 u_colour;  // sRGB
out vec4 frag_colour;

void main() {
  float facing = max(normalize(v_normal).z, 0.0);
  frag_colour = vec4(u_colour * (0.45 + 0.55 * facing) + vec3(0.25) * pow(facing, 24.0), 1.0);
}
