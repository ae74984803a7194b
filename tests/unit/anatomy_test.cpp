// The bundled head's scalp: zones that cover it sensibly, a chart whose distortion is reported.
#include <cmath>
#include <cstdio>
#include <filesystem>

#include <glm/geometric.hpp>

#include <gtest/gtest.h>

#include "core/pigment_map.h"
#include "head/anatomy.h"
#include "head/chart_plane.h"
#include "head/landmark_estimate.h"
#include "support/bundled_head.h"

namespace smp {
namespace {

class BundledHeadAnatomy : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    mesh_ = new Mesh(test::bundled_head());
    landmarks_ = new Landmarks(estimate_landmarks(*mesh_, "head.ply"));
    geodesic_ = new GeodesicDistance(*mesh_);
    anatomy_ = new Anatomy(prepare_anatomy(*mesh_, *landmarks_, *geodesic_));
  }
  static inline Mesh* mesh_ = nullptr;
  static inline Landmarks* landmarks_ = nullptr;
  static inline GeodesicDistance* geodesic_ = nullptr;
  static inline Anatomy* anatomy_ = nullptr;
};

TEST_F(BundledHeadAnatomy, ScalpAreaIsAnAdultsAndEveryZoneHasSome) {
  const ScalpZones& z = anatomy_->zones;
  // An adult's hair-bearing scalp is roughly 500-800 cm2.
  EXPECT_GT(z.scalp_area_mm2, 50000.0);
  EXPECT_LT(z.scalp_area_mm2, 80000.0);
  for (std::size_t i = 1; i < kZoneCount; ++i) EXPECT_GT(z.area_mm2[i], 1000.0) << zone_label(Zone(i)) << " has under 10 cm2";
}

TEST_F(BundledHeadAnatomy, LeftAndRightZonesMatchOnASymmetricHead) {
  const auto& a = anatomy_->zones.area_mm2;
  auto ratio = [&](Zone l, Zone r) { return a[std::size_t(l)] / a[std::size_t(r)]; };
  EXPECT_NEAR(ratio(Zone::LeftTemple, Zone::RightTemple), 1.0, 0.15);
  EXPECT_NEAR(ratio(Zone::LeftParietal, Zone::RightParietal), 1.0, 0.15);
}

TEST_F(BundledHeadAnatomy, ZonesSitWhereTheirNamesSay) {
  auto zone_at = [&](Landmark l) { return anatomy_->zones.vertex_zone[geodesic_->nearest_vertex((*landmarks_)[l])]; };
  EXPECT_EQ(zone_at(Landmark::Vertex), Zone::Crown);
  EXPECT_EQ(zone_at(Landmark::Glabella), Zone::None) << "the brow is face, not scalp";
  EXPECT_EQ(zone_at(Landmark::Nasion), Zone::None);
  EXPECT_EQ(zone_at(Landmark::Inion), Zone::Occipital);
  EXPECT_EQ(zone_at(Landmark::LeftEarTop), Zone::None) << "the ear is not scalp";
}

TEST_F(BundledHeadAnatomy, ChartKeepsDistanceFromTheVertexAndReportsItsDistortion) {
  // Azimuthal equidistant: chart radius equals the distance along the skin from the vertex.
  const PolarPoint g = chart_point(anatomy_->chart, *geodesic_, (*landmarks_)[Landmark::Glabella]);
  EXPECT_NEAR(g.r, anatomy_->measurements.glabella_to_vertex_mm, 1e-6);
  EXPECT_NEAR(g.theta, 0.0, 0.05) << "the forehead is straight ahead";
  const PolarPoint left_ear = chart_point(anatomy_->chart, *geodesic_, (*landmarks_)[Landmark::LeftEarTop]);
  EXPECT_GT(left_ear.theta, 1.0) << "the patient's left at positive angles";
  EXPECT_GT(anatomy_->chart_distortion.area_error, 0.0);
  EXPECT_GT(anatomy_->chart_distortion.angle_error, 0.0);
}

