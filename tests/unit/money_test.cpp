#include <catch2/catch.hpp>

#include <climits>
#include <string>
#include <string_view>

#include "money/decimal.h"

using clause::money::Decimal;
using clause::money::parse_money_number;
using clause::money::parse_money_string;

namespace Catch {
template <>
struct StringMaker<Decimal> {
  static std::string convert(const Decimal& d) { return d.to_string() + " (scale " + std::to_string(d.scale()) + ")"; }
};
}  // namespace Catch

namespace {

Decimal plain(std::string_view text) {
  auto parsed = Decimal::parse_plain(text);
  INFO("parse_plain(\"" << std::string(text) << "\")");
  REQUIRE(parsed.ok());
  return parsed.value();
}

Decimal json(std::string_view text) {
  auto parsed = Decimal::parse_json_number(text);
  INFO("parse_json_number(\"" << std::string(text) << "\")");
  REQUIRE(parsed.ok());
  return parsed.value();
}

// 10^n written out, so the expected value does not depend on the exponent parser.
Decimal power_of_ten(std::size_t n) { return plain("1" + std::string(n, '0')); }

}  // namespace

TEST_CASE("money: 0.1 + 0.2 is exactly 0.3") {
  Decimal sum = plain("0.1") + plain("0.2");
  CHECK(sum == plain("0.3"));
  CHECK(sum.to_string() == "0.3");
  CHECK(sum != plain("0.30000000000000004"));
  CHECK(plain("0.3") - plain("0.1") == plain("0.2"));
}

TEST_CASE("money: default, from_integer and arithmetic") {
  CHECK(Decimal().is_zero());
  CHECK(Decimal().scale() == 0);
  CHECK_FALSE(Decimal().is_negative());
  CHECK(Decimal::from_integer(-5).is_negative());
  CHECK(Decimal::from_integer(-5) == plain("-5"));
  CHECK(Decimal::from_integer(LLONG_MIN).to_string() == "-9223372036854775808");
  CHECK(Decimal::from_integer(LLONG_MAX) + Decimal::from_integer(1) == plain("9223372036854775808"));

  CHECK(plain("1") - plain("1.5") == plain("-0.5"));
  CHECK((plain("1") - plain("1.5")).scale() == 1);
  CHECK((plain("1.5") + plain("2.25")).scale() == 2);
  Decimal square = plain("1.5") * plain("1.5");
  CHECK(square == plain("2.25"));
  CHECK(square.scale() == 2);
  CHECK(plain("-0.2") * plain("0.3") == plain("-0.06"));
  CHECK((plain("2.50") - plain("2.5")).is_zero());
}

TEST_CASE("money: percent is exact") {
  Decimal share = plain("1234.565").percent(plain("10"));
  CHECK(share == plain("123.4565"));
  CHECK(share.to_string() == "123.4565");
  CHECK(share.rounded(2) == plain("123.46"));
  CHECK(share.rounded(2).to_string() == "123.46");
  CHECK(share.rounded(2).scale() == 2);
  // Fractional percentages and percentages of fractions stay exact too.
  CHECK(plain("200").percent(plain("12.5")) == plain("25"));
  CHECK(plain("0.01").percent(plain("0.5")) == plain("0.00005"));
  CHECK(plain("-80").percent(plain("25")) == plain("-20"));
}

TEST_CASE("money: seed policy prices") {
  auto base = parse_money_string("60000.00 USD");
  REQUIRE(base.ok());
  CHECK(base->currency == "USD");
  CHECK(base->amount.percent(plain("6")).to_string(2) == "3600.00");
  CHECK(base->amount.percent(plain("12")).to_string(2) == "7200.00");
  CHECK(base->amount.percent(plain("20")).to_string(2) == "12000.00");
  Decimal sixty_thousand = Decimal::from_integer(60000);
  CHECK(sixty_thousand.percent(plain("6")) == Decimal::from_integer(3600));
  CHECK(sixty_thousand.percent(plain("12")) == Decimal::from_integer(7200));
  CHECK(sixty_thousand.percent(plain("20")) == Decimal::from_integer(12000));
  CHECK(sixty_thousand.percent(plain("6")).to_string() == "3600");
}

