#include "dots/dot_pool.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <memory>
#include <optional>

#include <glm/geometric.hpp>

#include "core/both_cores.h"
#include "core/random.h"
#include "dots/cell_order.h"
#include "dots/morton.h"
#include "dots/nearby_points.h"
#include "dots/point_grid.h"
#include "dots/point_quads.h"
#include "dots/surface_projector.h"

namespace smp {
namespace {

// Points per unit area that a level of radius r ends with: n = kPackingCoefficient / r^2, measured
// on spheres with every dot on the skin (random darts alone stop near 0.55 at this many darts; a
// hexagonal packing would be 1.15). Earlier versions let pushed dots drift off the skin, where they
// blocked nothing: their pools looked denser (0.85) and better spread than they were.
constexpr double kPackingCoefficient = 0.66;
// Fresh area-weighted darts per expected point, at the last level and at each level before it.
// A level before the last need not be as full: the levels after it fill its gaps, and the few of
// its dots left too close in a share are what select_on_slopes checks for room. With dots
// centred exactly and ranked by clearance over the whole pool (below), on the 200k sphere (levels
// 2^(9/32) apart; worst prefix of 4-85%, most of an even share checked for room left out, CPU
// against levels 2^(1/4) apart with 1.2 and 0.8, alternating): 1.2 and 0.8 0.7501, 0.25%, 0.87x;
// 1.0 and 0.8 0.7501, 0.29%, 0.89x; 1.0 and 0.7 0.7499, 0.30%, 0.79x; 1.0 and 0.6 0.7486, 0.41%,
// 0.77x. The whole pool's spread falls with the last level's darts: 0.7590 at 1.2, 0.7564 at 1.0,
// 0.7538 at 0.9 (the bundled head's, 0.7538-0.7547 over ten draws at 1.0).
constexpr double kThrowsPerPoint = 1.0;
constexpr double kThrowsPerPointBeforeLast = 0.7;
// The exclusion radius shrinks by this much a level. Each level's dots are centred in their gaps
// and the pool is ranked by how far each is from the dots before it, so prefixes stay near a full
// level's spread between level boundaries, and coarser levels save darts. Measured on the 200k
// sphere (worst prefix of 4-85%, even shares' dots left out by the room check, CPU): 2^(1/4)
// 0.7503, 0.13%; 2^(9/32) 0.7501, 0.25%, 0.87x; 2^(5/16) 0.7454, 1.26%. (Ranked level by level,
// as before, 2^(1/4) measured 0.7480 and 0.79%.)
constexpr double kLevelRatio = 1.2141948843950364;  // 2^(9/32): each level holds 2^(9/16) times the points
constexpr int kPointsAtCoarsestLevel = 64;
// Levels sharing one pair of grids (cells sized for the first, up to 2^(3/4) too wide by the last):
// on the 200k sphere with 2^(1/4) levels, rebuilding every level, every second or every fourth
// took 1.07-1.12 s, 1.04-1.07 s and 1.00-1.08 s (at 2^(1/8): 0.55, 0.50 and 0.47 s on a faster day).
constexpr int kLevelsPerGrid = 4;
// The grids' cells are made for this many times the first radius: wider cells hold more points
// to scan, but the copy of the cells round a dart is reloaded far less often. On the 200k sphere
// (CPU, runs alternating on a slow host): 1.0 0.80-0.86 s, 1.3 0.77 s, 1.5 0.72-0.74 s, 1.8
// 0.79 s. (The cells change which blocker a dart meets first, so each width throws other dots,
// equally spread: see docs/PERFORMANCE.md, thirteenth session.)
constexpr float kGridCellRadii = 1.5f;
// Darts ahead whose triangles' planes are asked for (SurfaceProjector::prefetch): 4 and 12
// measured alike.
constexpr std::size_t kPrefetchAhead = 8;
// How far a dart may be moved towards the middle of its gap, in radii.
constexpr float kCentringReach = 0.5f;

// Nearby points get nearby numbers (cells of 1/scale mm), for laying space out in small
// neighbourhoods.
std::uint64_t morton_order(glm::vec3 p, float scale) {
  const glm::ivec3 c(glm::floor(p * scale));
  return morton_code(std::uint32_t(c.x), std::uint32_t(c.y), std::uint32_t(c.z));
}

struct Candidate {
  glm::vec3 position, normal;
  std::uint32_t triangle = 0;  // of the mesh, the one it lies on
};

// The skin's triangles (those of the mesh where the mask is set, all where it is empty, and with
// an area), each worked out once: where the surface is halved and where darts fall both read them.
struct SkinTriangle {
  glm::vec3 corner, edge1, edge2, normal, centre;
  double area;           // mm2
  std::uint32_t index;   // in the mesh
};

std::vector<SkinTriangle> skin_triangles(const Mesh& mesh, const std::vector<std::uint8_t>& mask) {
  std::vector<SkinTriangle> skin;
  skin.reserve(mesh.triangle_count());
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    if (!mask.empty() && !mask[t]) continue;
    const glm::vec3 &a = mesh.positions[mesh.indices[3 * t]], &b = mesh.positions[mesh.indices[3 * t + 1]],
                    &c = mesh.positions[mesh.indices[3 * t + 2]];
    const glm::vec3 cross = glm::cross(b - a, c - a);
    const float twice_area = glm::length(cross);
    if (!(twice_area > 0.0f)) continue;
    skin.push_back({a, b - a, c - a, cross / twice_area, (a + b + c) / 3.0f, 0.5 * double(twice_area), std::uint32_t(t)});
  }
  return skin;
}

// Uniform darts over the surface, drawn in sweeps: the triangles are laid out along a Morton curve
// and each sweep puts its darts at equal steps of area along it (systematic sampling, one random
// offset), each at a uniform random point of its triangle. A sweep's darts therefore come in
// spatial order, which keeps the cells the dart tests read in cache, with no sorting and no search.
class SurfaceSweep {
 public:
  // The triangles of `skin` for which `take(centre)`; `box` bounds them all.
  template <class Take>
  SurfaceSweep(const std::vector<SkinTriangle>& skin, const Bounds& box, const Take& take) : skin_(skin) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order;
    const float scale = float(1 << 20) / std::max(1e-6f, glm::length(box.max - box.min));
    for (std::uint32_t k = 0; k < skin.size(); ++k)
      if (take(skin[k].centre)) order.emplace_back(morton_order(skin[k].centre - box.min, scale), k);
    std::sort(order.begin(), order.end());
    for (const auto& [code, k] : order) {
      total_ += skin[k].area;
      cumulative_.push_back(total_);
      triangles_.push_back(k);
    }
  }
  double area() const { return total_; }

