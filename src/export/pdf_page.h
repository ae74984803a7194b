#pragma once
// Drawing on a PDF page with Cairo, shared by the session guide and the score report: text,
// rules and pictures, in points from the page's top-left corner.
#include <cairo.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <glm/vec2.hpp>

#include "core/image.h"

namespace smp::pdf {

constexpr double kPointsPerMm = 72.0 / 25.4;

// A PDF of `width` x `height` points with its title, made in memory for `path`.
cairo_surface_t* open_document(const std::filesystem::path& path, double width, double height, const std::string& title);
// Frees it and writes it to its path atomically; throws std::runtime_error naming the file and why
// when Cairo could not make it or the system could not write it.
void close_document(const std::filesystem::path& path, cairo_surface_t* surface, cairo_t* cr);

// printf for one or two numbers, e.g. format("%.0f mm", 78.0); at most 255 characters.
std::string format(const char* pattern, double a, double b = 0.0);

// `s` with its baseline starting at (x, y); leaves no current point behind.
void text(cairo_t* cr, double x, double y, double size, const std::string& s, bool bold = false, double grey = 0.1);
// `s` ending at `right` (right-aligned), made smaller (to 70% at most) where it would be wider
// than `room` points; a header's design name, a column of amounts.
void text_ending_at(cairo_t* cr, double right, double y, double size, const std::string& s, bool bold = false, double grey = 0.1, double room = 1e9);
// Text wrapped at word breaks to `width` points, lines 1.3 x `size` apart, the first on baseline
// `y`; returns the baseline after the last line.
double paragraph(cairo_t* cr, double x, double y, double width, double size, const std::string& s, double grey = 0.1);
void rule(cairo_t* cr, double x0, double y, double x1);

// Where a picture landed on the page: its top-left corner and points per pixel of the full picture.
struct Placed {
  double x, y, scale;
  glm::dvec2 at(glm::vec2 pixel) const { return {x + scale * double(pixel.x), y + scale * double(pixel.y)}; }
};

// JPEG encodings of pictures made ahead, for picture() to embed: encoding is most of the time it
// takes to write a page of pictures. By the picture and the width in points it will be drawn at;
// the pictures must stay where they are until the document is closed. Threads may add at once.
class PictureEncodings {
 public:
  // One picture, as soon as it is made (by the thread that made it).
  void add(const Image& image, double w);
  // Those not added yet, on both cores at once.
  void encode(const std::vector<std::pair<const Image*, double>>& pictures_and_widths);
  std::shared_ptr<const std::vector<std::uint8_t>> find(const Image& image, double w) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<const std::uint8_t*, int>, std::shared_ptr<const std::vector<std::uint8_t>>> jpeg_;
};

// A picture scaled to fit w x h points, centred there, embedded at no more than about 600 dpi
// (more only makes the file and its writing slower); its encoding from `ready` where it is there.
Placed picture(cairo_t* cr, const Image& full, double x, double y, double w, double h, const PictureEncodings* ready = nullptr);

}  // namespace smp::pdf
