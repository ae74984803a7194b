#include "io/png.h"

#include <stdexcept>
#include <vector>

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include "core/input_error.h"
#include "io/atomic_file.h"

namespace smp {

void write_png(const std::filesystem::path& path, const Image& image) {
  std::vector<std::uint8_t> bytes;
  auto append = [](void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* begin = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), begin, begin + size);
  };
  if (image.empty() || !stbi_write_png_to_func(append, &bytes, image.width, image.height, 4, image.rgba.data(), image.width * 4))
    throw std::runtime_error(path.string() + ": cannot encode a " + std::to_string(image.width) + "x" +
                             std::to_string(image.height) + " PNG");
  write_file_atomically(path, bytes);
}

Image read_png(const std::filesystem::path& path) {
  int w = 0, h = 0, channels = 0;
  stbi_uc* data = stbi_load(path.c_str(), &w, &h, &channels, 4);
  if (!data) throw InputError(path.string() + ": not a readable image (" + stbi_failure_reason() + ")");
  Image image(w, h);
  std::copy(data, data + image.rgba.size(), image.rgba.begin());
  stbi_image_free(data);
  return image;
}

}  // namespace smp
