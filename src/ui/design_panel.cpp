#include "ui/design_panel.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "design/screening.h"
#include "design/session_dates.h"
#include "ui/text_input.h"

namespace smp {
namespace {

constexpr float kPanelWidth = 390.0f;

void help(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void file_section(Design& design, DesignPanelState& state, const DesignPanelInfo& info, DesignPanelRequest& request) {
  input_text("Name", design.name);
  input_text("File", state.path, 1024);
  help("A design file (.json). Relative paths start in the folder the program was started from.");
  if (ImGui::Button("Open (Ctrl+O)")) request.open = true;
  ImGui::SameLine();
  if (ImGui::Button(info.dirty ? "Save* (Ctrl+S)" : "Save (Ctrl+S)")) request.save = true;
  ImGui::SameLine();
  if (ImGui::Button("New")) request.new_design = true;
  ImGui::BeginDisabled(!info.can_undo);
  if (ImGui::Button("Undo (Ctrl+Z)")) request.undo = true;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!info.can_redo);
  if (ImGui::Button("Redo (Ctrl+Shift+Z)")) request.redo = true;
  ImGui::EndDisabled();
  if (ImGui::Button("Export session guide... (Ctrl+E)")) request.export_guide = true;
  if (!state.presets.empty()) {
    std::vector<std::string> names;
    for (const auto& p : state.presets) names.push_back(p.stem().string());
    state.preset = std::clamp(state.preset, 0, int(names.size()) - 1);
    if (ImGui::BeginCombo("Preset", names[std::size_t(state.preset)].c_str())) {
      for (int i = 0; i < int(names.size()); ++i)
        if (ImGui::Selectable(names[std::size_t(i)].c_str(), i == state.preset)) state.preset = i;
      ImGui::EndCombo();
    }
    help("Norwood and Ludwig presets set the hairline and where the dots go; style-... presets set the hairline only.");
    if (ImGui::Button("Apply preset")) request.apply_preset = true;
    ImGui::SameLine();
    if (ImGui::Button("Save as preset")) request.save_preset = true;
  }
  if (!state.message.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    if (state.message_is_error) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", state.message.c_str());
    else ImGui::TextDisabled("%s", state.message.c_str());
    ImGui::PopTextWrapPos();
  }
}

void hairline_section(HairlineDesign& h) {
  ImGui::SliderFloat("Height", &h.height_mm, 50.0f, 110.0f, "%.1f mm");
  help("Mid-frontal point above the glabella, along the skin (DOMAIN: about 80 mm).");
  ImGui::SliderFloat("Temple recession", &h.temple_recession_mm, -10.0f, 30.0f, "%.1f mm");
  help("How far the temple corners sit back from the frontotemporal landmarks.");
  ImGui::SliderFloat("Corner position", &h.corner_offset_mm, -20.0f, 20.0f, "%+.1f mm");
  help("The corners out (+) or in (-) from the line up from the outer eye corner.");
  ImGui::SliderFloat("Corner rounding", &h.corner_rounding, 0.0f, 1.0f, "%.2f");
  ImGui::SliderFloat("Widow's peak", &h.widow_peak_depth_mm, 0.0f, 15.0f, h.widow_peak_depth_mm > 0 ? "%.1f mm" : "off");
  if (h.widow_peak_depth_mm > 0.0f) ImGui::SliderFloat("Peak width", &h.widow_peak_width_mm, 5.0f, 60.0f, "%.0f mm");
  ImGui::SliderFloat("Asymmetry", &h.asymmetry_mm, -10.0f, 10.0f, "%+.1f mm");
  help("The patient's left side higher (+) or lower (-) than the right.");
  ImGui::SliderFloat("Waves", &h.wave_mm, 0.0f, 6.0f, "%.1f mm");
  help("Large-scale irregularity of the line (about 15 mm long waves).");
  ImGui::SliderFloat("Jitter", &h.jitter_mm, 0.0f, 3.0f, "%.1f mm");
  help("Small-scale irregularity (about 3 mm).");
  ImGui::SliderFloat("Transition", &h.transition_mm, 3.0f, 20.0f, "%.1f mm");
  help("Width of the soft edge: sparser, single-needle, lighter dots (DOMAIN: 5-10 mm).");
  ImGui::SliderFloat("Falloff", &h.transition_falloff, 0.5f, 3.0f, "%.2f");
  help("How density rises across the transition: 1 evenly, higher slow then fast.");
  ImGui::SliderFloat("Strays ahead", &h.stray_percent, 0.0f, 20.0f, "%.0f %%");
  help("Isolated dots ahead of the line, as a share of the edge's density.");
  ImGui::InputInt("Pattern", &h.seed);
  help("Another number gives another irregularity pattern.");
}

void density_section(Design& design, const DesignPanelInfo& info) {
  if (ImGui::BeginTable("density", 3, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("zone", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("density", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("dots", ImGuiTableColumnFlags_WidthFixed);
    for (std::size_t z = 1; z < kZoneCount; ++z) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(zone_label(static_cast<Zone>(z)).data());
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      ImGui::PushID(int(z));
      ImGui::SliderFloat("##d", &design.zone_density[z], 0.0f, kMaxZoneDensity, "%.0f dots/cm2");
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::Text("%6zu", info.zone_dots[z]);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("dots planned in this zone (%.1f cm2 on this head)", info.zone_area_cm2[z]);
    }
    ImGui::EndTable();
  }
}

void sessions_section(Design& design, const DesignPanelInfo& info) {
  int count = int(design.sessions.size());
  if (ImGui::SliderInt("Sessions", &count, 1, kMaxSessions)) {
    // Spread the cumulative shares evenly when the number changes; each keeps its own settings.
    const SessionDesign last = design.sessions.back();
    design.sessions.resize(std::size_t(count), last);
    for (int k = 0; k < count; ++k) design.sessions[std::size_t(k)].cumulative_percent = 100.0f * float(k + 1) / float(count);
  }
  const std::vector<std::string> dates = planned_session_dates(design);
  for (std::size_t k = 0; k < design.sessions.size(); ++k) {
    SessionDesign& s = design.sessions[k];
    ImGui::PushID(int(k));
    ImGui::Separator();
    ImGui::Text("Session %zu: %zu new dots%s%s", k + 1, k < info.session_dots.size() ? info.session_dots[k] : std::size_t(0),
                k < dates.size() ? ", on " : "", k < dates.size() ? dates[k].c_str() : "");
    const float low = k == 0 ? 5.0f : design.sessions[k - 1].cumulative_percent + 1.0f;
    const float high = k + 1 == design.sessions.size() ? 100.0f : design.sessions[k + 1].cumulative_percent - 1.0f;
    if (k + 1 == design.sessions.size()) ImGui::TextDisabled("Reaches 100%% of the target density");
    else ImGui::SliderFloat("Reaches", &s.cumulative_percent, low, high, "%.0f %% of target");
    ImGui::SliderFloat("Pigment", &s.pigment_percent, 5.0f, 100.0f, "%.0f %% in the mix");
    if (ImGui::BeginCombo("Needle", needle_spec(s.needle).label.data())) {
      for (int n = 0; n < kNeedleCount; ++n) {
        const Needle needle = static_cast<Needle>(n);
        char item[96];
        std::snprintf(item, sizeof item, "%s: %.2f mm dot, %.2f mm healed", needle_spec(needle).label.data(), double(fresh_dot_mm(needle)),
                      double(healed_dot_mm(needle)));
        if (ImGui::Selectable(item, needle == s.needle)) s.needle = needle;
      }
      ImGui::EndCombo();
    }
    if (k > 0) ImGui::SliderInt("Days after the last", &s.interval_days, 4, 30, "%d days");
    else input_text("Date (YYYY-MM-DD)", design.first_session_date, 16);
    // Its own hairline: never above the session before's, and the last one is the design's.
    if (k + 1 < design.sessions.size()) {
      const float most = k == 0 ? 15.0f : design.sessions[k - 1].hairline_raise_mm;
      ImGui::SliderFloat("Hairline higher by", &s.hairline_raise_mm, 0.0f, most, "%.1f mm");
      help("This session's hairline sits this far above the design's: the first session is the most conservative. "
           "Dots in front of it wait for a later session. Ctrl+click to type.");
      s.hairline_raise_mm = std::clamp(s.hairline_raise_mm, 0.0f, most);
    } else {
      ImGui::TextDisabled("Hairline: the design's own");
    }
    ImGui::SliderFloat("Needle angle", &s.needle_angle_deg, 15.0f, 90.0f, "%.0f deg to the skin");
    input_text("Depth", s.depth_note, 256);
    if (k < info.session_minutes.size()) ImGui::TextDisabled("About %.0f min at the chair (%.0f dots a minute)", info.session_minutes[k], info.dots_per_minute);
    ImGui::PopID();
  }
}

void paint_section(Design& design, PaintTool& tool) {
  int mode = static_cast<int>(tool.mode);
  ImGui::RadioButton("Off", &mode, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Add", &mode, 1);
  ImGui::SameLine();
  ImGui::RadioButton("Remove", &mode, 2);
  ImGui::SameLine();
  ImGui::RadioButton("Scar", &mode, 3);
  tool.mode = static_cast<PaintMode>(mode);
  if (tool.mode != PaintMode::Off) ImGui::TextDisabled("Left drag on the head paints; drag beside the head to turn it.");
  ImGui::SliderFloat("Brush radius", &tool.radius_mm, 2.0f, 40.0f, "%.0f mm");
  if (tool.mode != PaintMode::Scar) ImGui::SliderFloat("Strength", &tool.strength_per_cm2, 5.0f, 100.0f, "%.0f dots/cm2");
  ImGui::Text("%zu strokes", design.strokes.size());
  ImGui::SameLine();
  ImGui::BeginDisabled(design.strokes.empty());
  if (ImGui::SmallButton("Remove the last")) design.strokes.pop_back();
  ImGui::SameLine();
  if (ImGui::SmallButton("Remove all")) design.strokes.clear();
  ImGui::EndDisabled();
  for (std::size_t k = 0; k < design.scars.size(); ++k) {
    ScarDesign& scar = design.scars[k];
    ImGui::PushID(int(1000 + k));
    ImGui::Separator();
    input_text("Scar", scar.name);
    ImGui::SliderFloat("Density", &scar.density_per_cm2, 0.0f, kMaxZoneDensity, "%.0f dots/cm2");
    if (ImGui::BeginCombo("Needle", needle_spec(scar.needle).label.data())) {
      for (int n = 0; n < kNeedleCount; ++n)
        if (ImGui::Selectable(needle_spec(static_cast<Needle>(n)).label.data(), static_cast<Needle>(n) == scar.needle)) scar.needle = static_cast<Needle>(n);
      ImGui::EndCombo();
    }
    ImGui::SliderFloat("Pigment", &scar.pigment_percent, 5.0f, 100.0f, "%.0f %% in the mix");
    bool remove = ImGui::SmallButton("Remove this scar");
    ImGui::PopID();
    if (remove) {
      design.scars.erase(design.scars.begin() + std::ptrdiff_t(k));
      break;
    }
  }
}

// A key in a list of keys as a checkbox.
void key_checkbox(const char* label, std::vector<std::string>& keys, std::string_view key) {
  const auto at = std::find(keys.begin(), keys.end(), key);
  bool on = at != keys.end();
  if (ImGui::Checkbox(label, &on)) {
    if (on) keys.emplace_back(key);
    else keys.erase(at);
  }
}

void patient_section(PatientDesign& p) {
  input_text("Name or ID", p.id);
  ImGui::InputInt("Age", &p.intake.age_years, 1, 5);
  p.intake.age_years = std::clamp(p.intake.age_years, 0, 120);
  help("Years; 0 until asked. SMP is for adults (18 and over).");
  ImGui::SliderInt("Fitzpatrick type", &p.fitzpatrick_type, 1, 6);
  input_text("Hair colour", p.hair_colour);
  ImGui::Separator();
  ImGui::TextDisabled("Came for");
  for (const IntakeChoice& reason : intake_reasons()) key_checkbox(reason.label.data(), p.intake.reasons, reason.key);
  ImGui::Separator();
  ImGui::TextDisabled("Screening: has, takes or had recently");
  for (const ConditionInfo& condition : intake_conditions()) {
    key_checkbox(condition.choice.label.data(), p.intake.conditions, condition.choice.key);
    help(condition.why.data());
  }
  input_text("Medication", p.intake.medication, 512);
  ImGui::Separator();
  ImGui::TextDisabled("Before photos: PNG or JPEG files, shown beside the head and in the guide");
  for (const char* view : kPhotoViews) {
    const auto at = std::find_if(p.photos.begin(), p.photos.end(), [&](const BeforePhoto& photo) { return photo.view == view; });
    std::string file = at == p.photos.end() ? "" : at->file;
    const std::string label = std::string("Photo, ") + view;
    if (!input_text(label.c_str(), file, 1024)) continue;
    if (file.empty() && at != p.photos.end()) p.photos.erase(at);
    else if (!file.empty() && at != p.photos.end()) at->file = file;
    else if (!file.empty()) p.photos.push_back({view, file});
  }
  const std::vector<ScreeningFlag> flags = screen_intake(p.intake);
  ImGui::PushTextWrapPos(0.0f);
  for (const ScreeningFlag& flag : flags) {
    const ImVec4 colour = flag.level == FlagLevel::DoNotTreat ? ImVec4(1.0f, 0.4f, 0.35f, 1.0f) : ImVec4(1.0f, 0.72f, 0.3f, 1.0f);
    ImGui::TextColored(colour, "! %s: %s", flag.title.c_str(), std::string(flag_level_words(flag.level)).c_str());
    ImGui::TextDisabled("%s", flag.why.c_str());
  }
  if (flags.empty() && (p.intake.age_years > 0 || !p.intake.reasons.empty())) ImGui::TextDisabled("No screening flags.");
  ImGui::PopTextWrapPos();
  input_text("Notes", p.notes, 2048);
}

// The quote from the areas measured on the head, and the clinic's price list that makes it.
void quote_section(DesignPanelState& state, const DesignPanelInfo& info, DesignPanelRequest& request) {
  if (info.quote) {
    const Quote& quote = *info.quote;
    ImGui::Text("Measured: %.1f cm2 treated, %.1f cm2 of it scar tissue", info.area.treated_cm2, info.area.scar_cm2);
    if (ImGui::BeginTable("quote", 2, ImGuiTableFlags_SizingStretchProp)) {
      for (const QuoteLine& line : quote.lines) {
        ImGui::TableNextColumn();
        ImGui::Text("%s: %g %s x %s", line.what.c_str(), line.quantity, line.unit.c_str(), money_text(line.unit_price, quote.currency).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s", money_text(line.amount, quote.currency).c_str());
      }
      ImGui::TableNextColumn();
      ImGui::Text(quote.minimum_applied ? "Total (minimum fee)" : "Total");
      ImGui::TableNextColumn();
      ImGui::Text("%s", money_text(quote.total, quote.currency).c_str());
      ImGui::EndTable();
    }
  } else {
    ImGui::TextDisabled("The quote appears once the head's dots are ready.");
  }
  if (ImGui::TreeNode("Clinic price list and pace")) {
    ClinicSettings& c = state.clinic;
    bool changed = input_text("Clinic", c.clinic_name);
    changed |= input_text("Currency", c.prices.currency, 8);
    changed |= ImGui::InputDouble("Per session", &c.prices.per_session, 10.0, 50.0, "%.2f");
    changed |= ImGui::InputDouble("Per cm2 treated", &c.prices.per_cm2, 0.1, 1.0, "%.2f");
    changed |= ImGui::InputDouble("Scar, extra per cm2", &c.prices.scar_extra_per_cm2, 0.1, 1.0, "%.2f");
    changed |= ImGui::InputDouble("Minimum fee", &c.prices.minimum, 10.0, 100.0, "%.2f");
    changed |= ImGui::InputDouble("Pace", &c.dots_per_minute, 5.0, 20.0, "%.0f dots a minute");
    c.prices.per_session = std::max(0.0, c.prices.per_session), c.prices.per_cm2 = std::max(0.0, c.prices.per_cm2);
    c.prices.scar_extra_per_cm2 = std::max(0.0, c.prices.scar_extra_per_cm2), c.prices.minimum = std::max(0.0, c.prices.minimum);
    c.dots_per_minute = std::clamp(c.dots_per_minute, 5.0, 1000.0);
    state.clinic_dirty |= changed;
    ImGui::BeginDisabled(!state.clinic_dirty);
    if (ImGui::Button("Keep these settings")) request.save_settings = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("(kept for every design)");
    ImGui::TreePop();
  }
}

}  // namespace

DesignPanelRequest draw_design_panel(Design& design, DesignPanelState& state, const DesignPanelInfo& info) {
  DesignPanelRequest request;
  const ImGuiIO& io = ImGui::GetIO();
  const float scale = ImGui::GetStyle().ItemSpacing.y / 4.0f;
  const float top = 190.0f * scale, bottom = 50.0f * scale;
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10 * scale, top), ImGuiCond_Always, ImVec2(1, 0));
  ImGui::SetNextWindowSize(ImVec2(kPanelWidth * scale, std::max(200.0f * scale, io.DisplaySize.y - top - bottom)), ImGuiCond_Always);
  ImGui::Begin("Design", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
  ImGui::PushItemWidth(-150.0f * scale);
  if (!info.warnings.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    for (const std::string& warning : info.warnings) ImGui::TextColored(ImVec4(1.0f, 0.72f, 0.3f, 1.0f), "! %s", warning.c_str());
    ImGui::PopTextWrapPos();
  }
  if (ImGui::CollapsingHeader("File and presets", ImGuiTreeNodeFlags_DefaultOpen)) file_section(design, state, info, request);
  if (ImGui::CollapsingHeader("Hairline", ImGuiTreeNodeFlags_DefaultOpen)) hairline_section(design.hairline);
  if (ImGui::CollapsingHeader("Density per zone")) density_section(design, info);
  if (ImGui::CollapsingHeader("Paint density and scars")) paint_section(design, state.paint);
  if (ImGui::CollapsingHeader("Sessions")) sessions_section(design, info);
  if (ImGui::CollapsingHeader("Patient and screening")) patient_section(design.patient);
  if (ImGui::CollapsingHeader("Quote")) quote_section(state, info, request);
  ImGui::PopItemWidth();
  request.covered_width = ImGui::GetWindowWidth() + 10 * scale;
  ImGui::End();
  return request;
}

}  // namespace smp
