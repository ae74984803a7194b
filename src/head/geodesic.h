#pragma once
// Distance along the skin by fast marching on the triangles (Kimmel & Sethian 1998), with the
// update of each triangle made from a "virtual source" unfolded into its plane, which follows
// circular fronts exactly on flat ground. Chosen over the heat method, measured on the same
// 20k-triangle meshes (tests/unit/geodesic_test.cpp): the heat method (t = h^2, Eigen's sparse
// LDLT) was off by up to 1.5% on a sphere and on an ellipsoid meridian and took 90 ms a source
// with its factorisation; this is off by at most 0.6% and 0.8% and takes 10 ms.
#include <cstdint>
#include <span>
#include <vector>

#include <glm/vec3.hpp>

#include "core/mesh.h"

namespace smp {

class GeodesicDistance {
 public:
  explicit GeodesicDistance(const Mesh& mesh);  // keeps a reference: the mesh must outlive this

  // Distance in mm from the nearest of `sources` to every vertex (zero at the sources).
  std::vector<double> from_vertices(std::span<const std::uint32_t> sources) const;
  // The same from the vertex nearest to `point`.
  std::vector<double> from_point(glm::vec3 point) const;

  std::uint32_t nearest_vertex(glm::vec3 point) const;
  const Mesh& mesh() const { return mesh_; }

 private:
  const Mesh& mesh_;
  std::vector<std::uint32_t> offsets_;       // per vertex, into corner_faces_
  std::vector<std::uint32_t> corner_faces_;  // the triangles around each vertex
};

}  // namespace smp
