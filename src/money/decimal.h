// Exact decimal numbers for money amounts and percentages. Nothing here ever
// goes through float or double: a Decimal is coefficient × 10^(-scale) with an
// arbitrary-precision integer coefficient and scale ≥ 0.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/multiprecision/cpp_int.hpp>

#include "support/result.h"

namespace clause::money {

// Parsers reject inputs with more digits than this, or exponents of larger
// magnitude, so that hostile input cannot make a value exhaust memory.
inline constexpr int kMaxDigits = 1000;
inline constexpr int kMaxExponent = 1000;

class Decimal {
 public:
  // Zero, with scale 0.
  Decimal();
  static Decimal from_integer(long long v);

  // The exact text of a JSON number (RFC 8259:
  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?), nothing around it.
  // The scale is the number of fractional digits written minus the exponent,
  // or 0 if that is negative ("1.50" has scale 2, "1.5e3" scale 0).
  // Exponents are exact ("1e400" is 10^400); rejects more than kMaxDigits
  // digits before the exponent and exponents beyond ±kMaxExponent.
  // "-0" is zero (not negative).
  static Result<Decimal> parse_json_number(std::string_view text);

  // A plain decimal as written in a policy file or inside a JSON string:
  // -?[0-9]+(\.[0-9]+)? and nothing around it. Leading zeros are allowed
  // ("007" is 7). No exponent, '+', spaces, thousands separators, currency
  // symbols, leading or trailing '.'. The scale is the number of fractional
  // digits written. At most kMaxDigits digits. "-0" is zero (not negative).
  static Result<Decimal> parse_plain(std::string_view text);

  bool is_zero() const;
  // Strictly below zero; zero is never negative whatever its spelling.
  bool is_negative() const;
  // The number of fractional digits carried (trailing zeros included).
  int scale() const;

  // By value, whatever the scales: 1.50 == 1.5.
  friend bool operator==(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

  // Exact. Sums and differences have the larger scale of the two; products
  // the sum of the scales.
  Decimal operator+(const Decimal& other) const;
  Decimal operator-(const Decimal& other) const;
  Decimal operator*(const Decimal& other) const;

  // Exactly `percent` per cent of this value: this * percent / 100, no
  // rounding. The scale is this scale + percent's scale + 2, so 6 % of 60000
  // is 3600.00.
  Decimal percent(const Decimal& percent) const;

  // Rounded to `digits` fractional digits, ties to even (banker's rounding),
  // symmetric for negative values: 0.125 -> 0.12, 0.135 -> 0.14,
  // -0.125 -> -0.12. The result has scale `digits` (padding with zeros if this
  // has fewer). A negative `digits` rounds to a multiple of 10^(-digits) and
  // gives scale 0.
  Decimal rounded(int digits) const;

  // Plain notation, never an exponent: an optional '-', digits, and if there
  // are fractional digits a '.' and at least one digit before it. At least
  // `min_digits` fractional digits (padded with zeros), more if the value
  // needs them; trailing zeros beyond `min_digits` are removed. Zero is "0",
  // never "-0". A negative `min_digits` counts as 0. to_string() == to_string(0).
  std::string to_string(int min_digits = 0) const;

  // This value times 10^`shift` as an integer, when that is exact and fits in
  // 64 bits: durations become microseconds, dates and counts become ints.
  std::optional<std::int64_t> scaled_integer(int shift = 0) const;

 private:
  Decimal(boost::multiprecision::cpp_int coefficient, int scale);

  boost::multiprecision::cpp_int coefficient_;
  int scale_ = 0;
};

// A money value from a case: the amount and the currency code as given
// ("" when none).
struct Money {
  Decimal amount;
  std::string currency;
};

// From a JSON string's contents: a plain decimal (see parse_plain), optionally
// followed by exactly one space and a currency code of 3 upper-case ASCII
// letters: "60000", "60000.00", "60000.00 USD". Rejects "60,000", "$60000",
// "7.5e4", "", " 60000", "60000 usd", "60000USD" and negative amounts ("-0"
// is zero and accepted).
Result<Money> parse_money_string(std::string_view text);

// From a JSON number's raw text (see parse_json_number; exponent allowed):
// "60000.5", "7.5e4". The currency is "". Rejects negative amounts ("-0" is
// zero and accepted).
Result<Money> parse_money_number(std::string_view raw_json_number);

}  // namespace clause::money
