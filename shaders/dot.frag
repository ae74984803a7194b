#version 330 core
// A pigment dot: diluted carbon black in the skin, darkening whatever the head pass lit there.
// Drawn with multiplicative blending (framebuffer x this colour), so each dot is shaded exactly
// like the skin under it, overlapping dots darken each other in any order, and a dot drawn larger
// than it is (see dot.vert) thins its ink instead of brightening the skin.
in vec2 v_corner;
in vec3 v_normal;
flat in int v_session;
in float v_shade;
in float v_ink_share;

uniform float u_pigment;        // 0..1: how dark the ink is at full strength
uniform int u_colour_sessions;  // 1: tint by session instead of pigment

out vec4 frag_colour;

// Sessions 1-5, then "an earlier session" (grey) for guides that show one session's new dots.
const vec3 kSessionColours[6] = vec3[6](vec3(0.80, 0.08, 0.05), vec3(0.02, 0.20, 0.80), vec3(0.03, 0.50, 0.10), vec3(0.85, 0.40, 0.02),
                                        vec3(0.45, 0.10, 0.70), vec3(0.30, 0.30, 0.30));
const vec3 kInk = vec3(0.07, 0.08, 0.10);  // what full carbon black leaves of the skin's light: slightly cool

void main() {
  float r = length(v_corner);
  if (r > 1.0) discard;
  float edge = 1.0 - smoothstep(0.65, 1.0, r);  // soft rim: pigment thins out at the edge
  if (u_colour_sessions == 1) {  // a map, not the pigment: plain colours over the skin (alpha blending)
    frag_colour = vec4(pow(kSessionColours[clamp(v_session, 0, 5)], vec3(1.0 / 2.2)), edge);
    return;
  }
  vec3 keep = mix(vec3(1.0), kInk, u_pigment * v_shade * v_ink_share * edge);
  // The framebuffer holds sRGB: the share of linear light kept, encoded the same way.
  frag_colour = vec4(pow(keep, vec3(1.0 / 2.2)), 1.0);
}
