#include "core/pigment_map.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/both_cores.h"

namespace smp {
namespace {

// The core's profile at distance t of its radius (as shaders/dot.frag draws a dot's rim).
float profile(float t) {
  if (t >= 1.0f) return 0.0f;
  if (t <= 0.65f) return 1.0f;
  const float x = (t - 0.65f) / 0.35f;
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

// The halo's weights, (1 - t^2)^2 out to `radius` texels, for a centre at each of 8x8 offsets
// within a texel: every dot of a bake shares one halo radius, so the weights are computed once.
struct HaloKernel {
  static constexpr int kPhases = 8;
  int reach = 0;  // texels each side of the centre texel
  std::vector<float> weights;  // [phase_y][phase_x][dy][dx]
  HaloKernel(float radius) : reach(int(std::ceil(radius)) + 1) {
    const int side = 2 * reach + 1;
    weights.resize(std::size_t(kPhases * kPhases * side * side));
    for (int py = 0; py < kPhases; ++py)
      for (int px = 0; px < kPhases; ++px)
        for (int dy = -reach; dy <= reach; ++dy)
          for (int dx = -reach; dx <= reach; ++dx) {
            const float fx = (float(px) + 0.5f) / kPhases, fy = (float(py) + 0.5f) / kPhases;
            const float t2 = ((float(dx) - fx) * (float(dx) - fx) + (float(dy) - fy) * (float(dy) - fy)) / (radius * radius);
            const float w = t2 < 1.0f ? (1.0f - t2) * (1.0f - t2) : 0.0f;
            weights[((std::size_t(py) * kPhases + std::size_t(px)) * std::size_t(side) + std::size_t(dy + reach)) * std::size_t(side) +
                    std::size_t(dx + reach)] = w;
          }
  }
  const float* at(float fx, float fy) const {
    const int px = std::clamp(int(fx * kPhases), 0, kPhases - 1), py = std::clamp(int(fy * kPhases), 0, kPhases - 1);
    const int side = 2 * reach + 1;
    return &weights[(std::size_t(py) * kPhases + std::size_t(px)) * std::size_t(side * side)];
  }
};

// The dots' absorbance added into rows [row0, row1) of `sum` (n x n).
void add_dots(std::span<const InkDot> dots, glm::vec2 low_mm, float tpm, int n, int row0, int row1, float* sum) {
  auto add = [&](int x, int y, float a) {
    if (x >= 0 && x < n && y >= row0 && y < row1) sum[std::size_t(y) * std::size_t(n) + std::size_t(x)] += a;
  };
  const float unit_area = profile_area();
  std::vector<std::pair<float, HaloKernel>> kernels;  // by halo radius in texels
  for (const InkDot& dot : dots) {
    const glm::vec2 c = (dot.at_mm - low_mm) * tpm - 0.5f;  // texel centres at integers
    // The dot's ellipse in texels: |skin offset|^2 = x^T g x for a texel offset x, and its
    // semi-axes (along the eigenvectors of g) radius_mm / sqrt(eigenvalue).
    const glm::vec3 g = dot.skin_metric / (tpm * tpm);
    const glm::vec2 stretch = metric_stretch(g);
    const float mean = 0.5f * (stretch.x + stretch.y);
    const float wide_eigen = std::max(stretch.x, 1e-12f), narrow_eigen = std::max(stretch.y, 1e-12f);
    const float skin_radius = 0.5f * dot.diameter_mm;
    const float wide = skin_radius / std::sqrt(wide_eigen), narrow = skin_radius / std::sqrt(narrow_eigen);  // texels
    const float halo_r = std::max(1.0f, dot.halo_mm * tpm);
    const float halo_reach = std::max(halo_r, dot.halo_mm / std::sqrt(wide_eigen));  // texels, along its widest
    const float reach = std::max(std::max(wide, 3.0f), dot.halo > 0.0f ? halo_reach : 0.0f) + 2.0f;
    if (c.y + reach < float(row0) || c.y - reach >= float(row1)) continue;  // the other thread's
    const int cx = int(std::floor(c.x)), cy = int(std::floor(c.y));
    const float fx = c.x - float(cx), fy = c.y - float(cy);
    const bool round = std::abs(g.x - g.z) < 0.02f * mean && std::abs(g.y) < 0.01f * mean;  // to 1%: the chart barely stretches here
    if (dot.halo > 0.0f && !round) {
      // Stretched: the halo's (1 - t^2)^2 over its ellipse, where t is the distance on the skin.
      const float a = absorbance(dot.halo * dot.darkness), halo_skin = std::max(dot.halo_mm, 1.0f / tpm);
      const float det = std::max(g.x * g.z - g.y * g.y, 1e-12f);
      const int hx = int(std::ceil(halo_skin * std::sqrt(g.z / det))) + 1, hy = int(std::ceil(halo_skin * std::sqrt(g.x / det))) + 1;
      for (int dy = -hy; dy <= hy; ++dy)
        for (int dx = -hx; dx <= hx; ++dx) {
          const float x = float(dx) - fx, y = float(dy) - fy;
          const float t2 = (g.x * x * x + 2.0f * g.y * x * y + g.z * y * y) / (halo_skin * halo_skin);
          if (t2 < 1.0f) add(cx + dx, cy + dy, a * (1.0f - t2) * (1.0f - t2));
        }
    } else if (dot.halo > 0.0f) {
      auto found = std::find_if(kernels.begin(), kernels.end(), [&](const auto& k) { return std::abs(k.first - halo_r) < 0.02f; });
      if (found == kernels.end()) found = kernels.insert(kernels.end(), {halo_r, HaloKernel(halo_r)});
      const HaloKernel& kernel = found->second;
      const float* w = kernel.at(fx, fy);
      const float a = absorbance(dot.halo * dot.darkness);
      const int side = 2 * kernel.reach + 1;
      for (int dy = -kernel.reach; dy <= kernel.reach; ++dy)
        for (int dx = -kernel.reach; dx <= kernel.reach; ++dx)
          if (const float weight = w[(dy + kernel.reach) * side + dx + kernel.reach]; weight > 0.0f) add(cx + dx, cy + dy, a * weight);
    }
    // The wide axis (unit, texels): an eigenvector of g for its smaller eigenvalue.
    glm::vec2 along = std::abs(g.y) > 1e-12f ? glm::vec2(g.y, wide_eigen - g.x) : (g.x <= g.z ? glm::vec2(1, 0) : glm::vec2(0, 1));
    along /= std::max(1e-12f, std::sqrt(along.x * along.x + along.y * along.y));
    const glm::vec2 across(-along.y, along.x);
    if (narrow < 0.75f) {
      // Narrower than a texel: its ink (absorbance x its area in texels) shared among the texels
      // under a tent one texel wide across its narrow axis and as much wider along the other as
      // the ellipse is (round: the nearest four, bilinearly).
      const float texel_area = unit_area * wide * narrow;
      const float a = absorbance(dot.darkness) * texel_area;
      if (round) {  // the nearest four, bilinearly
        add(cx, cy, a * (1 - fx) * (1 - fy));
        add(cx + 1, cy, a * fx * (1 - fy));
        add(cx, cy + 1, a * (1 - fx) * fy);
        add(cx + 1, cy + 1, a * fx * fy);
        continue;
      }
      const float reach_along = std::clamp(wide / narrow, 1.0f, 6.0f);
      const int rx = int(std::ceil(reach_along)) + 1;
      float weights[256];
      int at[256][2];
      int count = 0;
      float total = 0.0f;
      for (int dy = -rx + 1; dy <= rx && count < 256; ++dy)
        for (int dx = -rx + 1; dx <= rx && count < 256; ++dx) {
          const glm::vec2 d(float(cx + dx) - c.x, float(cy + dy) - c.y);
          const float w = std::max(0.0f, 1.0f - std::abs(d.x * along.x + d.y * along.y) / reach_along) *
                          std::max(0.0f, 1.0f - std::abs(d.x * across.x + d.y * across.y));
          if (w <= 0.0f) continue;
          weights[count] = w, at[count][0] = cx + dx, at[count][1] = cy + dy, ++count;
          total += w;
        }
      for (int k = 0; k < count; ++k) add(at[k][0], at[k][1], a * weights[k] / total);
      continue;
    }
    const float a = absorbance(dot.darkness);
    // The ellipse's box: half-widths radius * sqrt of the inverse metric's diagonal.
    const float det = std::max(g.x * g.z - g.y * g.y, 1e-12f);
    const int rx = int(std::ceil(skin_radius * std::sqrt(g.z / det))), ry = int(std::ceil(skin_radius * std::sqrt(g.x / det)));
    for (int dy = -ry; dy <= ry + 1; ++dy)
      for (int dx = -rx; dx <= rx + 1; ++dx) {
        const float x = float(cx + dx) - c.x, y = float(cy + dy) - c.y;
        const float t = std::sqrt(std::max(0.0f, g.x * x * x + 2.0f * g.y * x * y + g.z * y * y)) / skin_radius;
        if (t < 1.0f) add(cx + dx, cy + dy, a * profile(t));
      }
  }
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

PigmentMap bake_pigment(std::span<const InkDot> dots, glm::vec2 low_mm, glm::vec2 high_mm, int size, float inflamed_mm) {
  PigmentMap map;
  map.size = std::max(1, size);
  map.low_mm = low_mm;
  const float side = std::max(high_mm.x - low_mm.x, high_mm.y - low_mm.y);
  map.high_mm = low_mm + glm::vec2(side);
  const float tpm = map.texels_per_mm();
  const int n = map.size;
  // Light kept = exp(-absorbance), through a table (absorbance in steps of 1/1024, finer than an
  // 8-bit step of ink, up to 8).
  std::vector<std::uint8_t> ink_of(8 * 1024 + 1);
  for (std::size_t i = 0; i < ink_of.size(); ++i) ink_of[i] = std::uint8_t(std::lround(255.0f * (1.0f - std::exp(-float(i) / 1024.0f))));
  map.ink.resize(std::size_t(n) * std::size_t(n));
  // Two halves of the rows on two threads: each clears its rows, goes through every dot adding
  // those over them, and turns its sums into ink.
  const std::unique_ptr<float[]> sum(new float[std::size_t(n) * std::size_t(n)]);
  on_both_cores(std::size_t(n), [&](std::size_t row0, std::size_t row1) {
    const std::size_t begin = row0 * std::size_t(n), end = row1 * std::size_t(n);
    std::fill(sum.get() + begin, sum.get() + end, 0.0f);
    add_dots(dots, low_mm, tpm, n, int(row0), int(row1), sum.get());
    for (std::size_t i = begin; i < end; ++i) map.ink[i] = ink_of[std::min<std::size_t>(std::size_t(sum[i] * 1024.0f + 0.5f), 8 * 1024)];
  });
  // Two passes of a box reach about its full width: half the radius a side.
  if (inflamed_mm > 0.0f) map.inflamed = inflamed_from(map.ink, n, 0.5f * inflamed_mm * tpm);
  return map;
}

}  // namespace smp
