#include "dots/dot_pool.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <memory>
#include <optional>
#include <thread>

#include <glm/geometric.hpp>

#include "core/random.h"
#include "dots/morton.h"
#include "dots/nearby_points.h"
#include "dots/point_grid.h"
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
// its dots left too close in a share are what select_on_slopes checks for room. On the 200k sphere
// (CPU, alternating, with this version's walks): 1.0 and 1.0 0.700 s; 0.8 and 1.0 0.672 s; 0.8 and
// 1.2 0.699 s; 0.7 and 1.3 0.659 s. Even shares checked for room lost at most 0.52%, 0.82%, 0.86%
// and 1.10% of their dots.
// On the bundled head (ten draws), 0.8 and 1.2 keep its graded spread and density (worst zone
// 2.83%, 2.84% before), spread the whole pool better (0.7569-0.7585 against 0.7535-0.7552) and
// hold 0.5% more dots; 0.8 and 1.0 took a zone 3.18% under in one draw.
constexpr double kThrowsPerPoint = 1.2;
constexpr double kThrowsPerPointBeforeLast = 0.8;
// The exclusion radius shrinks by this much a level. Levels used to be 2^(1/8) apart because a
// prefix just past a level boundary held a few dots that much closer than the level before (worst
// prefix spread 0.75 / ratio); now each level's dots are centred in their gaps and ranked by how
// far they are from the dots before them, so prefixes stay near a full level's spread and coarser
// levels save darts. Measured on the 200k sphere (worst prefix 30-100%, time): 2^(1/8) 0.748 in
// 1.22 s, 2^(1/4) 0.740 in 0.93 s, 2^(1/2) 0.714.
constexpr double kLevelRatio = 1.189207115002721;  // 2^(1/4): each level holds 2^(1/2) times the points
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
// A level's dots are dealt out in this many bands of how far each is from the dots before it,
// furthest first; inside a band, spread evenly over the surface (see the ranking below). Worst
// share's spread on the 200k sphere: 1 band 0.635, 16 bands 0.742, 64 0.747, 256 and 1024 0.749
// (the head's graded figure 0.730, 0.737, 0.737 for 16, 64, 256), at the same time.
constexpr std::size_t kClearanceBands = 256;
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

