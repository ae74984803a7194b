#include "core/pigment_preview.h"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <cstdlib>

namespace smp {
namespace {

constexpr float kHealedShrink = 0.5f;         // DOMAIN: dots shrink about half as they heal
constexpr float kFirstSessionLighter = 0.65f;  // two to three shades lighter once healed
constexpr float kLaterSessionsHealed = 0.85f;
constexpr float kFadePerYear = 0.045f;         // of the healed darkness
constexpr float kBlurPerYear = 0.04f;          // growth of the visible dot
constexpr float kTouchUpAt = 0.30f;            // darkness lost when a touch-up is due
constexpr float kAbsorption = 3.5f;            // of carbon black at full strength: 97% of light taken
constexpr float kHealedHalo = 0.9f;            // a healed dot's ink seen scattered through the skin
constexpr float kHealedHaloMm = 0.6f;          // about the scattering length of light in skin
// Scar tissue is thinner and less vascular, and takes and keeps pigment less evenly: we assume
// it fades half as fast again (DOMAIN.md gives no figure; touch-ups on scars come sooner).
constexpr float kScarAgeing = 1.5f;

float darkness_of(float shade) { return 1.0f - std::exp(-kAbsorption * std::max(0.0f, shade)); }

}  // namespace

InkLook ink_look(float fresh_diameter_mm, float shade, int session, const PreviewSettings& preview, bool on_scar) {
  if (preview.mode == Preview::Fresh) return {fresh_diameter_mm, darkness_of(1.1f * shade), 0.5f, 0.45f};  // crisp, ink near the top
  InkLook healed{kHealedShrink * fresh_diameter_mm, darkness_of(shade * (session == 0 ? kFirstSessionLighter : kLaterSessionsHealed)),
                 kHealedHalo, kHealedHaloMm};
  if (preview.mode == Preview::Healed) return healed;
  const float years = std::clamp(preview.years, 0.0f, 10.0f) * (on_scar ? kScarAgeing : 1.0f);  // ageing, in healthy-skin years
  // Ink spreads as it fades: a wider dot and halo holding no more ink than before (less, faded).
  const float grow = 1.0f + kBlurPerYear * years;
  return {healed.diameter_mm * grow, healed.darkness * std::max(0.0f, 1.0f - kFadePerYear * years), kHealedHalo / (grow * grow),
          kHealedHaloMm * grow};
}

float inflamed_mm(const PreviewSettings& preview) { return preview.mode == Preview::Fresh ? 0.8f : 0.0f; }

float touch_up_years(bool on_scar) { return kTouchUpAt / kFadePerYear / (on_scar ? kScarAgeing : 1.0f); }

std::optional<PreviewSettings> parse_preview(const std::string& text) {
  if (text == "fresh") return PreviewSettings{Preview::Fresh, 0.0f};
  if (text == "healed") return PreviewSettings{Preview::Healed, 0.0f};
  if (text.rfind("years:", 0) == 0) {
    char* end = nullptr;
    const float years = std::strtof(text.c_str() + 6, &end);
    if (end && *end == '\0' && end != text.c_str() + 6 && years >= 0.0f && years <= 10.0f) return PreviewSettings{Preview::Years, years};
  }
  return std::nullopt;
}

std::string preview_name(const PreviewSettings& preview) {
  if (preview.mode == Preview::Fresh) return "fresh";
  if (preview.mode == Preview::Healed) return "healed";
  char name[32];
  std::snprintf(name, sizeof name, "years:%g", double(preview.years));
  return name;
}

}  // namespace smp