TEST_CASE("money: rounding ties to even") {
  CHECK(plain("0.125").rounded(2).to_string(2) == "0.12");
  CHECK(plain("0.135").rounded(2).to_string(2) == "0.14");
  CHECK(plain("-0.125").rounded(2).to_string(2) == "-0.12");
  CHECK(plain("-0.135").rounded(2).to_string(2) == "-0.14");
  CHECK(plain("2.5").rounded(0) == plain("2"));
  CHECK(plain("3.5").rounded(0) == plain("4"));
  CHECK(plain("-2.5").rounded(0) == plain("-2"));
  CHECK(plain("-3.5").rounded(0) == plain("-4"));
  CHECK(plain("0.5").rounded(0).is_zero());
  CHECK(plain("-0.5").rounded(0).is_zero());
  CHECK_FALSE(plain("-0.5").rounded(0).is_negative());
  // Only exact halves are ties.
  CHECK(plain("0.1251").rounded(2) == plain("0.13"));
  CHECK(plain("0.1249999").rounded(2) == plain("0.12"));
  CHECK(plain("-0.1251").rounded(2) == plain("-0.13"));
  CHECK(plain("2.51").rounded(0) == plain("3"));
  // Carry through the integer part.
  CHECK(plain("9.995").rounded(2) == plain("10.00"));
  CHECK(plain("-9.999").rounded(2) == plain("-10"));
}

TEST_CASE("money: rounding to more digits pads, negative digits round to tens") {
  Decimal six = plain("6").rounded(2);
  CHECK(six == plain("6"));
  CHECK(six.scale() == 2);
  CHECK(six.to_string() == "6");
  CHECK(plain("1.5").rounded(1).scale() == 1);
  CHECK(plain("1250").rounded(-2) == plain("1200"));
  CHECK(plain("1350").rounded(-2) == plain("1400"));
  CHECK(plain("1250.01").rounded(-2) == plain("1300"));
  CHECK(plain("25").rounded(-1) == plain("20"));
  CHECK(plain("-15").rounded(-1) == plain("-20"));
  CHECK(plain("1250").rounded(-2).scale() == 0);
}

TEST_CASE("money: 30-digit amounts") {
  Decimal a = plain("123456789012345678901234567890");
  Decimal b = plain("987654321098765432109876543210");
  CHECK(a + b == plain("1111111110111111111011111111100"));
  CHECK(b - a == plain("864197532086419753208641975320"));
  CHECK(a < b);
  CHECK(b > a);
  CHECK(a != b);
  CHECK(a + plain("0.000000000000000000000000000001") > a);
  CHECK(a.percent(plain("10")) == plain("12345678901234567890123456789"));
  CHECK(a.percent(plain("10")).to_string() == "12345678901234567890123456789");
  CHECK(a.percent(plain("1")).to_string() == "1234567890123456789012345678.9");
  CHECK(plain("99999999999999999999") * plain("99999999999999999999") ==
        plain("9999999999999999999800000000000000000001"));
  Decimal fraction = plain("0.123456789012345678901234567890");
  CHECK(fraction.to_string() == "0.12345678901234567890123456789");
  CHECK(fraction.scale() == 30);
}