  std::vector<Candidate> sweep(Random& random, std::size_t count) const {
    std::vector<Candidate> darts(cumulative_.empty() ? 0 : count);
    const double step = total_ / double(count);
    double at = random.uniform() * step;
    std::size_t i = 0;
    for (Candidate& dart : darts) {
      while (i + 1 < cumulative_.size() && cumulative_[i] <= at) ++i;
      const SkinTriangle& t = skin_[triangles_[i]];
      const std::uint64_t bits = random.next();  // 32 bits each for u and v
      float u = float(bits >> 40) * 0x1.0p-24f, v = float((bits >> 8) & 0xFFFFFF) * 0x1.0p-24f;
      if (u + v > 1.0f) u = 1.0f - u, v = 1.0f - v;
      dart.position = t.corner + u * t.edge1 + v * t.edge2;
      dart.normal = t.normal;
      dart.triangle = t.index;
      at += step;
    }
    return darts;
  }

 private:
  const std::vector<SkinTriangle>& skin_;
  std::vector<double> cumulative_;
  std::vector<std::uint32_t> triangles_;  // into skin_, along the curve
  double total_ = 0.0;
};

// A plane across the longest side of the surface that halves its area, so that two threads can
// throw darts at the two halves at once: points more than a radius from the plane on opposite
// sides cannot be neighbours.
struct Split {
  glm::vec3 axis{1, 0, 0};
  float at = 0.0f;
  float distance(glm::vec3 p) const { return glm::dot(p, axis) - at; }  // signed, mm
};

