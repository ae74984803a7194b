#pragma once
// The dots baked into a texture laid over the scalp chart: the head's shader reads the ink there,
// so a frame costs one texture read per pixel however many dots there are. Rebaked only when the
// dots or their look change.
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace smp {

struct InkDot {
  glm::vec2 at_mm;    // in the chart plane
  float diameter_mm;  // visible pigment
  float darkness;     // 0..1 at its centre
  float halo = 0.0f;       // ink seen scattered through the skin around it: this share of darkness at the centre...
  float halo_mm = 0.0f;    // ...fading out at this radius
  // Skin length squared per chart length squared, as (xx, xy, yy): |skin offset|^2 = x^T M x for a
  // chart offset x. The chart stretches the skin unevenly (about 1.6x across, down the back of
  // the head), so a round dot is an ellipse in the chart. The identity: no stretch.
  glm::vec3 skin_metric{1.0f, 0.0f, 1.0f};
};

// The least and most a skin metric (InkDot::skin_metric) stretches a chart length, squared: the
// eigenvalues of the symmetric 2x2 matrix it holds, smaller first.
glm::vec2 metric_stretch(glm::vec3 skin_metric);

struct PigmentMap {
  int size = 0;                    // texels a side
  glm::vec2 low_mm{}, high_mm{};   // the square of the chart plane it covers
  std::vector<std::uint8_t> ink;   // size * size, rows from low y: 0 none .. 255 all light taken
  // Empty, or size * size: the ink blurred over about a millimetre, where freshly tattooed skin
  // is red. Baked beside the ink so the shader reads both at once: a second read of the texture
  // cost the software renderer a fifth of every frame, fresh or not.
  std::vector<std::uint8_t> inflamed;
  float texels_per_mm() const { return high_mm.x > low_mm.x ? float(size) / (high_mm.x - low_mm.x) : 0.0f; }
};

// Each dot a soft-edged disc on the skin (full to 65% of its radius, fading to the rim, as pigment
// thins out), an ellipse in the chart; a dot narrower than a texel spreads its ink over the nearest
// texels in the shape of its ellipse, so the texture keeps every dot's share of ink. Overlapping dots darken each other (their light kept multiplies).
// `inflamed_mm` > 0: also the redness around the dots, over about that radius (mm).
PigmentMap bake_pigment(std::span<const InkDot> dots, glm::vec2 low_mm, glm::vec2 high_mm, int size, float inflamed_mm = 0.0f);

// Bakes one square's map again and again, as the window does while a slider is dragged: a band of
// rows whose dots are all as they were in the last bake keeps its ink, so moving the hairline
// rebakes the rows round it, not the whole map. The map equals bake_pigment's for the same dots.
class PigmentBaker {
 public:
  const PigmentMap& bake(std::span<const InkDot> dots, glm::vec2 low_mm, glm::vec2 high_mm, int size, float inflamed_mm = 0.0f);
  const PigmentMap& map() const { return map_; }
  // The rows of the map, [first, second), that the last bake may have changed.
  std::pair<int, int> changed_rows() const { return changed_; }
  // The next bake starts afresh.
  void forget() { map_ = {}; }

 private:
  PigmentMap map_;
  float inflamed_mm_ = 0.0f;
  std::vector<std::vector<InkDot>> band_dots_;  // each band's dots, as last baked
  std::pair<int, int> changed_{0, 0};
};

}  // namespace smp