TEST_CASE("money: comparisons are by value") {
  CHECK(plain("75000.000000000001") > plain("75000"));
  CHECK(plain("75000") < plain("75000.000000000001"));
  CHECK(plain("74999.999999999999") < plain("75000"));
  CHECK(plain("25000") == plain("25000.00"));
  CHECK(plain("25000.00") == plain("25000"));
  CHECK(plain("1.50") == plain("1.5"));
  CHECK((plain("1.50") <=> plain("1.5")) == std::strong_ordering::equal);
  CHECK(plain("-1") < plain("0"));
  CHECK(plain("0") < plain("0.001"));
  CHECK(plain("-2") < plain("-1.5"));
  CHECK(plain("-1.5") > plain("-2.00"));
  CHECK(plain("-0.001") > plain("-1"));
  CHECK(plain("0.000") == Decimal());
  CHECK(plain("-0.00") == Decimal());
  CHECK(plain("10") > plain("9.99999999999999999999999999"));
}

TEST_CASE("money: comparisons agree with the sign of the difference") {
  // Coefficients around the one-word limit and scales up to 22 apart: the
  // 128-bit shortcut and the arbitrary-precision path must give one order.
  const std::vector<std::string> texts = {
      "0", "1", "-1", "9", "10", "25000", "25000.00", "-25000.000",
      "18446744073709551615", "18446744073709551616", "-18446744073709551615", "1844674407370955161.5",
      "1.8446744073709551615", "0.0000000000000000001", "0.00000000000000000001", "0.000000000000000000001",
      "10000000000000000000", "-0.0000000000000000000018446744073709551615", "99999999999999999999",
      "0.0000000000000000000000", "18446744073709551615.0000000000000000000", "0.10000000000000000000"};
  for (const auto& x : texts) {
    for (const auto& y : texts) {
      INFO(x << " <=> " << y);
      const Decimal a = plain(x), b = plain(y);
      CHECK((a <=> b) == ((a - b) <=> Decimal()));
      CHECK((b <=> a) == ((b - a) <=> Decimal()));
    }
  }
}

TEST_CASE("money: JSON numbers") {
  CHECK(json("60000") == plain("60000"));
  CHECK(json("60000.5") == plain("60000.5"));
  CHECK(json("1.50").scale() == 2);
  CHECK(json("7.5e4") == plain("75000"));
  CHECK(json("7.5e4").scale() == 0);
  CHECK(json("1E+2") == plain("100"));
  CHECK(json("1.5e-3") == plain("0.0015"));
  CHECK(json("1.5e-3").scale() == 4);
  CHECK(json("-12.25") == plain("-12.25"));
  CHECK(json("0.5") == plain("0.5"));
  CHECK(json("1e0002") == plain("100"));
  // Leading zeros in the exponent must not overflow the exponent.
  CHECK(json("1e0000000000000000000000000000001") == plain("10"));
  CHECK(json("0e1000").is_zero());
}

TEST_CASE("money: exponents are exact and bounded") {
  Decimal huge = json("1e400");
  CHECK(huge > power_of_ten(399));
  CHECK(huge == power_of_ten(400));
  CHECK(huge.to_string() == "1" + std::string(400, '0'));
  CHECK(json("1e1000") == power_of_ten(500) * power_of_ten(500));
  CHECK(json("1e-1000") > Decimal());
  CHECK(json("1e-1000") < json("1e-999"));

  auto too_large = Decimal::parse_json_number("1e1001");
  REQUIRE_FALSE(too_large.ok());
  CHECK(too_large.error() == "amount too large: expected an exponent of at most 1000, got \"1e1001\"");
  auto too_precise = Decimal::parse_json_number("1e-1001");
  REQUIRE_FALSE(too_precise.ok());
  CHECK(too_precise.error().find("expected an exponent of at least -1000") != std::string::npos);
  CHECK_FALSE(Decimal::parse_json_number("1e99999999999999999999").ok());

  std::string thousand_digits(1000, '9');
  CHECK(json(thousand_digits) + json("1") == power_of_ten(500) * power_of_ten(500));
  auto too_many = Decimal::parse_json_number(thousand_digits + "9");
  REQUIRE_FALSE(too_many.ok());
  CHECK(too_many.error() == "amount too large: expected at most 1000 digits, got 1001");
  CHECK_FALSE(Decimal::parse_json_number("0." + thousand_digits).ok());
  CHECK_FALSE(Decimal::parse_plain(thousand_digits + ".5").ok());
}