Split halve_area(const std::vector<SkinTriangle>& skin, const Bounds& box) {
  const glm::vec3 extent = box.max - box.min;
  Split split;
  split.axis = extent.x >= extent.y && extent.x >= extent.z ? glm::vec3(1, 0, 0) : extent.y >= extent.z ? glm::vec3(0, 1, 0) : glm::vec3(0, 0, 1);
  // The triangles by their centres along the axis, and where half the area is reached: the area
  // in thin slices finds the slice, and only that slice's triangles are sorted (sorting them all
  // took 8 of the main thread's 20 ms of setting up on the 200k sphere).
  constexpr int kSlices = 4096;
  const float low = glm::dot(box.min, split.axis), width = std::max(1e-6f, glm::dot(extent, split.axis));
  auto slice_of = [&](float at) { return std::clamp(int((at - low) / width * kSlices), 0, kSlices - 1); };
  std::vector<double> slice(kSlices, 0.0);
  double total = 0.0;
  for (const SkinTriangle& t : skin) {
    slice[std::size_t(slice_of(glm::dot(t.centre, split.axis)))] += t.area;
    total += t.area;
  }
  double sum = 0.0;
  int middle = 0;
  while (middle < kSlices - 1 && sum + slice[std::size_t(middle)] < 0.5 * total) sum += slice[std::size_t(middle++)];
  std::vector<std::pair<float, double>> inside;  // centre along the axis, area
  for (const SkinTriangle& t : skin)
    if (const float along = glm::dot(t.centre, split.axis); slice_of(along) == middle) inside.emplace_back(along, t.area);
  std::sort(inside.begin(), inside.end());
  split.at = inside.empty() ? low + width * (float(middle) + 0.5f) / kSlices : inside.back().first;
  for (const auto& [at, area] : inside)
    if ((sum += area) >= 0.5 * total) {
      split.at = at;
      break;
    }
  return split;
}

// One level's points in one half of the surface, thrown by one thread.
struct Half {
  std::vector<glm::vec3> positions, normals;  // the new points
  std::vector<std::uint32_t> triangles;        // the mesh triangle each lies on
  std::vector<float> clearance;                // mm: each new point's distance to the points before it
  PointQuads near;                             // scratch: the points around a dart, and their squared distances
  std::vector<PointQuads::Four> near_distance2;
  std::vector<Candidate> near_plane;          // darts within a radius of the plane, tested after both halves
  std::unique_ptr<PointGrid> grid;            // earlier levels' points on this side of (and near) the plane, and the new
};

// A dart pushed sideways leaves the skin by about (distance pushed) * radius / 2R, where R is the
// skin's radius of curvature; past this product (mm2) it is brought back to the radius from its
// blocker along the skin before it is tested.
constexpr float kProjectBeyondMm2 = 2.0f;

