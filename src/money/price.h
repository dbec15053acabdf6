// A plan's price and its arithmetic: free, a percentage of a base amount, or
// a fixed amount, per year or month. Exact decimals only (CONTRACT.md 5).
#pragma once

#include <optional>
#include <string>

#include "lang/words.h"
#include "money/decimal.h"
#include "support/result.h"

namespace clause::money {

struct Price {
  lang::PriceKind kind = lang::PriceKind::free;
  Decimal percent;                   // percent: how many per cent of the base
  std::string base;                  // percent: what it is a percentage of (a declared base or a case field)
  Decimal amount;                    // amount
  lang::PricePeriod period = lang::PricePeriod::none;
};

struct Quote {
  Decimal base;                      // the base amount (percent prices; zero otherwise)
  Decimal total;                     // rounded to cents, ties to even
};

// The price for one period. A percentage needs `base` (the error says so);
// free is zero. Never fails for free and fixed prices.
Result<Quote> quote(const Price& price, const std::optional<Decimal>& base);

// "year", "month" or "" (no period).
std::string_view period_unit(lang::PricePeriod period);

}  // namespace clause::money
