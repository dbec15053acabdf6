#include "money/decimal.h"

#include <optional>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>

#include "support/text.h"

namespace clause::money {

namespace {

using boost::multiprecision::cpp_int;

constexpr std::array<std::uint64_t, 20> kPow10 = [] {
  std::array<std::uint64_t, 20> table{};
  std::uint64_t p = 1;
  for (auto& entry : table) {
    entry = p;
    p *= 10;  // wraps once past 10^19, after the last entry is written
  }
  return table;
}();

// Multiplying by a machine word, rather than by a cpp_int power of ten, keeps
// small values in cpp_int's inline storage: comparisons and sums of ordinary
// amounts then never allocate.
cpp_int times_pow10(const cpp_int& value, int n) {
  assert(n >= 0);
  if (n < static_cast<int>(kPow10.size())) return value * kPow10[static_cast<std::size_t>(n)];
  return value * boost::multiprecision::pow(cpp_int(10), static_cast<unsigned>(n));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t count_digits(std::string_view text, std::size_t from) {
  std::size_t i = from;
  while (i < text.size() && is_digit(text[i])) ++i;
  return i - from;
}

// Chunks of up to 19 digits fit in a machine word, so a long number costs one
// big multiplication per chunk instead of one per digit.
void append_digits(cpp_int& value, std::string_view digits) {
  constexpr std::size_t kChunk = 19;
  for (std::size_t i = 0; i < digits.size(); i += kChunk) {
    std::size_t len = std::min(kChunk, digits.size() - i);
    std::uint64_t chunk = 0;
    for (std::size_t k = 0; k < len; ++k) chunk = chunk * 10 + static_cast<std::uint64_t>(digits[i + k] - '0');
    value *= kPow10[len];
    value += chunk;
  }
}

// The input as shown in a message: quoted, and cut short (at a UTF-8 character
// boundary) so that a hostile megabyte of digits does not end up in a report.
std::string shown(std::string_view text) {
  constexpr std::size_t kShown = 40;
  if (text.size() <= kShown) return json_quote(text);
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return json_quote(text.substr(0, cut)) + "... (" + std::to_string(text.size()) + " bytes)";
}

Error too_many_digits(std::size_t digits) {
  return fail("amount too large: expected at most " + std::to_string(kMaxDigits) + " digits, got " +
              std::to_string(digits));
}

constexpr std::string_view kPlainExample = "a decimal number like 60000 or 60000.00";
constexpr std::string_view kMoneyExample = "a decimal amount like 60000 or 60000.00 USD";
constexpr std::string_view kJsonExample = "a JSON number like 60000 or 7.5e4";

Error malformed(std::string_view expected, std::string_view text) {
  return fail("expected " + std::string(expected) + ", got " + shown(text));
}

// The sign and the integer and fraction digits of a plain decimal.
struct Parts {
  bool negative = false;
  std::string_view integer;
  std::string_view fraction;
};

// Scans -?[0-9]+(\.[0-9]+)? at the start of `text`; returns the length read, or
// 0 if there is no such prefix. `integer` may have leading zeros.
std::size_t scan_plain_prefix(std::string_view text, Parts& parts) {
  std::size_t i = 0;
  parts.negative = i < text.size() && text[i] == '-';
  if (parts.negative) ++i;
  std::size_t integer_digits = count_digits(text, i);
  if (integer_digits == 0) return 0;
  parts.integer = text.substr(i, integer_digits);
  i += integer_digits;
  if (i < text.size() && text[i] == '.') {
    std::size_t fraction_digits = count_digits(text, i + 1);
    if (fraction_digits == 0) return 0;
    parts.fraction = text.substr(i + 1, fraction_digits);
    i += 1 + fraction_digits;
  }
  return i;
}

cpp_int coefficient_of(const Parts& parts) {
  cpp_int coefficient;
  if (parts.integer.size() + parts.fraction.size() <= 19) {
    // Every amount a case carries in practice: one machine word, no
    // arbitrary-precision multiply.
    std::uint64_t small = 0;
    for (char c : parts.integer) small = small * 10 + static_cast<std::uint64_t>(c - '0');
    for (char c : parts.fraction) small = small * 10 + static_cast<std::uint64_t>(c - '0');
    coefficient = small;
  } else {
    append_digits(coefficient, parts.integer);
    append_digits(coefficient, parts.fraction);
  }
  if (parts.negative) coefficient = -coefficient;  // -0 stays 0: cpp_int has no negative zero
  return coefficient;
}

}  // namespace

Decimal::Decimal() = default;

Decimal::Decimal(cpp_int coefficient, int scale) : coefficient_(std::move(coefficient)), scale_(scale) {
  assert(scale_ >= 0);
}

Decimal Decimal::from_integer(long long v) {
  // Assigning in place rather than moving a temporary cpp_int in: g++ 12
  // warns (falsely) that the moved-from temporary's limbs may be uninitialised.
  Decimal result;
  result.coefficient_ = v;
  return result;
}

Result<Decimal> Decimal::parse_json_number(std::string_view text) {
  Parts parts;
  std::size_t i = scan_plain_prefix(text, parts);
  if (i == 0) return malformed(kJsonExample, text);
  if (parts.integer.size() > 1 && parts.integer.front() == '0') {
    return fail("expected " + std::string(kJsonExample) + " (no leading zeros), got " + shown(text));
  }
  std::size_t digits = parts.integer.size() + parts.fraction.size();
  if (digits > static_cast<std::size_t>(kMaxDigits)) return too_many_digits(digits);

  int exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative_exponent = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      negative_exponent = text[i] == '-';
      ++i;
    }
    std::size_t exponent_digits = count_digits(text, i);
    if (exponent_digits == 0) return malformed(kJsonExample, text);
    std::string_view written = text.substr(i, exponent_digits);
    i += exponent_digits;
    if (i != text.size()) return malformed(kJsonExample, text);
    // Leading zeros are legal in a JSON exponent; dropping them first keeps
    // the accumulation below from overflowing on "1e0000000000000000000001".
    while (written.size() > 1 && written.front() == '0') written.remove_prefix(1);
    bool in_range = written.size() <= 4;
    if (in_range) {
      for (char c : written) exponent = exponent * 10 + (c - '0');
      in_range = exponent <= kMaxExponent;
    }
    if (!in_range) {
      if (negative_exponent) {
        return fail("amount too precise: expected an exponent of at least -" + std::to_string(kMaxExponent) +
                    ", got " + shown(text));
      }
      return fail("amount too large: expected an exponent of at most " + std::to_string(kMaxExponent) + ", got " +
                  shown(text));
    }
    if (negative_exponent) exponent = -exponent;
  }
  if (i != text.size()) return malformed(kJsonExample, text);

