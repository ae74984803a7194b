#include "ui/view_panel.h"

#include <cfloat>
#include <cstdio>
#include <filesystem>

#include <imgui.h>

#include "core/ui_font.h"
#include "ui/text_input.h"

namespace smp {
namespace {

constexpr float kFontSizePx = 15.0f;
constexpr float kPanelWidth = 330.0f;

void skin_tone_section(ViewSettings& s, float scale) {
  const ImVec2 swatch(36 * scale, 28 * scale);
  ImGui::TextUnformatted("Skin tone (Fitzpatrick)");
  for (int type = 1; type <= kFitzpatrickTypes; ++type) {
    const glm::vec3 srgb = linear_to_srgb(fitzpatrick_skin_linear(type));
    const bool selected = !s.use_custom_skin && s.fitzpatrick_type == type;
    ImGui::PushID(type);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, selected ? 3.0f * scale : 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(1.0f, 0.8f, 0.2f, 1.0f));
    char tip[32];
    std::snprintf(tip, sizeof tip, "Type %s", fitzpatrick_label(type).data());
    if (ImGui::ColorButton(tip, ImVec4(srgb.r, srgb.g, srgb.b, 1.0f), ImGuiColorEditFlags_NoTooltip, swatch)) {
      s.fitzpatrick_type = type;
      s.use_custom_skin = false;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::PopID();
    if (type < kFitzpatrickTypes) ImGui::SameLine();
  }
  for (int type = 1; type <= kFitzpatrickTypes; ++type) {
    const float label_width = ImGui::CalcTextSize(fitzpatrick_label(type).data()).x;  // centred under its swatch
    ImGui::SetCursorPosX(ImGui::GetStyle().WindowPadding.x + float(type - 1) * (swatch.x + ImGui::GetStyle().ItemSpacing.x) +
                         0.5f * (swatch.x - label_width));
    ImGui::TextUnformatted(fitzpatrick_label(type).data());
    if (type < kFitzpatrickTypes) ImGui::SameLine();
  }
  ImGui::Checkbox("Custom colour", &s.use_custom_skin);
  if (s.use_custom_skin) {
    ImGui::SameLine();
    ImGui::ColorEdit3("##skin", &s.custom_skin_srgb.x, ImGuiColorEditFlags_NoInputs);
  }
}

void lighting_section(ViewSettings& s) {
  ImGui::SliderFloat("Key light", &s.key_light_intensity, 0.0f, 2.0f, "%.2f x");
  ImGui::SliderFloat("Key azimuth", &s.key_light_azimuth_deg, -90.0f, 90.0f, "%.0f deg");
  ImGui::SliderFloat("Key elevation", &s.key_light_elevation_deg, -30.0f, 90.0f, "%.0f deg");
  ImGui::SliderFloat("Fill light", &s.fill_light_intensity, 0.0f, 1.5f, "%.2f x");
  ImGui::SliderFloat("Rim light", &s.rim_light_intensity, 0.0f, 1.5f, "%.2f x");
  ImGui::SliderFloat("Ambient", &s.ambient_intensity, 0.0f, 1.0f, "%.2f x");
  if (ImGui::Button("Reset lighting")) {
    const ViewSettings defaults;
    s.key_light_intensity = defaults.key_light_intensity;
    s.key_light_azimuth_deg = defaults.key_light_azimuth_deg;
    s.key_light_elevation_deg = defaults.key_light_elevation_deg;
    s.fill_light_intensity = defaults.fill_light_intensity;
    s.rim_light_intensity = defaults.rim_light_intensity;
    s.ambient_intensity = defaults.ambient_intensity;
  }
}

void background_section(ViewSettings& s) {
  ImGui::ColorEdit3("Top", &s.background_top_srgb.x, ImGuiColorEditFlags_NoInputs);
  ImGui::SameLine(0, 24);
  ImGui::ColorEdit3("Bottom", &s.background_bottom_srgb.x, ImGuiColorEditFlags_NoInputs);
  if (ImGui::Button("Studio grey")) {
    const ViewSettings defaults;
    s.background_top_srgb = defaults.background_top_srgb;
    s.background_bottom_srgb = defaults.background_bottom_srgb;
  }
  ImGui::SameLine();
  if (ImGui::Button("White")) s.background_top_srgb = s.background_bottom_srgb = glm::vec3(1.0f);
  ImGui::SameLine();
  if (ImGui::Button("Black")) s.background_top_srgb = s.background_bottom_srgb = glm::vec3(0.0f);
}

void overlay_section(ViewSettings& s) {
  ImGui::Checkbox("Landmarks (L)", &s.show_landmarks);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Gold: midline. Blue: patient's left. Red: patient's right.");
  ImGui::SameLine();
  ImGui::Checkbox("Zones (Z)", &s.show_zones);
  ImGui::Checkbox("Hairline (H)", &s.show_hairline);
  ImGui::SameLine();
  ImGui::Checkbox("Density shadow (G)", &s.show_density);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The planned density as a shadow over the skin: where the dots go, seen from afar.");
  ImGui::Checkbox("Density heat map (K)", &s.show_heat);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The planned density in dots/cm\u00b2 as colours, with a scale at the bottom.");
  ImGui::Checkbox("Measurements (R)", &s.show_measurements);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Glabella to the hairline's centre along the skin, and the temple corners' heights above the glabella, in mm.");
}

void dots_section(ViewSettings& s, const FrameStats& stats) {
  ImGui::Checkbox("Show dots (D)", &s.show_dots);
  ImGui::TextDisabled("Density, needles and shade: the Design panel");
  static constexpr const char* kShown[] = {"All sessions", "Session 1", "Sessions 1-2", "Session 2 only", "Session 3 only"};
  static constexpr int kRange[][2] = {{0, 2}, {0, 0}, {0, 1}, {1, 1}, {2, 2}};
  int current = 0;
  for (int i = 0; i < 5; ++i)
    if (kRange[i][0] == s.dot_session_first && kRange[i][1] == s.dot_session_last) current = i;
  if (ImGui::Combo("Sessions", &current, kShown, 5)) s.dot_session_first = kRange[current][0], s.dot_session_last = kRange[current][1];
  ImGui::Checkbox("Colour by session", &s.colour_sessions);
  // What the patient will see: just tattooed, healed (about a month), or years later.
  int look = int(s.preview.mode);
  if (ImGui::Combo("Preview", &look, "Fresh (just tattooed)\0Healed (a month)\0After some years\0")) s.preview.mode = Preview(look);
  if (s.preview.mode == Preview::Years) {
    ImGui::SliderFloat("Years", &s.preview.years, 0.0f, 10.0f, "%.1f years");
    if (s.preview.years >= touch_up_years()) ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "Touch-up due (from about %.1f years)", touch_up_years());
    else ImGui::TextDisabled("Touch-up due at about %.1f years", touch_up_years());
    // Scars fade faster: their touch-up comes first.
    if (s.preview.years >= touch_up_years(true)) ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "On scars: touch-up due (from %.1f years)", touch_up_years(true));
    else ImGui::TextDisabled("On scars: at about %.1f years", touch_up_years(true));
  }
  ImGui::Checkbox("Before / after (B)", &s.split_before_after);
  if (s.split_before_after) ImGui::SliderFloat("Split", &s.split_at, 0.05f, 0.95f, "%.2f of the width");
  ImGui::Checkbox("Mirror (M)", &s.mirror);
  if (!stats.dots_note.empty()) ImGui::TextDisabled("%s", stats.dots_note.c_str());
}

