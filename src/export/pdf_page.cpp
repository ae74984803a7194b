#include "export/pdf_page.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include <cairo-pdf.h>

#include "core/both_cores.h"
#include "io/atomic_file.h"
#include "io/jpeg.h"

namespace smp::pdf {

namespace {

// A document is made in memory and written out whole (write_file_atomically): a failed write
// then says why in the system's words (a full disk, a read-only folder), where Cairo writing
// the file itself could only say "error while writing to output stream".
const cairo_user_data_key_t kBytes{};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  auto& bytes = *static_cast<std::vector<std::uint8_t>*>(closure);
  bytes.insert(bytes.end(), data, data + length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

cairo_surface_t* open_document(const std::filesystem::path& path, double width, double height, const std::string& title) {
  auto* bytes = new std::vector<std::uint8_t>();
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, bytes, width, height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_set_user_data(surface, &kBytes, bytes, [](void* b) { delete static_cast<std::vector<std::uint8_t>*>(b); }) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    delete bytes;
    throw std::runtime_error(path.string() + ": cannot make the PDF (out of memory)");
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "SMP Studio");
  return surface;
}

void close_document(const std::filesystem::path& path, cairo_surface_t* surface, cairo_t* cr) {
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  const std::vector<std::uint8_t> bytes = std::move(*static_cast<std::vector<std::uint8_t>*>(cairo_surface_get_user_data(surface, &kBytes)));
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(path.string() + ": " + cairo_status_to_string(status));
  write_file_atomically(path, bytes);
}

std::string format(const char* pattern, double a, double b) {
  char s[256];
  std::snprintf(s, sizeof s, pattern, a, b);
  return s;
}

void text(cairo_t* cr, double x, double y, double size, const std::string& s, bool bold, double grey) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_set_source_rgb(cr, grey, grey, grey);
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, s.c_str());
  // show_text leaves the current point at the text's end: a dot (cairo_arc) drawn next would be
  // joined to it by a hairline, as the guide's legends were.
  cairo_new_path(cr);
}

void text_ending_at(cairo_t* cr, double right, double y, double size, const std::string& s, bool bold, double grey, double room) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_text_extents_t extents;
  cairo_text_extents(cr, s.c_str(), &extents);
  if (extents.x_advance > room) {
    size *= std::max(0.7, room / extents.x_advance);
    cairo_set_font_size(cr, size);
    cairo_text_extents(cr, s.c_str(), &extents);  // widths do not scale exactly where metrics are hinted
  }
  text(cr, right - extents.x_advance, y, size, s, bold, grey);
}

double paragraph(cairo_t* cr, double x, double y, double width, double size, const std::string& s, double grey) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  std::string line;
  auto fits = [&](const std::string& candidate) {
    cairo_text_extents_t extents;
    cairo_text_extents(cr, candidate.c_str(), &extents);
    return extents.x_advance <= width;
  };
  auto flush = [&] {
    text(cr, x, y, size, line, false, grey);
    y += 1.3 * size;
    line.clear();
  };
  for (std::size_t at = 0; at < s.size();) {
    const std::size_t end = std::min(s.find(' ', at), s.size());
    const std::string word = s.substr(at, end - at);
    if (!line.empty() && !fits(line + " " + word)) flush();
    line += (line.empty() ? "" : " ") + word;
    at = end + 1;
  }
  if (!line.empty()) flush();
  return y;
}

void rule(cairo_t* cr, double x0, double y, double x1) {
  cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
  cairo_set_line_width(cr, 0.6);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
}

namespace {
int embedded_width(double w_points) { return int(2.0 * w_points / 72.0 * 300.0); }
// Full-resolution colour: Cairo deflating the raw pixels took most of the guide's PDF time, and
// the file was three times the size.
constexpr int kJpegQuality = 92;
}  // namespace

void PictureEncodings::add(const Image& image, double w) {
  auto made = std::make_shared<const std::vector<std::uint8_t>>(encode_jpeg(shrink_to_width(image, embedded_width(w)), kJpegQuality));
  const std::lock_guard lock(mutex_);
  jpeg_[{image.rgba.data(), embedded_width(w)}] = std::move(made);
}

void PictureEncodings::encode(const std::vector<std::pair<const Image*, double>>& pictures) {
  std::vector<std::pair<const Image*, double>> missing;
  for (const auto& [image, w] : pictures)
    if (!find(*image, w)) missing.emplace_back(image, w);
  on_both_cores(missing.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) add(*missing[i].first, missing[i].second);
  });
}

std::shared_ptr<const std::vector<std::uint8_t>> PictureEncodings::find(const Image& image, double w) const {
  const std::lock_guard lock(mutex_);
  const auto found = jpeg_.find({image.rgba.data(), embedded_width(w)});
  return found == jpeg_.end() ? nullptr : found->second;
}

Placed picture(cairo_t* cr, const Image& full, double x, double y, double w, double h, const PictureEncodings* ready) {
  const double full_scale = std::min(w / full.width, h / full.height);
  const Placed placed{x + 0.5 * (w - full.width * full_scale), y + 0.5 * (h - full.height * full_scale), full_scale};
  // Embedded as JPEG; Cairo holds the bytes until the document is written out: they go with a
  // share of their owner. A picture encoded ahead needs only a surface of its size: the PDF takes
  // the JPEG, never the surface's pixels.
  std::shared_ptr<const std::vector<std::uint8_t>> encoded = ready ? ready->find(full, w) : nullptr;
  const glm::ivec2 size = shrunk_size(full, embedded_width(w));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, size.x, size.y);
  if (!encoded) {
    const Image image = shrink_to_width(full, embedded_width(w));
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int py = 0; py < image.height; ++py)
      for (int px = 0; px < image.width; ++px) {
        const std::uint8_t* p = image.pixel(px, py);
        std::uint32_t* out = reinterpret_cast<std::uint32_t*>(data + py * stride) + px;
        *out = (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | std::uint32_t(p[2]);
      }
    cairo_surface_mark_dirty(surface);
    encoded = std::make_shared<const std::vector<std::uint8_t>>(encode_jpeg(image, kJpegQuality));
  }
  auto* owner = new std::shared_ptr<const std::vector<std::uint8_t>>(std::move(encoded));
  cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, (*owner)->data(), (*owner)->size(),
                              [](void* share) { delete static_cast<std::shared_ptr<const std::vector<std::uint8_t>>*>(share); }, owner);
  const double scale = std::min(w / size.x, h / size.y);
  cairo_save(cr);
  cairo_translate(cr, x + 0.5 * (w - size.x * scale), y + 0.5 * (h - size.y * scale));
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, surface, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(surface);
  return placed;
}

}  // namespace smp::pdf
