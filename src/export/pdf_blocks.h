#pragma once
// Blocks drawn the same way in several PDFs (the guide, the care sheets, the consultation record);
// each starts at baseline `y` (points), is `width` wide, and returns the baseline after it.
#include <cairo.h>

#include <vector>

#include "design/care_instructions.h"
#include "design/quote.h"
#include "design/screening.h"

namespace smp {

// A care sheet's points, each with a box to tick.
double draw_care_items(cairo_t* cr, const CareSheet& sheet, double x, double y, double width);
// The screening flags, each with its level and why it matters.
double draw_flags(cairo_t* cr, const std::vector<ScreeningFlag>& flags, double x, double y, double width);
// The quote as a small table with its total.
double draw_quote(cairo_t* cr, const Quote& quote, double x, double y, double width);

}  // namespace smp
