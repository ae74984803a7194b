#include "design/paint.h"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace smp {

float dab_weight(float distance, float radius) {
  if (radius <= 0.0f || distance >= radius) return 0.0f;
  const float t = std::clamp((distance - 0.5f * radius) / (0.5f * radius), 0.0f, 1.0f);
  return 1.0f - t * t * (3.0f - 2.0f * t);
}

// The strongest dab of a chain at p: overlapping dabs of one stroke do not add up, so a slow
// stroke paints as much as a fast one.
float PaintField::Chain::weight(glm::vec3 p) const {
  if (glm::any(glm::lessThan(p, low)) || glm::any(glm::greaterThan(p, high))) return 0.0f;
  float best = 0.0f;
  const float r2 = radius * radius;
  for (const glm::vec3& dab : *dabs) {
    const glm::vec3 d = p - dab;
    if (const float d2 = glm::dot(d, d); d2 < r2) best = std::max(best, dab_weight(std::sqrt(d2), radius));
  }
  return best;
}

PaintField::PaintField(const Design& design) {
  auto add = [&](const std::vector<glm::vec3>& dabs, float radius) {
    Chain chain{&dabs, radius, glm::vec3(1e30f), glm::vec3(-1e30f)};
    for (const glm::vec3& dab : dabs) chain.low = glm::min(chain.low, dab - radius), chain.high = glm::max(chain.high, dab + radius);
    chains_.push_back(chain);
  };
  for (const BrushStroke& stroke : design.strokes) add(stroke.dabs, stroke.radius_mm), change_.push_back(stroke.change_per_cm2);
  strokes_ = design.strokes.size();
  for (const ScarDesign& scar : design.scars) add(scar.dabs, scar.radius_mm);
}

float PaintField::density(glm::vec3 p, float base) const {
  float density = base;
  for (std::size_t k = 0; k < strokes_; ++k) density += change_[k] * chains_[k].weight(p);
  return std::max(0.0f, density);
}

std::optional<ScarHit> PaintField::scar(glm::vec3 p) const {
  for (std::size_t k = chains_.size(); k-- > strokes_;)
    if (const float w = chains_[k].weight(p); w > 0.0f) return ScarHit{k - strokes_, w};
  return std::nullopt;
}

}  // namespace smp
