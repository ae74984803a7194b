#include "app/export_runner.h"

#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>

extern char** environ;

namespace smp {
namespace {

ExportOptions options_from(const ExportPanelState& panel, const Design& design, const ClinicSettings& clinic) {
  ExportOptions options;
  options.clinic = clinic;
  options.out = panel.folder;
  options.paper = panel.paper == 1 ? "letter" : "a4";
  options.preview = panel.preview;
  options.anonymise = panel.anonymise;
  options.formats.clear();
  const std::pair<bool, const char*> formats[] = {{panel.pdf, "pdf"}, {panel.png, "png"},   {panel.svg, "svg"},   {panel.csv, "csv"},
                                                  {panel.json, "json"}, {panel.ics, "ics"}, {panel.care, "care"}, {panel.summary, "summary"}};
  for (const auto& [wanted, name] : formats)
    if (wanted) options.formats.push_back(name);
  for (int k = 1; k <= int(design.sessions.size()); ++k)
    if (panel.sessions[std::size_t(k - 1)]) options.sessions.push_back(k);
  return options;
}

void say(ExportPanelState& panel, const std::string& message, bool error) {
  panel.message = message;
  panel.message_is_error = error;
}

}  // namespace

void ExportRunner::handle(const ExportPanelRequest& request, ExportPanelState& panel, const Design& design, const GuideHead* head,
                          const ClinicSettings& clinic) {
  if (request.cancel) cancel(panel, "Cancelled: nothing was written.");
  if (request.start && !job_) {
    if (!head) return say(panel, "The head and its dots are still being prepared; export again in a moment.", true);
    try {
      job_ = std::make_unique<GuideExport>(design, *head, options_from(panel, design, clinic));
      panel.running = true;
      panel.progress = 0.0f;
      panel.step = job_->next_step();
      panel.written.clear();
      say(panel, "", false);
    } catch (const std::exception& e) {
      say(panel, std::string("Not exported: ") + e.what(), true);
    }
  }
  if (request.open_folder && !panel.written.empty()) {
    // The desktop's file manager, left running on its own.
    std::string folder = panel.written;
    char opener[] = "xdg-open";
    char* argv[] = {opener, folder.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0)
      say(panel, "No file manager to open here (xdg-open is missing); the guide is in " + panel.written, true);
    else
      openers_.push_back(pid);
  }
}

void ExportRunner::step(ExportPanelState& panel) {
  std::erase_if(openers_, [](int pid) { return waitpid(pid, nullptr, WNOHANG) != 0; });
  if (!job_) return;
  try {
    job_->step();
  } catch (const std::exception& e) {
    job_.reset();  // removes what it had written
    panel.running = false;
    return say(panel, std::string("Not exported: ") + e.what(), true);
  }
  panel.progress = float(job_->progress());
  panel.step = job_->next_step();
  if (job_->done()) {
    panel.written = job_->folder().string();
    say(panel, "Guide written to " + panel.written, false);
    job_.reset();
    panel.running = false;
  }
}

void ExportRunner::cancel(ExportPanelState& panel, const std::string& why) {
  if (!job_) return;
  job_.reset();
  panel.running = false;
  say(panel, why, false);
}

}  // namespace smp
