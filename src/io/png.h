#pragma once
// PNG files for rendered pictures and test baselines.
#include <filesystem>

#include "core/image.h"

namespace smp {

void write_png(const std::filesystem::path& path, const Image& image);  // atomic
Image read_png(const std::filesystem::path& path);  // throws InputError naming the file

}  // namespace smp
