#pragma once
// A text field over a std::string (ImGui 1.86 edits a fixed buffer).
#include <cstddef>
#include <string>

namespace smp {

bool input_text(const char* label, std::string& text, std::size_t capacity = 256);  // true when edited

}  // namespace smp
