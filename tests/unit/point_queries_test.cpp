// The point queries under the dot pool: the cache-line grid, the vertex hash and putting a point
// back onto a surface.
#include <algorithm>
#include <optional>

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include "core/mesh_primitives.h"
#include "core/random.h"
#include "dots/nearby_points.h"
#include "dots/nearest_point.h"
#include "dots/point_grid.h"
#include "dots/point_quads.h"
#include "dots/spatial_hash.h"
#include "dots/surface_projector.h"
#include "support/bundled_head.h"

namespace smp {
namespace {

TEST(PointGrid, FindsExactlyThePointsWithinTheRadiusAcrossCellsAndFullCells) {
  // 2,000 random points in a 20 mm box, many cells over their four inline places; every query
  // answer is checked against brute force.
  Random random(5);
  std::vector<glm::vec3> points(2000);
  for (glm::vec3& p : points) p = glm::vec3(random.uniform(), random.uniform(), random.uniform()) * 20.0f - 10.0f;
  const float radius = 1.5f;
  PointGrid grid(radius, 100);  // expecting too few: the table must still work
  for (const glm::vec3& p : points) grid.insert(p);
  for (int q = 0; q < 2000; ++q) {
    const glm::vec3 p = glm::vec3(random.uniform(), random.uniform(), random.uniform()) * 22.0f - 11.0f;
    bool any = false;
    for (const glm::vec3& s : points) any |= glm::distance(s, p) < radius;
    glm::vec3 found;
    ASSERT_EQ(grid.first_within(p, radius, found), any) << "query " << q;
    if (any) {
      EXPECT_LT(glm::distance(found, p), radius);
    }
  }
}

TEST(PointQuads, EachLaneAnswersAsBruteForceAndUnusedPlacesNeverDo) {
  // 4n+3 points: the last quad has one unused place, which no reach may find.
  Random random(17);
  PointQuads quads;
  std::vector<glm::vec3> points(23);
  for (glm::vec3& p : points) p = glm::vec3(random.uniform(), random.uniform(), random.uniform()) * 4.0f, quads.append(p);
  ASSERT_EQ(quads.size(), points.size());
  ASSERT_EQ(quads.quads().size(), 6u);
  for (std::size_t j = 0; j < points.size(); ++j) ASSERT_EQ(quads[j], points[j]);
  for (int q = 0; q < 200; ++q) {
    const glm::vec3 at = glm::vec3(random.uniform(), random.uniform(), random.uniform()) * 4.0f;
    const float reach = q == 0 ? 1e9f : 2.0f * float(random.uniform());
    for (std::size_t i = 0; i < quads.quads().size(); ++i) {
      const unsigned lanes = PointQuads::within(quads.quads()[i], at, reach * reach);
      for (std::size_t k = 0; k < 4; ++k) {
        const std::size_t j = 4 * i + k;
        const bool expected = j < points.size() && glm::distance(points[j], at) < reach;
        ASSERT_EQ(bool(lanes >> k & 1u), expected) << "query " << q << ", point " << j;
      }
      if (lanes != 0) {
        EXPECT_TRUE(lanes >> PointQuads::first_lane(lanes) & 1u);
        EXPECT_EQ(lanes & ((1u << PointQuads::first_lane(lanes)) - 1u), 0u) << "the first set lane";
      }
    }
  }
}

TEST(NearbyPoints, AnswersAsBruteForceWhileQueriesWanderAndPointsArrive) {
  // Queries walk through a 20 mm box in small steps (as darts do) and now and then jump; points
  // are added between queries, some inside the copied cells and some outside. Every answer is
  // checked against all the points stored so far.
  Random random(11);
  const float radius = 0.8f;
  PointGrid grid(radius, 64);
  NearbyPoints nearby(grid);
  std::vector<glm::vec3> stored;
  auto random_place = [&] { return glm::vec3(random.uniform(), random.uniform(), random.uniform()) * 20.0f - 10.0f; };
  for (int i = 0; i < 500; ++i) stored.push_back(random_place()), grid.insert(stored.back());
  glm::vec3 at = random_place();
  for (int q = 0; q < 4000; ++q) {
    if (q % 97 == 0) at = random_place();
    at += (glm::vec3(random.uniform(), random.uniform(), random.uniform()) - 0.5f) * radius;
    const float r = q % 3 == 0 ? 2.0f * radius : radius;  // up to the cell size, as the pool asks
    bool any = false;
    std::size_t within = 0;
    for (const glm::vec3& s : stored) any |= glm::distance(s, at) < r, within += glm::distance(s, at) < r;
    glm::vec3 found;
    ASSERT_EQ(nearby.first_within(at, r, found), any) << "query " << q;
    if (any) {
      EXPECT_LT(glm::distance(found, at), r);
    }
    PointQuads gathered;
    nearby.gather(at, r, gathered);
    ASSERT_EQ(gathered.size(), within) << "query " << q;
    for (std::size_t j = 0; j < gathered.size(); ++j) ASSERT_LT(glm::distance(gathered[j], at), r) << "query " << q;
    if (q % 5 == 0) {
      const glm::vec3 p = q % 10 == 0 ? at + (glm::vec3(random.uniform(), random.uniform(), random.uniform()) - 0.5f) * 2.0f : random_place();
      stored.push_back(p), nearby.insert(p);
    }
  }
}

TEST(NearbyPoints, ReadsTwoGridsAsOne) {
  // The darts near the plane between a pool's two halves are tested against both halves' grids
  // through one copy; points added go into both.
  Random random(13);
  const float radius = 0.8f;
  PointGrid left(radius, 64), right(radius, 64);
  NearbyPoints both(left, &right);
  std::vector<glm::vec3> stored;
  auto random_place = [&] { return glm::vec3(random.uniform(), random.uniform(), random.uniform()) * 12.0f - 6.0f; };
  for (int i = 0; i < 400; ++i) stored.push_back(random_place()), (stored.back().x < 0.0f ? left : right).insert(stored.back());
  for (int q = 0; q < 2000; ++q) {
    const glm::vec3 at = random_place();
    std::size_t within = 0;
    for (const glm::vec3& s : stored) within += glm::distance(s, at) < radius;
    glm::vec3 found;
    ASSERT_EQ(both.first_within(at, radius, found), within > 0) << "query " << q;
    // A point stored in both grids (as the pool's points near the plane are) is gathered twice:
    // compared as sets.
    PointQuads quads;
    both.gather(at, 2.0f * radius, quads);
    std::vector<glm::vec3> gathered;
    for (std::size_t j = 0; j < quads.size(); ++j) gathered.push_back(quads[j]);
    auto before = [](glm::vec3 a, glm::vec3 b) { return a.x != b.x ? a.x < b.x : a.y != b.y ? a.y < b.y : a.z < b.z; };
    std::sort(gathered.begin(), gathered.end(), before);
    gathered.erase(std::unique(gathered.begin(), gathered.end()), gathered.end());
    std::size_t wide = 0;
    for (const glm::vec3& s : stored) wide += glm::distance(s, at) < 2.0f * radius;
    ASSERT_EQ(gathered.size(), wide) << "query " << q;
    if (q % 7 == 0) {
      const glm::vec3 p = random_place();
      stored.push_back(p), both.insert(p);
      ASSERT_TRUE(left.any_within(p, 1e-3f) && right.any_within(p, 1e-3f)) << "an added point goes into both grids";
    }
  }
}

TEST(SpatialHash, NearestWithinMatchesBruteForce) {
  Random random(9);
  std::vector<glm::vec3> points(3000);
  for (glm::vec3& p : points) p = glm::vec3(random.uniform(), random.uniform(), random.uniform()) * 30.0f;
  SpatialHash grid(2.0f, points.size());
  for (std::uint32_t i = 0; i < points.size(); ++i) grid.insert(i, points[i]);
  for (int q = 0; q < 1000; ++q) {
    const glm::vec3 p = glm::vec3(random.uniform(), random.uniform(), random.uniform()) * 30.0f;
    float best = 4.0f;
    for (const glm::vec3& s : points) best = std::min(best, glm::dot(s - p, s - p));
    std::uint32_t id = 0;
    float d2 = 0.0f;
    ASSERT_EQ(grid.nearest_within(p, 2.0f, points, id, d2), best < 4.0f);
    if (best < 4.0f) {
      EXPECT_FLOAT_EQ(d2, best);
    }
  }
}

TEST(SurfaceProjector, PutsPointsNearASphereBackOnIt) {
  const Mesh sphere = make_icosphere(50.0f, 5);
  const SurfaceProjector projector(sphere, {});
  Random random(2);
  for (int q = 0; q < 500; ++q) {
    const glm::vec3 direction = glm::normalize(glm::vec3(random.uniform(), random.uniform(), random.uniform()) - 0.5f);
    const float off = float(random.uniform()) * 0.6f - 0.3f;  // up to 0.3 mm above or below
    glm::vec3 on, normal;
    ASSERT_TRUE(projector.project(direction * (50.0f + off), on, normal));
    EXPECT_NEAR(glm::length(on), 50.0f, 0.02f);               // the facets sit 0.008 mm inside
    EXPECT_LT(glm::distance(glm::normalize(on), direction), 0.002f);  // straight down, not sideways
    EXPECT_GT(glm::dot(normal, direction), 0.99f);
  }
  glm::vec3 on, normal;
  EXPECT_FALSE(projector.project(glm::vec3(0, 0, 80), on, normal)) << "30 mm off the surface is not near it";
}

TEST(NearestPoint, MatchesBruteForceNearAndFar) {
  // Points 0.5-1.5 mm apart and queries up to 3 mm off: some answered by the fine grid, some by
  // the coarse one, some by neither.
  Random random(4);
  std::vector<glm::vec3> points(4000);
  for (glm::vec3& p : points) p = glm::vec3(random.uniform(), random.uniform(), random.uniform()) * glm::vec3(40.0f, 40.0f, 1.0f);
  NearestPoint grid(0.8f, 2.5f, points.size());
  for (std::uint32_t i = 0; i < points.size(); ++i) grid.insert(i, points[i]);
  int fine = 0, coarse = 0, none = 0;
  for (int q = 0; q < 2000; ++q) {
    const glm::vec3 p = glm::vec3(random.uniform(), random.uniform(), random.uniform()) * glm::vec3(44.0f, 44.0f, 6.0f) - 2.0f;
    float best = 2.5f * 2.5f;
    for (const glm::vec3& s : points) best = std::min(best, glm::dot(s - p, s - p));
    std::uint32_t id = 0;
    float d2 = 0.0f;
    const bool found = best < 2.5f * 2.5f;
    ASSERT_EQ(grid.nearest(p, points, id, d2), found) << "query " << q;
    if (found) {
      EXPECT_FLOAT_EQ(d2, best);
    }
    (found ? (best < 0.64f ? fine : coarse) : none) += 1;
  }
  // Every path was taken.
  EXPECT_GT(fine, 100);
  EXPECT_GT(coarse, 100);
  EXPECT_GT(none, 100);
}

// A triangle of `mesh` picked at random, when it has some area: its index and corners.
struct Corners {
  std::size_t t;
  glm::vec3 a, b, c;
};
std::optional<Corners> random_triangle(const Mesh& mesh, Random& random) {
  const std::size_t t = std::size_t(random.uniform() * double(mesh.triangle_count()));
  const Corners picked{t, mesh.positions[mesh.indices[3 * t]], mesh.positions[mesh.indices[3 * t + 1]], mesh.positions[mesh.indices[3 * t + 2]]};
  if (!(glm::length(glm::cross(picked.b - picked.a, picked.c - picked.a)) > 1e-3f)) return std::nullopt;
  return picked;
}

TEST(SurfaceProjector, FindsTheTriangleUnderAPointOnAnIrregularMesh) {
  // The bundled head's edges run from 0.7 to 5 mm: a point on a long triangle is often nearest a
  // vertex that is not its corner, where looking only around the nearest vertex put it elsewhere.
  const Mesh& head = test::bundled_head();
  const SurfaceProjector projector(head, {});
  Random random(8);
  int checked = 0;
  for (int q = 0; q < 4000; ++q) {
    const std::optional<Corners> picked = random_triangle(head, random);
    if (!picked) continue;
    const auto& [t, a, b, c] = *picked;
    float u = float(random.uniform()), v = float(random.uniform());
    if (u + v > 1.0f) u = 1.0f - u, v = 1.0f - v;
    const glm::vec3 p = a + u * (b - a) + v * (c - a);
    std::uint32_t found = 0;
    glm::vec3 weights;
    ASSERT_TRUE(projector.locate(p, found, weights)) << "point " << q;
    const glm::vec3 on = weights.x * head.positions[head.indices[3 * found]] + weights.y * head.positions[head.indices[3 * found + 1]] +
                         weights.z * head.positions[head.indices[3 * found + 2]];
    ASSERT_LT(glm::distance(on, p), 1e-3f) << "point " << q << " on triangle " << t << " was put on triangle " << found;
    ++checked;
  }
  EXPECT_GT(checked, 3900);
}

TEST(SurfaceProjector, WalksFromAHintTriangleToTheOneUnderAMovedPoint) {
  // Points on the bundled head moved up to 3 mm along the skin from where they lay: projecting from
  // their old triangle must give what a search gives (the walk crosses several triangles).
  const Mesh& head = test::bundled_head();
  const SurfaceProjector projector(head, {});
  Random random(12);
  int walked = 0;
  for (int q = 0; q < 2000; ++q) {
    const std::optional<Corners> picked = random_triangle(head, random);
    if (!picked) continue;
    const auto& [t, a, b, c] = *picked;
    const glm::vec3 n = glm::cross(b - a, c - a);
    const glm::vec3 start = (a + b + c) / 3.0f;
    glm::vec3 step = glm::vec3(random.uniform(), random.uniform(), random.uniform()) - 0.5f;
    step -= glm::normalize(n) * glm::dot(step, glm::normalize(n));
    if (!(glm::length(step) > 1e-3f)) continue;
    glm::vec3 searched, searched_normal, walked_to, walked_normal;
    std::uint32_t searched_triangle = 0, walked_triangle = 0;
    if (!projector.project(start + glm::normalize(step) * float(random.uniform()) * 3.0f, searched, searched_normal, searched_triangle)) continue;
    ASSERT_TRUE(projector.project_from(searched, std::uint32_t(t), walked_to, walked_normal, walked_triangle)) << "point " << q;
    EXPECT_LT(glm::distance(walked_to, searched), 1e-3f) << "point " << q;
    walked += walked_triangle != t;
  }
  EXPECT_GT(walked, 1000) << "most points should have left their first triangle";
}

TEST(SurfaceProjector, ClosestPointOnTriangleByRegion) {
  const glm::vec3 a(0, 0, 0), b(4, 0, 0), c(0, 4, 0);
  EXPECT_EQ(closest_point_on_triangle({1, 1, 3}, a, b, c), glm::vec3(1, 1, 0));    // inside
  EXPECT_EQ(closest_point_on_triangle({-2, -2, 1}, a, b, c), a);                 // corner
  EXPECT_EQ(closest_point_on_triangle({2, -3, 0}, a, b, c), glm::vec3(2, 0, 0));  // edge ab
  EXPECT_EQ(closest_point_on_triangle({5, 5, 0}, a, b, c), glm::vec3(2, 2, 0));   // edge bc
}

}  // namespace
}  // namespace smp
