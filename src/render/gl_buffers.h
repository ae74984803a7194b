#pragma once
// GPU copy of a Mesh: one vertex array with interleaved position + normal and an index buffer.
// Uploaded when told; the CPU Mesh stays the source of truth.
#include <vector>

#include <glm/vec4.hpp>

#include "core/mesh.h"
#include "render/gl.h"

namespace smp {

class MeshBuffer {
 public:
  MeshBuffer();
  ~MeshBuffer();
  MeshBuffer(const MeshBuffer&) = delete;
  MeshBuffer& operator=(const MeshBuffer&) = delete;

  void upload(const Mesh& mesh);  // needs normals
  // Optional per-vertex colours (attribute 2, RGBA 0..1), e.g. a zone overlay; empty clears them.
  void upload_colours(const std::vector<glm::vec4>& colours);
  // Optional per-vertex texture coordinates of the baked pigment (attribute 3: u, v, and 1 where
  // the vertex lies on the pigment's chart, 0 off it); empty clears them.
  void upload_pigment_uv(const std::vector<glm::vec3>& uvw);
  void draw() const;
  GLsizei index_count() const { return index_count_; }

 private:
  GLuint vertex_array_ = 0, vertex_buffer_ = 0, index_buffer_ = 0, colour_buffer_ = 0, uv_buffer_ = 0;
  GLsizei index_count_ = 0;
};

}  // namespace smp
