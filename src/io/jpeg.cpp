#include "io/jpeg.h"

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include <jpeglib.h>

namespace smp {
namespace {

// libjpeg reports errors through a callback that must not return: jump back out of the encoder.
struct ErrorJump {
  jpeg_error_mgr manager;
  std::jmp_buf back;
  char message[JMSG_LENGTH_MAX];
};

void on_error(j_common_ptr info) {
  auto* error = reinterpret_cast<ErrorJump*>(info->err);
  info->err->format_message(info, error->message);
  std::longjmp(error->back, 1);
}

}  // namespace

std::vector<std::uint8_t> encode_jpeg(const Image& image, int quality) {
  jpeg_compress_struct info{};
  ErrorJump error{};
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = on_error;
  unsigned char* bytes = nullptr;
  unsigned long size = 0;
  std::vector<JSAMPLE> row(std::size_t(image.width) * 3);
  if (setjmp(error.back)) {
    jpeg_destroy_compress(&info);
    std::free(bytes);
    throw std::runtime_error(std::string("JPEG: ") + error.message);
  }
  jpeg_create_compress(&info);
  jpeg_mem_dest(&info, &bytes, &size);
  info.image_width = JDIMENSION(image.width);
  info.image_height = JDIMENSION(image.height);
  info.input_components = 3;
  info.in_color_space = JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, quality, TRUE);
  for (int c = 0; c < info.num_components; ++c) info.comp_info[c].h_samp_factor = info.comp_info[c].v_samp_factor = 1;
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    const std::uint8_t* in = image.pixel(0, int(info.next_scanline));
    for (int x = 0; x < image.width; ++x)
      for (int k = 0; k < 3; ++k) row[std::size_t(3 * x + k)] = in[4 * x + k];
    JSAMPROW rows[] = {row.data()};
    jpeg_write_scanlines(&info, rows, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  std::vector<std::uint8_t> out(bytes, bytes + size);
  std::free(bytes);
  return out;
}

}  // namespace smp
