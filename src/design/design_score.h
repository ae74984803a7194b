#pragma once
// A trainee's design scored against a trainer's reference on the same head: each score a number
// with its unit, whether it is within the case's tolerance, and a plain-language reason; faults
// flagged with the number that shows them. Pure: the head comes in as its hairline frame.
#include <optional>
#include <string>
#include <vector>

#include "design/design.h"
#include "design/hairline_shape.h"

namespace smp {

// How far a trainee may stray from the reference and still be right (set per case by its trainer).
struct ScoreTolerances {
  float hairline_mean_mm = 3.0f;  // mean distance between the two hairlines in a region, along the skin
  float hairline_max_mm = 6.0f;   // largest distance in a region
  float symmetry_mm = 2.0f;       // left-right difference beyond the reference's own
  float transition_mm = 3.0f;     // width of the soft edge
  float transition_falloff = 0.75f;
  float density_percent = 15.0f;  // per zone, of the reference's density
  float session_percent = 10.0f;  // cumulative density after each session, points of %
  float dilution_percent = 10.0f; // pigment share of each session, points of %
  float interval_days = 3.0f;
  float spread_rho = 0.05f;       // the dots' spacing metric below the reference's
  bool operator==(const ScoreTolerances&) const = default;
};

struct ScoreItem {
  std::string key;     // stable, for CSV and JSON: "hairline_centre_mean_mm"
  std::string name;    // for people: "Hairline centre, mean"
  double value = 0;    // in `unit`; signed where the sign means something (+ lower, + denser)
  std::string unit;    // "mm", "%", "days", ""
  double tolerance = 0;
  bool pass = true;
  double points = 100; // 100 within tolerance, falling to 0 at three times it
  std::string reason;  // one sentence a trainee can act on
};

struct ScoreFault {
  std::string key;     // too_low, too_high, too_straight, harsh_edge, helmet_risk, blue_grey_risk, missed_scar, too_dense, too_sparse, asymmetric
  double value = 0;
  std::string unit;
  std::string reason;
};

struct DesignScore {
  std::vector<ScoreItem> items;
  std::vector<ScoreFault> faults;
  double total = 100;  // mean of the items' points, less 10 a fault, 0..100
  bool perfect() const { return faults.empty() && total >= 99.95; }
  const ScoreItem* item(const std::string& key) const;
  const ScoreFault* fault(const std::string& key) const;
};

// The dot engine's spacing metric (each dot's nearest neighbour over the hexagonal spacing at the
// density planned there), averaged over each design's dots, when the caller has placed them.
struct SpreadFigures {
  double reference_rho = 0, trainee_rho = 0;
};

DesignScore score_design(const Design& reference, const Design& trainee, const HairlineFrame& frame, const ScoreTolerances& tolerances,
                         std::optional<SpreadFigures> spread = std::nullopt);

}  // namespace smp
