#include "dots/nearby_points.h"

namespace smp {

bool NearbyPoints::recopy(glm::vec3 p, float reach) {
  const glm::ivec3 cell = grid_->cell_of(p);
  const float size = grid_->cell_size();
  // A hair inside the cells' bounds: a point the grid files by rounding in one cell must not be
  // taken for one in the next.
  hair_ = 1e-4f * size;
  low_ = glm::vec3(cell - 1) * size + hair_;
  high_ = glm::vec3(cell + 2) * size - hair_;
  copy_.clear();
  const auto copy = [&](glm::vec3 q) { copy_.append(q); };
  grid_->visit_cells(cell - 1, cell + 1, copy);
  if (also_) also_->visit_cells(cell - 1, cell + 1, copy);
  return holds(p, reach);
}

bool NearbyPoints::first_within(glm::vec3 p, float radius, glm::vec3& found) {
  if (!cover(p, radius)) return grid_->first_within(p, radius, found) || (also_ && also_->first_within(p, radius, found));
  const float r2 = radius * radius;
  for (const PointQuads::Quad& quad : copy_.quads())
    if (const unsigned near = PointQuads::within(quad, p, r2)) {
      const int k = PointQuads::first_lane(near);
      found = glm::vec3(quad.x[k], quad.y[k], quad.z[k]);
      return true;
    }
  return false;
}

void NearbyPoints::gather(glm::vec3 p, float reach, PointQuads& out) {
  out.clear();
  if (!cover(p, reach)) {
    spilled_.clear();
    grid_->gather(p, reach, spilled_);
    if (also_) also_->gather(p, reach, spilled_);
    for (const glm::vec3& q : spilled_) out.append(q);
    return;
  }
  const float r2 = reach * reach;
  for (const PointQuads::Quad& quad : copy_.quads())
    for (unsigned near = PointQuads::within(quad, p, r2); near != 0; near &= near - 1) {
      const int k = PointQuads::first_lane(near);
      out.append(glm::vec3(quad.x[k], quad.y[k], quad.z[k]));
    }
}

void NearbyPoints::insert(glm::vec3 p) {
  grid_->insert(p);
  if (also_) also_->insert(p);
  // Also a point a hair outside the copied cells: one too many is harmless, one missing is not.
  if (holds(p, -2.0f * hair_)) copy_.append(p);
}

}  // namespace smp
