#include "ui/training_panel.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "ui/text_input.h"

namespace smp {
namespace {

constexpr float kWidth = 430.0f;

void result_section(TrainingPanelState& state, TrainingPanelRequest& request, float scale) {
  const DesignScore& score = *state.result;
  const ImVec4 good(0.55f, 0.9f, 0.55f, 1.0f), bad(1.0f, 0.5f, 0.4f, 1.0f);
  ImGui::TextColored(score.perfect() ? good : score.total >= 75 ? ImVec4(1.0f, 0.85f, 0.4f, 1.0f) : bad, "Score %.0f / 100%s", score.total,
                     score.perfect() ? ": matches the reference" : "");
  if (ImGui::Checkbox("Show the reference's hairline (green; yours orange)", &state.show_reference)) request.show_reference_changed = true;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (kWidth - 20) * scale);
  for (const ScoreFault& f : score.faults) ImGui::TextColored(bad, "%s: %s", f.key.c_str(), f.reason.c_str());
  if (state.map_texture && ImGui::TreeNode("On the scalp map")) {
    const float width = (kWidth - 40) * scale, height = width * float(state.map_size.y) / float(std::max(1, state.map_size.x));
    ImGui::Image(reinterpret_cast<ImTextureID>(state.map_texture), ImVec2(width, height));
    ImGui::TextDisabled("The front half, from above, forehead up; the patient's left on the left.");
    ImGui::TreePop();
  }
  if (ImGui::TreeNode("Every score")) {
    for (const ScoreItem& i : score.items) {
      ImGui::TextColored(i.pass ? good : bad, "%s  %.1f %s", i.name.c_str(), i.value, i.unit.c_str());
      if (!i.pass) ImGui::TextDisabled("  %s", i.reason.c_str());
    }
    ImGui::TreePop();
  }
  ImGui::PopTextWrapPos();
}

}  // namespace

TrainingPanelRequest draw_training_panel(TrainingPanelState& state) {
  TrainingPanelRequest request;
  const float scale = ImGui::GetStyle().ItemSpacing.y / 4.0f;
  const ImGuiIO& io = ImGui::GetIO();
  // Bottom middle, below the scalp the trainee works on, collapsed until wanted; it grows upwards.
  ImGui::SetNextWindowPos(ImVec2(0.5f * io.DisplaySize.x, io.DisplaySize.y - 10 * scale), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(kWidth * scale, 0), ImVec2(kWidth * scale, io.DisplaySize.y - 20 * scale));
  ImGui::SetNextWindowCollapsed(!state.exercising && !state.result, ImGuiCond_Once);
  if (!ImGui::Begin("Training", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
    ImGui::End();
    return request;
  }
  ImGui::PushItemWidth(260 * scale);
  const char* preview = state.selected >= 0 && state.selected < int(state.case_names.size()) ? state.case_names[std::size_t(state.selected)].c_str()
                                                                                           : "Choose a case...";
  if (ImGui::BeginCombo("Case", preview)) {
    for (int i = 0; i < int(state.case_names.size()); ++i)
      if (ImGui::Selectable(state.case_names[std::size_t(i)].c_str(), i == state.selected)) state.selected = i, request.select = true;
    ImGui::EndCombo();
  }
  if (input_text("Trainee", state.trainee, 64)) request.trainee_changed = true;
  ImGui::PopItemWidth();
  if (state.selected >= 0) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (kWidth - 20) * scale);
    ImGui::TextWrapped("%s", state.brief.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button("Start from a blank design")) request.start = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Replaces the design on show (Ctrl+Z brings it back)");
    ImGui::SameLine();
    if (ImGui::Button("Submit (Ctrl+Enter)")) request.submit = true;
    if (state.result) result_section(state, request, scale);
    if (!state.attempts.empty()) {
      char label[64];
      std::snprintf(label, sizeof label, "%zu attempt(s), last %.0f", state.attempts.size(), double(state.attempts.back()));
      ImGui::PlotLines("##attempts", state.attempts.data(), int(state.attempts.size()), 0, label, 0.0f, 100.0f, ImVec2((kWidth - 20) * scale, 60 * scale));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s's scores at this case, 0-100, oldest first", state.trainee.c_str());
    }
  }
  if (ImGui::TreeNode("New case from the design on show (trainers)")) {
    ImGui::PushItemWidth(260 * scale);
    input_text("Name", state.new_name, 128);
    input_text("Pattern", state.new_pattern, 64);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("e.g. Norwood III, Ludwig II, FUT strip scar");
    ImGui::InputInt("Age (years)", &state.new_age);
    input_text("Wishes", state.new_wishes, 512);
    ImGui::TextDisabled("How far a trainee may stray and still be right:");
    ScoreTolerances& t = state.new_tolerances;
    ImGui::SliderFloat("Hairline, mean", &t.hairline_mean_mm, 1.0f, 10.0f, "%.1f mm");
    ImGui::SliderFloat("Hairline, largest", &t.hairline_max_mm, 2.0f, 20.0f, "%.1f mm");
    ImGui::SliderFloat("Symmetry", &t.symmetry_mm, 0.5f, 8.0f, "%.1f mm");
    ImGui::SliderFloat("Transition width", &t.transition_mm, 1.0f, 10.0f, "%.1f mm");
    ImGui::SliderFloat("Density per zone", &t.density_percent, 5.0f, 50.0f, "%.0f %%");
    ImGui::SliderFloat("After a session", &t.session_percent, 5.0f, 40.0f, "%.0f %% pts");
    ImGui::SliderFloat("Dilution", &t.dilution_percent, 5.0f, 40.0f, "%.0f %% pts");
    ImGui::SliderFloat("Interval", &t.interval_days, 1.0f, 14.0f, "%.0f days");
    ImGui::PopItemWidth();
    ImGui::BeginDisabled(state.new_name.empty());
    if (ImGui::Button("Save as reference case")) request.save_reference = true;
    ImGui::EndDisabled();
    ImGui::TreePop();
  }
  if (!state.message.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (kWidth - 20) * scale);
    if (state.message_is_error) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", state.message.c_str());
    else ImGui::TextDisabled("%s", state.message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
  return request;
}

}  // namespace smp