void compare_section(ViewPanelRequest& request, CompareState& compare, float scale) {
  ImGui::PushItemWidth(-1);
  if (input_text("##compare", compare.path, 1024)) compare.message.clear();
  ImGui::PopItemWidth();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Another design file (JSON), e.g. a lower hairline, shown to the right of this one");
  request.compare_load = ImGui::Button(compare.active ? "Show this file instead" : "Compare side by side");
  if (compare.active) {
    ImGui::SameLine();
    request.compare_stop = ImGui::Button("Stop comparing");
  }
  if (!compare.message.empty()) {
    ImGui::PushTextWrapPos(300 * scale);
    ImGui::TextWrapped("%s", compare.message.c_str());
    ImGui::PopTextWrapPos();
  }
}

void head_section(ViewPanelRequest& request, const FrameStats& stats, float scale) {
  // A row per axis: a quarter turn for a scan that came in the wrong way up, nudges to level it.
  const char* axes[] = {"Nod (X)", "Shake (Y)", "Tilt (Z)"};
  for (int axis = 0; axis < 3; ++axis) {
    ImGui::PushID(axis);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(axes[axis]);
    ImGui::SameLine(80 * scale);
    for (float degrees : {90.0f, -5.0f, 5.0f}) {
      char label[16];
      std::snprintf(label, sizeof label, degrees == 90.0f ? "90 deg" : "%+.0f deg", double(degrees));
      if (ImGui::Button(label, ImVec2(62 * scale, 0))) request.turn_axis = axis, request.turn_degrees = degrees;
      ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::PopID();
  }
  ImGui::TextDisabled("The landmarks are found again after a quarter turn.\nDrag a landmark to move it on the skin;\nCtrl+Z undoes.");
  request.save_landmarks = ImGui::Button("Save landmarks");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Beside the mesh, as NAME.landmarks.json, with the head's orientation");
  if (!stats.saved_note.empty()) {
    ImGui::PushTextWrapPos(300 * scale);
    ImGui::TextWrapped("%s", stats.saved_note.c_str());
    ImGui::PopTextWrapPos();
  }
}

void quality_section(ViewSettings& s) {
  static constexpr int kSamples[] = {0, 2, 4, 8};
  static constexpr const char* kLabels[] = {"Off", "2x", "4x", "8x"};
  int current = 0;
  for (int i = 0; i < 4; ++i)
    if (kSamples[i] == s.msaa_samples) current = i;
  if (ImGui::Combo("Anti-aliasing", &current, kLabels, 4)) s.msaa_samples = kSamples[current];
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Smooths the head's outline; lower it if turning the head feels slow");
}

void camera_section(ViewPanelRequest& request, float scale) {
  struct Button { const char* label; View view; const char* key; };
  static constexpr Button kButtons[] = {{"Front", View::Front, "1"}, {"Back", View::Back, "2"},
                                        {"Left", View::Left, "3"},   {"Right", View::Right, "4"},
                                        {"Top", View::Top, "5"},     {"3/4", View::ThreeQuarter, "6"}};
  for (std::size_t i = 0; i < std::size(kButtons); ++i) {
    if (ImGui::Button(kButtons[i].label, ImVec2(92 * scale, 0))) request.view = kButtons[i].view;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Key %s", kButtons[i].key);
    if (i % 3 != 2) ImGui::SameLine();
  }
  if (ImGui::Button("Frame head (F)", ImVec2(-1, 0))) request.frame_head = true;
  ImGui::TextDisabled("Left drag: orbit   Right/middle drag: pan\nWheel: zoom toward the cursor");
}

void stats_section(const FrameStats& stats) {
  ImGui::Text("Frame time   %.1f ms (%.0f fps)", double(stats.frame_ms), stats.frame_ms > 0 ? 1000.0 / double(stats.frame_ms) : 0.0);
  ImGui::Text("Triangles    %zu", stats.triangles);
  ImGui::Text("Vertices     %zu", stats.vertices);
  ImGui::Text("Framebuffer  %d x %d px (scale %.2f)", stats.framebuffer.x, stats.framebuffer.y, double(stats.content_scale));
  ImGui::TextWrapped("Renderer     %s", stats.gl_renderer.c_str());
  if (!stats.head_note.empty()) ImGui::TextWrapped("Head         %s", stats.head_note.c_str());
  if (!stats.landmarks_note.empty()) ImGui::TextWrapped("Landmarks    %s", stats.landmarks_note.c_str());
}

}  // namespace

