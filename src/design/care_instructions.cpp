#include "design/care_instructions.h"

namespace smp {

CareSheet pre_care_sheet() {
  return {"Before your first session",
          "Your skin takes the pigment best when it is calm, clean and moisturised. Please follow these points.",
          {"No alcohol for 24 hours before each session, and no blood thinners (aspirin, ibuprofen) unless your doctor "
           "prescribed them: ask the doctor first, never stop a prescribed medicine yourself.",
           "No tanning and no sunburn on the scalp for two weeks before the first session.",
           "Moisturise the scalp every day in the week before.",
           "Exfoliate the scalp gently the night before the first session.",
           "Shower and wash the scalp before each session; come without products on the skin.",
           "Shave the head (or have it shaved) as agreed with your practitioner, ideally the day before.",
           "Tell us about any change in your health or medication since the consultation."}};
}

CareSheet aftercare_sheet(int session, int session_count) {
  const bool last = session >= session_count;
  CareSheet sheet{"After session " + std::to_string(session) + " of " + std::to_string(session_count),
                  last ? "This was the last session: these rules protect the finished result while it heals."
                       : "Between sessions the dots settle and lighten; that is expected. Please follow these points until the next session.",
                  {"Do not wash or wet the scalp for 4 days.",
                   "No sweating and no strenuous exercise for 4 days.",
                   "No razor on the treated area for about 10 days; then shave gently, without pressing on the scalp.",
                   "Do not pick or scratch; some redness and small flakes are normal and pass within days."}};
  if (last) {
    sheet.items.push_back("For 28 days: no swimming, no sauna or steam room, and no direct sun on the scalp.");
    sheet.items.push_back("After those 28 days: sunscreen (SPF 30 or more) on the scalp whenever it is in the sun, for good: sun fades the pigment.");
  } else {
    sheet.items.push_back("No swimming, sauna, steam room or direct sun until 28 days after your last session.");
  }
  sheet.items.push_back("Call us if the scalp becomes hot, swollen or painful, or weeps after 3 days.");
  return sheet;
}

}  // namespace smp
