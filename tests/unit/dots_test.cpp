// The dot pool and selection: spread, density, stability and sessions, on a sphere.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include "core/mesh_primitives.h"
#include "core/random.h"
#include "dots/cell_order.h"
#include "dots/dot_pool.h"
#include "dots/pool_neighbours.h"
#include "dots/selection.h"
#include "dots/slope_easing.h"
#include "dots/spacing_metrics.h"
#include "dots/spatial_hash.h"
#include "dots/surface_projector.h"
#include "support/bundled_head.h"

namespace smp {
namespace {

class DotPoolTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sphere_ = new Mesh(make_icosphere(60.0f, 5));  // 452 cm2
    pool_ = new DotPool(build_dot_pool(*sphere_, {}, 50000, 11));
  }
  static std::vector<glm::vec3> kept(const DotSelection& s) {
    std::vector<glm::vec3> points;
    for (std::uint32_t i : s.dots) points.push_back(pool_->positions[i]);
    return points;
  }
  static SpacingStats spread(const DotSelection& s, const std::vector<float>& fraction) {
    std::vector<float> density;
    for (std::uint32_t i : s.dots) density.push_back(float(fraction[i] * pool_->density_per_cm2 / 100.0));
    return spacing_stats(kept(s), density);
  }
  // Points spread at random over the sphere of radius r (uniform in height and in angle round
  // the axis, which is uniform in area).
  static std::vector<glm::vec3> random_on_sphere(std::size_t count, float r, std::uint64_t seed) {
    Random random(seed);
    std::vector<glm::vec3> points(count);
    for (glm::vec3& p : points) {
      const double z = 2.0 * random.uniform() - 1.0, angle = 2.0 * std::numbers::pi * random.uniform(), ring = std::sqrt(1.0 - z * z);
      p = r * glm::vec3(float(ring * std::cos(angle)), float(ring * std::sin(angle)), float(z));
    }
    return points;
  }
  static inline Mesh* sphere_ = nullptr;
  static inline DotPool* pool_ = nullptr;
};

TEST_F(DotPoolTest, SameSeedSameDots) {
  const DotPool again = build_dot_pool(*sphere_, {}, 50000, 11);
  ASSERT_EQ(again.size(), pool_->size());
  EXPECT_TRUE(std::equal(again.positions.begin(), again.positions.end(), pool_->positions.begin()));
  EXPECT_NEAR(double(pool_->size()), 50000.0, 0.05 * 50000) << "about the count asked for";
}

TEST(DotPool, ATinyPoolStillHoldsDotsAndRanksThem) {
  // One or two dots asked for: each half of the surface once got fewer than one dart, and so none.
  const Mesh sphere = make_icosphere(60.0f, 3);
  for (std::size_t asked : {1, 2, 5}) {
    const DotPool pool = build_dot_pool(sphere, {}, asked, 4);
    EXPECT_GE(pool.size(), 1u) << asked << " asked";
    ASSERT_EQ(pool.rank.size(), pool.size());
    for (float rank : pool.rank) EXPECT_TRUE(rank > 0.0f && rank < 1.0f);
  }
}

TEST_F(DotPoolTest, DotsLieOnTheSkinFacingOut) {
  // The pool is thrown at two halves of the surface on two threads: no dot may be missing or
  // doubled at the plane between them (FullSetIsWellSpread), and every dot is on the sphere.
  for (std::size_t i = 0; i < pool_->size(); ++i) {
    ASSERT_NEAR(glm::length(pool_->positions[i]), 60.0f, 0.02f) << "dot " << i;  // the flat facets sit 0.011 mm inside
    ASSERT_GT(glm::dot(pool_->normals[i], glm::normalize(pool_->positions[i])), 0.99f) << "dot " << i;
  }
}

TEST_F(DotPoolTest, FullSetIsWellSpread) {
  const std::vector<float> all(pool_->size(), 1.0f);
  const SpacingStats s = spread(select_dots(*pool_, all), all);
  std::printf("full set: %zu dots, rho min %.3f, mean %.3f\n", s.count, s.rho_min, s.rho_mean);
  EXPECT_GE(s.rho_min, 0.75);  // the goal
  EXPECT_LT(s.rho_mean, 1.0);  // not a lattice
}

TEST_F(DotPoolTest, PrefixesStayEven) {
  // Any share of the pool, not only whole levels, must be about as well spread as the full pool.
  // When each level's dots were ranked in space alone, a share just past a level boundary held a
  // few dots of the finer level at its radius: 0.693 here at 85%, 0.704 at 37%. Centred in their
  // gaps and ranked furthest first level by level, the worst of these shares measured 0.748; centred
  // exactly and ranked over the whole pool, 0.750 (the goal is 0.75).
  for (float f : {0.05f, 0.1f, 0.2f, 0.3f, 0.37f, 0.5f, 0.62f, 0.7f, 0.85f}) {
    const std::vector<float> fraction(pool_->size(), f);
    const SpacingStats s = spread(select_dots(*pool_, fraction), fraction);
    std::printf("fraction %.2f: rho min %.4f mean %.3f\n", double(f), s.rho_min, s.rho_mean);
    EXPECT_GE(s.rho_min, 0.749) << "fraction " << f;
  }
}

