#include "design/hairline_shape.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/random.h"

namespace smp {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr int kSamples = 4096;
constexpr double kBlendPastCorner = 0.35;  // radians past a corner over which the design meets the head's edge

double wrap(double theta) {
  while (theta > kPi) theta -= 2.0 * kPi;
  while (theta <= -kPi) theta += 2.0 * kPi;
  return theta;
}

}  // namespace

HairlineShape::HairlineShape(const HairlineDesign& design, const HairlineFrame& frame) : design_(design), frame_(frame) {
  mid_ = {frame.glabella.r - double(design.height_mm), 0.0};
  // The patient's left higher (further back, nearer the vertex) by half the asymmetry, the right lower.
  const double half_asymmetry = 0.5 * double(design.asymmetry_mm);
  auto corner = [&](const PolarPoint& landmark, double side, double asymmetry) {
    const double r = std::max(5.0, landmark.r - double(design.temple_recession_mm) - asymmetry);
    const double theta = landmark.theta + side * double(design.corner_offset_mm) / std::max(10.0, landmark.r);
    return PolarPoint{r, theta};
  };
  left_ = corner(frame.left_corner, 1.0, half_asymmetry);
  right_ = corner(frame.right_corner, -1.0, -half_asymmetry);
  Random random(std::uint64_t(design.seed) * 7919u + 17u);
  for (double& phase : phase_) phase = random.uniform() * 2.0 * kPi;
  table_.resize(kSamples + 1);
  for (int i = 0; i <= kSamples; ++i) table_[std::size_t(i)] = compute(-kPi + 2.0 * kPi * i / kSamples);
}

double HairlineShape::edge_r(double theta) const {
  const double at = (wrap(theta) + kPi) / (2.0 * kPi) * kSamples;
  const int i = std::clamp(int(at), 0, kSamples - 1);
  const double t = at - i;
  return table_[std::size_t(i)] * (1.0 - t) + table_[std::size_t(i) + 1] * t;
}

double HairlineShape::compute(double theta) const {
  const PolarPoint& corner = theta >= 0.0 ? left_ : right_;
  const double corner_theta = std::abs(corner.theta);
  const double a = std::abs(theta);
  // How much of the design applies here: all of it between the corners, fading out past them.
  const double design_weight = a <= corner_theta ? 1.0 : std::max(0.0, 1.0 - (a - corner_theta) / kBlendPastCorner);
  if (design_weight <= 0.0) return frame_.scalp_edge.radius_at(theta);

  double r;
  if (a <= corner_theta) {
    // From the mid-frontal point to the corner: t^p with p high for a straight front and sharp
    // corners, near 1 for one soft curve.
    const double p = 4.0 + (1.3 - 4.0) * std::clamp(double(design_.corner_rounding), 0.0, 1.0);
    r = mid_.r + (corner.r - mid_.r) * std::pow(a / std::max(1e-6, corner_theta), p);
  } else {
    // Past the corner the head's edge, shifted to meet the corner and easing back to itself.
    const double edge_here = frame_.scalp_edge.radius_at(theta);
    const double edge_at_corner = frame_.scalp_edge.radius_at(corner.theta);
    r = edge_here + (corner.r - edge_at_corner) * design_weight;
  }
  if (design_.widow_peak_depth_mm > 0.0f) {
    const double across = theta * mid_.r / std::max(1.0, 0.5 * double(design_.widow_peak_width_mm));
    r += double(design_.widow_peak_depth_mm) * std::exp(-across * across);
  }
  // Irregularity along the line (mm along it): large waves and small jitter, from the seed.
  const double s = theta * mid_.r;
  const double wave = 0.6 * std::sin(2.0 * kPi * s / 15.0 + phase_[0]) + 0.4 * std::sin(2.0 * kPi * s / 9.7 + phase_[1]);
  const double jitter = 0.5 * std::sin(2.0 * kPi * s / 3.1 + phase_[2]) + 0.5 * std::sin(2.0 * kPi * s / 2.3 + phase_[3]);
  r += (double(design_.wave_mm) * wave + double(design_.jitter_mm) * jitter) * design_weight;
  return r;
}

}  // namespace smp
