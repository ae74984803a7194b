#pragma once
// Writing one session guide a step at a time (one view of every session, the PDF, the maps, the
// data...), so the window can show progress and cancel between steps, and the command line runs
// the same steps in a loop. Everything goes into a hidden folder beside the chosen one and moves
// into place at the end: a failure or a cancel leaves no half guide behind.
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/commands.h"
#include "app/design_dots.h"
#include "app/guide_measures.h"
#include "core/camera.h"
#include "core/view_settings.h"
#include "export/guide_pdf.h"
#include "export/pdf_page.h"

namespace smp {

class SceneRenderer;
class EdgeSmoothingPass;
class RenderTarget;

// The prepared head a guide is drawn on; the guide keeps references, so it must outlive it.
struct GuideHead {
  const Mesh& mesh;
  const Landmarks& landmarks;
  const Anatomy& anatomy;
  const GeodesicDistance& geodesic;
  DesignDots& designed;
  std::string note;  // which head, for the cover
};

class GuideExport {
 public:
  // Checks the request (InputError naming the option) and makes the hidden folder (runtime_error
  // naming the folder). Pictures (png, pdf) need a current OpenGL 3.3 context at every step.
  GuideExport(const Design& design, const GuideHead& head, const ExportOptions& options);
  ~GuideExport();  // unfinished: waits for writes in flight, then removes the hidden folder
  GuideExport(const GuideExport&) = delete;
  GuideExport& operator=(const GuideExport&) = delete;

  bool done() const { return next_ == steps_.size(); }
  double progress() const { return steps_.empty() ? 1.0 : double(next_) / double(steps_.size()); }
  const std::string& next_step() const;  // what step() does next, for a progress line
  // Does the next step; throws on failure (the hidden folder goes when this is destroyed).
  void step();
  const std::filesystem::path& folder() const { return out_; }

 private:
  bool wants(const std::string& format) const;
  void prepare();
  void plan_sessions();  // the dots, distances and maps of each session: no OpenGL
  ViewSettings view_settings() const;
  OrbitCamera view_camera(View view) const;
  void draw_head_layer(View view);  // the view's head, kept in target_ for its sessions' dots
  void draw_view(View view);
  void draw_healed();
  // `image`, saved as `name` (PNG) and, when `in_guide` is given, put there for the PDFs (and,
  // `encode_for_guide`, encoded as guide.pdf embeds it).
  void keep_picture(const std::string& name, Image image, Image* in_guide, bool encode_for_guide = true);
  void start_guide_pdf();
  void write_svg_maps();
  void write_schedule();
  void write_consultation();
  Paper paper() const;
  void finish();

  const Design design_;
  const GuideHead head_;
  const ExportOptions options_;
  std::vector<int> sessions_;
  std::filesystem::path out_, partial_;
  std::vector<std::pair<std::string, std::function<void()>>> steps_;
  std::size_t next_ = 0;
  bool finished_ = false;

  GuideMeasures measures_;
  HairlineDistances distances_;
  DesignDots::Result made_;
  GuideContents guide_;
  std::vector<std::vector<DotInstance>> session_dots_;
  std::vector<HairlineDistances> session_distances_;  // each session's own hairline's
  std::vector<std::vector<Marker>> session_beads_;
  std::unique_ptr<SceneRenderer> renderer_;
  std::unique_ptr<RenderTarget> target_;
  std::unique_ptr<EdgeSmoothingPass> smoothing_;
  std::optional<View> head_layer_;  // the view whose head target_ keeps, drawn ahead by prepare()
  glm::vec2 pigment_low_{}, pigment_high_{};
  int pigment_size_ = 0;
  std::vector<std::future<void>> writes_;  // pictures being encoded; get() passes on their errors
  pdf::PictureEncodings encodings_;        // the guide's pictures as its pages embed them
  std::vector<std::future<void>> encodes_;  // into encodings_, each as soon as its picture is made
  // guide.pdf is written while the healed pictures are drawn: how many are there, or stop waiting.
  std::mutex healed_mutex_;
  std::condition_variable healed_drawn_;
  std::size_t healed_count_ = 0;
  bool stopping_ = false;
};

}  // namespace smp