// Tests a dart against the grids. A blocked dart is pushed along the line from the point that
// blocked it to exactly the radius; if that is blocked too, it goes to the place a radius from
// both blockers, on the side the push went, which fills the gap between them if anything can; if
// a third point covers that place, to the places a radius from the third and each of the first
// two (walking round the edge of the covered skin finds the small gaps random darts rarely hit:
// on the 200k sphere the pool grew from 189k to 199k dots and its spread from 0.735 to 0.755).
// A moved dart is put onto the skin (off it, a dot would float or sink, and as later darts are
// pushed from it the error would grow) and tested there. Returns false when it is rejected, else
// true with where it may go.
template <class Points>
bool place_dart(const Candidate& dart, float radius, Points& points, const SurfaceProjector& surface, Candidate& placed) {
  placed = dart;
  glm::vec3 blocker, second;
  auto blocked = [&](glm::vec3 p, glm::vec3& by) { return points.first_within(p, radius, by); };
  auto lands = [&] {
    return surface.project_from(placed.position, placed.triangle, placed.position, placed.normal, placed.triangle) && !blocked(placed.position, second);
  };
  if (!blocked(dart.position, blocker)) return true;

  const glm::vec3 away = dart.position - blocker;
  const float length = glm::length(away);
  if (length < 1e-6f * radius) return false;
  const float reach = radius * 1.001f;
  placed.position = blocker + away * (reach / length);
  if ((radius - length) * radius > kProjectBeyondMm2) {
    // Far off the skin on a curved head: onto it (nearer the blocker on a convex surface), then
    // out again to the radius.
    if (!surface.project_from(placed.position, dart.triangle, placed.position, placed.normal, placed.triangle)) return false;
    placed.position = blocker + glm::normalize(placed.position - blocker) * reach;
  }
  if (!blocked(placed.position, second)) return lands();

  // The place a radius from two points (in the dart's tangent plane), on the side of `toward`.
  auto corner = [&](glm::vec3 a, glm::vec3 b, glm::vec3 toward, glm::vec3& out) {
    const glm::vec3 between = b - a;
    const float apart = glm::length(between);
    if (apart >= 2.0f * reach || apart < 1e-6f * radius) return false;
    glm::vec3 side = glm::cross(placed.normal, between);
    const float side_length = glm::length(side);
    if (side_length < 1e-6f * apart) return false;
    side /= side_length;
    const glm::vec3 middle = 0.5f * (a + b);
    if (glm::dot(toward - middle, side) < 0.0f) side = -side;
    out = middle + side * std::sqrt(reach * reach - 0.25f * apart * apart);
    return true;
  };
  if (!corner(blocker, second, placed.position, placed.position)) return false;
  glm::vec3 third;
  if (!blocked(placed.position, third)) return lands();
  // Covered by a third point: the corners it makes with each of the two, away from the other.
  const glm::vec3 at = placed.position;
  for (int k = 0; k < 2; ++k) {
    const glm::vec3 kept = k == 0 ? blocker : second, other = k == 0 ? second : blocker;
    if (!corner(kept, third, 2.0f * at - other, placed.position)) continue;
    if (glm::dot(placed.position - other, placed.position - other) < reach * reach) continue;
    glm::vec3 fourth;
    if (!blocked(placed.position, fourth)) return lands();
  }
  return false;
}