std::size_t reverse_bits(std::size_t v, int bits) {
  std::size_t r = 0;
  for (int b = 0; b < bits; ++b) r |= ((v >> b) & 1) << (bits - 1 - b);
  return r;
}

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
  std::vector<glm::vec3> near;                 // scratch: the points around a dart, and their distances
  std::vector<float> near_distance;
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
template <class Points>
float centre_in_gap(Candidate& dot, float reach, float radius, Points& points, const SurfaceProjector& surface, Half& scratch) {
  std::vector<glm::vec3>& near = scratch.near;
  std::vector<float>& distance = scratch.near_distance;
  const float around = 2.0f * radius;
  near.clear();
  points.gather(dot.position, around, near);
  auto nearest_from = [&](glm::vec3 p) {
    float d2 = around * around;
    for (const glm::vec3& q : near) d2 = std::min(d2, glm::dot(p - q, p - q));
    return std::sqrt(d2);
  };
  const float tie = 0.01f * radius;  // distances this close count as equal
  glm::vec3 p = dot.position;
  for (int step = 0; step < 4 && reach > 1e-4f * radius; ++step) {
    distance.clear();
    float nearest = around;
    for (const glm::vec3& q : near) {
      distance.push_back(glm::length(p - q));
      nearest = std::min(nearest, distance.back());
    }
    // How each nearest distance grows per mm moved along the skin.
    constexpr int kMostTied = 8;
    glm::vec3 growth[kMostTied];
    int tied = 0;
    for (std::size_t j = 0; j < near.size() && tied < kMostTied; ++j)
      if (distance[j] <= nearest + tie) {
        const glm::vec3 away = (p - near[j]) / std::max(distance[j], 1e-9f);
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
    // As far as the first other point that becomes as near.
    float t = reach;
    for (std::size_t j = 0; j < near.size(); ++j) {
      const float its_rate = glm::dot(way, p - near[j]) / std::max(distance[j], 1e-9f);
      if (distance[j] > nearest + tie && its_rate < rate) t = std::min(t, (distance[j] - nearest) / (rate - its_rate));
    }
    glm::vec3 moved = p + way * t;
    while (nearest_from(moved) <= nearest && t > 1e-4f * radius) t *= 0.5f, moved = p + way * t;
    if (nearest_from(moved) <= nearest) break;
    p = moved;
    reach -= t;
  }
  if (p != dot.position) {
    // Onto the skin; kept only where that barely moves it and it still clears the radius.
    Candidate onto = dot;
    if (surface.project_from(p, dot.triangle, onto.position, onto.normal, onto.triangle) && glm::distance(onto.position, p) < 0.1f * radius &&
        nearest_from(onto.position) > radius * 1.0005f)
      dot = onto;
  }
  return nearest_from(dot.position);
}

// The way the skin faces at a point of triangle t: the mesh's smooth normal there, or the
// triangle's own where the mesh has none. Dots face this way, not their triangle's: a scan's small
// folds (the bundled head has a few) otherwise stood dots on edge, drawn as dark strokes. The
// throw itself works in each triangle's plane.
glm::vec3 skin_normal(const Mesh& mesh, glm::vec3 p, std::uint32_t t, glm::vec3 flat) {
  if (mesh.normals.size() != mesh.positions.size()) return flat;
  const std::uint32_t* corner = &mesh.indices[3 * std::size_t(t)];
  const glm::vec3 w = weights_on_triangle(p, mesh.positions[corner[0]], mesh.positions[corner[1]], mesh.positions[corner[2]]);
  const glm::vec3 smooth = w.x * mesh.normals[corner[0]] + w.y * mesh.normals[corner[1]] + w.z * mesh.normals[corner[2]];
  return glm::length(smooth) > 1e-3f ? glm::normalize(smooth) : flat;
}

// Keeps `dot` as one of the level's new points in `half` (the caller stores it in the grids).
void accept(Half& half, const Mesh& mesh, const Candidate& dot, float clearance) {
  half.clearance.push_back(clearance);
  half.positions.push_back(dot.position);
  half.normals.push_back(skin_normal(mesh, dot.position, dot.triangle, dot.normal));
  half.triangles.push_back(dot.triangle);
}

// The order of one level's points (pool indices begin to begin + size, clearance[i] each one's
// distance to the points before it). In bands of clearance, furthest from the dots before them
// first; inside a band the points in the order they were placed (along each half's Morton sweep)
// are dealt out in bit-reversed order (with a random start), so any part of a band taken is spread
// evenly over the surface: a random order left regions a few percent over or under the asked
// density. (Sorting each band by Morton code instead spread them no better and took twice as long.)
std::vector<std::uint32_t> rank_level(const std::vector<float>& clearance, std::size_t begin, std::size_t size, std::uint64_t seed) {
  Random random(seed);
  // Furthest first, ties in the order placed: a positive float's bits sort as the float does.
  std::vector<std::uint64_t> by_clearance(size);
  for (std::size_t i = 0; i < size; ++i)
    by_clearance[i] = std::uint64_t(~std::bit_cast<std::uint32_t>(clearance[begin + i])) << 32 | std::uint32_t(begin + i);
  std::sort(by_clearance.begin(), by_clearance.end());
  std::vector<std::uint32_t> order, along;
  order.reserve(size);
  for (std::size_t band = 0; band < kClearanceBands; ++band) {
    along.clear();
    for (std::size_t j = size * band / kClearanceBands; j < size * (band + 1) / kClearanceBands; ++j) along.push_back(std::uint32_t(by_clearance[j]));
    if (along.empty()) continue;
    std::sort(along.begin(), along.end());
    const int bits = std::max(1, int(std::bit_width(along.size() - 1)));
    const std::size_t start = std::size_t(random.uniform() * double(along.size()));
    for (std::size_t k = 0; k < (std::size_t(1) << bits); ++k) {
      const std::size_t i = (reverse_bits(k, bits) + start) % (std::size_t(1) << bits);
      if (i < along.size()) order.push_back(along[i]);
    }
  }
  return order;
}

}  // namespace

