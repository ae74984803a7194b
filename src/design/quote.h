#pragma once
// The price of a design: the clinic's price list applied to the areas measured on the head. The
// areas come from the design's dots, never typed by hand.
#include <string>
#include <vector>

namespace smp {

struct PriceList {
  std::string currency = "EUR";
  double per_session = 150.0;       // each session at the chair
  double per_cm2 = 2.0;             // each cm2 of scalp treated (where the design places dots)
  double scar_extra_per_cm2 = 3.0;  // added for each cm2 of scar tissue treated
  double minimum = 600.0;           // the least a treatment costs
  bool operator==(const PriceList&) const = default;
};

// What the design treats, measured on the head.
struct TreatedArea {
  double treated_cm2 = 0.0;  // scalp with dots planned
  double scar_cm2 = 0.0;     // of that, scar tissue
  int sessions = 0;
};

struct QuoteLine {
  std::string what;         // "Sessions at the chair"
  double quantity = 0.0;
  std::string unit;         // "sessions", "cm2"
  double unit_price = 0.0;
  double amount = 0.0;
};

struct Quote {
  std::string currency;
  std::vector<QuoteLine> lines;
  double subtotal = 0.0;
  double total = 0.0;            // the subtotal, or the minimum fee when that is more
  bool minimum_applied = false;
};

// Amounts rounded to cents; areas to 0.1 cm2 before pricing, as printed.
Quote make_quote(const PriceList& prices, const TreatedArea& area);

// "1,234.50 EUR"
std::string money_text(double amount, const std::string& currency);

}  // namespace smp