// Moves a dart that may go at `dot` up the distance to its nearest point, within its tangent
// plane, until another point is as near, then the way both recede, until a third is (the middle
// of the gap), at most `reach` mm. Dart throwing leaves most dots exactly a radius from the one
// that pushed them; centred, a level's dots are spread between that and the level before's
// radius, and ranking them furthest first keeps every prefix of the level well spread. Returns
// the dot's distance to its nearest point (the radius or more). `scratch` is reused between darts.
// Each step goes exactly to where the next point becomes as near as the nearest: along a way u,
// |p + t u - c|^2 - |p + t u - a|^2 is linear in t. (Stepping by the distances' rates of growth
// and halving where that overshot stopped short of the middle: on the 200k sphere the worst
// prefix of 30-85% measured 0.748 and even shares checked for room lost up to 0.84% of their
// dots; exact, 0.750 and 0.08%.)
template <class Points>
float centre_in_gap(Candidate& dot, float reach, float radius, Points& points, const SurfaceProjector& surface, Half& scratch) {
  using Four = PointQuads::Four;
  const PointQuads& near = scratch.near;
  std::vector<Four>& d2 = scratch.near_distance2;  // from p, four at a time as `near` holds them
  const float around = 2.0f * radius;
  points.gather(dot.position, around, scratch.near);
  const std::vector<PointQuads::Quad>& quads = near.quads();
  d2.resize(quads.size());
  auto least_of = [](Four v) { return std::min(std::min(v[0], v[1]), std::min(v[2], v[3])); };
  // Fills d2 from p; the least of them (or around^2).
  auto distances_from = [&](glm::vec3 p) {
    Four least = Four{} + around * around;
    for (std::size_t i = 0; i < quads.size(); ++i) least = (d2[i] = PointQuads::distance2(quads[i], p)) < least ? d2[i] : least;
    return least_of(least);
  };
  auto d2_of = [&](std::size_t j) { return d2[j / 4][j % 4]; };
  const std::size_t n = near.size();
  glm::vec3 p = dot.position;
  float nearest2 = distances_from(p);
  const float unmoved = std::sqrt(nearest2);
  const float tie = 0.01f * radius;  // distances this close count as equal
  for (int step = 0; step < 4 && reach > 1e-4f * radius; ++step) {
    const float nearest = std::sqrt(nearest2), tied2 = (nearest + tie) * (nearest + tie);
    // How each nearest distance grows per mm moved along the skin.
    constexpr int kMostTied = 8;
    glm::vec3 growth[kMostTied];
    std::size_t which[kMostTied];
    int tied = 0;
    for (std::size_t j = 0; j < n && tied < kMostTied; ++j)
      if (d2_of(j) <= tied2) {
        const glm::vec3 away = (p - near[j]) / std::max(std::sqrt(d2_of(j)), 1e-9f);
        which[tied] = j;
        growth[tied++] = away - dot.normal * glm::dot(dot.normal, away);
      }
    // The way that raises the slowest-growing of them fastest: along one, or between two.
    glm::vec3 way(0.0f);
    float rate = 1e-3f;
    auto consider = [&](glm::vec3 u) {
      const float length = glm::length(u);
      if (length < 1e-6f) return;
      u /= length;
      float slowest = 1e30f;
      for (int k = 0; k < tied; ++k) slowest = std::min(slowest, glm::dot(u, growth[k]));
      if (slowest > rate) rate = slowest, way = u;
    };
    for (int a = 0; a < tied; ++a) {
      consider(growth[a]);
      for (int b = a + 1; b < tied; ++b)
        if (glm::length(growth[a]) > 1e-6f && glm::length(growth[b]) > 1e-6f) consider(glm::normalize(growth[a]) + glm::normalize(growth[b]));
    }
    if (way == glm::vec3(0.0f)) break;  // in the middle of the gap
    // As far as the first other point that becomes as near as the tied one receding slowest.
    std::size_t a = which[0];
    for (int k = 1, slowest = 0; k < tied; ++k)
      if (glm::dot(way, growth[k]) < glm::dot(way, growth[slowest])) slowest = k, a = which[k];
    const glm::vec3 from = near[a];
    const float from2 = d2_of(a);
    Four t = Four{} + reach;
    for (std::size_t i = 0; i < quads.size(); ++i) {
      const Four closing = way.x * (quads[i].x - from.x) + way.y * (quads[i].y - from.y) + way.z * (quads[i].z - from.z);
      const Four meets = (d2[i] - from2) / (2.0f * closing);  // only where counted below
      t = (d2[i] > tied2) & (closing > 0.0f) & (meets < t) ? meets : t;
    }
    const float along = least_of(t);
    // Squared distances from there: |p - q + t u|^2 = d2 + 2 t u.(p - q) + t^2.
    Four moved = Four{} + around * around;
    for (std::size_t i = 0; i < quads.size(); ++i) {
      const Four there = d2[i] + along * (2.0f * (way.x * (p.x - quads[i].x) + way.y * (p.y - quads[i].y) + way.z * (p.z - quads[i].z)) + along);
      moved = there < moved ? there : moved;
    }
    if (!(least_of(moved) > nearest2)) break;
    p += way * along;
    reach -= along;
    nearest2 = distances_from(p);
  }
  if (p != dot.position) {
    // Onto the skin; kept only where that barely moves it and it still clears the radius.
    Candidate onto = dot;
    if (surface.project_from(p, dot.triangle, onto.position, onto.normal, onto.triangle) && glm::distance(onto.position, p) < 0.1f * radius)
      if (const float clearance = std::sqrt(distances_from(onto.position)); clearance > radius * 1.0005f) {
        dot = onto;
        return clearance;
      }
  }
  return unmoved;
}

