#include "app/pigment_view.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

#include <glm/common.hpp>

#include "core/both_cores.h"
#include "dots/surface_projector.h"

namespace smp {

PigmentFrame pigment_frame(const Mesh& mesh, const Anatomy& anatomy) {
  PigmentFrame frame;
  glm::dvec2 low(1e9), high(-1e9);
  for (int i = 0; i < 360; ++i) {
    const double theta = -std::numbers::pi + 2.0 * std::numbers::pi * i / 360.0;
    const PolarPoint p{anatomy.zones.boundary.radius_at(theta), theta};
    low = glm::min(low, ScalpChart::plane(p)), high = glm::max(high, ScalpChart::plane(p));
  }
  const double reach = anatomy.zones.boundary.furthest();
  low -= glm::dvec2(10.0), high += glm::dvec2(10.0);
  const double side = std::max(high.x - low.x, high.y - low.y);
  frame.low_mm = glm::vec2(low);
  frame.high_mm = frame.low_mm + glm::vec2(float(side));
  frame.size = std::min(4096, int(std::ceil(8.0 * side)));
  frame.uvw.resize(mesh.positions.size());
  const std::vector<glm::vec2>& plane = anatomy.chart_plane;
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
    const PolarPoint& p = anatomy.chart.vertices[v];
    const glm::vec2 uv = (plane[v] - frame.low_mm) / float(side);
    // Far beyond the scalp the chart folds (towards the chin): no pigment is read there.
    const bool on = p.r < reach + 25.0 && uv.x >= 0.0f && uv.y >= 0.0f && uv.x <= 1.0f && uv.y <= 1.0f;
    frame.uvw[v] = glm::vec3(uv, on ? 1.0f : 0.0f);
  }
  return frame;
}

std::vector<glm::vec2> chart_plane_of(const Mesh& mesh, const Anatomy& anatomy, std::span<const glm::vec3> points,
                                      std::span<const std::uint32_t> triangles) {
  const bool known = triangles.size() == points.size();
  const std::optional<SurfaceProjector> projector = known ? std::nullopt : std::optional<SurfaceProjector>(std::in_place, mesh, std::vector<std::uint8_t>{});
  const std::vector<glm::vec2>& vertex_plane = anatomy.chart_plane;
  std::vector<glm::vec2> plane(points.size(), glm::vec2(1e9f));
  on_both_cores(points.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      std::uint32_t t = 0;
      glm::vec3 w;
      if (known) {
        t = triangles[i];
        if (std::size_t(t) >= mesh.triangle_count()) continue;
        w = weights_on_triangle(points[i], mesh.positions[mesh.indices[3 * std::size_t(t)]], mesh.positions[mesh.indices[3 * std::size_t(t) + 1]],
                                mesh.positions[mesh.indices[3 * std::size_t(t) + 2]]);
      } else if (!projector->locate(points[i], t, w)) {
        continue;
      }
      glm::vec2 at(0.0f);
      for (int k = 0; k < 3; ++k) at += w[k] * vertex_plane[mesh.indices[3 * std::size_t(t) + std::size_t(k)]];
      plane[i] = at;
    }
  });
  return plane;
}

std::vector<InkDot> ink_dots(std::span<const DotInstance> dots, std::span<const glm::vec2> plane_mm, const ViewSettings& settings,
                             std::span<const std::uint8_t> on_scar, std::span<const glm::vec3> skin_metric) {
  std::vector<InkDot> ink;
  ink.reserve(dots.size());
  for (std::size_t i = 0; i < dots.size() && i < plane_mm.size(); ++i) {
    const DotInstance& d = dots[i];
    const int session = int(d.session);
    if (session < settings.dot_session_first || session > settings.dot_session_last) continue;
    const InkLook look = ink_look(d.diameter_mm, d.shade, session, settings.preview, i < on_scar.size() && on_scar[i]);
    ink.push_back({plane_mm[i], look.diameter_mm, look.darkness, look.halo, look.halo_mm, i < skin_metric.size() ? skin_metric[i] : glm::vec3(1.0f, 0.0f, 1.0f)});
  }
  return ink;
}

}  // namespace smp
