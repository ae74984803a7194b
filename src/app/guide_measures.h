#pragma once
// What a session guide measures on the designed head, beyond the pictures: the hairline's key
// distances along the skin, its 1:1 template, and the flat scalp map with each session's dots.
#include <array>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/design_dots.h"
#include "export/guide_pdf.h"

namespace smp {

struct HairlineDistances {
  double centre_mm = 0;                 // glabella to the hairline's centre, along the skin
  std::array<double, 2> corner_up_mm{};   // left, right corner: height above the glabella level
  std::array<double, 2> corner_out_mm{};  // left, right corner: from the midline along the hairline
  glm::vec3 glabella{}, centre{};
  std::array<glm::vec3, 2> corners{};     // on the skin: left, right
};

// "62 mm": distances are printed to the millimetre a ruler gives.
std::string format_mm(double mm);

// The hairline's distances as marks over a picture taken with `camera`, `size` pixels: glabella to
// the hairline's centre (label beside the line), and each temple corner's height above the
// glabella on a short leader pointing outward. Marks with an end for which `visible` is false
// (hidden behind the head) are left out.
std::vector<ViewDimension> hairline_marks(const HairlineDistances& d, const OrbitCamera& camera, glm::ivec2 size,
                                          const std::function<bool(glm::vec3)>& visible = {});

class GuideMeasures {
 public:
  // Keeps references to everything: it must outlive this.
  GuideMeasures(const Landmarks& landmarks, const Anatomy& anatomy, const GeodesicDistance& geodesic, DesignDots& designed);

  HairlineDistances distances(const Design& design) const;
  std::string distances_note(const HairlineDistances& d) const;  // lines split by '\n'
  // The hairline unrolled: (distance along it from the midline, height above the glabella) in mm,
  // the patient's left positive (on the right as you face them).
  std::vector<std::pair<double, double>> hairline_template(const Design& design) const;
  // The flat scalp shared by every map page, its zone colours drawn at `px_per_mm`.
  GuideMap map(const Mesh& mesh, const Design& design, double px_per_mm) const;
  // The design's front hairline on the flat map, mm (forehead +y).
  std::vector<glm::dvec2> map_hairline(const Design& design) const;
  // Session `number`'s dots and zone numbers on the map.
  void add_session_map(GuideSession& session, const Design& design, const DesignDots::Result& made) const;

 private:
  std::vector<std::pair<double, double>> unroll(const Design& design, std::vector<double>* thetas) const;  // thetas: chart direction of each point
  const Landmarks& landmarks_;
  const Anatomy& anatomy_;
  const GeodesicDistance& geodesic_;
  DesignDots& designed_;
  std::array<glm::dvec2, kZoneCount> zone_label_at_{};  // map mm, inside each zone
};

}  // namespace smp
