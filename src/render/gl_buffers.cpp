#include "render/gl_buffers.h"

#include <vector>

namespace smp {

MeshBuffer::MeshBuffer() {
  glGenVertexArrays(1, &vertex_array_);
  glGenBuffers(1, &vertex_buffer_);
  glGenBuffers(1, &index_buffer_);
  glGenBuffers(1, &colour_buffer_);
  upload_colours({});
  upload_pigment_uv({});
}

MeshBuffer::~MeshBuffer() {
  glDeleteBuffers(1, &colour_buffer_);
  glDeleteBuffers(1, &uv_buffer_);
  glDeleteBuffers(1, &index_buffer_);
  glDeleteBuffers(1, &vertex_buffer_);
  glDeleteVertexArrays(1, &vertex_array_);
}

void MeshBuffer::upload(const Mesh& mesh) {
  std::vector<glm::vec3> interleaved;
  interleaved.reserve(mesh.positions.size() * 2);
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    interleaved.push_back(mesh.positions[i]);
    interleaved.push_back(i < mesh.normals.size() ? mesh.normals[i] : glm::vec3(0, 1, 0));
  }
  glBindVertexArray(vertex_array_);
  glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(interleaved.size() * sizeof(glm::vec3)), interleaved.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)), mesh.indices.data(), GL_STATIC_DRAW);
  constexpr GLsizei stride = 2 * sizeof(glm::vec3);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, stride, nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(sizeof(glm::vec3)));
  glBindVertexArray(0);
  index_count_ = static_cast<GLsizei>(mesh.indices.size());
}

void MeshBuffer::upload_pigment_uv(const std::vector<glm::vec3>& uvw) {
  if (!uv_buffer_) glGenBuffers(1, &uv_buffer_);
  glBindVertexArray(vertex_array_);
  if (uvw.empty()) {
    glDisableVertexAttribArray(3);
    glVertexAttrib3f(3, 0.0f, 0.0f, 0.0f);  // off the chart: no pigment
  } else {
    glBindBuffer(GL_ARRAY_BUFFER, uv_buffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(uvw.size() * sizeof(glm::vec3)), uvw.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
  }
  glBindVertexArray(0);
}

void MeshBuffer::upload_colours(const std::vector<glm::vec4>& colours) {
  glBindVertexArray(vertex_array_);
  if (colours.empty()) {
    glDisableVertexAttribArray(2);
    glVertexAttrib4f(2, 0.0f, 0.0f, 0.0f, 0.0f);  // transparent: no overlay
  } else {
    glBindBuffer(GL_ARRAY_BUFFER, colour_buffer_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(colours.size() * sizeof(glm::vec4)), colours.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, sizeof(glm::vec4), nullptr);
  }
  glBindVertexArray(0);
}

void MeshBuffer::draw() const {
  glBindVertexArray(vertex_array_);
  glDrawElements(GL_TRIANGLES, index_count_, GL_UNSIGNED_INT, nullptr);
  glBindVertexArray(0);
}

}  // namespace smp
