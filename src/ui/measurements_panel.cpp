#include "ui/measurements_panel.h"

#include <string>

#include <imgui.h>

namespace smp {

void draw_measurements_panel(const std::optional<HeadMeasurements>& measured, const ScalpZones* zones, const std::string& why) {
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
    if (zones && ImGui::CollapsingHeader("Scalp zones")) {
      if (ImGui::BeginTable("zones", 2)) {
        for (std::size_t z = 1; z < kZoneCount; ++z) {
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          const glm::vec3 c = zone_colour(Zone(z));
          ImGui::ColorButton("##swatch", ImVec4(c.r, c.g, c.b, 1), ImGuiColorEditFlags_NoTooltip, ImVec2(10 * scale, 10 * scale));
          ImGui::SameLine();
          ImGui::TextUnformatted(std::string(zone_label(Zone(z))).c_str());
          ImGui::TableNextColumn();
          ImGui::Text("%6.1f cm2", zones->area_mm2[z] / 100.0);
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("Whole scalp");
        ImGui::TableNextColumn();
        ImGui::Text("%6.1f cm2", zones->scalp_area_mm2 / 100.0);
        ImGui::EndTable();
      }
    }
  }
  ImGui::End();
}

}  // namespace smp
