#include "app/guide_export.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <signal.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>

#include "app/design_io.h"
#include "app/pigment_view.h"
#include "core/input_error.h"
#include "core/session_colours.h"
#include "design/design_file.h"
#include "design/session_dates.h"
#include "export/calendar_ics.h"
#include "export/care_sheets_pdf.h"
#include "export/consultation_pdf.h"
#include "export/scalp_map_svg.h"
#include "design/screening.h"
#include "io/atomic_file.h"
#include "io/png.h"
#include "render/edge_smoothing_pass.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"

namespace smp {
namespace {

// An export killed part way leaves its hidden .NAME.partial-PID folder behind (never a folder that
// looks finished); the next export into the same place clears those whose process is gone.
void remove_abandoned_partials(const std::filesystem::path& out) {
  const std::string prefix = "." + out.filename().string() + ".partial-";
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(out.parent_path(), error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const pid_t pid = pid_t(std::atol(name.c_str() + prefix.size()));
    if (pid > 0 && kill(pid, 0) != 0 && errno == ESRCH) std::filesystem::remove_all(entry.path(), error);
  }
}

constexpr View kGuideViews[] = {View::Front, View::Left, View::Right, View::Top, View::Back};
// pdf: the guide; png/svg: pictures and maps; csv/json: data; ics: the schedule; care: the patient's
// care sheets; summary: the one-page consultation record.
const std::set<std::string> kFormats{"pdf", "png", "svg", "csv", "json", "ics", "care", "summary"};
constexpr const char* kFormatList = "pdf, png, svg, csv, json, ics, care, summary";
// Guides show earlier sessions' dots in the shader's grey.
constexpr float kEarlierSession = float(kEarlierSessionColour);

std::string view_key(View view) {
  switch (view) {
    case View::Front: return "front";
    case View::Back: return "back";
    case View::Left: return "left";
    case View::Right: return "right";
    case View::Top: return "top";
    default: return "three-quarter";
  }
}


// The design as a guide shared outside the clinic carries it: no name or ID, no notes (the skin
// type stays: the pictures and the shade depend on it).
Design without_patient(Design design) {
  design.patient.id.clear();
  design.patient.notes.clear();
  design.patient.intake.medication.clear();
  design.patient.photos.clear();  // a face identifies a patient more surely than a name
  return design;
}

// The dots up to session `last` (0-based) as a guide shows them: this session's new dots in its
// colour, the earlier sessions' in grey, later ones not at all.
std::vector<DotInstance> dots_up_to(const std::vector<DotInstance>& all, int last) {
  std::vector<DotInstance> dots;
  for (DotInstance d : all) {
    if (d.session > float(last)) continue;
    if (d.session < float(last)) d.session = kEarlierSession;
    dots.push_back(d);
  }
  return dots;
}

std::string dots_csv(const DesignDots::Result& made) {
  std::string csv = "x_mm,y_mm,z_mm,normal_x,normal_y,normal_z,session,zone,size_mm,shade\n";
  char row[256];
  for (std::size_t i = 0; i < made.instances.size(); ++i) {
    const DotInstance& d = made.instances[i];
    std::snprintf(row, sizeof row, "%.3f,%.3f,%.3f,%.4f,%.4f,%.4f,%d,%s,%.3f,%.3f\n", double(d.position.x), double(d.position.y),
                  double(d.position.z), double(d.normal.x), double(d.normal.y), double(d.normal.z), int(d.session) + 1,
                  std::string(zone_key(made.zones[i])).c_str(), double(d.diameter_mm), double(d.shade));
    csv += row;
  }
  return csv;
}

}  // namespace

GuideExport::GuideExport(const Design& design, const GuideHead& head, const ExportOptions& options)
    : design_(options.anonymise ? without_patient(design) : design), head_(head), options_(options), measures_(head.landmarks, head.anatomy, head.geodesic, head.designed) {
  for (const std::string& format : options.formats)
    if (!kFormats.count(format)) throw InputError("--formats: '" + format + "' is not a format (" + kFormatList + ")");
  if (options.formats.empty()) throw InputError(std::string("--formats: choose at least one of ") + kFormatList);
  sessions_ = options.sessions;
  if (sessions_.empty())
    for (int k = 1; k <= int(design.sessions.size()); ++k) sessions_.push_back(k);
  for (int k : sessions_)
    if (k < 1 || k > int(design.sessions.size()))
      throw InputError("--sessions: the design has sessions 1-" + std::to_string(design.sessions.size()) + ", not " + std::to_string(k));

  out_ = std::filesystem::absolute(options.out);
  partial_ = out_.parent_path() / ("." + out_.filename().string() + ".partial-" + std::to_string(getpid()));
  std::error_code error;
  std::filesystem::remove_all(partial_, error);  // left by an earlier export from this process
  remove_abandoned_partials(out_);
  std::filesystem::create_directories(out_.parent_path(), error);
  if (!std::filesystem::create_directory(partial_, error))
    throw std::runtime_error(out_.parent_path().string() + ": cannot write the guide here (" + error.message() + ")");

  steps_.emplace_back("Making the dots", [this] { prepare(); });
  if (wants("png") || wants("pdf"))
    for (View view : kGuideViews) steps_.emplace_back("Drawing the " + view_key(view) + " view", [this, view] { draw_view(view); });
  // The longest file, as soon as the views are drawn: on the other core, while this one draws the
  // healed pictures (each session's page waits for its own) and writes the rest below; finish()
  // waits for it.
  if (wants("pdf")) steps_.emplace_back("guide.pdf", [this] { start_guide_pdf(); });
  if (wants("png") || wants("pdf")) steps_.emplace_back("Drawing each session as the patient will see it", [this] { draw_healed(); });
  if (wants("summary")) steps_.emplace_back("consultation.pdf", [this] { write_consultation(); });
  if (wants("care"))
    steps_.emplace_back("care-sheets.pdf", [this] {
      write_care_sheets_pdf(partial_ / "care-sheets.pdf", care_sheets_for(design_, options_.clinic.clinic_name), paper());
    });
  if (wants("ics")) {
    if (planned_session_dates(design_).empty()) steps_.emplace_back("schedule.ics: left out, the design has no first session date", [] {});
    else steps_.emplace_back("schedule.ics", [this] { write_schedule(); });
  }
  if (wants("svg")) steps_.emplace_back("Scalp maps (SVG)", [this] { write_svg_maps(); });
  if (wants("csv")) steps_.emplace_back("dots.csv", [this] { write_file_atomically(partial_ / "dots.csv", dots_csv(made_)); });
  if (wants("json")) steps_.emplace_back("design.json", [this] { write_file_atomically(partial_ / "design.json", design_to_json(design_)); });
  steps_.emplace_back(wants("pdf") ? "Finishing guide.pdf, moving the guide into place" : "Moving the guide into place", [this] { finish(); });
}

GuideExport::~GuideExport() {
  {
    const std::lock_guard lock(healed_mutex_);
    stopping_ = true;  // a guide.pdf waiting for a healed picture that will not come gives up
  }
  healed_drawn_.notify_all();
  for (auto* futures : {&writes_, &encodes_})
    for (auto& future : *futures)
      if (future.valid()) future.wait();
  if (!finished_) {
    std::error_code ignored;
    std::filesystem::remove_all(partial_, ignored);
  }
}

const std::string& GuideExport::next_step() const {
  static const std::string none = "done";
  return done() ? none : steps_[next_].first;
}

void GuideExport::step() {
  if (done()) return;
  const std::size_t at = next_++;
  try {
    steps_[at].second();
  } catch (const std::runtime_error& e) {
    next_ = steps_.size();  // no more steps after a failure
    // The user knows the guide's folder, not the hidden one it is written in first.
    std::string what = e.what();
    const std::string hidden = partial_.string() + "/";
    if (const auto at_hidden = what.find(hidden); at_hidden != std::string::npos) {
      const auto colon = what.find(": ", at_hidden);
      const std::string file = what.substr(at_hidden + hidden.size(), colon - at_hidden - hidden.size());
      what = out_.string() + ": the guide was not written, nothing was changed: " + file +
             (colon == std::string::npos ? std::string() : what.substr(colon));
      throw std::runtime_error(what);
    }
    throw;
  } catch (...) {
    next_ = steps_.size();
    throw;
  }
}

bool GuideExport::wants(const std::string& format) const {
  return std::find(options_.formats.begin(), options_.formats.end(), format) != options_.formats.end();
}

void GuideExport::prepare() {
  // The dots, measures and maps on the other core while this one readies the renderer and draws
  // the first view's head, which needs no dots; neither touches what the other makes.
  auto planned = std::async(std::launch::async, [this] { plan_sessions(); });
  if (wants("png") || wants("pdf")) {
    renderer_ = std::make_unique<SceneRenderer>();
    renderer_->set_head(head_.mesh);
    // Single-sampled, the head's edges smoothed as it is kept: the software renderer takes about
    // twice as long over a multisampled head, and the smoothed silhouette looks the same in print.
    target_ = std::make_unique<RenderTarget>(options_.size.x, options_.size.y, 0);
    smoothing_ = std::make_unique<EdgeSmoothingPass>();
    const PigmentFrame frame = pigment_frame(head_.mesh, head_.anatomy);
    renderer_->set_pigment_uv(frame.uvw);
    // The healed pictures are small (the scalp a few hundred pixels across): 2 texels a mm is
    // plenty, and a quarter the size bakes and mipmaps many times faster.
    pigment_low_ = frame.low_mm, pigment_high_ = frame.high_mm, pigment_size_ = std::max(256, frame.size / 4);
    draw_head_layer(kGuideViews[0]);
  }
  planned.get();
}

void GuideExport::plan_sessions() {
  made_ = head_.designed.make(design_);
  distances_ = measures_.distances(design_);
  guide_.design = &design_;
  guide_.head_note = head_.note;
  if (options_.preview.mode == Preview::Fresh) guide_.preview_caption = "just tattooed (fresh)";
  if (options_.preview.mode == Preview::Years) {
    char caption[80];
    std::snprintf(caption, sizeof caption, "%g years after the last session", double(options_.preview.years));
    guide_.preview_caption = caption;
  }
  guide_.flags = screen_intake(design_.patient.intake);
  if (wants("pdf") || wants("summary")) guide_.before_photos = read_before_photos(design_);
  guide_.area = head_.designed.treated_area(design_);
  guide_.quote = make_quote(options_.clinic.prices, guide_.area);
  guide_.clinic_name = options_.clinic.clinic_name;
  guide_.dots_per_minute = options_.clinic.dots_per_minute;
  const std::vector<std::string> dates = planned_session_dates(design_);
  for (int k : sessions_) {
    session_dots_.push_back(dots_up_to(made_.instances, k - 1));
    GuideSession page;
    page.number = k;
    // The views' pictures stay where they are put: PNG writes read them there (keep_picture).
    page.views.reserve(std::size(kGuideViews));
    page.new_dots = made_.counts.in_session(std::size_t(k - 1));
    page.date = std::size_t(k - 1) < dates.size() ? dates[std::size_t(k - 1)] : "";
    // Each session's own hairline: its distances and its beads on the views.
    const Design session_view = with_session_hairline(design_, std::size_t(k - 1));
    page.hairline_mm = session_view.hairline.height_mm;
    // A session on the design's own line has the design's distances (measured once above).
    session_distances_.push_back(session_view.hairline == design_.hairline ? distances_ : measures_.distances(session_view));
    std::vector<Marker> beads;
    for (const glm::vec3& p : head_.designed.hairline_points(session_view)) beads.push_back({p, glm::vec3(1.0f, 0.97f, 0.9f)});
    session_beads_.push_back(std::move(beads));
    guide_.sessions.push_back(std::move(page));
  }
  if (wants("pdf")) {
    guide_.hairline_template = measures_.hairline_template(design_);
    guide_.distances_note = measures_.distances_note(distances_);
    for (std::size_t i = 0; i < guide_.sessions.size(); ++i) guide_.sessions[i].distances_note = measures_.distances_note(session_distances_[i]);
    guide_.map = measures_.map(head_.mesh, design_, 2.0);
    for (GuideSession& page : guide_.sessions) {
      measures_.add_session_map(page, design_, made_);
      page.map_hairline = measures_.map_hairline(with_session_hairline(design_, std::size_t(page.number - 1)));
    }
  }
}

void GuideExport::start_guide_pdf() {
  // Every view is drawn by now; the healed pictures are not, and are encoded by guide.pdf itself.
  guide_.await_healed = [this](std::size_t session) {
    std::unique_lock lock(healed_mutex_);
    healed_drawn_.wait(lock, [&] { return healed_count_ > session || stopping_; });
    if (healed_count_ <= session) throw std::runtime_error("guide.pdf: stopped before its pictures were drawn");
  };
  writes_.push_back(std::async(std::launch::async, [this, views = std::move(encodes_)]() mutable {
    for (auto& encode : views) encode.get();
    write_guide_pdf(partial_ / "guide.pdf", guide_, paper(), &encodings_);
  }));
  encodes_.clear();
}

void GuideExport::draw_healed() {
  // Three-quarter, closer to the scalp, at half the views' size: the pigment as the patient
  // will see it a month after each session, all sessions so far together.
  const glm::ivec2 size = options_.size / 2;
  RenderTarget target(size.x, size.y, 0);  // smoothed instead of multisampled, as the views
  OrbitCamera camera = camera_for_view(bounds_of(head_.mesh), View::ThreeQuarter, float(size.x) / float(size.y));
  camera.target += 0.7f * (head_.landmarks[Landmark::Vertex] - camera.target);
  camera.distance /= 2.2f;
  ViewSettings settings;
  settings.fitzpatrick_type = design_.patient.fitzpatrick_type;
  settings.use_custom_skin = design_.patient.use_sampled_skin;
  settings.custom_skin_srgb = design_.patient.sampled_skin_srgb;
  settings.show_hairline = false;
  settings.preview = options_.preview;
  settings.background_top_srgb = settings.background_bottom_srgb = glm::vec3(1.0f);  // paper
  for (std::size_t i = 0; i < sessions_.size(); ++i) {
    settings.dot_session_first = 0;
    settings.dot_session_last = sessions_[i] - 1;
    renderer_->set_pigment(bake_pigment(ink_dots(made_.instances, made_.plane_mm, settings, made_.on_scar, made_.skin_metric), pigment_low_, pigment_high_, pigment_size_, inflamed_mm(settings.preview)));
    target.bind();
    renderer_->render(camera, settings, size);
    target.keep_layer(smoothing_.get());
    Image image = target.resolve_and_read();
    std::string look = preview_name(options_.preview);  // healed, fresh, years-5
    std::replace(look.begin(), look.end(), ':', '-');
    const std::string name = "session-" + std::to_string(sessions_[i]) + "-" + look + ".png";
    keep_picture(name, std::move(image), wants("pdf") ? &guide_.sessions[i].healed : nullptr, false);
    {
      const std::lock_guard lock(healed_mutex_);
      ++healed_count_;
    }
    healed_drawn_.notify_all();
  }
  renderer_->clear_pigment();  // the views draw each dot in its session's colour
}

ViewSettings GuideExport::view_settings() const {
  ViewSettings settings;
  settings.fitzpatrick_type = design_.patient.fitzpatrick_type;
  settings.use_custom_skin = design_.patient.use_sampled_skin;
  settings.custom_skin_srgb = design_.patient.sampled_skin_srgb;
  settings.show_hairline = true;
  settings.colour_sessions = true;  // a map for the artist: this session's dots must stand out
  settings.dot_session_last = int(kEarlierSession);
  settings.map_dot_px = 0.0035f * float(options_.size.x);  // big enough to see on a printed page
  settings.background_top_srgb = settings.background_bottom_srgb = glm::vec3(1.0f);  // paper
  return settings;
}

OrbitCamera GuideExport::view_camera(View view) const {
  // The scalp fills the picture: closer, and centred between the head's middle and its vertex.
  OrbitCamera camera = camera_for_view(bounds_of(head_.mesh), view, float(options_.size.x) / float(options_.size.y));
  camera.target += 0.45f * (head_.landmarks[Landmark::Vertex] - camera.target);
  camera.distance /= view == View::Top ? 1.25f : 1.6f;
  return camera;
}

void GuideExport::draw_head_layer(View view) {
  target_->bind();
  renderer_->render_head(view_camera(view), view_settings(), options_.size);
  target_->keep_layer(smoothing_.get());
  head_layer_ = view;
}

void GuideExport::draw_view(View view) {
  // The head is drawn once and kept (perhaps by an earlier step, which may have drawn elsewhere
  // since); each session's dots go onto a copy of it.
  const bool kept_earlier = head_layer_ == view;
  if (!kept_earlier) draw_head_layer(view);
  head_layer_.reset();
  const ViewSettings settings = view_settings();
  const OrbitCamera camera = view_camera(view);
  for (std::size_t i = 0; i < sessions_.size(); ++i) {
    if (i > 0 || kept_earlier) target_->restore_layer();
    renderer_->set_dots(session_dots_[i]);
    renderer_->set_hairline(session_beads_[i]);
    // On the front: glabella to this session's hairline centre, its corners' heights.
    std::vector<ViewDimension> marks;
    if (view == View::Front) marks = hairline_marks(session_distances_[i], camera, options_.size);
    renderer_->render_on_skin(camera, settings, options_.size);
    Image image = target_->resolve_and_read();
    const std::string name = "session-" + std::to_string(sessions_[i]) + "-" + view_key(view) + ".png";
    std::vector<GuideView>& views = guide_.sessions[i].views;
    if (wants("pdf")) views.push_back({view_key(view), Image(), marks});
    keep_picture(name, std::move(image), wants("pdf") ? &views.back().picture : nullptr);
  }
}

void GuideExport::keep_picture(const std::string& name, Image image, Image* in_guide, bool encode_for_guide) {
  // The other core encodes the PNG (and guide.pdf's JPEG) while this one draws the next picture.
  // They read one copy: a copy of each picture also cost the first touch of 7 MB of fresh memory.
  if (in_guide) *in_guide = std::move(image);
  if (in_guide && encode_for_guide) {
    encodes_.push_back(std::async(std::launch::async, [this, in_guide, w = guide_picture_width(paper())] { encodings_.add(*in_guide, w); }));
  }
  if (!wants("png")) return;
  const std::filesystem::path path = partial_ / name;
  if (in_guide) writes_.push_back(std::async(std::launch::async, [path, in_guide] { write_png(path, *in_guide); }));
  else writes_.push_back(std::async(std::launch::async, [path, image = std::move(image)] { write_png(path, image); }));
}

Paper GuideExport::paper() const { return options_.paper == "letter" ? Paper::Letter : Paper::A4; }

void GuideExport::write_schedule() {
  const std::vector<std::string> dates = planned_session_dates(design_);
  std::vector<ScheduledSession> events;
  const int count = int(design_.sessions.size());
  for (int k : sessions_) {
    const SessionDesign& plan = design_.sessions[std::size_t(k - 1)];
    const double minutes = double(made_.counts.in_session(std::size_t(k - 1))) / options_.clinic.dots_per_minute;
    char description[256];
    std::snprintf(description, sizeof description, "%s: session %d of %d, about %.0f min at the chair.\nNeedle %s, %.0f%% pigment.",
                  design_.name.c_str(), k, count, minutes, needle_spec(plan.needle).label.data(), double(plan.pigment_percent));
    std::string summary = "SMP session " + std::to_string(k) + " of " + std::to_string(count);
    if (!options_.clinic.clinic_name.empty()) summary += " at " + options_.clinic.clinic_name;
    if (!design_.patient.id.empty()) summary += " (" + design_.patient.id + ")";
    events.push_back({dates[std::size_t(k - 1)], summary, description});
  }
  std::string uid = design_.name + "-" + design_.first_session_date;
  for (char& c : uid)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
  write_file_atomically(partial_ / "schedule.ics", calendar_ics(events, uid, ics_stamp_now()));
}

void GuideExport::write_consultation() {
  ConsultationSummary summary;
  summary.design = &design_;
  summary.clinic_name = options_.clinic.clinic_name;
  summary.date = today_iso();
  summary.flags = guide_.flags;
  summary.area = guide_.area;
  summary.quote = guide_.quote ? *guide_.quote : Quote{};
  summary.dots_per_minute = options_.clinic.dots_per_minute;
  summary.before_photos = guide_.before_photos;
  const std::vector<std::string> dates = planned_session_dates(design_);
  for (std::size_t k = 0; k < design_.sessions.size(); ++k) {
    const SessionDesign& plan = design_.sessions[k];
    const std::size_t dots = made_.counts.in_session(k);
    summary.plan.push_back({int(k + 1), k < dates.size() ? dates[k] : "", double(session_hairline(design_, k).height_mm),
                            std::string(needle_spec(plan.needle).label), double(plan.needle_angle_deg), double(plan.pigment_percent), dots,
                            double(dots) / options_.clinic.dots_per_minute});
  }
  // The finished design: healed, as the patient will see it, then where the dots go (front, side).
  if (!guide_.sessions.empty()) {
    const GuideSession& last = guide_.sessions.back();
    if (!last.healed.empty()) summary.views.emplace_back("as it will look, " + guide_.preview_caption, &last.healed);
    for (const GuideView& view : last.views)
      if (view.caption == "front" || view.caption == "left") summary.views.emplace_back("the dots, " + view.caption, &view.picture);
  }
  write_consultation_pdf(partial_ / "consultation.pdf", summary, paper());
}

void GuideExport::write_svg_maps() {
  // The chart's scalp edge and designed hairline as polylines, the landmarks, then per session its
  // dots over the earlier ones.
  ScalpMapSvg map;
  const DesignDots& designed = head_.designed;
  for (int i = 0; i < 360; ++i) {
    const double theta = -3.14159265358979 + 2.0 * 3.14159265358979 * i / 360.0;
    map.scalp_edge.push_back({designed.scalp_edge().radius_at(theta), theta});
  }
  for (Landmark l : kAllLandmarks)
    if (const PolarPoint p = chart_point(head_.anatomy.chart, head_.geodesic, head_.landmarks[l]); p.r < 250.0)
      map.landmarks.emplace_back(std::string(landmark_label(l)), p);
  for (int k : sessions_) {
    const glm::vec3 colour = session_colour_srgb(k);
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", int(255 * colour.r + 0.5f), int(255 * colour.g + 0.5f), int(255 * colour.b + 0.5f));
    map.session_colour = hex;
    map.title = design_.name + " - session " + std::to_string(k) + " (" + std::to_string(made_.counts.in_session(std::size_t(k - 1))) + " new dots)";
    map.earlier_dots.clear(), map.session_dots.clear(), map.session_dot_mm.clear(), map.hairline.clear();
    // This session's own hairline.
    const HairlineShape shape = designed.hairline(with_session_hairline(design_, std::size_t(k - 1)));
    const double reach = std::max(std::abs(shape.left_corner().theta), std::abs(shape.right_corner().theta)) + 0.3;
    for (double theta = -reach; theta <= reach; theta += 0.01) map.hairline.push_back({shape.edge_r(theta), theta});
    for (std::size_t i = 0; i < made_.instances.size(); ++i) {
      const int session = int(made_.instances[i].session) + 1;
      if (session < k) map.earlier_dots.push_back(made_.chart[i]);
      if (session == k) map.session_dots.push_back(made_.chart[i]), map.session_dot_mm.push_back(made_.instances[i].diameter_mm);
    }
    write_file_atomically(partial_ / ("scalp-map-session-" + std::to_string(k) + ".svg"), scalp_map_svg(map));
  }
}

void GuideExport::finish() {
  for (auto& write : writes_) write.get();
  writes_.clear();
  replace_folder_atomically(partial_, out_);
  finished_ = true;
}

}  // namespace smp
