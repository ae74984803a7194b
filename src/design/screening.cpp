#include "design/screening.h"

#include <algorithm>
#include <array>

namespace smp {
namespace {

constexpr std::array kReasons{
    IntakeChoice{"receding", "Receding hairline"},
    IntakeChoice{"pattern_loss", "Pattern hair loss (Norwood / Ludwig)"},
    IntakeChoice{"alopecia", "Alopecia (areata, totalis)"},
    IntakeChoice{"thinning", "Thinning hair (density)"},
    IntakeChoice{"scar_transplant", "Scars from a hair transplant (FUT strip, FUE)"},
    IntakeChoice{"scar_burn", "Scars from burns"},
    IntakeChoice{"scar_injury", "Scars from an injury or surgery"},
};

constexpr std::array kConditions{
    ConditionInfo{{"psoriasis", "Psoriasis on the scalp"}, FlagLevel::SeeDoctorFirst,
                  "Pigment placed into a flare heals unevenly and needling can trigger new plaques (Koebner effect); treat only "
                  "clear skin, with the dermatologist's agreement."},
    ConditionInfo{{"scalp_inflammation", "Scalp inflammation, infection or open sores"}, FlagLevel::DoNotTreat,
                  "Needling inflamed or broken skin spreads infection and the pigment will not settle; wait until the scalp has healed."},
    ConditionInfo{{"keloid", "Keloid or raised scars (tendency)"}, FlagLevel::SeeDoctorFirst,
                  "Every needle impression is a small wound; a keloid-prone scalp can scar raised. A doctor should judge it, and a "
                  "small test patch comes first."},
    ConditionInfo{{"eczema", "Active eczema or dermatitis on the scalp"}, FlagLevel::DoNotTreat,
                  "Active eczema holds pigment poorly and is made worse by needling; treat once it is calm."},
    ConditionInfo{{"anticoagulants", "Anticoagulants (warfarin, aspirin, ibuprofen)"}, FlagLevel::SeeDoctorFirst,
                  "Blood thinners make the skin bleed, which pushes the pigment out and blurs the dots. Never stop a prescribed "
                  "medicine without the prescriber; ask them first."},
    ConditionInfo{{"skin_sensitivity", "Sensitive skin or allergies (pigment, latex, anaesthetic cream)"}, FlagLevel::Caution,
                  "Expect more redness and a slower heal; do a patch test with the pigment and gloves, and use gentle aftercare products."},
    ConditionInfo{{"recent_tanning", "Tanned or sunburnt scalp (in the last 2 weeks)"}, FlagLevel::Caution,
                  "The shade is matched to the skin as it will be; tanned or burnt skin misleads the match and heals worse. Wait 2 "
                  "weeks without sun."},
    ConditionInfo{{"diabetes", "Diabetes"}, FlagLevel::SeeDoctorFirst,
                  "Healing can be slower and infection likelier; the doctor should agree, and the aftercare must be followed closely."},
    ConditionInfo{{"chemotherapy", "Chemotherapy or radiotherapy (current or recent)"}, FlagLevel::DoNotTreat,
                  "The skin and immune system are recovering and hair may regrow; wait until the oncologist agrees."},
};

}  // namespace

std::span<const IntakeChoice> intake_reasons() { return kReasons; }
std::span<const ConditionInfo> intake_conditions() { return kConditions; }

std::string_view flag_level_words(FlagLevel level) {
  switch (level) {
    case FlagLevel::Caution: return "caution";
    case FlagLevel::SeeDoctorFirst: return "see a doctor first";
    case FlagLevel::DoNotTreat: return "do not treat now";
  }
  return "caution";
}

std::vector<ScreeningFlag> screen_intake(const IntakeDesign& intake) {
  std::vector<ScreeningFlag> flags;
  if (intake.age_years > 0 && intake.age_years < 18)
    flags.push_back({"age", FlagLevel::DoNotTreat, "Under 18 (" + std::to_string(intake.age_years) + " years)",
                     "SMP is for adults: the hair loss pattern is not settled and consent must be the patient's own."});
  for (const std::string& key : intake.conditions) {
    const auto known = std::find_if(kConditions.begin(), kConditions.end(), [&](const ConditionInfo& c) { return c.choice.key == key; });
    if (known == kConditions.end())
      flags.push_back({key, FlagLevel::Caution, "\"" + key + "\"", "An answer this version of SMP Studio does not know; check it by hand."});
    else
      flags.push_back({key, known->level, std::string(known->choice.label), std::string(known->why)});
  }
  const bool scars = std::any_of(intake.reasons.begin(), intake.reasons.end(), [](const std::string& r) { return r.rfind("scar_", 0) == 0; });
  if (scars)
    flags.push_back({"scar_work", FlagLevel::Caution, "Scar tissue to treat",
                     "Scar tissue takes and holds pigment differently (it fades faster): fully healed scars only (about a year), "
                     "a test patch first, and more touch-ups."});
  std::stable_sort(flags.begin(), flags.end(), [](const ScreeningFlag& a, const ScreeningFlag& b) { return a.level > b.level; });
  return flags;
}

}  // namespace smp