TEST_F(DotPoolTest, GradedDensityStaysEven) {
  // The density rising from 35% to 100% of the pool's over 2 cm, as at a hairline. Each dot's
  // spread is against the density where it is, so a rising field costs a little by itself (a dot's
  // neighbour up the slope is asked to be closer). This pool measured 0.669 before dots were
  // centred and ranked by their gap, 0.715-0.72 after.
  std::vector<float> fraction(pool_->size());
  for (std::size_t i = 0; i < pool_->size(); ++i)
    fraction[i] = float(0.35 + 0.65 * std::clamp((pool_->positions[i].y + 10.0) / 20.0, 0.0, 1.0));
  const SpacingStats s = spread(select_dots(*pool_, fraction), fraction);
  std::printf("graded: %zu dots, rho min %.3f mean %.3f\n", s.count, s.rho_min, s.rho_mean);
  EXPECT_GE(s.rho_min, 0.71);
}

TEST_F(DotPoolTest, EachDotsNeighboursAreItsNearest) {
  const PoolNeighbours neighbours(*pool_);
  ASSERT_EQ(neighbours.size(), pool_->size());
  std::vector<std::uint32_t> placed(neighbours.order().begin(), neighbours.order().end());
  std::sort(placed.begin(), placed.end());
  for (std::uint32_t i = 0; i < placed.size(); ++i) ASSERT_EQ(placed[i], i) << "every dot has one place";
  for (std::uint32_t i = 0; i < pool_->size(); i += 997) {
    const std::uint32_t place = neighbours.place_of(i);
    ASSERT_EQ(neighbours.order()[place], i);
    EXPECT_EQ(neighbours.position(place), pool_->positions[i]);
    std::vector<float> all;
    for (std::uint32_t k = 0; k < pool_->size(); ++k)
      if (k != i) all.push_back(glm::distance(pool_->positions[i], pool_->positions[k]));
    std::partial_sort(all.begin(), all.begin() + PoolNeighbours::kCount, all.end());
    const auto listed = neighbours.around(place);
    ASSERT_EQ(listed.size(), PoolNeighbours::kCount) << "dot " << i;
    for (std::size_t m = 0; m < listed.size(); ++m)
      EXPECT_FLOAT_EQ(glm::distance(pool_->positions[i], neighbours.position(listed[m])), all[m]) << "dot " << i << ", neighbour " << m;
  }
}

