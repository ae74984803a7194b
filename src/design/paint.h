#pragma once
// What brush strokes and scars do to the density at a point on the skin.
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "design/design.h"

namespace smp {

// How much of a dab's effect reaches `distance` mm from it: full inside half the radius, fading
// to none at the radius.
float dab_weight(float distance, float radius);

struct ScarHit {
  std::size_t scar;  // index in Design::scars
  float weight;      // 1 inside, fading to 0 at the rim
};

// A design's strokes and scars, ready to be asked about many points (each chain of dabs keeps its
// bounding box, so points away from all paint cost a few comparisons).
class PaintField {
 public:
  explicit PaintField(const Design& design);
  bool empty() const { return chains_.empty(); }
  // The density at `p` after the strokes, from `base` dots/cm2; never below zero.
  float density(glm::vec3 p, float base) const;
  // The scar `p` lies in (the last painted wins), if any.
  std::optional<ScarHit> scar(glm::vec3 p) const;

 private:
  struct Chain {
    const std::vector<glm::vec3>* dabs;
    float radius;
    glm::vec3 low, high;  // bounding box, radius included
    float weight(glm::vec3 p) const;
  };
  std::vector<Chain> chains_;       // strokes first, then scars
  std::vector<float> change_;       // per stroke
  std::size_t strokes_ = 0;
};

}  // namespace smp
