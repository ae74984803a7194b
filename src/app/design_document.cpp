#include "app/design_document.h"

#include <cctype>

#include <imgui.h>

#include "app/design_io.h"
#include "core/input_error.h"

namespace smp {

DesignDocument::DesignDocument(const std::optional<std::filesystem::path>& path, const std::optional<Design>& opened)
    : design(opened ? *opened : Design{}), saved_(design), autosaved_(design) {
  panel.presets = list_presets();
  if (path) panel.path = path->string();
  if (std::filesystem::exists(recovery_path())) {
    try {
      recovered_ = read_design_file(recovery_path());
    } catch (const InputError&) {
      std::filesystem::remove(recovery_path());  // half a recovery file is no recovery
    }
  }
}

void DesignDocument::report(const std::string& message, bool error) {
  panel.message = message;
  panel.message_is_error = error;
}

bool DesignDocument::save(const DesignHead& head) {
  try {
    // The file also says which head it was designed on, and that head's landmarks.
    Design to_write = design;
    to_write.head_file = head.file;
    to_write.head_landmarks.clear();
    if (head.landmarks)
      for (Landmark l : kAllLandmarks) to_write.head_landmarks.emplace_back(std::string(landmark_key(l)), (*head.landmarks)[l]);
    write_design_file(panel.path, to_write);
    saved_ = design;
    report("Saved " + std::filesystem::absolute(panel.path).string(), false);
    return true;
  } catch (const std::exception& e) {
    report(std::string("Not saved: ") + e.what(), true);
    return false;
  }
}

bool DesignDocument::open(const DesignHead& head) {
  try {
    design = read_design_file(panel.path);
    saved_ = design;
    const std::string elsewhere = design.head_file.empty() ? std::string("the bundled head") : design.head_file;
    report("Opened " + std::filesystem::absolute(panel.path).string() +
               (design.head_file != head.file ? " (designed on " + elsewhere + ", shown on this head)" : ""),
           false);
    return true;
  } catch (const InputError& e) {
    report(std::string("Not opened (the design on show is unchanged): ") + e.what(), true);
    return false;
  }
}

void DesignDocument::apply_preset() {
  if (panel.presets.empty()) return;
  const std::filesystem::path& file = panel.presets[std::size_t(panel.preset)];
  try {
    const Design preset = read_design_file(file);
    if (file.stem().string().rfind("style-", 0) == 0) {
      design.hairline = preset.hairline;  // a hairline style: the rest of the design stays
    } else {
      const PatientDesign patient = design.patient;
      design = preset;
      design.patient = patient;
    }
    report("Applied " + file.stem().string() + " (Ctrl+Z undoes it)", false);
  } catch (const InputError& e) {
    report(e.what(), true);
  }
}

void DesignDocument::save_as_preset() {
  std::string slug;
  for (char c : design.name) slug += std::isalnum(static_cast<unsigned char>(c)) ? char(std::tolower(static_cast<unsigned char>(c))) : '-';
  const std::filesystem::path file = user_presets_dir() / (slug.empty() ? "preset.json" : slug + ".json");
  try {
    write_design_file(file, design);
    panel.presets = list_presets();
    report("Saved as a preset: " + file.string(), false);
  } catch (const std::exception& e) {
    report(std::string("Preset not saved: ") + e.what(), true);
  }
}

void DesignDocument::start_new() {
  design = Design{};
  report("A new design with the default settings (Ctrl+Z goes back)", false);
}

void DesignDocument::autosave() {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_autosave_ < std::chrono::seconds(30)) return;
  last_autosave_ = now;
  if (design == autosaved_) return;
  try {
    write_design_file(recovery_path(), design);
    autosaved_ = design;
  } catch (const std::exception& e) {
    report(std::string("Autosave failed: ") + e.what(), true);
  }
}

void DesignDocument::remove_recovery() {
  std::error_code ignored;
  // A recovery still on offer (closed before answering) is kept for the next start.
  if (!recovered_) std::filesystem::remove(recovery_path(), ignored);
}

bool DesignDocument::draw_questions(const DesignHead& head, bool accept_key, bool decline_key) {
  if (recovered_) {
    ImGui::OpenPopup("Recover design");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Recover design", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::Text("SMP Studio did not close cleanly last time.\nRecover the design \"%s\" as it was up to 30 s before?", recovered_->name.c_str());
      if (ImGui::Button("Recover (Enter)") || accept_key) {
        design = *recovered_;
        recovered_.reset();
        report("Recovered; save it to keep it (Ctrl+S)", false);
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Discard (Esc)") || decline_key) {
        recovered_.reset();
        remove_recovery();
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }
  }
  if (ask_before_closing_) ImGui::OpenPopup("Unsaved changes"), ask_before_closing_ = false;
  bool close = false;
  if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("\"%s\" has changes that are not saved.", design.name.c_str());
    if (ImGui::Button("Save and close")) {
      close = closing_confirmed_ = save(head);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Close without saving")) {
      close = closing_confirmed_ = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  return close;
}

std::string DesignDocument::title() const { return "SMP Studio - " + design.name + (dirty() ? " *" : "") + "  (" + panel.path + ")"; }

}  // namespace smp
