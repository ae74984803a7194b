#pragma once
// Points stored four to a quad by coordinate (four x, then four y, then four z), so that a point's
// squared distance to four of them is a handful of SSE instructions, and which of the four lie
// within reach is one bit mask. Unused places hold a point far from anything, so a scan never
// tests how full the last quad is.
#include <bit>
#include <cstddef>
#include <vector>

#include <glm/vec3.hpp>
#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace smp {

class PointQuads {
 public:
  using Four = float __attribute__((vector_size(16)));
  struct Quad {
    Four x, y, z;
  };
  static constexpr float kFar = 1e18f;  // an unused place's coordinates: its squared distance is still finite

  void clear() { quads_.clear(), count_ = 0; }
  void append(glm::vec3 p) {
    if (count_ % 4 == 0) {
      constexpr Four far = {kFar, kFar, kFar, kFar};
      quads_.push_back(Quad{far, far, far});
    }
    Quad& quad = quads_.back();
    const std::size_t lane = count_++ % 4;
    quad.x[lane] = p.x, quad.y[lane] = p.y, quad.z[lane] = p.z;
  }
  std::size_t size() const { return count_; }
  glm::vec3 operator[](std::size_t j) const {
    const Quad& quad = quads_[j / 4];
    return {quad.x[j % 4], quad.y[j % 4], quad.z[j % 4]};
  }
  const std::vector<Quad>& quads() const { return quads_; }

  // The squared distances from p to a quad's points.
  static Four distance2(const Quad& quad, glm::vec3 p) {
    const Four dx = p.x - quad.x, dy = p.y - quad.y, dz = p.z - quad.z;
    return dx * dx + dy * dy + dz * dz;
  }
  // Bit k set where point k of the quad lies within sqrt(r2) of p. (Read lane by lane, the scans'
  // branches took a fifth of the dart tests' time.)
  static unsigned within(const Quad& quad, glm::vec3 p, float r2) {
    const auto near = distance2(quad, p) < r2;  // all bits set in a lane that is true
#if defined(__SSE__)
    return unsigned(_mm_movemask_ps(__m128(near)));
#else
    return unsigned(near[0] & 1) | unsigned(near[1] & 2) | unsigned(near[2] & 4) | unsigned(near[3] & 8);
#endif
  }
  // The lane of a mask's first set bit.
  static int first_lane(unsigned mask) { return std::countr_zero(mask); }

 private:
  std::vector<Quad> quads_;
  std::size_t count_ = 0;
};

}  // namespace smp
