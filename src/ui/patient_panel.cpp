#include "ui/patient_panel.h"

#include <imgui.h>

namespace smp {

PatientPanelRequest draw_patient_panel(PatientPanelState& state, bool fitted) {
  PatientPanelRequest request;
  const float scale = ImGui::GetStyle().ItemSpacing.y / 4.0f;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10 * scale, io.DisplaySize.y - 10 * scale), ImGuiCond_Always, ImVec2(1, 1));
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  ImGui::Begin("Patient's tape measurements", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  ImGui::PushItemWidth(110 * scale);
  ImGui::InputFloat("Head circumference", &state.circumference_cm, 0.1f, 1.0f, "%.1f cm");
  ImGui::InputFloat("Ear to ear over vertex", &state.ear_to_ear_cm, 0.1f, 1.0f, "%.1f cm");
  ImGui::InputFloat("Glabella to inion over vertex", &state.glabella_to_inion_cm, 0.1f, 1.0f, "%.1f cm");
  ImGui::PopItemWidth();
  if (ImGui::Button("Fit head to these"))
    request.fit = TapeMeasurements{state.circumference_cm * 10.0, state.ear_to_ear_cm * 10.0, state.glabella_to_inion_cm * 10.0};
  if (fitted) {
    ImGui::SameLine();
    request.reset = ImGui::Button("Original head");
  }
  if (!state.result.empty()) {
    ImGui::PushTextWrapPos(360 * scale);
    ImGui::TextWrapped("%s", state.result.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
  return request;
}

}  // namespace smp
