#include "render/head_pass.h"

#include "core/closed_surface.h"
#include "render/lighting.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

namespace smp {
namespace {

// Rows [y0, y1) of the next mip level of a square map `side` texels wide (its size rounded
// down), into `out` (that whole level), as OpenGL makes it: each texel read bilinearly at its
// centre's place in the level above, which for an even side is the mean of 2x2 and for an odd one
// drifts across the row.
void halve_rows(const std::uint8_t* texels, int side, std::size_t channels, std::uint8_t* out, int y0, int y1) {
  const int half = side / 2;
  const std::size_t row = std::size_t(side) * channels, out_row = std::size_t(half) * channels;
  if (side % 2 == 0) {  // the mean of 2x2, rounded as below, without the float rows
    for (std::size_t y = std::size_t(y0); y < std::size_t(y1); ++y)
      for (std::size_t x = 0; x < out_row; ++x) {
        const std::uint8_t* p = texels + 2 * y * row + (x / channels) * 2 * channels + x % channels;
        out[y * out_row + x] = std::uint8_t((p[0] + p[channels] + p[row] + p[row + channels] + 2) / 4);
      }
    return;
  }
  struct Tap {
    int at;
    float weight;  // of texel `at`; 1 - weight of the next
  };
  auto tap = [&](int i) {
    const float u = std::clamp((float(i) + 0.5f) * float(side) / float(half) - 0.5f, 0.0f, float(side - 1));
    const int at = std::min(int(u), side - 2);
    return Tap{at, 1.0f - (u - float(at))};
  };
  std::vector<Tap> taps(static_cast<std::size_t>(half));
  for (int i = 0; i < half; ++i) taps[std::size_t(i)] = tap(i);
  // A row of the level above, narrowed.
  auto narrowed = [&](int y, float* to) {
    for (std::size_t x = 0; x < std::size_t(half); ++x)
      for (std::size_t c = 0; c < channels; ++c) {
        const Tap& t = taps[x];
        const std::uint8_t* p = texels + std::size_t(y) * row + std::size_t(t.at) * channels + c;
        to[x * channels + c] = t.weight * float(p[0]) + (1.0f - t.weight) * float(p[channels]);
      }
  };
  std::vector<float> above(2 * out_row);
  for (std::size_t y = std::size_t(y0); y < std::size_t(y1); ++y) {
    const Tap& t = taps[y];
    narrowed(t.at, above.data());
    narrowed(t.at + 1, above.data() + out_row);
    for (std::size_t x = 0; x < out_row; ++x) out[y * out_row + x] = std::uint8_t(t.weight * above[x] + (1.0f - t.weight) * above[x + out_row] + 0.5f);
  }
}

// The rows of the next level that rows [y0, y1) of a level `side` texels wide reach (a few more
// where the side is odd and the taps drift).
std::pair<int, int> halved_rows(int side, int y0, int y1) {
  const int half = side / 2;
  if (side % 2 == 0) return {y0 / 2, (y1 + 1) / 2};
  return {std::max(0, int((std::int64_t(y0) - 1) * half / side) - 1), std::min(half, int((std::int64_t(y1) * half + side - 1) / side) + 2)};
}

}  // namespace

HeadPass::HeadPass() : program_("head.vert", "head.frag") { glGenTextures(1, &pigment_texture_); }

HeadPass::~HeadPass() { glDeleteTextures(1, &pigment_texture_); }

void HeadPass::set_mesh(const Mesh& mesh) {
  buffer_.upload(mesh);
  buffer_.upload_pigment_uv({});
  closed_ = is_closed_surface(mesh);
  has_uv_ = has_pigment_ = false;
}

void HeadPass::set_pigment_uv(const std::vector<glm::vec3>& uvw) {
  buffer_.upload_pigment_uv(uvw);
  has_uv_ = !uvw.empty();
}

void HeadPass::set_pigment(const PigmentMap& map, std::pair<int, int> rows) {
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, pigment_texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  // Ink in red; with fresh redness, that in green beside it (one read gives both).
  const GLenum format = map.inflamed.empty() ? GL_RED : GL_RG;
  const std::size_t channels = map.inflamed.empty() ? 1 : 2;
  const bool same_storage = map.size == pigment_size_ && format == pigment_format_ && has_pigment_ && !levels_.empty();
  auto [y0, y1] = same_storage ? std::pair(std::clamp(rows.first, 0, map.size), std::clamp(rows.second, 0, map.size)) : std::pair(0, map.size);
  // Mipmaps: far away a texel averages many dots' ink, which is how a shaved head reads at a
  // distance (a shadow); up close the dots are separate. Made here (halve_rows): the software
  // renderer's glGenerateMipmap took 13-20 ms over a 3k map, and 60 ms more the first time. Each
  // level is kept, so a change to some rows (a slider's drag) sends those rows and the rows of
  // the smaller levels they reach, not the whole map.
  if (!same_storage) levels_.assign(1, {});
  std::vector<std::uint8_t>& top = levels_[0];
  top.resize(std::size_t(map.size) * std::size_t(map.size) * channels);
  for (std::size_t i = std::size_t(y0) * std::size_t(map.size), end = std::size_t(y1) * std::size_t(map.size); i < end; ++i) {
    if (channels == 1) top[i] = map.ink[i];
    else top[2 * i] = map.ink[i], top[2 * i + 1] = map.inflamed[i];
  }
  for (int level = 0, side = map.size;; ++level) {
    const std::uint8_t* texels = levels_[std::size_t(level)].data();
    if (!same_storage) glTexImage2D(GL_TEXTURE_2D, level, channels == 1 ? GL_R8 : GL_RG8, side, side, 0, format, GL_UNSIGNED_BYTE, texels);
    else if (y1 > y0) glTexSubImage2D(GL_TEXTURE_2D, level, 0, y0, side, y1 - y0, format, GL_UNSIGNED_BYTE, texels + std::size_t(y0) * std::size_t(side) * channels);
    if (side <= 1) break;
    std::tie(y0, y1) = y1 > y0 ? halved_rows(side, y0, y1) : std::pair(0, 0);
    if (std::size_t(level) + 1 >= levels_.size()) levels_.emplace_back(std::size_t(side / 2) * std::size_t(side / 2) * channels);
    halve_rows(texels, side, channels, levels_[std::size_t(level) + 1].data(), y0, y1);
    side /= 2;
  }
  pigment_size_ = map.size;
  pigment_format_ = format;
  // Bilinear within the nearer mip level: trilinear's second level costs the software renderer a
  // fifth of the head's frame, for a difference no one sees on skin.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  pigment_texels_per_mm_ = map.texels_per_mm();
  has_pigment_ = true;
}

void HeadPass::draw(const OrbitCamera& camera, float aspect, const ViewSettings& s, int viewport_height) {
  program_.use();
  const glm::mat4 view = camera.view_matrix();
  program_.set("u_view", view);
  program_.set("u_projection", camera.projection_matrix(aspect));
  program_.set("u_normal_matrix", glm::mat3(view));  // the model matrix is the identity
  program_.set("u_skin", s.skin_linear());
  program_.set("u_overlay_strength", s.show_heat ? 0.85f : s.show_density ? 0.9f : s.show_zones ? 0.6f : 0.0f);
  // Lights follow the camera (render/lighting.h): every side of the head is shown well lit.
  program_.set("u_key_dir", light_direction(s.key_light_azimuth_deg, s.key_light_elevation_deg));
  program_.set("u_key_intensity", s.key_light_intensity);
  program_.set("u_fill_dir", light_direction(-s.key_light_azimuth_deg * 1.6f, 5.0f));
  program_.set("u_fill_intensity", s.fill_light_intensity);
  program_.set("u_rim_dir", light_direction(180.0f - s.key_light_azimuth_deg, 40.0f));
  program_.set("u_rim_intensity", s.rim_light_intensity);
  program_.set("u_ambient_intensity", s.ambient_intensity);
  const bool pigment = has_pigment_ && has_uv_ && s.show_dots && !s.colour_sessions;
  program_.set("u_pigment_on", pigment ? 1 : 0);
  program_.set("u_pigment_strength", s.pigment_strength);
  program_.set("u_redness", s.preview.mode == Preview::Fresh ? 1.0f : 0.0f);
  program_.set("u_pigment", 0);
  // Texels of the pigment a pixel spans per mm of depth (facing the camera): the vertex shader
  // picks the mip level from it, sparing the software renderer the per-pixel derivatives.
  program_.set("u_texels_per_pixel_per_mm", pigment_texels_per_mm_ * 2.0f * std::tan(0.5f * camera.fov_y) / float(std::max(1, viewport_height)));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, pigment ? pigment_texture_ : 0);
  // Faces toward the camera first: drawn in the mesh's order, about half were shaded and then
  // covered (llvmpipe: a 1600x1200 head 0.20 s to 0.165 s). On a closed head the faces turned
  // away are all hidden, and drawing them anyway cost the software renderer another 0.04-0.05 s
  // (vertices and triangle set-up); open scans show their inside, from a second pass.
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  buffer_.draw();
  if (!closed_) {
    glCullFace(GL_FRONT);
    buffer_.draw();
    glCullFace(GL_BACK);
  }
  glDisable(GL_CULL_FACE);
  glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace smp