  cpp_int coefficient = coefficient_of(parts);
  int scale = static_cast<int>(parts.fraction.size()) - exponent;
  if (scale < 0) return Decimal(times_pow10(coefficient, -scale), 0);
  return Decimal(std::move(coefficient), scale);
}

Result<Decimal> Decimal::parse_plain(std::string_view text) {
  Parts parts;
  std::size_t length = scan_plain_prefix(text, parts);
  if (length == 0 || length != text.size()) return malformed(kPlainExample, text);
  std::size_t digits = parts.integer.size() + parts.fraction.size();
  if (digits > static_cast<std::size_t>(kMaxDigits)) return too_many_digits(digits);
  return Decimal(coefficient_of(parts), static_cast<int>(parts.fraction.size()));
}

bool Decimal::is_zero() const { return coefficient_.is_zero(); }

bool Decimal::is_negative() const { return coefficient_.sign() < 0; }

int Decimal::scale() const { return scale_; }

bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

namespace {

// Compares the magnitudes |a| * 10^-scale_a and |b| * 10^-scale_b when both
// coefficients fit in one machine word and the scales are close: exact in
// 128 bits, without the arbitrary-precision product. An amount against a
// band limit, on nearly every case, takes this path.
std::optional<std::strong_ordering> compare_small(const cpp_int& a, int scale_a, const cpp_int& b, int scale_b) {
  static_assert(sizeof(boost::multiprecision::limb_type) == 8 && sizeof(boost::multiprecision::double_limb_type) == 16,
                "one limb is one 64-bit word, and two hold any product of two");
  constexpr int max_shift = static_cast<int>(kPow10.size()) - 1;   // 10^19 < 2^64
  const int shift = scale_b - scale_a;
  if (a.backend().size() != 1 || b.backend().size() != 1 || shift > max_shift || shift < -max_shift) {
    return std::nullopt;
  }
  boost::multiprecision::double_limb_type x = a.backend().limbs()[0], y = b.backend().limbs()[0];
  if (shift > 0) x *= kPow10[static_cast<std::size_t>(shift)];
  else y *= kPow10[static_cast<std::size_t>(-shift)];
  return x <=> y;
}

}  // namespace

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  int sign_a = a.coefficient_.sign();
  int sign_b = b.coefficient_.sign();
  // Differing signs, or two zeros, need no alignment at all.
  if (sign_a != sign_b || sign_a == 0) return sign_a <=> sign_b;
  if (auto magnitudes = compare_small(a.coefficient_, a.scale_, b.coefficient_, b.scale_)) {
    return sign_a > 0 ? *magnitudes : 0 <=> *magnitudes;
  }
  int order;
  if (a.scale_ == b.scale_) {
    order = a.coefficient_.compare(b.coefficient_);
  } else if (a.scale_ < b.scale_) {
    order = times_pow10(a.coefficient_, b.scale_ - a.scale_).compare(b.coefficient_);
  } else {
    order = a.coefficient_.compare(times_pow10(b.coefficient_, a.scale_ - b.scale_));
  }
  return order <=> 0;
}

Decimal Decimal::operator+(const Decimal& other) const {
  if (scale_ == other.scale_) return Decimal(coefficient_ + other.coefficient_, scale_);
  if (scale_ < other.scale_) {
    return Decimal(times_pow10(coefficient_, other.scale_ - scale_) + other.coefficient_, other.scale_);
  }
  return Decimal(coefficient_ + times_pow10(other.coefficient_, scale_ - other.scale_), scale_);
}