// The way the skin faces at a point of triangle t: the mesh's smooth normal there, or the
// triangle's own where the mesh has none. Dots face this way, not their triangle's: a scan's small
// folds (the bundled head has a few) otherwise stood dots on edge, drawn as dark strokes. The
// throw itself works in each triangle's plane, so this is worked out once the pool is laid out.
glm::vec3 skin_normal(const Mesh& mesh, glm::vec3 p, std::uint32_t t, glm::vec3 flat) {
  if (mesh.normals.size() != mesh.positions.size()) return flat;
  const std::uint32_t* corner = &mesh.indices[3 * std::size_t(t)];
  const glm::vec3 w = weights_on_triangle(p, mesh.positions[corner[0]], mesh.positions[corner[1]], mesh.positions[corner[2]]);
  const glm::vec3 smooth = w.x * mesh.normals[corner[0]] + w.y * mesh.normals[corner[1]] + w.z * mesh.normals[corner[2]];
  return glm::length(smooth) > 1e-3f ? glm::normalize(smooth) : flat;
}

// Keeps `dot` as one of the level's new points in `half` (the caller stores it in the grids), with
// its triangle's normal for now.
void accept(Half& half, const Candidate& dot, float clearance) {
  half.clearance.push_back(clearance);
  half.positions.push_back(dot.position);
  half.normals.push_back(dot.normal);
  half.triangles.push_back(dot.triangle);
}

// A point's place in the ranking: furthest from the points before it first, ties in the order
// placed (a positive float's bits sort as the float does).
std::uint64_t rank_key(float clearance, std::size_t index) { return std::uint64_t(~std::bit_cast<std::uint32_t>(clearance)) << 32 | std::uint32_t(index); }

// Adds the points `begin` to `end` (by clearance) to `ranked`, which holds the points before them
// in rank order. Each merge moves every point ranked so far, and each level holds 2^(9/16) times
// the points of the one before, so over all the levels a point is moved about three times.
void rank_into(std::vector<std::uint64_t>& ranked, const std::vector<float>& clearance, std::size_t begin, std::size_t end) {
  const std::size_t before = ranked.size();
  for (std::size_t i = begin; i < end; ++i) ranked.push_back(rank_key(clearance[i], i));
  std::sort(ranked.begin() + std::ptrdiff_t(before), ranked.end());
  std::inplace_merge(ranked.begin(), ranked.begin() + std::ptrdiff_t(before), ranked.end());
}

// `values` in the order `layout` lists them.
template <class T>
void lay_out(std::vector<T>& values, const std::vector<std::uint32_t>& layout) {
  std::vector<T> laid(values.size());
  for (std::size_t k = 0; k < layout.size(); ++k) laid[k] = values[layout[k]];
  values.swap(laid);
}

}  // namespace

