#version 330 core
// A healed pigment dot: the skin darkened by diluted carbon black, soft at the rim. The rim's
// alpha becomes multisample coverage, so dots need no sorting.
in vec2 v_corner;
in vec3 v_normal;
flat in int v_session;
in float v_shade;

uniform vec3 u_skin;            // linear albedo
uniform float u_pigment;        // 0..1: how much the dot darkens the skin (from the dilution)
uniform vec3 u_key_dir;
uniform float u_key_intensity;
uniform float u_ambient_intensity;
uniform int u_colour_sessions;  // 1: tint by session instead of pigment

out vec4 frag_colour;

const vec3 kSessionColours[3] = vec3[3](vec3(0.95, 0.35, 0.25), vec3(0.25, 0.7, 0.95), vec3(0.35, 0.85, 0.35));

vec3 linear_to_srgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

void main() {
  float r = length(v_corner);
  if (r > 1.0) discard;
  float alpha = 1.0 - smoothstep(0.65, 1.0, r);
  // Carbon black heals blue-grey: a slightly cool tint as it darkens.
  vec3 ink = mix(u_skin, u_skin * vec3(0.07, 0.08, 0.10), u_pigment * v_shade);
  if (u_colour_sessions == 1) ink = kSessionColours[clamp(v_session, 0, 2)] * 0.6;
  vec3 n = normalize(v_normal);
  float light = u_key_intensity * max(dot(n, u_key_dir), 0.0) * 1.05 + u_ambient_intensity + 0.25;
  vec3 colour = ink * light;
  colour = colour / (1.0 + 0.25 * colour);
  frag_colour = vec4(linear_to_srgb(colour * 1.2), alpha);
}