TEST(CellOrder, ListsPointsCellByCellThenByIndex) {
  // Random points, many sharing a cell, against a plain sort; a set already in that order is
  // given back as it is.
  Random random(21);
  std::vector<glm::vec3> points(5000);
  for (glm::vec3& p : points) p = glm::vec3(random.uniform(), random.uniform(), random.uniform()) * 30.0f - 12.0f;
  const float cell = 1.7f;
  const std::vector<std::uint32_t> order = cell_order(points, cell);
  std::vector<std::uint32_t> expected(points.size());
  for (std::uint32_t i = 0; i < expected.size(); ++i) expected[i] = i;
  auto key = [&](std::uint32_t i) {
    const glm::ivec3 c(glm::floor(points[i] / cell));
    return std::array{c.z, c.y, c.x};
  };
  std::stable_sort(expected.begin(), expected.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
  ASSERT_EQ(order, expected);
  std::vector<glm::vec3> laid_out;
  for (std::uint32_t i : order) laid_out.push_back(points[i]);
  const std::vector<std::uint32_t> again = cell_order(laid_out, cell);
  for (std::uint32_t k = 0; k < again.size(); ++k) ASSERT_EQ(again[k], k);
}

TEST_F(DotPoolTest, APoolIsLaidOutAsItsNeighboursHoldIt) {
  EXPECT_TRUE(PoolNeighbours(*pool_).in_pool_order()) << "each dot's place is its index: a design's plan is read where it lies";
}

TEST_F(DotPoolTest, APoolInAnotherOrderKeepsTheSameDots) {
  // The pool reversed (its neighbours then read the plan through their order): the same dots, in
  // the same sessions, on a slope where easing and the room checks decide.
  DotPool reversed = *pool_;
  std::reverse(reversed.positions.begin(), reversed.positions.end());
  std::reverse(reversed.normals.begin(), reversed.normals.end());
  std::reverse(reversed.triangles.begin(), reversed.triangles.end());
  std::reverse(reversed.rank.begin(), reversed.rank.end());
  const PoolNeighbours laid_out(*pool_), other(reversed);
  ASSERT_FALSE(other.in_pool_order());
  auto ramp = [](glm::vec3 p) { return float(0.1 + 0.5 * std::clamp((p.y + 5.0) / 10.0, 0.0, 1.0)); };
  std::vector<float> plan(pool_->size()), reversed_plan(pool_->size());
  for (std::size_t i = 0; i < pool_->size(); ++i) plan[i] = ramp(pool_->positions[i]), reversed_plan[i] = ramp(reversed.positions[i]);
  const DotSelection a = select_on_slopes(*pool_, laid_out, plan), b = select_on_slopes(reversed, other, reversed_plan);
  auto dots = [](const DotPool& pool, const DotSelection& s) {
    std::vector<std::array<float, 4>> out;
    for (std::size_t k = 0; k < s.dots.size(); ++k) {
      const glm::vec3 p = pool.positions[s.dots[k]];
      out.push_back({p.x, p.y, p.z, float(s.session[k])});
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_GT(a.dots.size(), 10000u);
  EXPECT_EQ(dots(*pool_, a), dots(reversed, b));
}

TEST_F(DotPoolTest, VisitingWithinReachFindsEveryDotThere) {
  const PoolNeighbours neighbours(*pool_);
  for (float reach : {1.0f * neighbours.spacing_mm(), 2.5f * neighbours.spacing_mm(), 4.2f * neighbours.spacing_mm(), 6.0f * neighbours.spacing_mm(), 9.5f * neighbours.spacing_mm()}) {
    for (std::uint32_t i = 0; i < pool_->size(); i += 499) {
      std::vector<std::uint32_t> visited, near;
      neighbours.visit_within(neighbours.place_of(i), reach, [&](std::uint32_t place, float d2) {
        const std::uint32_t k = neighbours.order()[place];
        visited.push_back(k);
        EXPECT_NEAR(std::sqrt(d2), glm::distance(pool_->positions[i], pool_->positions[k]), 1e-5f);
      });
      for (std::uint32_t k = 0; k < pool_->size(); ++k)
        if (k != i && glm::distance(pool_->positions[i], pool_->positions[k]) <= reach) near.push_back(k);
      std::sort(visited.begin(), visited.end());
      EXPECT_EQ(visited, near) << "dot " << i << ", reach " << reach << " mm";
    }
  }
}

TEST_F(DotPoolTest, EasedSlopesSpreadAsEvenlyAsAnEvenDensity) {
  // The same ramp, each dot kept as if the density were what it is where its neighbours down the
  // slope are, and the dots easing drops kept again where they have room: as well spread as the
  // issue asks of an even density, for a few dots fewer on the ramp (3.6% here, where the sparse
  // end's spacing, 1.7 mm, is a twelfth of the ramp).
  auto ramp = [](glm::vec3 p) { return float(0.35 + 0.65 * std::clamp((p.y + 10.0) / 20.0, 0.0, 1.0)); };
  std::vector<float> asked(pool_->size());
  for (std::size_t i = 0; i < pool_->size(); ++i) asked[i] = ramp(pool_->positions[i]);
  const PoolNeighbours neighbours(*pool_);
  const std::vector<float> eased = ease_density_slopes(*pool_, neighbours, asked);
  const DotSelection plain = select_dots(*pool_, asked), only_eased = select_dots(*pool_, eased), kept = select_on_slopes(*pool_, neighbours, asked);
  const SpacingStats before = spread(plain, asked), after = spread(kept, asked);
  std::printf("graded, eased: rho min %.4f (uneased %.4f), %zu dots (eased alone %zu)\n", after.rho_min, before.rho_min, kept.dots.size(), only_eased.dots.size());
  EXPECT_GE(after.rho_min, 0.75);
  EXPECT_GT(after.rho_min, before.rho_min + 0.01);
  EXPECT_GT(kept.dots.size(), only_eased.dots.size()) << "some dots easing dropped have room";
  double in_ramp_asked = 0.0, in_ramp_kept = 0.0;
  for (std::size_t i = 0; i < pool_->size(); ++i)
    if (std::abs(pool_->positions[i].y) < 10.0f) in_ramp_asked += asked[i];
  for (std::uint32_t i : kept.dots) in_ramp_kept += std::abs(pool_->positions[i].y) < 10.0f;
  std::printf("on the ramp: %.4f of the dots asked\n", in_ramp_kept / in_ramp_asked);
  EXPECT_NEAR(in_ramp_kept / in_ramp_asked, 0.965, 0.01);
  for (std::size_t i = 0; i < pool_->size(); ++i) ASSERT_GE(eased[i], (1.0f - kMostEased) * asked[i] - 1e-6f);
  // Still one session per dot, in the neighbours' order, every kept dot below its planned share;
  // of the dots select_dots keeps for the eased shares, all but a few without room kept, in the
  // same session.
  ASSERT_EQ(kept.session.size(), kept.dots.size());
  for (std::size_t k = 1; k < kept.dots.size(); ++k) ASSERT_LT(neighbours.place_of(kept.dots[k - 1]), neighbours.place_of(kept.dots[k]));
  for (std::uint32_t i : kept.dots) ASSERT_LT(pool_->rank[i], asked[i]);
  std::vector<int> session_of(pool_->size(), -1);
  for (std::size_t k = 0; k < kept.dots.size(); ++k) session_of[kept.dots[k]] = kept.session[k];
  std::size_t without_room = 0;
  for (std::size_t k = 0; k < only_eased.dots.size(); ++k)
    if (session_of[only_eased.dots[k]] < 0)
      ++without_room;
    else
      ASSERT_EQ(session_of[only_eased.dots[k]], only_eased.session[k]) << "dot " << only_eased.dots[k];
  EXPECT_LT(double(without_room), 0.002 * double(only_eased.dots.size()));
}

TEST_F(DotPoolTest, EvenSharesKeepOnlyDotsWithRoom) {
  // The pool's own prefixes come within a hair of the goal (PrefixesStayEven: 0.7504 at 37% and
  // 85%): the few dots ranked last in a share that stand too near another are left out (0.2% of
  // the dots here at 37% and 85%, none at the other shares; ranked level by level, up to 0.5%).
  const PoolNeighbours neighbours(*pool_);
  for (float f : {0.3f, 0.37f, 0.5f, 0.62f, 0.7f, 0.85f}) {
    const std::vector<float> fraction(pool_->size(), f);
    const DotSelection plain = select_dots(*pool_, fraction), kept = select_on_slopes(*pool_, neighbours, fraction);
    const SpacingStats s = spread(kept, fraction);
    std::printf("fraction %.2f with room: rho min %.4f, %zu dots (%zu without the check)\n", double(f), s.rho_min, kept.dots.size(), plain.dots.size());
    EXPECT_GE(s.rho_min, 0.75) << "fraction " << f;
    EXPECT_GT(double(kept.dots.size()), 0.99 * double(plain.dots.size())) << "fraction " << f;
  }
}

TEST_F(DotPoolTest, ASlopeSteeperThanEasingFollowsKeepsItsSpreadAndMostDots) {
  // A blend from a quarter of the pool's density to 70% over 2 mm, about one spacing of its sparse
  // side: far steeper than easing's cap lets it follow (the example design blends 15 to 90 dots/cm2
  // over about a centimetre). The dots kept for certain round it are checked for room too: the
  // spread holds, and only a band along the step loses dots.
  auto step = [](glm::vec3 p) { return float(0.25 + 0.45 * std::clamp((p.y + 1.0) / 2.0, 0.0, 1.0)); };
  std::vector<float> asked(pool_->size());
  for (std::size_t i = 0; i < pool_->size(); ++i) asked[i] = step(pool_->positions[i]);
  const PoolNeighbours neighbours(*pool_);
  const DotSelection plain = select_dots(*pool_, asked), kept = select_on_slopes(*pool_, neighbours, asked);
  const SpacingStats before = spread(plain, asked), after = spread(kept, asked);
  auto count_in = [&](const DotSelection& s, float low, float high) {
    std::size_t n = 0;
    for (std::uint32_t i : s.dots) n += pool_->positions[i].y >= low && pool_->positions[i].y < high;
    return double(n);
  };
  const double near_step = count_in(kept, -3.0f, 5.0f) / count_in(plain, -3.0f, 5.0f);
  const double away = count_in(kept, 5.0f, 60.0f) / count_in(plain, 5.0f, 60.0f);
  std::printf("steep step: rho min %.4f (select_dots %.4f), %zu dots of %zu; near the step %.4f, beyond %.4f\n", after.rho_min, before.rho_min,
              kept.dots.size(), plain.dots.size(), near_step, away);
  EXPECT_GE(after.rho_min, 0.75);
  EXPECT_GT(near_step, 0.8) << "a band along the step, not the whole denser side";
  EXPECT_GT(away, 0.99);
}

TEST_F(DotPoolTest, ASparseBlendTwiceAsDenseWithinTwoSpacingsKeepsItsSpread) {
  // Bands where the plan rises from 15% of the pool's density to 30% over 5 mm (under two
  // spacings of the sparse side) and falls again: easing follows only 15% of such a fall, and the
  // dots ranked near the top of their share there were kept unchecked (0.7286) where only those
  // in the last 15% of it were eased, or reached past five pool spacings looking for neighbours
  // at the edge's share.
  std::vector<float> plan(pool_->size());
  for (std::size_t i = 0; i < pool_->size(); ++i) {
    const float along = std::fmod(pool_->positions[i].y + 600.0f, 30.0f);  // mm, in 30 mm bands
    const float up = std::clamp((along - 5.0f) / 5.0f, 0.0f, 1.0f) * std::clamp((25.0f - along) / 5.0f, 0.0f, 1.0f);
    plan[i] = 0.15f * (1.0f + up);
  }
  const DotSelection plain = select_dots(*pool_, plan), kept = select_on_slopes(*pool_, PoolNeighbours(*pool_), plan);
  const SpacingStats s = spread(kept, plan);
  std::printf("sparse blend: rho min %.4f (select_dots %.4f), %zu dots of %zu\n", s.rho_min, spread(plain, plan).rho_min, kept.dots.size(), plain.dots.size());
  EXPECT_GE(s.rho_min, 0.75);
  EXPECT_GT(double(kept.dots.size()), 0.95 * double(plain.dots.size())) << "easing alone leaves out 4.3% here";
}

TEST_F(DotPoolTest, SparseBlendsOfEveryWidthAndRiseKeepTheirSpread) {
  // Bands rising from 5-15% of the pool's density to 1.3-2 times that over 2 or 5 mm: the dots
  // on the denser side ranked just below the window where eased shares are worked out stood too
  // near the sparser side's (0.590 at 5% to 10% over 2 mm; 17 of 45 such blends under 0.75):
  // too few dots round the blend were read for its steep fall (kSparseUnder).
  struct Blend {
    float low, rise, width_mm;
  };
  const PoolNeighbours neighbours(*pool_);
  for (const Blend b : {Blend{0.05f, 2.0f, 2.0f}, Blend{0.05f, 1.6f, 5.0f}, Blend{0.05f, 1.3f, 2.0f}, Blend{0.08f, 2.0f, 2.0f}, Blend{0.08f, 1.6f, 2.0f},
                        Blend{0.11f, 1.3f, 2.0f}, Blend{0.11f, 2.0f, 5.0f}, Blend{0.15f, 1.6f, 2.0f}}) {
    std::vector<float> plan(pool_->size());
    for (std::size_t i = 0; i < pool_->size(); ++i) {
      const float along = std::fmod(pool_->positions[i].y + 600.0f, 30.0f);  // mm, in 30 mm bands
      const float up = std::clamp((along - 5.0f) / b.width_mm, 0.0f, 1.0f) * std::clamp((25.0f - along) / b.width_mm, 0.0f, 1.0f);
      plan[i] = b.low * (1.0f + (b.rise - 1.0f) * up);
    }
    const DotSelection plain = select_dots(*pool_, plan), kept = select_on_slopes(*pool_, neighbours, plan);
    const double rho = spread(kept, plan).rho_min;
    std::printf("sparse blend %.2f x%.1f over %.0f mm: rho min %.4f, %zu dots of %zu\n", double(b.low), double(b.rise), double(b.width_mm), rho, kept.dots.size(), plain.dots.size());
    EXPECT_GE(rho, 0.75) << b.low << " x" << b.rise << " over " << b.width_mm << " mm";
    // Easing thins the denser side of a fall this steep (7% at 5% to 10% over 2 mm, before these
    // checks too); the checks leave out at most half a percent more.
    EXPECT_GT(double(kept.dots.size()), 0.92 * double(plain.dots.size())) << b.low << " x" << b.rise << " over " << b.width_mm << " mm";
  }
}

TEST_F(DotPoolTest, AnEdgeWithNoDotsBeyondThinsNothing) {
  // Dots off the scalp are never kept, so the dots beside them are not crowding anyone: easing
  // read the slope from the mesh's corners and thinned them by up to 15% (the bundled head's front
  // zone lost dots along the forehead that way).
  std::vector<float> half(pool_->size());
  for (std::size_t i = 0; i < pool_->size(); ++i) half[i] = pool_->positions[i].y > 0.0f ? 0.6f : 0.0f;
  const std::vector<float> eased = ease_density_slopes(*pool_, PoolNeighbours(*pool_), half);
  EXPECT_EQ(eased, half);
}

TEST(SlopeEasing, ADotEasedToJustOverItsRankIsCheckedForRoom) {
  // A flat square of pool dots 0.9 mm apart, none kept but two: one ranked first, and 1.8 mm up a
  // gentle slope (0.2% of the pool's density a mm) one ranked just under the share easing gives it
  // (94.5% of its planned 10%), which is the last of that share: it must have room. It has not
  // (the pair measures 0.58 of the sparser one's spacing). Checked only in the last 5% of its
  // planned share (under 9.5%), it was kept.
  DotPool pool;
  constexpr int kSide = 45;
  constexpr float kPitch = 0.9f;
  for (int y = 0; y < kSide; ++y)
    for (int x = 0; x < kSide; ++x) {
      pool.positions.emplace_back(kPitch * float(x - kSide / 2), kPitch * float(y - kSide / 2), 0.0f);
      pool.normals.emplace_back(0.0f, 0.0f, 1.0f);
      pool.rank.push_back(0.999f);
    }
  pool.triangles.assign(pool.size(), 0);
  pool.area_mm2 = double(kSide) * kSide * kPitch * kPitch;
  pool.density_per_cm2 = double(pool.size()) / (pool.area_mm2 / 100.0);
  const std::uint32_t upper = kSide / 2 * kSide + kSide / 2, lower = upper - 2;  // the middle, and 1.8 mm down the slope
  pool.rank[lower] = 0.01f, pool.rank[upper] = 0.094f;
  std::vector<float> plan(pool.size());
  for (std::size_t i = 0; i < pool.size(); ++i) plan[i] = 0.10f + 0.002f * pool.positions[i].x;
  const PoolNeighbours neighbours(pool);
  ASSERT_GT(ease_density_slopes(pool, neighbours, plan)[upper], 0.094f) << "eased to just over its rank";
  const DotSelection kept = select_on_slopes(pool, neighbours, plan);
  EXPECT_EQ(kept.dots, std::vector<std::uint32_t>{lower});
}

TEST_F(DotPoolTest, GradedDensityIsMetWithinThreePercentPerRegion) {
  // 20% of the pool's density below the equator, 70% above.
  std::vector<float> fraction(pool_->size());
  std::size_t north = 0;
  for (std::size_t i = 0; i < pool_->size(); ++i) {
    fraction[i] = pool_->positions[i].y > 0 ? 0.7f : 0.2f;
    north += pool_->positions[i].y > 0;
  }
  const DotSelection s = select_dots(*pool_, fraction);
  std::size_t kept_north = 0;
  for (std::uint32_t i : s.dots) kept_north += pool_->positions[i].y > 0;
  const double south = double(pool_->size() - north), kept_south = double(s.dots.size() - kept_north);
  EXPECT_NEAR(double(kept_north) / (0.7 * double(north)), 1.0, 0.03);
  EXPECT_NEAR(kept_south / (0.2 * south), 1.0, 0.03);
}

TEST_F(DotPoolTest, RaisingDensityOnlyAddsDots) {
  const std::vector<float> low(pool_->size(), 0.4f), high(pool_->size(), 0.6f);
  const DotSelection a = select_dots(*pool_, low), b = select_dots(*pool_, high);
  EXPECT_GT(b.dots.size(), a.dots.size());
  EXPECT_TRUE(std::includes(b.dots.begin(), b.dots.end(), a.dots.begin(), a.dots.end())) << "a kept dot disappeared or moved";
}

TEST_F(DotPoolTest, SessionsLayerThirtySeventyHundred) {
  const std::vector<float> fraction(pool_->size(), 0.8f);
  const DotSelection s = select_dots(*pool_, fraction);
  std::size_t per_session[3] = {};
  for (std::uint8_t k : s.session) ++per_session[k];
  const double n = double(s.dots.size());
  EXPECT_NEAR(double(per_session[0]) / n, 0.3, 0.01);
  EXPECT_NEAR(double(per_session[1]) / n, 0.4, 0.01);
  EXPECT_NEAR(double(per_session[2]) / n, 0.3, 0.01);
  // Session 1 alone is what a 30% design keeps: the same dots, so it is evenly spread too.
  const std::vector<float> first(pool_->size(), 0.8f * 0.3f);
  const DotSelection thirty = select_dots(*pool_, first);
  EXPECT_EQ(thirty.dots.size(), per_session[0]);
}

TEST_F(DotPoolTest, LocalCountsVaryFarLessThanRandomDots) {
  // The second measure of spread: the dots counted in windows round 4,000 places chosen at
  // random, each window expecting 25 where the density asked is highest, against random dots at
  // the same density through the same windows (at 25, they vary by about 1/sqrt(25) = 0.2).
  // Measured for the whole pool, each session's cumulative layer of a design at 80% of the pool
  // (30%, 70% and 100% of it), and the hairline's grade from 35% to 100% over 2 cm: 0.39-0.40 of
  // the random dots' variation even, 0.43 graded. Sessions drawn at random from the design's dots
  // instead of by rank measured 0.59 (session 1) and 0.51 (sessions 1-2); dots in pairs measure
  // 1.4 (CountVariation below).
  const std::vector<glm::vec3> centres = random_on_sphere(4000, 60.0f, 5);
  const std::vector<glm::vec3> scattered = random_on_sphere(pool_->size(), 60.0f, 6);
  const double pool_per_mm2 = pool_->density_per_cm2 / 100.0;
  auto variation = [&](const std::vector<glm::vec3>& dots, auto density_at, double densest) {
    std::vector<float> density(centres.size());
    for (std::size_t c = 0; c < centres.size(); ++c) density[c] = float(density_at(centres[c]));
    const float radius = float(std::sqrt(25.0 / (std::numbers::pi * densest)));
    return count_variation(dots, centres, density, radius);
  };
  // The random dots kept at `density_at` of the pool's density, one draw for each.
  auto random_at = [&](auto density_at) {
    Random random(7);
    std::vector<glm::vec3> kept_at_random;
    for (const glm::vec3& p : scattered)
      if (random.uniform() < density_at(p) / pool_per_mm2) kept_at_random.push_back(p);
    return kept_at_random;
  };
  auto even = [](double per_mm2) { return [per_mm2](glm::vec3) { return per_mm2; }; };
  const double random_cv = variation(scattered, even(pool_per_mm2), pool_per_mm2);
  std::printf("random dots: count variation %.3f\n", random_cv);
  EXPECT_NEAR(random_cv, 0.2, 0.03) << "the measure itself: random dots vary as Poisson counts";
  const double whole = variation(pool_->positions, even(pool_per_mm2), pool_per_mm2);
  std::printf("whole pool: %.3f\n", whole);
  EXPECT_LT(whole, 0.5 * random_cv);

  const std::vector<float> design(pool_->size(), 0.8f);
  const DotSelection s = select_dots(*pool_, design);
  const double cumulative[3] = {0.3, 0.7, 1.0};
  for (std::uint8_t session = 0; session < 3; ++session) {
    std::vector<glm::vec3> layer;
    for (std::size_t k = 0; k < s.dots.size(); ++k)
      if (s.session[k] <= session) layer.push_back(pool_->positions[s.dots[k]]);
    const double per_mm2 = 0.8 * cumulative[session] * pool_per_mm2;
    const double cv = variation(layer, even(per_mm2), per_mm2), at_random = variation(random_at(even(per_mm2)), even(per_mm2), per_mm2);
    std::printf("sessions 1-%d: %.3f (random %.3f)\n", session + 1, cv, at_random);
    EXPECT_LT(cv, 0.5 * at_random) << "sessions 1 to " << session + 1;
  }

  auto graded = [&](glm::vec3 p) { return (0.35 + 0.65 * std::clamp((double(p.y) + 10.0) / 20.0, 0.0, 1.0)) * pool_per_mm2; };
  std::vector<float> fraction(pool_->size());
  for (std::size_t i = 0; i < pool_->size(); ++i) fraction[i] = float(graded(pool_->positions[i]) / pool_per_mm2);
  const DotSelection on_slope = select_on_slopes(*pool_, PoolNeighbours(*pool_), fraction);
  const double slope_cv = variation(kept(on_slope), graded, pool_per_mm2), at_random = variation(random_at(graded), graded, pool_per_mm2);
  std::printf("graded: %.3f (random %.3f)\n", slope_cv, at_random);
  EXPECT_LT(slope_cv, 0.5 * at_random);
}

TEST(CountVariation, ALatticeVariesLessThanRandomPointsAndClumpsMore) {
  // On a plane, windows expecting 25 points each: a hexagonal lattice's counts barely move,
  // random points' vary by about 1/sqrt(25), and the same points in pairs by about sqrt(2) times that.
  const double spacing = 1.0, density = 2.0 / (std::sqrt(3.0) * spacing * spacing);
  std::vector<glm::vec3> lattice, scattered, pairs;
  for (int row = 0; row < 116; ++row)
    for (int column = 0; column < 100; ++column) lattice.emplace_back(float(column + 0.5 * (row % 2)), float(row * std::sqrt(3.0) / 2.0), 0.0f);
  Random random(3);
  for (std::size_t i = 0; i < lattice.size(); ++i) scattered.emplace_back(float(100.0 * random.uniform()), float(100.0 * random.uniform()), 0.0f);
  for (std::size_t i = 0; i < lattice.size() / 2; ++i) pairs.push_back(scattered[i]), pairs.push_back(scattered[i] + glm::vec3(0.1f, 0.0f, 0.0f));
  std::vector<glm::vec3> centres;
  for (int c = 0; c < 3000; ++c) centres.emplace_back(float(10.0 + 80.0 * random.uniform()), float(10.0 + 80.0 * random.uniform()), 0.0f);
  const std::vector<float> at(centres.size(), float(density));
  const float radius = float(std::sqrt(25.0 / (std::numbers::pi * density)));
  const double even = count_variation(lattice, centres, at, radius), random_cv = count_variation(scattered, centres, at, radius),
               clumped = count_variation(pairs, centres, at, radius);
  std::printf("lattice %.3f, random %.3f, pairs %.3f\n", even, random_cv, clumped);
  EXPECT_NEAR(random_cv, 0.2, 0.03);
  EXPECT_LT(even, 0.3 * random_cv);
  EXPECT_GT(clumped, 1.2 * random_cv);
  // A window where nothing is planned expects no dots: it is left out, not divided by zero.
  centres.emplace_back(50.0f, 50.0f, 0.0f);
  std::vector<float> with_empty = at;
  with_empty.push_back(0.0f);
  EXPECT_DOUBLE_EQ(count_variation(lattice, centres, with_empty, radius), even);
}

TEST(DotPoolOnTheHead, PacksAsTightlyAsOnASphere) {
  // The bundled head is an irregular mesh (edges 0.7-5 mm): dots pushed aside and put back onto
  // it must land where they were put, or they are refused and the pool comes out sparse. Before
  // the triangle grid, the head reached 92% of the count asked for (spread 0.725) against the
  // sphere's 98% (0.750).
  const Mesh& head = test::bundled_head();
  const DotPool pool = build_dot_pool(head, {}, 60000, 3);
  EXPECT_GT(double(pool.size()), 0.96 * 60000.0);
  const std::vector<float> density(pool.size(), float(pool.density_per_cm2 / 100.0));
  EXPECT_GE(spacing_stats(pool.positions, density).rho_min, 0.745);
  // Counted in windows expecting 25 dots round the skull's vertices (above the ears, where a
  // window lies on skin throughout), the counts vary as little as on the sphere: random dots would
  // vary by about 1/sqrt(25) = 0.2 of the count.
  std::vector<glm::vec3> skull;
  for (const glm::vec3& v : head.positions)
    if (v.y > 40.0f) skull.push_back(v);
  ASSERT_GT(skull.size(), 1000u);
  const std::vector<float> at_skull(skull.size(), density[0]);
  const double cv = count_variation(pool.positions, skull, at_skull, float(std::sqrt(25.0 / (std::numbers::pi * density[0]))));
  std::printf("head: %zu windows, count variation %.3f\n", skull.size(), cv);
  EXPECT_LT(cv, 0.5 * 0.2);
  // Each dot knows the triangle it lies on (the design reads the chart there without a search).
  ASSERT_EQ(pool.triangles.size(), pool.size());
  for (std::size_t i = 0; i < pool.size(); ++i) {
    const std::size_t t = pool.triangles[i];
    ASSERT_LT(t, head.triangle_count());
    const glm::vec3 on = closest_point_on_triangle(pool.positions[i], head.positions[head.indices[3 * t]], head.positions[head.indices[3 * t + 1]],
                                                   head.positions[head.indices[3 * t + 2]]);
    ASSERT_LT(glm::distance(on, pool.positions[i]), 1e-3f) << "dot " << i << " is not on its triangle " << t;
  }
  // Over the skull (above the ears: y is up), each dot faces the way its nearest neighbour does:
  // on a small fold of the scan, a dot facing its own triangle's way stood on edge and was drawn
  // as a dark stroke (17 of the example design's 26k dots, up to 89 degrees off). Ears and
  // nostrils fold within a dot spacing and are left out.
  SpatialHash near(1.5f, pool.size());
  for (std::uint32_t i = 0; i < pool.size(); ++i) near.insert(i, pool.positions[i]);
  int checked = 0;
  for (std::uint32_t i = 0; i < pool.size(); ++i) {
    if (pool.positions[i].y < 20.0f) continue;
    std::uint32_t nearest = 0;
    float d2 = 0.0f;
    if (!near.nearest_within(pool.positions[i], 1.5f, pool.positions, nearest, d2, i)) continue;
    EXPECT_GT(glm::dot(pool.normals[i], pool.normals[nearest]), 0.7f) << "dot " << i << " faces away from its nearest neighbour";
    ++checked;
  }
  EXPECT_GT(checked, int(pool.size()) / 5);
}

TEST(SpacingStats, CountsOnlyTheFlaggedDotsAgainstAllTheirNeighbours) {
  // Dots at x = 0, 1 and 2.2 mm where a hexagonal packing would be 1 mm apart: the third's
  // nearest neighbour is 1.2 mm away. Counted alone it still measures to the second.
  const std::vector<glm::vec3> dots{{0, 0, 0}, {1, 0, 0}, {2.2f, 0, 0}};
  const std::vector<float> density(3, float(2.0 / std::sqrt(3.0)));  // hex spacing 1 mm
  EXPECT_NEAR(spacing_stats(dots, density).rho_min, 1.0, 1e-5);
  const std::vector<std::uint8_t> third{0, 0, 1};
  const SpacingStats s = spacing_stats(dots, density, third);
  EXPECT_EQ(s.count, 1u);
  EXPECT_NEAR(s.rho_min, 1.2, 1e-5);
}

TEST(SpacingStats, ASparseDotIsMeasuredToItsNeighbourNotToTheSearchReach) {
  // A dense pair (hex spacing 1 mm, 1 mm apart) and a sparse pair far away, 3 mm apart where the
  // density asks for 3 mm. The sparse pair's neighbours lie beyond 1.5 dense spacings; they were
  // measured at that reach, 1.5 mm, and counted as rho 0.5 instead of 1.
  const std::vector<glm::vec3> dots{{0, 0, 0}, {1, 0, 0}, {50, 0, 0}, {53, 0, 0}};
  const float dense = float(2.0 / std::sqrt(3.0)), sparse = dense / 9.0f;  // hex spacings 1 and 3 mm
  const SpacingStats s = spacing_stats(dots, std::vector<float>{dense, dense, sparse, sparse});
  EXPECT_NEAR(s.rho_min, 1.0, 1e-4);
}

}  // namespace
}  // namespace smp
