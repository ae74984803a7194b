#include "ui/export_panel.h"

#include <imgui.h>

#include "ui/text_input.h"

namespace smp {

ExportPanelRequest draw_export_panel(ExportPanelState& state, int session_count) {
  ExportPanelRequest request;
  if (!state.open) return request;
  const float scale = ImGui::GetStyle().ItemSpacing.y / 4.0f;
  const ImGuiIO& io = ImGui::GetIO();
  // Anchored at the bottom middle, growing upwards as messages come.
  ImGui::SetNextWindowPos(ImVec2(0.5f * io.DisplaySize.x, io.DisplaySize.y - 10 * scale), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(430 * scale, 0), ImVec2(430 * scale, io.DisplaySize.y));
  ImGui::Begin("Export session guide", &state.open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  ImGui::BeginDisabled(state.running);
  ImGui::TextUnformatted("Sessions");
  for (int k = 0; k < session_count; ++k) {
    ImGui::SameLine();
    ImGui::Checkbox(("##session" + std::to_string(k + 1)).c_str(), &state.sessions[std::size_t(k)]);
    ImGui::SameLine(0, 2 * scale);
    ImGui::Text("%d", k + 1);
  }
  ImGui::TextUnformatted("Formats ");
  ImGui::SameLine();
  ImGui::Checkbox("PDF", &state.pdf);
  ImGui::SameLine();
  ImGui::Checkbox("PNG", &state.png);
  ImGui::SameLine();
  ImGui::Checkbox("SVG", &state.svg);
  ImGui::SameLine();
  ImGui::Checkbox("CSV", &state.csv);
  ImGui::SameLine();
  ImGui::Checkbox("JSON", &state.json);
  ImGui::TextUnformatted("        ");
  ImGui::SameLine();
  ImGui::Checkbox("Schedule (.ics)", &state.ics);
  ImGui::SameLine();
  ImGui::Checkbox("Care sheets", &state.care);
  ImGui::SameLine();
  ImGui::Checkbox("Consultation", &state.summary);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The one-page consultation record: intake, flags, plan, quote, signatures");
  ImGui::SetNextItemWidth(140 * scale);
  ImGui::Combo("Paper", &state.paper, "A4\0US Letter\0");
  ImGui::SetNextItemWidth(140 * scale);
  int look = int(state.preview.mode);
  if (ImGui::Combo("Preview", &look, "Fresh\0Healed\0Years later\0")) state.preview.mode = Preview(look);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Each session's page shows the scalp as it will look: healed (a month), just tattooed, or years on");
  if (state.preview.mode == Preview::Years) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120 * scale);
    ImGui::SliderFloat("##years", &state.preview.years, 0.0f, 10.0f, "%.0f years");
  }
  ImGui::Checkbox("Leave out the patient's name, notes and photos", &state.anonymise);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("For a guide shared outside the clinic: no name, ID or notes in the PDF or the design file");
  input_text("Folder", state.folder, 1024);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The guide's own folder: made new, or replaced whole once the new guide is complete.");
  bool any_session = false;
  for (int k = 0; k < session_count; ++k) any_session = any_session || state.sessions[std::size_t(k)];
  const bool any_format = state.pdf || state.png || state.svg || state.csv || state.json || state.ics || state.care || state.summary;
  ImGui::BeginDisabled(!any_session || !any_format || state.folder.empty());
  if (ImGui::Button("Export")) request.start = true;
  ImGui::EndDisabled();
  ImGui::EndDisabled();
  if (state.running) {
    ImGui::SameLine();
    if (ImGui::Button("Cancel (Esc)")) request.cancel = true;
    ImGui::ProgressBar(state.progress, ImVec2(-1, 0), state.step.c_str());
  } else if (!state.written.empty()) {
    ImGui::SameLine();
    if (ImGui::Button("Open folder")) request.open_folder = true;
  }
  if (!state.message.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 410 * scale);
    if (state.message_is_error) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", state.message.c_str());
    else ImGui::TextUnformatted(state.message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
  return request;
}

}  // namespace smp
