#pragma once
// The one typeface of the program's UI and pictures (Debian's fonts-dejavu-core).
namespace smp {

constexpr const char* kUiFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

}  // namespace smp
