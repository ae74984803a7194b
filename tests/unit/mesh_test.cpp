#include <cmath>

#include <glm/geometric.hpp>
#include <gtest/gtest.h>

#include "core/mesh.h"

namespace smp {
namespace {

Mesh two_triangles_split() {
  // A unit square in the XY plane as two triangles that do not share vertices.
  Mesh m;
  m.positions = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 0, 0}, {1, 1, 0}, {0, 1, 0}};
  m.indices = {0, 1, 2, 3, 4, 5};
  return m;
}

TEST(Mesh, BoundsCoverAllPositions) {
  Mesh m = two_triangles_split();
  m.positions.push_back({-2, 5, 3});
  const Bounds b = bounds_of(m);
  EXPECT_EQ(b.min, glm::vec3(-2, 0, 0));
  EXPECT_EQ(b.max, glm::vec3(1, 5, 3));
  EXPECT_EQ(b.centre(), glm::vec3(-0.5f, 2.5f, 1.5f));
}

TEST(Mesh, WeldMergesCoincidentVertices) {
  Mesh m = two_triangles_split();
  weld_vertices(m, 1e-3f);
  EXPECT_EQ(m.vertex_count(), 4u);
  EXPECT_EQ(m.triangle_count(), 2u);
  EXPECT_NEAR(surface_area_mm2(m), 1.0, 1e-6);
}

TEST(Mesh, SmoothNormalsAreUnitAndFaceOutward) {
  Mesh m = two_triangles_split();
  compute_smooth_normals(m);
  ASSERT_EQ(m.normals.size(), m.positions.size());
  for (const glm::vec3& n : m.normals) {
    EXPECT_NEAR(glm::length(n), 1.0f, 1e-5f);
    EXPECT_NEAR(n.z, 1.0f, 1e-5f);  // counter-clockwise seen from +Z
  }
}

TEST(Mesh, DegenerateTrianglesAreRemoved) {
  Mesh m = two_triangles_split();
  m.indices.insert(m.indices.end(), {0, 0, 1, 0, 1, 1});         // repeated index
  m.positions.push_back({2, 0, 0});
  m.indices.insert(m.indices.end(), {0, 1, 6});                   // collinear: zero area
  EXPECT_EQ(remove_degenerate_triangles(m), 3u);
  EXPECT_EQ(m.triangle_count(), 2u);
}

}  // namespace
}  // namespace smp

#include "core/mesh_primitives.h"
#include "core/ray_cast.h"

namespace smp {
namespace {

TEST(Primitives, UvSphereIsClosedOutwardAndOfTheRightArea) {
  const Mesh sphere = make_uv_sphere(50.0f, 64, 48);
  EXPECT_EQ(sphere.triangle_count(), std::size_t(2 * 48 * 63));
  EXPECT_NEAR(surface_area_mm2(sphere), 4 * 3.14159265 * 2500, 0.01 * 4 * 3.14159265 * 2500);
  Mesh copy = sphere;
  compute_smooth_normals(copy);
  for (std::size_t i = 0; i < copy.vertex_count(); i += 97) EXPECT_GT(glm::dot(copy.normals[i], copy.positions[i]), 0.0f) << "outward";
}

TEST(RayCast, HitsTheNearSideOfASphere) {
  const Mesh sphere = make_icosphere(100.0f, 3);
  const auto hit = cast_ray(sphere, {0, 0, 500}, {0, 0, -1});
  ASSERT_TRUE(hit.has_value());
  EXPECT_NEAR(hit->point.z, 100.0f, 1.0f);
  EXPECT_NEAR(hit->distance, 400.0f, 1.0f);
  EXPECT_FALSE(cast_ray(sphere, {0, 0, 500}, {0, 1, 0}).has_value()) << "a ray past the sphere";
  EXPECT_FALSE(cast_ray(sphere, {0, 0, 500}, {0, 0, 1}).has_value()) << "a ray pointing away";
}

}  // namespace
}  // namespace smp

#include "core/closed_surface.h"
#include "support/bundled_head.h"

namespace smp {
namespace {

TEST(ClosedSurface, ASphereIsClosedAndOpeningOrTurningItIsNot) {
  const Mesh sphere = make_icosphere(50.0f, 3);
  EXPECT_TRUE(is_closed_surface(sphere));
  Mesh opened = sphere;
  opened.indices.resize(opened.indices.size() - 3);  // one triangle gone: a hole
  EXPECT_FALSE(is_closed_surface(opened));
  Mesh inside_out = sphere;
  for (std::size_t t = 0; t < inside_out.indices.size(); t += 3) std::swap(inside_out.indices[t + 1], inside_out.indices[t + 2]);
  EXPECT_FALSE(is_closed_surface(inside_out)) << "its faces point in: culling would show the far wall";
  Mesh one_flipped = sphere;
  std::swap(one_flipped.indices[1], one_flipped.indices[2]);
  EXPECT_FALSE(is_closed_surface(one_flipped)) << "a face wound the other way would be culled";
}

TEST(ClosedSurface, ACrackOfNoWidthStillCountsAsClosed) {
  // A tetrahedron whose bottom face is split at the middle of one edge, the side face on that
  // edge not: the split vertex sits on the side face's edge (a T-junction), leaving a loop of
  // three collinear edges that shows nothing.
  Mesh mesh;
  mesh.positions = {{0, 0, 0}, {2, 0, 0}, {0, 2, 0}, {0, 0, 2}, {1, 0, 0}};
  mesh.indices = {0, 2, 4, 4, 2, 1,            // the bottom (z = 0), split at vertex 4
                  0, 1, 3, 1, 2, 3, 2, 0, 3};  // the sides, wound outward
  EXPECT_TRUE(is_closed_surface(mesh));
  mesh.positions[4] = {1, -0.2f, 0};  // off the edge: a real gap
  EXPECT_FALSE(is_closed_surface(mesh));
}

TEST(ClosedSurface, TheBundledHeadIsClosed) {
  // Six unshared edges, all in two collinear runs (T-junctions at the neck and by an ear).
  EXPECT_TRUE(is_closed_surface(test::bundled_head()));
}

}  // namespace
}  // namespace smp