// Dart throwing over levels whose exclusion radius shrinks by kLevelRatio, keeping every earlier
// level's points: each level is a nearly maximal Poisson-disk set at its radius, and the pool
// ranked by each point's clearance, furthest first, has well-spread prefixes at every share (not
// only at level boundaries, as ranked level by level). Each level is thrown at
// the two halves of the surface on the two cores at once; the darts near the plane between them
// are tested afterwards against both. Each half draws from its own generator seeded by the seed,
// level and side, so the pool is the same for a seed however the threads run.
DotPool build_dot_pool(const Mesh& mesh, const std::vector<std::uint8_t>& triangle_mask, std::size_t target_count, std::uint64_t seed) {
  DotPool pool;
  // The projector is built on the other core meanwhile.
  std::optional<SurfaceProjector> projector;
  OnOtherCore building([&] { projector.emplace(mesh, triangle_mask, SurfaceProjector::Search::AroundNearestVertex); });
  const std::vector<SkinTriangle> skin = skin_triangles(mesh, triangle_mask);
  const Bounds box = bounds_of(mesh);
  const Split split = halve_area(skin, box);
  const std::array<SurfaceSweep, 2> surfaces{SurfaceSweep(skin, box, [&](glm::vec3 c) { return split.distance(c) < 0.0f; }),
                                             SurfaceSweep(skin, box, [&](glm::vec3 c) { return split.distance(c) >= 0.0f; })};
  pool.area_mm2 = surfaces[0].area() + surfaces[1].area();
  building.join();
  if (pool.area_mm2 <= 0.0 || target_count == 0) return pool;

  const double final_radius = std::sqrt(kPackingCoefficient * pool.area_mm2 / double(target_count));
  const double growth = kLevelRatio * kLevelRatio;  // points per level over the level before
  const int levels = std::max(1, int(std::ceil(std::log(double(target_count) / kPointsAtCoarsestLevel) / std::log(growth))) + 1);
  pool.positions.reserve(target_count + target_count / 8);
  pool.normals.reserve(pool.positions.capacity());
  std::vector<std::size_t> level_start;
  auto radius_of = [&](int level) { return float(final_radius * std::pow(kLevelRatio, levels - 1 - level)); };
  auto expected_at = [&](float radius) { return kPackingCoefficient * pool.area_mm2 / (double(radius) * radius); };
  std::array<Half, 2> halves;
  std::vector<float> clearances;  // per pool point, as it was placed
  std::vector<std::uint64_t> ranked;  // rank_key of the points of every level ranked so far, in rank order
  for (int level = 0; level < levels; ++level) {
    level_start.push_back(pool.positions.size());
    const float radius = radius_of(level);
    pool.level_radius.push_back(radius);
    const double expected = expected_at(radius);
    // The grids are rebuilt every kLevelsPerGrid levels, with cells for the first (widest) radius.
    const bool new_grids = level % kLevelsPerGrid == 0;
    const float grid_radius = kGridCellRadii * radius_of(level - level % kLevelsPerGrid);
    const double grid_expected = expected_at(radius_of(std::min(levels - 1, level - level % kLevelsPerGrid + kLevelsPerGrid - 1)));

    auto throw_half = [&](int side) {
      Half& half = halves[std::size_t(side)];
      const SurfaceSweep& surface = surfaces[std::size_t(side)];
      const float sign = side == 0 ? -1.0f : 1.0f;  // inside this half: sign * distance > radius
      const double share = surface.area() / pool.area_mm2;
      if (new_grids) {
        // Sized as for cells a radius wide: wider ones hold more points each, and a table sized for
        // the points left most slots empty (1M dots: 60 MB more at the peak, no faster).
        half.grid = std::make_unique<PointGrid>(grid_radius, std::size_t(grid_expected * share / (kGridCellRadii * kGridCellRadii)) + 1);
        for (const glm::vec3& p : pool.positions)
          if (sign * split.distance(p) > -grid_radius) half.grid->insert(p);
      }
      half.positions.clear(), half.normals.clear(), half.triangles.clear(), half.near_plane.clear(), half.clearance.clear();
      Random random(seed * 0x100000001B3ull + std::uint64_t(level) * 2 + std::uint64_t(side));
      NearbyPoints nearby(*half.grid);
      // One sweep over the half in spatial order: consecutive darts fall close together, so the
      // copy of the cells around them answers most of their questions. (Sweeps of 16k darts at a
      // time, each over the whole half, spread the dots no better: 199.4k and spread 0.755 on the
      // 200k sphere against 200.7k and 0.757.) At least one dart: a pool of one or two dots asked
      // for fewer than one a half, and got none.
      const double throws = level == levels - 1 ? kThrowsPerPoint : kThrowsPerPointBeforeLast;
      const std::vector<Candidate> darts = surface.sweep(random, std::max<std::size_t>(1, std::size_t(throws * expected * share)));
      for (std::size_t i = 0; i < darts.size(); ++i) {
        const Candidate& dart = darts[i];
        if (i + kPrefetchAhead < darts.size()) projector->prefetch(darts[i + kPrefetchAhead].triangle);
        if (sign * split.distance(dart.position) <= radius) {
          half.near_plane.push_back(dart);
          continue;
        }
        Candidate placed;
        if (!place_dart(dart, radius, nearby, *projector, placed)) continue;
        const float clearance = centre_in_gap(placed, kCentringReach * radius, radius, nearby, *projector, half);
        if (sign * split.distance(placed.position) <= radius) {
          half.near_plane.push_back(placed);  // pushed towards the plane
        } else {
          accept(half, placed, clearance);
          nearby.insert(placed.position);
        }
      }
    };
    OnOtherCore other([&] { throw_half(1); });
    throw_half(0);
    other.join();
    // The level before is ranked on the other core meanwhile: it has nothing else to do.
    std::optional<OnOtherCore> ranking;
    if (level > 0) ranking.emplace([&, level] { rank_into(ranked, clearances, level_start[std::size_t(level) - 1], level_start[std::size_t(level)]); });
    // The darts near the plane, against both halves; the accepted ones join the first half, and the
    // second half's grid, which later levels near the plane read.
    NearbyPoints both(*halves[0].grid, halves[1].grid.get());
    for (int side = 0; side < 2; ++side)
      for (const Candidate& dart : halves[std::size_t(side)].near_plane)
        if (Candidate placed; place_dart(dart, radius, both, *projector, placed)) {
          const float clearance = centre_in_gap(placed, kCentringReach * radius, radius, both, *projector, halves[0]);
          accept(halves[0], placed, clearance);
          both.insert(placed.position);
        }
    ranking.reset();
    for (const Half& half : halves) {
      pool.positions.insert(pool.positions.end(), half.positions.begin(), half.positions.end());
      pool.normals.insert(pool.normals.end(), half.normals.begin(), half.normals.end());
      pool.triangles.insert(pool.triangles.end(), half.triangles.begin(), half.triangles.end());
      clearances.insert(clearances.end(), half.clearance.begin(), half.clearance.end());
    }
  }
  // One ranking over all the levels: each level but the last was ranked in while the darts near
  // the plane of the level after it were thrown. (Ranked level by level, a prefix just past a
  // level boundary held that level's most crowded dots before the next level's roomiest: on the
  // 200k sphere, with levels 2^(1/4) apart, the worst prefix measured 0.7480 against 0.7503, and
  // select_on_slopes left out up to 0.79% of an even share's dots for want of room against 0.13%.)
  const auto count = pool.positions.size();
  pool.density_per_cm2 = double(count) / (pool.area_mm2 / 100.0);
  // The dots are then laid out cell by cell through space (cell_order.h), worked out on the other
  // core meanwhile.
  std::vector<std::uint32_t> layout;
  OnOtherCore laying([&] { layout = cell_order(pool.positions, layout_cell_mm(pool.density_per_cm2)); });
  rank_into(ranked, clearances, level_start.back(), clearances.size());
  pool.rank.resize(count);
  for (std::size_t k = 0; k < count; ++k) pool.rank[std::uint32_t(ranked[k])] = float((double(k) + 0.5) / double(count));
  laying.join();
  lay_out(pool.positions, layout), lay_out(pool.normals, layout), lay_out(pool.triangles, layout), lay_out(pool.rank, layout);
  // The skin's own normals, half on each core, in the order laid out: neighbouring dots read the
  // same corners of the mesh. (Worked out as each dot was kept, the reads were scattered over the
  // mesh and took a twentieth of the throw: 0.93-0.97x the pool's time on the 200k sphere, same dots.)
  on_both_cores(count, [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) pool.normals[k] = skin_normal(mesh, pool.positions[k], pool.triangles[k], pool.normals[k]);
  });
  return pool;
}

}  // namespace smp
