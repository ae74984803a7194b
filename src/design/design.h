#pragma once
// The design: everything the practitioner decides, as plain data. One schema for the UI, the
// design file and the command line; the dots, warnings and guides are all computed from it.
// Lengths in mm along the skin, densities in dots/cm2, shares in percent.
#include <array>
#include <string>
#include <vector>

#include <glm/vec3.hpp>

#include "core/needle.h"
#include "head/scalp_zones.h"

namespace smp {

constexpr int kDesignSchemaVersion = 1;

struct HairlineDesign {
  float height_mm = 80.0f;           // mid-frontal point above the glabella (DOMAIN: about 8 cm)
  float temple_recession_mm = 5.0f;  // how far the temple corners sit back from the landmarks
  float corner_offset_mm = 0.0f;     // corners moved out (+) or in (-) from the outer-eye-corner line
  float corner_rounding = 0.5f;      // 0: a straight front meeting sharp corners, 1: one soft curve
  float widow_peak_depth_mm = 0.0f;  // 0: none (the default); how far the peak comes forward
  float widow_peak_width_mm = 20.0f;
  float asymmetry_mm = 0.0f;         // the patient's left side higher (+) or lower (-) than the right
  float wave_mm = 1.5f;              // large-scale irregularity (waves about 15 mm long)
  float jitter_mm = 0.5f;            // small-scale irregularity (about 3 mm long)
  float transition_mm = 8.0f;        // width of the soft edge, 3-20 (DOMAIN: 0.5-1 cm)
  float transition_falloff = 1.5f;   // how density rises across it: 1 even, 3 slow then fast
  float stray_percent = 4.0f;        // isolated dots ahead of the line, % of the edge's density
  int seed = 1;                      // the irregularity's pattern
  bool operator==(const HairlineDesign&) const = default;
};

struct SessionDesign {
  float cumulative_percent = 100.0f;  // of the target density reached after this session
  float pigment_percent = 60.0f;      // share of pigment in the mix: lighter first
  Needle needle = Needle::Triple020;
  int interval_days = 12;             // after the session before (DOMAIN: 7-14)
  // This session's own front hairline sits this far above the design's (session 1 highest and
  // most conservative; 0: the design's line). Dots ahead of it wait for a later session.
  float hairline_raise_mm = 0.0f;
  float needle_angle_deg = 90.0f;     // to the skin: 90 straight in; shallower (45-60) at the soft edge
  std::string depth_note = "upper dermis, shallow: no bleeding";
  bool operator==(const SessionDesign&) const = default;
};

// Density painted on the skin: a stroke is a chain of dabs, each adding (or, negative, removing)
// dots/cm2 within its radius, fading out towards the rim. For thin patches and crowns.
struct BrushStroke {
  std::vector<glm::vec3> dabs;  // mm, on the skin
  float radius_mm = 10.0f;
  float change_per_cm2 = 20.0f;
  bool operator==(const BrushStroke&) const = default;
};

// Scar tissue takes pigment differently: inside a scar (painted like a stroke) the density,
// needle and pigment are the scar's own.
struct ScarDesign {
  std::string name = "Scar";
  std::vector<glm::vec3> dabs;
  float radius_mm = 6.0f;
  float density_per_cm2 = 60.0f;
  Needle needle = Needle::Single020;
  float pigment_percent = 45.0f;
  bool operator==(const ScarDesign&) const = default;
};

// The clinic's intake: why the patient came and what argues against treatment or needs a doctor
// first (design/screening.h has the keys, their words and why each matters).
struct IntakeDesign {
  int age_years = 0;                   // 0: not asked yet
  std::vector<std::string> reasons;    // screening.h kReasons keys, e.g. "receding"
  std::vector<std::string> conditions; // screening.h kConditions keys, e.g. "anticoagulants"
  std::string medication;              // as the patient gave it
  bool operator==(const IntakeDesign&) const = default;
};

// A photo of the patient before treatment, taken from one side: the file stays where the clinic
// keeps it; the design names it (a path relative to the design file's folder, or absolute).
struct BeforePhoto {
  std::string view;  // front, left, right, top or back
  std::string file;
  bool operator==(const BeforePhoto&) const = default;
};
inline constexpr const char* kPhotoViews[] = {"front", "left", "right", "top", "back"};

struct PatientDesign {
  std::string id;                      // name or ID; optional
  int fitzpatrick_type = 2;            // 1..6
  bool use_sampled_skin = false;       // a colour sampled from the patient instead of the type
  glm::vec3 sampled_skin_srgb{0.85f, 0.68f, 0.58f};
  std::string hair_colour = "dark brown";
  std::string notes;
  IntakeDesign intake;
  std::vector<BeforePhoto> photos;     // at most one per view
  bool operator==(const PatientDesign&) const = default;
};

struct Design {
  std::string name = "Untitled design";
  HairlineDesign hairline;
  std::array<float, kZoneCount> zone_density{};  // dots/cm2 per Zone (index 0, None, is unused)
  std::vector<SessionDesign> sessions;
  std::vector<BrushStroke> strokes;
  std::vector<ScarDesign> scars;
  PatientDesign patient;
  std::string first_session_date;  // YYYY-MM-DD, optional: the later sessions follow by their intervals
  // The head it was designed on: its file (empty: the bundled head) and the landmarks used, so a
  // guide can be made again on the same head and a design opened on another head says so.
  std::string head_file;
  std::vector<std::pair<std::string, glm::vec3>> head_landmarks;  // landmark key, mm

  Design();  // DOMAIN's defaults: natural densities, three sessions at 30/70/100%
  bool operator==(const Design&) const = default;

  float density(Zone zone) const { return zone_density[static_cast<std::size_t>(zone)]; }
};

constexpr int kMaxSessions = 5;

// Session `session`'s (0-based) own front hairline: the design's, raised by the session's
// hairline_raise_mm (the mid-frontal point and the temple corners alike).
HairlineDesign session_hairline(const Design& design, std::size_t session);
// The design as session `session` draws it: the same, with that session's hairline.
Design with_session_hairline(const Design& design, std::size_t session);
constexpr float kMaxZoneDensity = 200.0f;

}  // namespace smp