// Dart throwing over levels whose exclusion radius shrinks by kLevelRatio, keeping every earlier
// level's points: each level is a nearly maximal Poisson-disk set at its radius, so the pool
// ranked level by level has well-spread prefixes at every level boundary. Each level is thrown at
// the two halves of the surface on the two cores at once; the darts near the plane between them
// are tested afterwards against both. Each half draws from its own generator seeded by the seed,
// level and side, so the pool is the same for a seed however the threads run.
DotPool build_dot_pool(const Mesh& mesh, const std::vector<std::uint8_t>& triangle_mask, std::size_t target_count, std::uint64_t seed) {
  DotPool pool;
  // The projector is built on the other core meanwhile.
  std::optional<SurfaceProjector> projector;
  std::thread building([&] { projector.emplace(mesh, triangle_mask, SurfaceProjector::Search::AroundNearestVertex); });
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
  std::vector<std::vector<std::uint32_t>> level_order;  // each level's points, by rank
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
      for (const Candidate& dart : surface.sweep(random, std::max<std::size_t>(1, std::size_t(throws * expected * share)))) {
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
          accept(half, mesh, placed, clearance);
          nearby.insert(placed.position);
        }
      }
    };
    std::thread other(throw_half, 1);
    throw_half(0);
    other.join();
    // The level before is ranked on the other core meanwhile: it has nothing else to do.
    std::jthread ranking;
    if (level > 0)
      ranking = std::jthread([&, level] {
        level_order.push_back(rank_level(clearances, level_start[std::size_t(level) - 1], level_start[std::size_t(level)] - level_start[std::size_t(level) - 1],
                                         seed * 0x100000001B3ull + std::uint64_t(level - 1)));
      });
    // The darts near the plane, against both halves; the accepted ones join the first half, and the
    // second half's grid, which later levels near the plane read.
    NearbyPoints both(*halves[0].grid, halves[1].grid.get());
    for (int side = 0; side < 2; ++side)
      for (const Candidate& dart : halves[std::size_t(side)].near_plane)
        if (Candidate placed; place_dart(dart, radius, both, *projector, placed)) {
          const float clearance = centre_in_gap(placed, kCentringReach * radius, radius, both, *projector, halves[0]);
          accept(halves[0], mesh, placed, clearance);
          both.insert(placed.position);
        }
    if (ranking.joinable()) ranking.join();
    for (const Half& half : halves) {
      pool.positions.insert(pool.positions.end(), half.positions.begin(), half.positions.end());
      pool.normals.insert(pool.normals.end(), half.normals.begin(), half.normals.end());
      pool.triangles.insert(pool.triangles.end(), half.triangles.begin(), half.triangles.end());
      clearances.insert(clearances.end(), half.clearance.begin(), half.clearance.end());
    }
  }
  // Ranks go level by level, coarse first. The last level is ranked now; each of the others was
  // ranked while the darts near the plane of the level after it were thrown.
  level_order.push_back(rank_level(clearances, level_start.back(), clearances.size() - level_start.back(), seed * 0x100000001B3ull + std::uint64_t(levels - 1)));
  const auto count = pool.positions.size();
  std::size_t k = 0;
  pool.rank.resize(count);
  for (const std::vector<std::uint32_t>& ranked : level_order)
    for (std::uint32_t i : ranked) pool.rank[i] = float((double(k++) + 0.5) / double(count));
  pool.density_per_cm2 = double(count) / (pool.area_mm2 / 100.0);
  return pool;
}

}  // namespace smp
