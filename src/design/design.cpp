#include "design/design.h"

namespace smp {

Design::Design() {
  // DOMAIN: natural follicular units are about 80/cm2, lowest by the ears (~50), highest at the back.
  auto set = [&](Zone zone, float density) { zone_density[static_cast<std::size_t>(zone)] = density; };
  set(Zone::HairlineBand, 75.0f);
  set(Zone::Frontal, 85.0f);
  set(Zone::MidScalp, 85.0f);
  set(Zone::Crown, 85.0f);
  set(Zone::LeftTemple, 55.0f);
  set(Zone::RightTemple, 55.0f);
  set(Zone::LeftParietal, 65.0f);
  set(Zone::RightParietal, 65.0f);
  set(Zone::Occipital, 95.0f);
  // DOMAIN: 30% -> 70% -> 100%, lighter and finer first, 7-14 days apart.
  sessions = {{30.0f, 40.0f, Needle::Single025, 0}, {70.0f, 55.0f, Needle::Triple020, 12}, {100.0f, 65.0f, Needle::Triple020, 12}};
}

HairlineDesign session_hairline(const Design& design, std::size_t session) {
  HairlineDesign line = design.hairline;
  if (session < design.sessions.size()) {
    const float raise = design.sessions[session].hairline_raise_mm;
    line.height_mm += raise;
    line.temple_recession_mm += raise;
  }
  return line;
}

Design with_session_hairline(const Design& design, std::size_t session) {
  Design copy = design;
  copy.hairline = session_hairline(design, session);
  return copy;
}

}  // namespace smp
