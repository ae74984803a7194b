#include "head/chart_plane.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include <glm/geometric.hpp>
#include <glm/mat2x2.hpp>
#include <glm/matrix.hpp>

#include "core/pigment_map.h"

namespace smp {
namespace {

double skin_area(const Mesh& mesh, std::uint32_t a, std::uint32_t b, std::uint32_t c) {
  const glm::dvec3 pa(mesh.positions[a]), pb(mesh.positions[b]), pc(mesh.positions[c]);
  return 0.5 * glm::length(glm::cross(pb - pa, pc - pa));
}

template <class Point>
double chart_area(const Point& a, const Point& b, const Point& c) {
  const glm::dvec2 ab = glm::dvec2(b) - glm::dvec2(a), ac = glm::dvec2(c) - glm::dvec2(a);
  return 0.5 * (ab.x * ac.y - ab.y * ac.x);  // signed: a folded triangle is negative
}

// Which triangles of a plane are tangled: folded, or stretched past 2x either way against what
// the chart does to the skin at their distance from the vertex (it widens the skin more the
// further out, about 1.5x at 13 cm on the bundled head): the median of the triangles in each
// 5 mm ring, as charted.
class Tangles {
 public:
  Tangles(const Mesh& mesh, const ScalpChart& chart, double within_mm, const std::vector<glm::dvec2>& charted)
      : mesh_(mesh), chart_(chart), within_(within_mm), rings_(std::size_t(std::max(0.0, within_mm) / kRingMm) + 1) {
    std::vector<std::vector<double>> rings(rings_);
    for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
      const std::uint32_t a = mesh.indices[3 * t], b = mesh.indices[3 * t + 1], c = mesh.indices[3 * t + 2];
      const double skin = skin_area(mesh, a, b, c);
      if (near(a, b, c) && skin > 0.0) rings[ring(a, b, c)].push_back(chart_area(charted[a], charted[b], charted[c]) / skin);
    }
    for (std::vector<double>& ratios : rings) {
      if (ratios.empty()) {
        usual_.push_back(1.0);
        continue;
      }
      std::nth_element(ratios.begin(), ratios.begin() + std::ptrdiff_t(ratios.size() / 2), ratios.end());
      usual_.push_back(std::max(1e-3, ratios[ratios.size() / 2]));
    }
  }
  // What a triangle's chart area is measured against; a skin area of 0 where it is never tangled.
  struct Scale {
    double skin = 0.0, usual = 1.0;
  };
  Scale scale(std::uint32_t a, std::uint32_t b, std::uint32_t c) const {
    if (!near(a, b, c)) return {};
    const double skin = skin_area(mesh_, a, b, c);
    if (!(skin > 0.0)) return {};
    return {skin, usual_[ring(a, b, c)]};
  }
  template <class Point>
  static bool tangled(const Scale& scale, std::uint32_t a, std::uint32_t b, std::uint32_t c, const std::vector<Point>& plane) {
    if (!(scale.skin > 0.0)) return false;
    const double ratio = chart_area(plane[a], plane[b], plane[c]) / scale.skin / scale.usual;
    return ratio < 0.5 || ratio > 2.0;
  }
  template <class Point>
  bool tangled(std::uint32_t a, std::uint32_t b, std::uint32_t c, const std::vector<Point>& plane) const {
    return tangled(scale(a, b, c), a, b, c, plane);
  }

 private:
  static constexpr double kRingMm = 5.0;
  bool near(std::uint32_t a, std::uint32_t b, std::uint32_t c) const {
    return chart_.vertices[a].r <= within_ && chart_.vertices[b].r <= within_ && chart_.vertices[c].r <= within_;
  }
  std::size_t ring(std::uint32_t a, std::uint32_t b, std::uint32_t c) const {
    const double r = std::max({chart_.vertices[a].r, chart_.vertices[b].r, chart_.vertices[c].r});
    return std::min(rings_ - 1, std::size_t(std::max(0.0, r) / kRingMm));
  }
  const Mesh& mesh_;
  const ScalpChart& chart_;
  double within_;
  std::size_t rings_;
  std::vector<double> usual_;  // per ring: the median chart area over skin area
};

std::vector<glm::dvec2> as_charted(const ScalpChart& chart) {
  std::vector<glm::dvec2> plane;
  plane.reserve(chart.vertices.size());
  for (const PolarPoint& p : chart.vertices) plane.push_back(ScalpChart::plane(p));
  return plane;
}

}  // namespace