Decimal Decimal::operator-(const Decimal& other) const {
  if (scale_ == other.scale_) return Decimal(coefficient_ - other.coefficient_, scale_);
  if (scale_ < other.scale_) {
    return Decimal(times_pow10(coefficient_, other.scale_ - scale_) - other.coefficient_, other.scale_);
  }
  return Decimal(coefficient_ - times_pow10(other.coefficient_, scale_ - other.scale_), scale_);
}

Decimal Decimal::operator*(const Decimal& other) const {
  return Decimal(coefficient_ * other.coefficient_, scale_ + other.scale_);
}

Decimal Decimal::percent(const Decimal& percent) const {
  // Dividing by 100 is exact as two more fractional digits.
  return Decimal(coefficient_ * percent.coefficient_, scale_ + percent.scale_ + 2);
}

Decimal Decimal::rounded(int digits) const {
  int target = std::max(digits, 0);
  if (digits >= scale_) return Decimal(times_pow10(coefficient_, target - scale_), target);
  // Rounding the magnitude and restoring the sign afterwards makes ties go to
  // even symmetrically (-0.125 -> -0.12) whatever the division's sign rules.
  cpp_int divisor = times_pow10(cpp_int(1), scale_ - digits);
  cpp_int magnitude = abs(coefficient_);
  cpp_int quotient = magnitude / divisor;
  cpp_int remainder = magnitude % divisor;
  int against_half = cpp_int(remainder * 2u).compare(divisor);
  if (against_half > 0 || (against_half == 0 && bit_test(quotient, 0))) ++quotient;
  if (coefficient_.sign() < 0) quotient = -quotient;
  if (digits < 0) quotient = times_pow10(quotient, -digits);
  return Decimal(std::move(quotient), target);
}

std::string Decimal::to_string(int min_digits) const {
  min_digits = std::max(min_digits, 0);
  std::string digits = coefficient_.is_zero() ? std::string("0") : cpp_int(abs(coefficient_)).str();
  int fraction = coefficient_.is_zero() ? 0 : scale_;
  while (fraction > min_digits && digits.back() == '0') {
    digits.pop_back();
    --fraction;
  }
  if (fraction < min_digits) {
    digits.append(static_cast<std::size_t>(min_digits - fraction), '0');
    fraction = min_digits;
  }
  auto fraction_size = static_cast<std::size_t>(fraction);
  // At least one digit before the point: 0.05, not .05.
  if (digits.size() <= fraction_size) digits.insert(0, fraction_size + 1 - digits.size(), '0');
  std::string out;
  out.reserve(digits.size() + 2);
  if (coefficient_.sign() < 0) out += '-';
  out.append(digits, 0, digits.size() - fraction_size);
  if (fraction_size > 0) {
    out += '.';
    out.append(digits, digits.size() - fraction_size, std::string::npos);
  }
  return out;
}

Result<Money> parse_money_string(std::string_view text) {
  std::size_t space = text.find(' ');
  std::string_view amount_text = text.substr(0, space);
  // The syntax is checked here too so that the message names the money form
  // (with its currency) rather than a bare number.
  Parts parts;
  if (scan_plain_prefix(amount_text, parts) != amount_text.size() || amount_text.empty()) {
    return malformed(kMoneyExample, text);
  }
  std::string currency;
  if (space != std::string_view::npos) {
    std::string_view code = text.substr(space + 1);
    bool valid = code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!valid) {
      return fail("expected a 3-letter upper-case currency code like USD after the amount, got " + shown(text));
    }
    currency = code;
  }
  auto amount = Decimal::parse_plain(amount_text);  // can now fail only on size
  if (!amount.ok()) return fail(amount.error());
  if (amount->is_negative()) return fail("expected a non-negative amount, got " + shown(text));
  return Money{std::move(amount).value(), std::move(currency)};
}

Result<Money> parse_money_number(std::string_view raw_json_number) {
  auto amount = Decimal::parse_json_number(raw_json_number);
  if (!amount.ok()) return fail(amount.error());
  if (amount->is_negative()) return fail("expected a non-negative amount, got " + shown(raw_json_number));
  return Money{std::move(amount).value(), ""};
}

std::optional<std::int64_t> Decimal::scaled_integer(int shift) const {
  if (shift < 0 || shift > 36) return std::nullopt;
  cpp_int value = coefficient_;
  int scale = scale_ - shift;
  if (scale > 0) {
    cpp_int divisor = pow(cpp_int(10), static_cast<unsigned>(scale));
    if (value % divisor != 0) return std::nullopt;
    value /= divisor;
  } else if (scale < 0) {
    value *= pow(cpp_int(10), static_cast<unsigned>(-scale));
  }
  if (value > (std::numeric_limits<std::int64_t>::max)() || value < (std::numeric_limits<std::int64_t>::min)()) {
    return std::nullopt;
  }
  return value.convert_to<std::int64_t>();
}

}  // namespace clause::money
