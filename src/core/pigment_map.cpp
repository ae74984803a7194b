#include "core/pigment_map.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

#include "core/both_cores.h"

namespace smp {
namespace {

// The core's profile at distance t of its radius (as shaders/dot.frag draws a dot's rim).
float profile(float t) {
  const float x = std::min(std::max((t - 0.65f) / 0.35f, 0.0f), 1.0f);  // without branches
  return 1.0f - x * x * (3.0f - 2.0f * x);
}

// The profile's area over a disc of radius 1 (numerically, once): a dot's ink in texels.
float profile_area() {
  double sum = 0;
  const int n = 400;
  for (int i = 0; i < n; ++i) {
    const double t = (i + 0.5) / n;
    sum += profile(float(t)) * 2.0 * 3.14159265358979 * t / n;
  }
  return float(sum);
}

// Ink absorbs light exponentially in its amount (Beer-Lambert): overlapping dots add their
// absorbance, and what is kept is exp(-absorbance). A dot of darkness d has absorbance -ln(1 - d).
float absorbance(float darkness) { return -std::log(1.0f - std::min(darkness, 0.999f)); }

// Rows of the map baked together (bake_bands): 32 rows of 3062 texels' sums, 0.4 MB (16, 32 and
// 64 measured alike).
constexpr int kBandRows = 32;

// A dot's place and ellipse in a bake's texels.
struct DotShape {
  glm::vec2 centre;   // texel centres at integers
  int cx = 0, cy = 0; // the texel at or below the centre, and the centre's offset from it
  float fx = 0.0f, fy = 0.0f;
  glm::vec3 g{};      // skin length^2 per texel^2 (InkDot::skin_metric)
  float wide_eigen = 0.0f, narrow_eigen = 0.0f;  // its eigenvalues, wide axis first
  bool round = true;  // to 1%: the chart barely stretches here
  // Half the height of the ellipse a skin radius of r mm makes, in texels.
  float half_height(float r) const { return r * std::sqrt(g.x / std::max(g.x * g.z - g.y * g.y, 1e-12f)); }
};

DotShape shape_of(const InkDot& dot, glm::vec2 low_mm, float tpm) {
  DotShape s;
  s.centre = (dot.at_mm - low_mm) * tpm - 0.5f;
  s.cx = int(std::floor(s.centre.x)), s.cy = int(std::floor(s.centre.y));
  s.fx = s.centre.x - float(s.cx), s.fy = s.centre.y - float(s.cy);
  s.g = dot.skin_metric / (tpm * tpm);
  const glm::vec2 stretch = metric_stretch(s.g);
  const float mean = 0.5f * (stretch.x + stretch.y);
  s.wide_eigen = std::max(stretch.x, 1e-12f), s.narrow_eigen = std::max(stretch.y, 1e-12f);
  s.round = std::abs(s.g.x - s.g.z) < 0.02f * mean && std::abs(s.g.y) < 0.01f * mean;
  return s;
}

// Rows [row0, row1) of an n-wide sum of absorbance, `sum` holding row0's first texel.
struct Rows {
  float* sum;
  int n, row0, row1;
  void add(int x, int y, float a) const {
    if (x >= 0 && x < n && y >= row0 && y < row1) sum[std::size_t(y - row0) * std::size_t(n) + std::size_t(x)] += a;
  }
  float* row(int y) const { return sum + std::size_t(y - row0) * std::size_t(n); }  // y in [row0, row1)
  // Offsets dy in [-reach, reach] from row cy that fall in these rows, as [first, last].
  int first(int cy, int reach) const { return std::max(-reach, row0 - cy); }
  int last(int cy, int reach) const { return std::min(reach, row1 - 1 - cy); }
};

// Calls texel(sum, t2) for each texel of `rows` inside the ellipse t^2 = q.x x^2 + 2 q.y x y +
// q.z y^2 < 1 round the dot's centre (x, y in texels from it), out to `reach` rows each side.
// Along a row t^2 is a quadratic in x, so each row's texels inside are found at once and only they
// are visited, with no test per texel (texel by texel over the ellipse's box, the halos took most
// of a dragged frame).
template <class Texel>
void for_each_in_ellipse(const DotShape& s, glm::vec3 q, int reach, const Rows& rows, const Texel& texel) {
  for (int dy = rows.first(s.cy, reach), last = rows.last(s.cy, reach); dy <= last; ++dy) {
    const float y = float(dy) - s.fy;
    const float disc = q.y * q.y * y * y - q.x * (q.z * y * y - 1.0f);
    if (!(disc > 0.0f)) continue;
    const float middle = s.fx - q.y * y / q.x, half_width = std::sqrt(disc) / q.x;  // in dx
    const int dx0 = std::max(int(std::ceil(middle - half_width)), -s.cx), dx1 = std::min(int(std::floor(middle + half_width)), rows.n - 1 - s.cx);
    float* row = rows.row(s.cy + dy);
    const float b = 2.0f * q.y * y, c = q.z * y * y;
    for (int dx = dx0; dx <= dx1; ++dx) {
      const float x = float(dx) - s.fx;
      texel(row[s.cx + dx], q.x * x * x + b * x + c);
    }
  }
}

// The dots' halos: (1 - t^2)^2 out to each dot's halo radius, t measured on the skin, over its
// ellipse in the chart (a circle where the chart does not stretch).
void add_halos(std::span<const InkDot> dots, glm::vec2 low_mm, float tpm, const Rows& rows) {
  for (const InkDot& dot : dots) {
    if (!(dot.halo > 0.0f)) continue;
    const DotShape s = shape_of(dot, low_mm, tpm);
    const float a = absorbance(dot.halo * dot.darkness);
    const float halo_skin = std::max(dot.halo_mm, 1.0f / tpm);  // mm, at least a texel
    const int hy = int(std::ceil(s.half_height(halo_skin))) + 1;
    for_each_in_ellipse(s, s.g / (halo_skin * halo_skin), hy, rows, [a](float& sum, float t2) {
      const float w = std::max(0.0f, 1.0f - t2);
      sum += a * w * w;
    });
  }
}

// The dots' cores: each a soft-edged ellipse, or its ink shared among the nearest texels when
// narrower than one.
void add_cores(std::span<const InkDot> dots, glm::vec2 low_mm, float tpm, const Rows& rows) {
  const float unit_area = profile_area();
  for (const InkDot& dot : dots) {
    const DotShape s = shape_of(dot, low_mm, tpm);
    // Its semi-axes (along the eigenvectors of g) radius_mm / sqrt(eigenvalue), in texels.
    const float skin_radius = 0.5f * dot.diameter_mm;
    const float wide = skin_radius / std::sqrt(s.wide_eigen), narrow = skin_radius / std::sqrt(s.narrow_eigen);
    const glm::vec3 g = s.g;
    const int cx = s.cx, cy = s.cy;
    const float fx = s.fx, fy = s.fy;
    if (narrow < 0.75f) {
      // Narrower than a texel: its ink (absorbance x its area in texels) shared among the texels
      // under a tent one texel wide across its narrow axis and as much wider along the other as
      // the ellipse is (round: the nearest four, bilinearly).
      const float texel_area = unit_area * wide * narrow;
      const float a = absorbance(dot.darkness) * texel_area;
      if (s.round) {  // the nearest four, bilinearly
        rows.add(cx, cy, a * (1 - fx) * (1 - fy));
        rows.add(cx + 1, cy, a * fx * (1 - fy));
        rows.add(cx, cy + 1, a * (1 - fx) * fy);
        rows.add(cx + 1, cy + 1, a * fx * fy);
        continue;
      }
      const float reach_along = std::clamp(wide / narrow, 1.0f, 6.0f), per_reach = 1.0f / reach_along;
      // The wide axis (unit, texels): an eigenvector of g for its smaller eigenvalue.
      glm::vec2 along = std::abs(g.y) > 1e-12f ? glm::vec2(g.y, s.wide_eigen - g.x) : (g.x <= g.z ? glm::vec2(1, 0) : glm::vec2(0, 1));
      along /= std::max(1e-12f, std::sqrt(along.x * along.x + along.y * along.y));
      const glm::vec2 across(-along.y, along.x);
      // The tent's box (at most 15 texels a side).
      const float ex = reach_along * std::abs(along.x) + std::abs(across.x), ey = reach_along * std::abs(along.y) + std::abs(across.y);
      const int dx0 = int(std::ceil(fx - ex)), dx1 = int(std::floor(fx + ex)), dy0 = int(std::ceil(fy - ey)), dy1 = int(std::floor(fy + ey));
      if (cy + dy1 < rows.row0 || cy + dy0 >= rows.row1) continue;
      float weights[256];
      int at[256][2];
      int count = 0;
      float total = 0.0f;
      for (int dy = dy0; dy <= dy1; ++dy)
        for (int dx = dx0; dx <= dx1; ++dx) {
          const glm::vec2 d(float(dx) - fx, float(dy) - fy);
          const float w = std::max(0.0f, 1.0f - std::abs(d.x * along.x + d.y * along.y) * per_reach) *
                          std::max(0.0f, 1.0f - std::abs(d.x * across.x + d.y * across.y));
          if (w <= 0.0f) continue;
          weights[count] = w, at[count][0] = cx + dx, at[count][1] = cy + dy, ++count;
          total += w;
        }
      for (int k = 0; k < count; ++k) rows.add(at[k][0], at[k][1], a * weights[k] / total);
      continue;
    }
    // Its ellipse, with a soft rim.
    const float a = absorbance(dot.darkness);
    const int ry = int(std::ceil(s.half_height(skin_radius))) + 1;
    for_each_in_ellipse(s, g / (skin_radius * skin_radius), ry, rows, [a](float& sum, float t2) { sum += a * profile(std::sqrt(std::max(0.0f, t2))); });
  }
}

// The rows of the full map a dot may touch, halo included (a few more than it does).
std::pair<int, int> rows_touched(const InkDot& dot, glm::vec2 low_mm, float tpm) {
  const DotShape s = shape_of(dot, low_mm, tpm);
  const float radius_mm = std::max({0.5f * dot.diameter_mm, dot.halo > 0.0f ? dot.halo_mm : 0.0f, 1.0f / tpm});
  // The sub-texel tent reaches up to 7 texels.
  const float reach = std::max(s.half_height(radius_mm) + 2.0f, 8.0f);
  return {int(std::floor(s.centre.y - reach)), int(std::ceil(s.centre.y + reach))};
}

// Two passes of a box (2r + 1 texels wide) along the rows, then down the columns: nearly a
// Gaussian, at a cost that does not grow with r. Columns run as a sum per column carried down
// the rows, so memory is read in order.
void blur(std::vector<std::uint8_t>& image, int n, int r) {
  std::vector<std::uint8_t> row_sums(image.size());
  const float scale = 1.0f / float(2 * r + 1);
  for (int pass = 0; pass < 2; ++pass) {
    for (int y = 0; y < n; ++y) {
      const std::uint8_t* in = &image[std::size_t(y) * std::size_t(n)];
      std::uint8_t* to = &row_sums[std::size_t(y) * std::size_t(n)];
      int sum = 0;
      for (int x = -r; x <= r; ++x) sum += in[std::clamp(x, 0, n - 1)];
      for (int x = 0; x < n; ++x) {
        to[x] = std::uint8_t(float(sum) * scale + 0.5f);
        sum += in[std::min(x + r + 1, n - 1)] - in[std::max(x - r, 0)];
      }
    }
    std::vector<int> sum(std::size_t(n), 0);
    for (int y = -r; y <= r; ++y)
      for (int x = 0; x < n; ++x) sum[std::size_t(x)] += row_sums[std::size_t(std::clamp(y, 0, n - 1)) * std::size_t(n) + std::size_t(x)];
    for (int y = 0; y < n; ++y) {
      const std::size_t add = std::size_t(std::min(y + r + 1, n - 1)) * std::size_t(n), drop = std::size_t(std::max(y - r, 0)) * std::size_t(n);
      for (int x = 0; x < n; ++x) {
        image[std::size_t(y) * std::size_t(n) + std::size_t(x)] = std::uint8_t(float(sum[std::size_t(x)]) * scale + 0.5f);
        sum[std::size_t(x)] += int(row_sums[add + std::size_t(x)]) - int(row_sums[drop + std::size_t(x)]);
      }
    }
  }
}

// The ink blurred over `radius` texels, worked at half the resolution (a quarter of the texels:
// the redness is soft at any scale) and spread back over each 2x2 block.
std::vector<std::uint8_t> inflamed_from(const std::vector<std::uint8_t>& ink, int n, float radius) {
  const int h = std::max(1, n / 2);
  std::vector<std::uint8_t> small(std::size_t(h) * std::size_t(h));
  for (int y = 0; y < h; ++y) {
    const std::uint8_t* a = &ink[std::size_t(std::min(2 * y, n - 1)) * std::size_t(n)];
    const std::uint8_t* b = &ink[std::size_t(std::min(2 * y + 1, n - 1)) * std::size_t(n)];
    std::uint8_t* to = &small[std::size_t(y) * std::size_t(h)];
    for (int x = 0; x < h; ++x) {
      const int x1 = std::min(2 * x + 1, n - 1);
      to[x] = std::uint8_t((a[2 * x] + a[x1] + b[2 * x] + b[x1] + 2) / 4);
    }
  }
  blur(small, h, std::max(1, int(std::lround(0.5f * radius))));
  std::vector<std::uint8_t> out(ink.size());
  for (int y = 0; y < n; ++y) {
    const std::uint8_t* from = &small[std::size_t(std::min(y / 2, h - 1)) * std::size_t(h)];
    std::uint8_t* to = &out[std::size_t(y) * std::size_t(n)];
    for (int x = 0; x < n; ++x) to[x] = from[std::min(x / 2, h - 1)];
  }
  return out;
}

}  // namespace

glm::vec2 metric_stretch(glm::vec3 m) {
  const float mean = 0.5f * (m.x + m.z), spread = std::sqrt(0.25f * (m.x - m.z) * (m.x - m.z) + m.y * m.y);
  return {mean - spread, mean + spread};
}

namespace {

static_assert(sizeof(InkDot) == 9 * sizeof(float), "InkDot is compared byte by byte: no padding");

// Bakes `dots` into `map` (its ink sized already). `previous`, if not null, holds each band's dots
// as `map` was baked from them: a band whose dots are the same keeps its ink, and the others'
// dots are stored there. Returns the rows baked, [first, last).
std::pair<int, int> bake_bands(std::span<const InkDot> dots, PigmentMap& map, std::vector<std::vector<InkDot>>* previous) {
  const float tpm = map.texels_per_mm();
  const int n = map.size;
  const glm::vec2 low_mm = map.low_mm;
  // Light kept = exp(-absorbance), through a table (absorbance in steps of 1/1024, finer than an
  // 8-bit step of ink, up to 8).
  std::vector<std::uint8_t> ink_of(8 * 1024 + 1);
  for (std::size_t i = 0; i < ink_of.size(); ++i) ink_of[i] = std::uint8_t(std::lround(255.0f * (1.0f - std::exp(-float(i) / 1024.0f))));
  // The map is baked in bands of rows, each summed in a small buffer that stays in cache (a whole
  // map of sums, 37 MB at 3062 texels a side, cost 45 ms a bake in fresh pages alone), from the dots
  // that touch it, kept in their order.
  const int bands = (n + kBandRows - 1) / kBandRows;
  std::vector<std::vector<std::uint32_t>> in_band(static_cast<std::size_t>(bands));
  for (std::uint32_t i = 0; i < dots.size(); ++i) {
    const auto [first, last] = rows_touched(dots[i], low_mm, tpm);
    for (int b = std::max(0, first / kBandRows), end = std::min(bands - 1, last / kBandRows); b <= end; ++b) in_band[std::size_t(b)].push_back(i);
  }
  if (previous) previous->resize(std::size_t(bands));
  std::atomic<int> next_band{0}, first_baked{bands}, last_baked{-1};
  auto bake_some = [&] {  // taking bands in turn with the other core, till none is left
    std::vector<InkDot> band_dots;
    std::vector<float> sum;
    for (int b; (b = next_band++) < bands;) {
      const int row0 = b * kBandRows, row1 = std::min(n, row0 + kBandRows);
      band_dots.clear();
      for (std::uint32_t i : in_band[std::size_t(b)]) band_dots.push_back(dots[i]);
      if (previous) {
        std::vector<InkDot>& before = (*previous)[std::size_t(b)];
        if (before.size() == band_dots.size() && (before.empty() || std::memcmp(before.data(), band_dots.data(), band_dots.size() * sizeof(InkDot)) == 0)) continue;
        before = band_dots;
      }
      for (int seen = first_baked; b < seen && !first_baked.compare_exchange_weak(seen, b);) {}
      for (int seen = last_baked; b > seen && !last_baked.compare_exchange_weak(seen, b);) {}
      sum.assign(std::size_t(row1 - row0) * std::size_t(n), 0.0f);
      const Rows rows{sum.data(), n, row0, row1};
      add_halos(band_dots, low_mm, tpm, rows);
      add_cores(band_dots, low_mm, tpm, rows);
      std::uint8_t* ink = &map.ink[std::size_t(row0) * std::size_t(n)];
      const std::uint8_t* const table = ink_of.data();  // held here: the stores through ink may alias ink_of's own pointer
      for (std::size_t i = 0; i < sum.size(); ++i) ink[i] = table[std::min<std::size_t>(std::size_t(sum[i] * 1024.0f + 0.5f), 8 * 1024)];
    }
  };
  {
    OnOtherCore other(bake_some);
    bake_some();
  }
  if (last_baked < first_baked) return {0, 0};
  return {first_baked * kBandRows, std::min(n, (last_baked + 1) * kBandRows)};
}

// The square `map` covers and its size, its ink cleared.
void lay_out_map(PigmentMap& map, glm::vec2 low_mm, glm::vec2 high_mm, int size) {
  map.size = std::max(1, size);
  map.low_mm = low_mm;
  const float side = std::max(high_mm.x - low_mm.x, high_mm.y - low_mm.y);
  map.high_mm = low_mm + glm::vec2(side);
  map.ink.assign(std::size_t(map.size) * std::size_t(map.size), 0);
  map.inflamed.clear();
}

// Two passes of a box reach about its full width: half the radius a side.
float inflamed_radius_texels(const PigmentMap& map, float inflamed_mm) { return 0.5f * inflamed_mm * map.texels_per_mm(); }

}  // namespace

PigmentMap bake_pigment(std::span<const InkDot> dots, glm::vec2 low_mm, glm::vec2 high_mm, int size, float inflamed_mm) {
  PigmentMap map;
  lay_out_map(map, low_mm, high_mm, size);
  bake_bands(dots, map, nullptr);
  if (inflamed_mm > 0.0f) map.inflamed = inflamed_from(map.ink, map.size, inflamed_radius_texels(map, inflamed_mm));
  return map;
}

const PigmentMap& PigmentBaker::bake(std::span<const InkDot> dots, glm::vec2 low_mm, glm::vec2 high_mm, int size, float inflamed_mm) {
  PigmentMap square;
  lay_out_map(square, low_mm, high_mm, 1);
  if (map_.ink.empty() || map_.size != std::max(1, size) || map_.low_mm != square.low_mm || map_.high_mm != square.high_mm) {
    lay_out_map(map_, low_mm, high_mm, size);
    band_dots_.clear();
  }
  const bool all = band_dots_.empty() || inflamed_mm != inflamed_mm_;
  changed_ = bake_bands(dots, map_, &band_dots_);
  if (all) changed_ = {0, map_.size};
  if (inflamed_mm > 0.0f && (all || changed_.second > changed_.first)) {
    // The redness is worked out over the whole map again, but changes only within its reach of
    // the rows baked: the two boxes at half the resolution and the halving.
    const int reach = 4 * std::max(1, int(std::lround(0.5f * inflamed_radius_texels(map_, inflamed_mm)))) + 2;
    map_.inflamed = inflamed_from(map_.ink, map_.size, inflamed_radius_texels(map_, inflamed_mm));
    if (!all) changed_ = {std::max(0, changed_.first - reach), std::min(map_.size, changed_.second + reach)};
  }
  if (inflamed_mm <= 0.0f) map_.inflamed.clear();
  inflamed_mm_ = inflamed_mm;
  return map_;
}

}  // namespace smp