std::vector<glm::vec2> chart_plane(const Mesh& mesh, const ScalpChart& chart, double within_mm) {
  std::unordered_map<std::uint64_t, std::uint32_t> first_at;  // position -> the first vertex there
  auto key = [](glm::vec3 p) {
    const auto q = [](float v) { return std::uint64_t(std::int64_t(std::lround(double(v) * 1000.0)) & 0x1FFFFF); };
    return q(p.x) | (q(p.y) << 21) | (q(p.z) << 42);
  };
  const std::size_t n = mesh.positions.size();
  std::vector<std::uint32_t> weld(n);  // each vertex's first twin
  std::vector<glm::dvec2> at(n, glm::dvec2(0.0));
  std::vector<int> twins(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    weld[v] = first_at.try_emplace(key(mesh.positions[v]), v).first->second;
    at[weld[v]] += ScalpChart::plane(chart.vertices[v]);
    ++twins[weld[v]];
  }
  for (std::uint32_t v = 0; v < n; ++v)
    if (weld[v] == v) at[v] /= double(twins[v]);

  // The corners of tangled triangles are put where their neighbours' places say, by mean value
  // weights from the skin (Floater's: a vertex amid a flat ring of neighbours stays where it is,
  // so an even stretch is left as the chart made it). On the bundled head this untangles all 1095
  // tangled triangles within 13 cm of the vertex; further down the back, where shortest paths from
  // the vertex part round the skull and the chart itself folds, 4112 become 2531 (unit test).
  const Tangles tangles(mesh, chart, within_mm, as_charted(chart));
  // Each welded vertex's fan, the other two corners of each of its triangles in triangle order
  // (fan[fan_start[v]] on), and the mean value weights of those corners, made the first time the
  // vertex moves: the passes below move the same few thousand vertices again and again.
  const std::size_t triangles = mesh.triangle_count();
  std::vector<std::uint32_t> welded(3 * triangles);
  for (std::size_t i = 0; i < welded.size(); ++i) welded[i] = weld[mesh.indices[i]];
  std::vector<std::uint32_t> fan_start(n + 1, 0);
  for (std::uint32_t v : welded) ++fan_start[v + 1];
  for (std::size_t v = 0; v < n; ++v) fan_start[v + 1] += fan_start[v];
  std::vector<std::array<std::uint32_t, 2>> fan(welded.size());
  std::vector<glm::dvec2> fan_weight(welded.size());  // of the two corners; 0 where degenerate
  {
    std::vector<std::uint32_t> next(fan_start.begin(), fan_start.end() - 1);
    for (std::size_t t = 0; t < triangles; ++t)
      for (std::size_t k = 0; k < 3; ++k) fan[next[welded[3 * t + k]]++] = {welded[3 * t + (k + 1) % 3], welded[3 * t + (k + 2) % 3]};
  }
  std::vector<std::uint8_t> weighed(n, 0);
  std::vector<Tangles::Scale> scale(triangles);
  for (std::size_t t = 0; t < triangles; ++t) scale[t] = tangles.scale(welded[3 * t], welded[3 * t + 1], welded[3 * t + 2]);
  for (int pass = 0; pass < 10; ++pass) {
    std::vector<std::uint32_t> corners;
    for (std::size_t t = 0; t < triangles; ++t) {
      const std::uint32_t a = welded[3 * t], b = welded[3 * t + 1], c = welded[3 * t + 2];
      if (Tangles::tangled(scale[t], a, b, c, at)) corners.insert(corners.end(), {a, b, c});
    }
    if (corners.empty()) break;
    for (std::uint32_t v : corners) {
      if (!weighed[v]) {
        weighed[v] = 1;
        const glm::dvec3 p(mesh.positions[v]);
        for (std::uint32_t e = fan_start[v]; e < fan_start[v + 1]; ++e) {
          const auto [j, k] = fan[e];
          const glm::dvec3 to_j = glm::dvec3(mesh.positions[j]) - p, to_k = glm::dvec3(mesh.positions[k]) - p;
          const double lj = glm::length(to_j), lk = glm::length(to_k);
          if (!(lj > 0.0) || !(lk > 0.0)) continue;
          const double half_tan = std::tan(0.5 * std::acos(std::clamp(glm::dot(to_j, to_k) / (lj * lk), -1.0, 1.0)));
          fan_weight[e] = {half_tan / lj, half_tan / lk};
        }
      }
      glm::dvec2 sum(0.0);
      double total = 0.0;
      for (std::uint32_t e = fan_start[v]; e < fan_start[v + 1]; ++e) {
        if (fan_weight[e] == glm::dvec2(0.0)) continue;
        sum += fan_weight[e].x * at[fan[e][0]] + fan_weight[e].y * at[fan[e][1]];
        total += fan_weight[e].x + fan_weight[e].y;
      }
      if (total > 0.0) at[v] = sum / total;
    }
  }
  std::vector<glm::vec2> plane(n);
  for (std::uint32_t v = 0; v < n; ++v) plane[v] = glm::vec2(at[weld[v]]);
  return plane;
}

