#include "ui/measurements_panel.h"

#include <imgui.h>

namespace smp {

void draw_measurements_panel(const std::optional<HeadMeasurements>& measured, const std::string& why) {
  const ImGuiIO& io = ImGui::GetIO();
  const float scale = ImGui::GetStyle().ItemSpacing.y / 4.0f;
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10 * scale, 10 * scale), ImGuiCond_Always, ImVec2(1, 0));
  ImGui::Begin("Measurements", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  if (!measured) {
    ImGui::PushTextWrapPos(300 * scale);
    ImGui::TextWrapped("%s", why.c_str());
    ImGui::PopTextWrapPos();
  } else {
    const struct {
      const char* label;
      double mm;
    } rows[] = {{"Head circumference", measured->circumference_mm},
                {"Ear to ear over vertex", measured->ear_to_ear_over_vertex_mm},
                {"Glabella to inion over vertex", measured->glabella_to_inion_over_vertex_mm},
                {"Glabella to vertex", measured->glabella_to_vertex_mm}};
    if (ImGui::BeginTable("figures", 2)) {
      for (const auto& row : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.label);
        ImGui::TableNextColumn();
        ImGui::Text("%5.1f cm", row.mm / 10.0);
      }
      ImGui::EndTable();
    }
    ImGui::TextDisabled("Along the skin; circumference as a tape\nthrough glabella and inion.");
  }
  ImGui::End();
}

}  // namespace smp