TEST_F(BundledHeadAnatomy, ChartPlaneIsOneSheetOverTheScalp) {
  // Laid flat as the chart says, tiny triangles of the scalp fold or stretch (their geodesic
  // distances are a fraction of a mm off): pigment baked across them showed as streaks.
  // The anatomy's plane is untangled over the scalp and a centimetre beyond.
  const double reach = anatomy_->zones.boundary.furthest();
  const std::vector<glm::vec2> as_charted = chart_plane(*mesh_, anatomy_->chart, 0.0);
  const std::vector<glm::vec2>& flat = anatomy_->chart_plane;
  ASSERT_EQ(flat.size(), mesh_->positions.size());
  // Within 13 cm of the vertex (crown, mid-scalp, front, temples): all untangled.
  const std::size_t front_before = tangled_triangles(*mesh_, anatomy_->chart, as_charted, 130.0),
                    front_after = tangled_triangles(*mesh_, anatomy_->chart, flat, 130.0);
  // Down the back to the neck (25 cm) the chart itself folds where shortest paths from the vertex
  // part round the back of the skull: fewer tangles, not none.
  const std::size_t all_before = tangled_triangles(*mesh_, anatomy_->chart, as_charted, reach),
                    all_after = tangled_triangles(*mesh_, anatomy_->chart, flat, reach);
  std::size_t near = 0, moved = 0;
  for (std::size_t v = 0; v < flat.size(); ++v)
    if (anatomy_->chart.vertices[v].r < 130.0) ++near, moved += glm::distance(flat[v], as_charted[v]) > 0.01f;
  std::printf("tangled within 130 mm: %zu as charted, %zu untangled; within %.0f mm: %zu, %zu; %zu of %zu vertices within 130 mm moved\n", front_before,
              front_after, reach, all_before, all_after, moved, near);
  EXPECT_GT(front_before, 500u);
  EXPECT_EQ(front_after, 0u);
  EXPECT_LT(double(all_after), 0.7 * double(all_before));
  EXPECT_LT(moved, near / 6) << "only the tangled triangles' corners and a few around them move";
}

TEST_F(BundledHeadAnatomy, ChartStretchesEachScalpTriangleAsItsNeighbours) {
  // How the chart stretches the skin sets each dot's ellipse in the baked pigment. Read from one
  // triangle alone, a sliver standing across the skin at the crown stretched a dot 5x where the
  // skin around it was stretched 1.5x: a dark stroke in the close-up. Read from the triangles
  // around it, no scalp triangle stretches a dot more than twice as much as its corners' others.
  std::vector<std::uint32_t> all(mesh_->triangle_count());
  for (std::uint32_t t = 0; t < all.size(); ++t) all[t] = t;
  const std::vector<glm::vec3> metric = chart_skin_metric(*mesh_, anatomy_->chart_plane, all);
  auto most = [&](std::size_t t) { return std::sqrt(metric_stretch(metric[t]).y); };
  std::vector<double> around(mesh_->positions.size(), 0.0);
  std::vector<int> count(mesh_->positions.size(), 0);
  for (std::size_t t = 0; t < all.size(); ++t)
    for (int k = 0; k < 3; ++k) around[mesh_->indices[3 * t + std::size_t(k)]] += most(t), ++count[mesh_->indices[3 * t + std::size_t(k)]];
  std::size_t scalp = 0, odd = 0;
  for (std::size_t t = 0; t < all.size(); ++t) {
    const std::uint32_t* v = &mesh_->indices[3 * t];
    if (anatomy_->zones.vertex_zone[v[0]] == Zone::None || anatomy_->zones.vertex_zone[v[1]] == Zone::None ||
        anatomy_->zones.vertex_zone[v[2]] == Zone::None)
      continue;
    ++scalp;
    double neighbours = 0.0;
    for (int k = 0; k < 3; ++k) neighbours += around[v[k]] / count[v[k]] / 3.0;
    if (most(t) > 2.0 * neighbours) ++odd, ADD_FAILURE() << "triangle " << t << " stretches " << most(t) << "x, around it " << neighbours << "x";
  }
  EXPECT_GT(scalp, 10000u);
  EXPECT_EQ(odd, 0u);
}

}  // namespace
}  // namespace smp
