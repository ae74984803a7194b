#include "design/quote.h"

#include <cmath>
#include <cstdio>

namespace smp {
namespace {

double cents(double amount) { return std::round(amount * 100.0) / 100.0; }
double tenths(double value) { return std::round(value * 10.0) / 10.0; }

}  // namespace

Quote make_quote(const PriceList& prices, const TreatedArea& area) {
  Quote quote;
  quote.currency = prices.currency;
  auto add = [&](std::string what, double quantity, std::string unit, double unit_price) {
    if (unit_price == 0.0 || quantity == 0.0) return;
    quote.lines.push_back({std::move(what), quantity, std::move(unit), unit_price, cents(quantity * unit_price)});
    quote.subtotal += quote.lines.back().amount;
  };
  add("Sessions at the chair", area.sessions, "sessions", prices.per_session);
  add("Scalp treated (measured on the head)", tenths(area.treated_cm2), "cm2", prices.per_cm2);
  add("Scar tissue, extra (measured)", tenths(area.scar_cm2), "cm2", prices.scar_extra_per_cm2);
  quote.subtotal = cents(quote.subtotal);
  quote.minimum_applied = quote.subtotal < prices.minimum;
  quote.total = quote.minimum_applied ? cents(prices.minimum) : quote.subtotal;
  return quote;
}

std::string money_text(double amount, const std::string& currency) {
  const long long all_cents = std::llround(std::abs(amount) * 100.0);
  const long long whole = all_cents / 100;
  const int cent = int(all_cents % 100);
  std::string digits = std::to_string(whole), grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  char text[64];
  std::snprintf(text, sizeof text, "%s%s.%02d %s", amount < 0 ? "-" : "", grouped.c_str(), cent, currency.c_str());
  return text;
}

}  // namespace smp
