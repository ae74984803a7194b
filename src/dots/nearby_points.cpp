#include "dots/nearby_points.h"

#include <cstdint>
#include <cstring>

namespace smp {
namespace {
constexpr float kFar = 1e18f;  // a coordinate for unused places: its squared distance is still finite
}  // namespace

bool NearbyPoints::holds(glm::vec3 p, float reach) const {
  return p.x - reach >= low_.x && p.y - reach >= low_.y && p.z - reach >= low_.z && p.x + reach < high_.x &&
         p.y + reach < high_.y && p.z + reach < high_.z;
}

void NearbyPoints::append(glm::vec3 p) {
  if (count_ % 4 == 0) {
    constexpr Four far = {kFar, kFar, kFar, kFar};
    quads_.push_back(Quad{far, far, far});
  }
  Quad& quad = quads_.back();
  const std::size_t lane = count_++ % 4;
  quad.x[lane] = p.x, quad.y[lane] = p.y, quad.z[lane] = p.z;
}

bool NearbyPoints::cover(glm::vec3 p, float reach) {
  if (holds(p, reach)) return true;
  const glm::ivec3 cell = grid_->cell_of(p);
  const float size = grid_->cell_size();
  // A hair inside the cells' bounds: a point the grid files by rounding in one cell must not be
  // taken for one in the next.
  hair_ = 1e-4f * size;
  low_ = glm::vec3(cell - 1) * size + hair_;
  high_ = glm::vec3(cell + 2) * size - hair_;
  quads_.clear(), count_ = 0;
  const auto copy = [&](glm::vec3 q) { append(q); };
  grid_->visit_cells(cell - 1, cell + 1, copy);
  if (also_) also_->visit_cells(cell - 1, cell + 1, copy);
  return holds(p, reach);
}

NearbyPoints::Lanes NearbyPoints::within(const Quad& quad, glm::vec3 p, float r2) {
  const Four dx = quad.x - p.x, dy = quad.y - p.y, dz = quad.z - p.z;
  return dx * dx + dy * dy + dz * dz < r2;
}

bool NearbyPoints::first_within(glm::vec3 p, float radius, glm::vec3& found) {
  if (!cover(p, radius)) return grid_->first_within(p, radius, found) || (also_ && also_->first_within(p, radius, found));
  const float r2 = radius * radius;
  for (const Quad& quad : quads_) {
    const Lanes near = within(quad, p, r2);
    std::uint64_t lanes[2];
    std::memcpy(lanes, &near, sizeof lanes);
    if ((lanes[0] | lanes[1]) == 0) continue;
    for (int k = 0; k < 4; ++k)
      if (near[k]) {
        found = glm::vec3(quad.x[k], quad.y[k], quad.z[k]);
        return true;
      }
  }
  return false;
}

void NearbyPoints::gather(glm::vec3 p, float reach, std::vector<glm::vec3>& out) {
  if (!cover(p, reach)) {
    grid_->gather(p, reach, out);
    if (also_) also_->gather(p, reach, out);
    return;
  }
  const float r2 = reach * reach;
  for (const Quad& quad : quads_) {
    const Lanes near = within(quad, p, r2);
    for (int k = 0; k < 4; ++k)
      if (near[k]) out.emplace_back(quad.x[k], quad.y[k], quad.z[k]);
  }
}

void NearbyPoints::insert(glm::vec3 p) {
  grid_->insert(p);
  if (also_) also_->insert(p);
  // Also a point a hair outside the copied cells: one too many is harmless, one missing is not.
  if (holds(p, -2.0f * hair_)) append(p);
}

}  // namespace smp
