#pragma once
// A linked GLSL program built from shader files embedded at build time (shaders/*.vert, *.frag).
#include <string>
#include <string_view>
#include <unordered_map>

#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "render/gl.h"

namespace smp {

class ShaderProgram {
 public:
  // Throws std::runtime_error with the compiler's log when a shader does not build.
  ShaderProgram(std::string_view vertex_file, std::string_view fragment_file);
  ~ShaderProgram();
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;

  void use() const { glUseProgram(program_); }
  void set(std::string_view name, float value);
  void set(std::string_view name, int value);
  void set(std::string_view name, const glm::vec2& value);
  void set(std::string_view name, const glm::vec3& value);
  void set(std::string_view name, const glm::mat3& value);
  void set(std::string_view name, const glm::mat4& value);

 private:
  GLint location(std::string_view name);
  GLuint program_ = 0;
  std::unordered_map<std::string, GLint> locations_;
};

}  // namespace smp
