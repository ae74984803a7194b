#include "ui/text_input.h"

#include <vector>

#include <imgui.h>

namespace smp {

bool input_text(const char* label, std::string& text, std::size_t capacity) {
  std::vector<char> buffer(capacity, '\0');
  text.copy(buffer.data(), capacity - 1);
  if (!ImGui::InputText(label, buffer.data(), capacity)) return false;
  text = buffer.data();
  return true;
}

}  // namespace smp