TEST_CASE("money: minus zero is zero") {
  for (std::string_view text : {"-0", "-0.0", "-0e5", "-0.000E-3"}) {
    INFO(std::string(text));
    Decimal zero = json(text);
    CHECK(zero.is_zero());
    CHECK_FALSE(zero.is_negative());
    CHECK(zero == Decimal());
    CHECK(zero.to_string() == "0");
  }
  CHECK(plain("-0").is_zero());
  CHECK_FALSE(plain("-0.00").is_negative());
  CHECK(plain("-0.00").to_string(2) == "0.00");
}

TEST_CASE("money: malformed JSON numbers are rejected") {
  for (std::string_view text : {"", "-", "1.", ".5", "1..2", "1e", "1e+", "1E-", "+1", "0x10", "01", "-01", "00",
                                "00.5", "\xef\xbc\x91\xef\xbc\x92", " 1", "1 ", "NaN", "Infinity", "-Infinity",
                                "1.5.2", "--1", "1e1.5", "1e5e5", "60,000", "$1", "1_000", "-.5", "1.e5", "e5"}) {
    INFO("\"" << std::string(text) << "\"");
    auto parsed = Decimal::parse_json_number(text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().starts_with("expected a JSON number like 60000 or 7.5e4"));
  }
  auto leading_zero = Decimal::parse_json_number("01");
  REQUIRE_FALSE(leading_zero.ok());
  CHECK(leading_zero.error() == "expected a JSON number like 60000 or 7.5e4 (no leading zeros), got \"01\"");
}

TEST_CASE("money: plain decimals") {
  CHECK(plain("0") == Decimal());
  CHECK(plain("60000.00").scale() == 2);
  CHECK(plain("60000.00") == Decimal::from_integer(60000));
  CHECK(plain("-12.5").is_negative());
  CHECK(plain("007") == Decimal::from_integer(7));
  CHECK(plain("0.5").to_string() == "0.5");

  for (std::string_view text : {"", "-", "1.", ".5", "-.5", "1..2", "+1", "1e5", "7.5e4", "0x10", " 1", "1 ",
                                "60,000", "$60000", "60000 USD", "\xef\xbc\x91\xef\xbc\x92", "1.-5", "--1", "1.5.",
                                "\xd9\xa1"}) {
    INFO("\"" << std::string(text) << "\"");
    auto parsed = Decimal::parse_plain(text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().starts_with("expected a decimal number like 60000 or 60000.00, got \""));
  }
}

TEST_CASE("money: money strings") {
  auto bare = parse_money_string("60000");
  REQUIRE(bare.ok());
  CHECK(bare->amount == Decimal::from_integer(60000));
  CHECK(bare->currency.empty());

  auto cents = parse_money_string("60000.00");
  REQUIRE(cents.ok());
  CHECK(cents->amount.scale() == 2);
  CHECK(cents->currency.empty());

  auto dollars = parse_money_string("60000.00 USD");
  REQUIRE(dollars.ok());
  CHECK(dollars->amount == plain("60000"));
  CHECK(dollars->amount.scale() == 2);
  CHECK(dollars->currency == "USD");

  auto zero = parse_money_string("-0 EUR");
  REQUIRE(zero.ok());
  CHECK(zero->amount.is_zero());
  CHECK(zero->currency == "EUR");

  auto comma = parse_money_string("60,000");
  REQUIRE_FALSE(comma.ok());
  CHECK(comma.error() == "expected a decimal amount like 60000 or 60000.00 USD, got \"60,000\"");

  for (std::string_view text : {"$60000", "7.5e4", "", " 60000", "60000USD", "USD 60000",
                                "60000.", ".5 USD", "+60000", "60000\tUSD", "\xef\xbc\x96\xef\xbc\x90"}) {
    INFO("\"" << std::string(text) << "\"");
    auto parsed = parse_money_string(text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().starts_with("expected a decimal amount like 60000 or 60000.00 USD, got \""));
  }
  for (std::string_view text : {"60000 usd", "60000 ", "60000  USD", "60000 US", "60000 USDX", "60000 USD ", "60000 U$D", "60000 \xc3\x89UR"}) {
    INFO("\"" << std::string(text) << "\"");
    auto parsed = parse_money_string(text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().starts_with("expected a 3-letter upper-case currency code like USD after the amount, got \""));
  }
  for (std::string_view text : {"-5", "-5 USD", "-0.01"}) {
    INFO("\"" << std::string(text) << "\"");
    auto parsed = parse_money_string(text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error() == "expected a non-negative amount, got \"" + std::string(text) + "\"");
  }
  auto too_many = parse_money_string(std::string(1001, '1') + " USD");
  REQUIRE_FALSE(too_many.ok());
  CHECK(too_many.error().starts_with("amount too large"));
}