void setup_imgui_style(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // panel layout is the program's, not a file in the working folder
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.Colors[ImGuiCol_WindowBg].w = 0.92f;
  style.ScaleAllSizes(scale);
  if (std::filesystem::exists(kUiFontPath)) io.Fonts->AddFontFromFileTTF(kUiFontPath, kFontSizePx * scale);
  else io.FontGlobalScale = scale;  // the built-in bitmap font, enlarged
}

ViewPanelRequest draw_view_panel(ViewSettings& settings, const FrameStats& stats, CompareState& compare) {
  ViewPanelRequest request;
  const float scale = ImGui::GetStyle().ItemSpacing.y / 4.0f;  // ScaleAllSizes scaled the default 4 px
  ImGui::SetNextWindowPos(ImVec2(10 * scale, 10 * scale), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(kPanelWidth * scale, 0), ImGuiCond_FirstUseEver);
  // A fixed width, so the head (centred beside the panel) never jumps when a line of text grows;
  // never taller than the window: a short window scrolls the panel instead of cutting it off.
  ImGui::SetNextWindowSizeConstraints(ImVec2(kPanelWidth * scale, 0),
                                      ImVec2(kPanelWidth * scale, ImGui::GetIO().DisplaySize.y - 20 * scale));
  ImGui::Begin("View", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushItemWidth(150 * scale);
  if (ImGui::CollapsingHeader("Skin", ImGuiTreeNodeFlags_DefaultOpen)) skin_tone_section(settings, scale);
  if (ImGui::CollapsingHeader("Lighting", ImGuiTreeNodeFlags_DefaultOpen)) lighting_section(settings);
  if (ImGui::CollapsingHeader("Background")) background_section(settings);
  if (ImGui::CollapsingHeader("Camera", ImGuiTreeNodeFlags_DefaultOpen)) camera_section(request, scale);
  if (ImGui::CollapsingHeader("Show", ImGuiTreeNodeFlags_DefaultOpen)) overlay_section(settings);
  if (ImGui::CollapsingHeader("Dots", ImGuiTreeNodeFlags_DefaultOpen)) dots_section(settings, stats);
  if (ImGui::CollapsingHeader("Compare designs", compare.active ? ImGuiTreeNodeFlags_DefaultOpen : 0)) compare_section(request, compare, scale);
  if (ImGui::CollapsingHeader("Head")) head_section(request, stats, scale);
  if (ImGui::CollapsingHeader("Quality")) quality_section(settings);
  if (ImGui::CollapsingHeader("Statistics", ImGuiTreeNodeFlags_DefaultOpen)) stats_section(stats);
  ImGui::PopItemWidth();
  const ImVec2 position = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  const bool docked_left = position.x < 0.25f * ImGui::GetIO().DisplaySize.x && !ImGui::IsWindowCollapsed();
  request.covered_width = docked_left ? position.x + size.x + 10 * scale : 0.0f;
  ImGui::End();
  return request;
}

}  // namespace smp
