#version 330 core
// Smooths the stair steps of a single-sampled picture (the idea of FXAA): where brightness jumps
// between a pixel and its diagonal neighbours, the pixel is replaced by an average taken along the
// edge, which the neighbours' brightness differences point along. Flat skin and paper are left as
// they are. On a software renderer this costs a fraction of multisampling a 100k-triangle head.
in vec2 v_uv;
uniform sampler2D u_picture;  // filtered linearly: samples between pixels blend them
uniform vec2 u_texel;         // one pixel, in picture coordinates
out vec4 frag_colour;

float brightness(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }
vec3 at(vec2 offset) { return texture(u_picture, v_uv + offset).rgb; }
// A neighbouring pixel as it is (no filtering: cheaper), clamped to the picture.
float pixel(ivec2 p, ivec2 offset) { return brightness(texelFetch(u_picture, clamp(p + offset, ivec2(0), textureSize(u_picture, 0) - 1), 0).rgb); }

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  vec4 centre = texelFetch(u_picture, p, 0);
  float m = brightness(centre.rgb);
  float nw = pixel(p, ivec2(-1, 1)), ne = pixel(p, ivec2(1, 1)), sw = pixel(p, ivec2(-1, -1)), se = pixel(p, ivec2(1, -1));
  float lowest = min(m, min(min(nw, ne), min(sw, se)));
  float highest = max(m, max(max(nw, ne), max(sw, se)));
  if (highest - lowest < max(0.05, 0.15 * highest)) {  // no edge here
    frag_colour = centre;
    return;
  }
  // Across the edge the brightness changes fastest; along it, not at all.
  vec2 along = vec2((sw + se) - (nw + ne), (ne + se) - (nw + sw));
  float damp = max(0.03 * (nw + ne + sw + se), 1.0 / 128.0);
  along *= 1.0 / (min(abs(along.x), abs(along.y)) + damp);
  along = clamp(along, -8.0, 8.0) * u_texel;
  vec3 near = 0.5 * (at(along * (1.0 / 3.0 - 0.5)) + at(along * (2.0 / 3.0 - 0.5)));
  vec3 wide = 0.5 * near + 0.25 * (at(-0.5 * along) + at(0.5 * along));
  // A wide average that crosses another edge brings in a brightness from outside: keep the near one.
  float b = brightness(wide);
  frag_colour = vec4(b < lowest || b > highest ? near : wide, centre.a);
}
