#version 330 core
// Skin: wrapped diffuse (light scatters under the skin, so the terminator is soft and warm),
// a faint broad sheen, a hemisphere ambient and a rim light. Output is sRGB.
in vec3 v_position;
in vec3 v_normal;
in vec4 v_overlay;
in vec3 v_pigment_uv;
in float v_pigment_lod;

uniform vec3 u_skin;             // linear albedo
uniform vec3 u_key_dir;          // view-space unit vectors toward each light
uniform float u_key_intensity;
uniform vec3 u_fill_dir;
uniform float u_fill_intensity;
uniform vec3 u_rim_dir;
uniform float u_rim_intensity;
uniform float u_ambient_intensity;
uniform float u_overlay_strength;  // 0: skin only
uniform sampler2D u_pigment;       // the dots baked over the scalp chart: the share of light taken
uniform int u_pigment_on;
uniform float u_pigment_strength;  // x the baked ink
uniform float u_redness;           // 1 just after tattooing: the skin around the dots is red

out vec4 frag_colour;

// Carbon black seen through skin: dense ink is near black, a thin layer scatters blue back
// (a dark dilution on fair skin turns blue-grey).
const vec3 kInkDense = vec3(0.07, 0.08, 0.10);
const vec3 kInkThin = vec3(0.40, 0.46, 0.56);

// Per-channel wrap: red light travels furthest in skin, blue least.
const vec3 kWrap = vec3(0.45, 0.28, 0.22);
const vec3 kScatterTint = vec3(1.0, 0.55, 0.45);

vec3 skin_diffuse(vec3 n, vec3 l) {
  float ndl = dot(n, l);
  vec3 wrapped = clamp((vec3(ndl) + kWrap) / (1.0 + kWrap), 0.0, 1.0);
  float lambert = max(ndl, 0.0);
  // Where wrapping adds light beyond plain Lambert, it is the scattered, reddened part.
  return mix(vec3(lambert), wrapped, kScatterTint);
}

float sheen(vec3 n, vec3 l, vec3 v) {
  vec3 h = normalize(l + v);
  float ndh = max(dot(n, h), 0.0);
  float fresnel = 0.028 + 0.972 * pow(1.0 - max(dot(h, v), 0.0), 5.0);
  return fresnel * pow(ndh, 28.0) * max(dot(n, l), 0.0) * 2.2;
}

vec3 linear_to_srgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

void main() {
  vec3 n = normalize(v_normal);
  vec3 v = normalize(-v_position);
  if (!gl_FrontFacing) n = -n;  // open scans show their inside: light it like the outside

  vec3 light = vec3(0.0);
  light += u_key_intensity * 1.05 * skin_diffuse(n, u_key_dir);
  light += u_fill_intensity * skin_diffuse(n, u_fill_dir);
  // Sky above, a warm floor bounce below.
  float up = n.y * 0.5 + 0.5;
  light += u_ambient_intensity * mix(vec3(0.55, 0.5, 0.48), vec3(1.0, 0.98, 1.0), up);
  vec3 albedo = mix(u_skin, pow(v_overlay.rgb, vec3(2.2)), v_overlay.a * u_overlay_strength);
  // Pigment lies under the skin's surface: it darkens the diffuse light, not the sheen or rim.
  // Only where the whole triangle is on the chart (z exactly 1): elsewhere the coordinates are not
  // meant to be read.
  if (u_pigment_on == 1 && v_pigment_uv.z > 0.999) {
    // One read: the ink, and (fresh only, else 0) the ink blurred over a millimetre. A second read
    // here cost the software renderer a fifth of every frame, even where the branch is not taken.
    vec2 texel = textureLod(u_pigment, v_pigment_uv.xy, v_pigment_lod).rg;
    float ink = clamp(texel.r * u_pigment_strength, 0.0, 1.0);
    // Fresh: the skin around each dot is inflamed.
    if (u_redness > 0.0) {
      float around = texel.g;
      albedo = mix(albedo, albedo * vec3(1.10, 0.84, 0.82), clamp(u_redness * 2.0 * around, 0.0, 0.45));
    }
    albedo *= mix(vec3(1.0), mix(kInkThin, kInkDense, ink), ink);
  }
  vec3 colour = albedo * light;

  colour += vec3(0.9, 0.92, 1.0) * (u_key_intensity * sheen(n, u_key_dir, v) + 0.5 * u_fill_intensity * sheen(n, u_fill_dir, v));
  float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0) * max(dot(n, u_rim_dir) + 0.3, 0.0);
  colour += u_rim_intensity * rim * mix(u_skin, vec3(1.0), 0.5);

  // A soft shoulder instead of a hard clip keeps highlights on a bald scalp from burning out.
  colour = colour / (1.0 + 0.25 * colour);
  frag_colour = vec4(linear_to_srgb(colour * 1.2), 1.0);
}
