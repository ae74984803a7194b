#include "io/png.h"

#include <stdexcept>
#include <vector>

#include <stb/stb_image.h>
#include <zlib.h>

#include "core/input_error.h"
#include "io/atomic_file.h"

namespace smp {

namespace {

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(std::uint8_t(v >> shift));
}

void put_chunk(std::vector<std::uint8_t>& out, const char type[4], const std::uint8_t* data, std::size_t size) {
  put_u32(out, std::uint32_t(size));
  const std::size_t start = out.size();
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data, data + size);
  put_u32(out, std::uint32_t(crc32(0L, out.data() + start, uInt(out.size() - start))));
}

}  // namespace

// Our own encoder over zlib: every row "Up"-filtered and run-length deflated is about 8x faster
// than stb's (which tries five filters per row) and no bigger on rendered pictures; a guide
// writes fifteen of them. An opaque picture is stored without its alpha: a quarter less to
// compress (1600x1200 view: 53 ms instead of 78, 0.52 MB instead of 0.64).
std::vector<std::uint8_t> encode_png(const Image& image) {
  if (image.empty()) throw std::runtime_error("cannot encode an empty PNG");
  bool opaque = true;
  for (std::size_t i = 3; i < image.rgba.size() && opaque; i += 4) opaque = image.rgba[i] == 255;
  const std::size_t channels = opaque ? 3 : 4, row_bytes = std::size_t(image.width) * channels;
  std::vector<std::uint8_t> filtered(std::size_t(image.height) * (row_bytes + 1));
  std::vector<std::uint8_t> above(row_bytes, 0), row(row_bytes);
  for (int y = 0; y < image.height; ++y) {
    const std::uint8_t* rgba = image.rgba.data() + std::size_t(y) * std::size_t(image.width) * 4;
    if (opaque)
      for (std::size_t x = 0; x < std::size_t(image.width); ++x) row[3 * x] = rgba[4 * x], row[3 * x + 1] = rgba[4 * x + 1], row[3 * x + 2] = rgba[4 * x + 2];
    else
      std::copy(rgba, rgba + row_bytes, row.begin());
    std::uint8_t* out = filtered.data() + std::size_t(y) * (row_bytes + 1);
    out[0] = 2;  // Up (the first row's "above" is zeros, as the format defines)
    for (std::size_t i = 0; i < row_bytes; ++i) out[1 + i] = std::uint8_t(row[i] - above[i]);
    std::swap(above, row);
  }
  z_stream stream{};
  if (deflateInit2(&stream, 6, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) throw std::runtime_error("zlib: cannot start compressing");
  std::vector<std::uint8_t> packed(deflateBound(&stream, uLong(filtered.size())));
  stream.next_in = filtered.data();
  stream.avail_in = uInt(filtered.size());
  stream.next_out = packed.data();
  stream.avail_out = uInt(packed.size());
  const int status = deflate(&stream, Z_FINISH);
  packed.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("zlib: cannot compress the picture");

  std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  std::vector<std::uint8_t> header;
  put_u32(header, std::uint32_t(image.width));
  put_u32(header, std::uint32_t(image.height));
  // 8 bits, RGB or RGBA, deflate, adaptive filters, no interlace
  header.insert(header.end(), {8, std::uint8_t(opaque ? 2 : 6), 0, 0, 0});
  put_chunk(png, "IHDR", header.data(), header.size());
  put_chunk(png, "IDAT", packed.data(), packed.size());
  put_chunk(png, "IEND", nullptr, 0);
  return png;
}

void write_png(const std::filesystem::path& path, const Image& image) {
  if (image.empty()) throw std::runtime_error(path.string() + ": cannot write an empty picture");
  write_file_atomically(path, encode_png(image));
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