std::size_t tangled_triangles(const Mesh& mesh, const ScalpChart& chart, const std::vector<glm::vec2>& plane, double within_mm) {
  const Tangles tangles(mesh, chart, within_mm, as_charted(chart));
  std::size_t count = 0;
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) count += tangles.tangled(mesh.indices[3 * t], mesh.indices[3 * t + 1], mesh.indices[3 * t + 2], plane);
  return count;
}

std::vector<glm::vec3> chart_skin_metric(const Mesh& mesh, const std::vector<glm::vec2>& plane, std::span<const std::uint32_t> triangles) {
  // Each triangle's own metric, added to its corners weighted by its skin area. Read back as the
  // mean of a triangle's corners, a scan's small folds (a sliver standing across the skin) no
  // longer draw their dots as strokes a few millimetres long: their neighbours outweigh them.
  std::vector<glm::dvec3> at_vertex(mesh.positions.size(), glm::dvec3(0.0));
  std::vector<double> weight(mesh.positions.size(), 0.0);
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    const std::uint32_t* v = &mesh.indices[3 * t];
    if (v[0] >= plane.size() || v[1] >= plane.size() || v[2] >= plane.size()) continue;
    // Chart edges C (columns) and skin edges E: a chart offset x is the skin offset E C^-1 x, so
    // the metric is C^-T (E^T E) C^-1.
    const glm::dvec2 c1 = glm::dvec2(plane[v[1]] - plane[v[0]]), c2 = glm::dvec2(plane[v[2]] - plane[v[0]]);
    const double det = c1.x * c2.y - c2.x * c1.y;
    if (!(det > 1e-9)) continue;  // folded or flattened in the chart
    const glm::dvec3 e1 = glm::dvec3(mesh.positions[v[1]] - mesh.positions[v[0]]), e2 = glm::dvec3(mesh.positions[v[2]] - mesh.positions[v[0]]);
    const glm::dmat2 inverse = glm::inverse(glm::dmat2(c1, c2));
    const glm::dmat2 skin(glm::dot(e1, e1), glm::dot(e1, e2), glm::dot(e1, e2), glm::dot(e2, e2));
    const glm::dmat2 m = glm::transpose(inverse) * skin * inverse;
    const glm::dvec3 packed{m[0][0], m[0][1], m[1][1]};
    // Stretched past 6x either way, the chart is tangled there (towards the chin): left out.
    const glm::vec2 stretch = metric_stretch(glm::vec3(packed));
    if (!(stretch.x > 1.0f / 36.0f) || stretch.y > 36.0f) continue;
    const double area = 0.5 * glm::length(glm::cross(e1, e2));
    for (int k = 0; k < 3; ++k) at_vertex[v[k]] += area * packed, weight[v[k]] += area;
  }
  std::vector<glm::vec3> metric(triangles.size(), glm::vec3(1.0f, 0.0f, 1.0f));
  for (std::size_t i = 0; i < triangles.size(); ++i) {
    if (std::size_t(triangles[i]) >= mesh.triangle_count()) continue;
    const std::uint32_t* v = &mesh.indices[3 * std::size_t(triangles[i])];
    glm::dvec3 sum(0.0);
    int corners = 0;
    for (int k = 0; k < 3; ++k)
      if (weight[v[k]] > 0.0) sum += at_vertex[v[k]] / weight[v[k]], ++corners;
    if (corners > 0) metric[i] = glm::vec3(sum / double(corners));  // else: round
  }
  return metric;
}

}  // namespace smp
