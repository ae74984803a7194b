#pragma once
// PNG files for rendered pictures and test baselines.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/image.h"

namespace smp {

std::vector<std::uint8_t> encode_png(const Image& image);  // the bytes of a PNG file
void write_png(const std::filesystem::path& path, const Image& image);  // atomic
Image read_png(const std::filesystem::path& path);  // PNG or JPEG (what stb_image reads); InputError naming the file

}  // namespace smp
