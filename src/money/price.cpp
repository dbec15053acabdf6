#include "money/price.h"

namespace clause::money {

Result<Quote> quote(const Price& price, const std::optional<Decimal>& base) {
  Quote q;
  Decimal exact;
  switch (price.kind) {
    case lang::PriceKind::free: break;
    case lang::PriceKind::percent:
      if (!base) return fail("the price is " + price.percent.to_string() + "% of " + price.base + ": a base amount is needed");
      q.base = *base;
      exact = base->percent(price.percent);
      break;
    case lang::PriceKind::amount: exact = price.amount; break;
  }
  q.total = exact.rounded(2);
  return q;
}

std::string_view period_unit(lang::PricePeriod period) {
  switch (period) {
    case lang::PricePeriod::year: return "year";
    case lang::PricePeriod::month: return "month";
    case lang::PricePeriod::none: break;
  }
  return "";
}

}  // namespace clause::money
