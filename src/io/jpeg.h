#pragma once
// JPEG bytes of a rendered picture, for embedding in PDFs: a PDF holds a JPEG as it is, where
// other pictures are deflated by Cairo (the slowest part of writing the guide).
#include <cstdint>
#include <vector>

#include "core/image.h"

namespace smp {

// Baseline JPEG of the picture's colour (alpha dropped), `quality` 1-100, colour kept at full
// resolution (no chroma subsampling: the session colours of single dots must not bleed).
std::vector<std::uint8_t> encode_jpeg(const Image& image, int quality);

}  // namespace smp
