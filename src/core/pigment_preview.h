#pragma once
// How the dots look in a preview for the patient: just tattooed, healed, or years later. Pure
// numbers from DOMAIN.md: a healed dot is about half the fresh one and session 1 heals two to
// three shades lighter; over the years pigment fades and blurs slowly.
#include <optional>
#include <string>

namespace smp {

enum class Preview { Fresh, Healed, Years };

struct PreviewSettings {
  Preview mode = Preview::Healed;
  float years = 5.0f;  // with Years: 0..10 after the last session
};

// One dot as the preview draws it.
struct InkLook {
  float diameter_mm;  // of the dot's core of pigment
  float darkness;     // 0..1: the share of the skin's light the ink takes at the dot's centre
  float halo;         // 0..1: ink seen scattered through the skin around it, as a share of `darkness`...
  float halo_mm;      // ...out to this radius: what makes dots 1 mm apart read as a shadow from afar
};

// A dot made with `fresh_diameter_mm` and `shade` (its share of full pigment) in session `session`
// (0-based). Darkness follows the ink's concentration as light through an absorber does
// (Beer-Lambert: 1 - exp(-k c)): a 35% dilution of carbon black is still a dark dot. Scar tissue
// holds pigment less well: a dot `on_scar` fades and blurs faster over the years.
InkLook ink_look(float fresh_diameter_mm, float shade, int session, const PreviewSettings& preview, bool on_scar = false);

// Fresh, the skin is red around each dot over about this radius (mm); 0 once healed.
float inflamed_mm(const PreviewSettings& preview);

// The years after which the faded dots call for a touch-up (darkness down by 30%), on healthy
// skin or on scar tissue.
float touch_up_years(bool on_scar = false);

// "fresh", "healed", "years:5" and back; nullopt for anything else.
std::optional<PreviewSettings> parse_preview(const std::string& text);
std::string preview_name(const PreviewSettings& preview);

}  // namespace smp