TEST_CASE("money: money numbers") {
  auto half = parse_money_number("60000.5");
  REQUIRE(half.ok());
  CHECK(half->amount == plain("60000.5"));
  CHECK(half->currency.empty());

  auto exponent = parse_money_number("7.5e4");
  REQUIRE(exponent.ok());
  CHECK(exponent->amount == Decimal::from_integer(75000));

  auto zero = parse_money_number("-0");
  REQUIRE(zero.ok());
  CHECK(zero->amount.is_zero());

  for (std::string_view text : {"-1", "-0.5e1", "-1e-1000"}) {
    INFO(std::string(text));
    auto parsed = parse_money_number(text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error() == "expected a non-negative amount, got \"" + std::string(text) + "\"");
  }
  for (std::string_view text : {"01", "\"60000\"", "60000 USD", "1e1001"}) {
    INFO(std::string(text));
    CHECK_FALSE(parse_money_number(text).ok());
  }
}

TEST_CASE("money: to_string formatting") {
  CHECK(plain("6").to_string(2) == "6.00");
  CHECK(plain("1234.5678").to_string(2) == "1234.5678");
  CHECK(plain("-0.5").to_string(2) == "-0.50");
  CHECK(plain("-0.5").to_string() == "-0.5");
  CHECK(plain("60000.00").to_string() == "60000");
  CHECK(plain("60000.00").to_string() == plain("60000.00").to_string(0));
  CHECK(plain("60000.10").to_string() == "60000.1");
  CHECK(plain("60000.10").to_string(1) == "60000.1");
  CHECK(plain("0.05").to_string() == "0.05");
  CHECK(plain("-0.05").to_string(3) == "-0.050");
  CHECK(plain("0.000").to_string() == "0");
  CHECK(plain("0.000").to_string(2) == "0.00");
  CHECK(plain("100").to_string() == "100");
  CHECK(plain("1.5").to_string(-3) == "1.5");
  CHECK(json("1e-5").to_string() == "0.00001");
  CHECK(json("-1.5e2").to_string() == "-150");
}

TEST_CASE("money: messages quote long input briefly") {
  std::string hostile(100000, 'x');
  auto parsed = parse_money_string(hostile);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().size() < 200);
  CHECK(parsed.error().find("100000 bytes") != std::string::npos);
  // Control characters are escaped so the message stays on one line.
  auto newline = Decimal::parse_json_number("1\n2");
  REQUIRE_FALSE(newline.ok());
  CHECK(newline.error().find('\n') == std::string::npos);
  // A cut never splits a UTF-8 character: 39 ASCII bytes then 'é' (2 bytes) straddles byte 40.
  auto accented = Decimal::parse_plain(std::string(39, '1') + "\xc3\xa9" + std::string(10, '1'));
  REQUIRE_FALSE(accented.ok());
  CHECK(accented.error().find("\xc3\"") == std::string::npos);
  CHECK(accented.error().find(std::string(39, '1') + "\"...") != std::string::npos);
}
