#include "calendar/timestamp.h"
#include "sema/steps.h"

namespace clause::sema {
namespace {

namespace codes = diag::codes;

constexpr std::int64_t max_target_hours = 10'000'000;

std::int64_t unit_seconds(lang::TimeUnit unit) {
  switch (unit) {
    case lang::TimeUnit::minutes: return 60;
    case lang::TimeUnit::hours: return 3600;
    case lang::TimeUnit::days: return 86400;
  }
  return 3600;
}

}  // namespace

std::optional<money::Decimal> amount(Context& context, const syntax::MoneyLit& lit) {
  auto value = money::Decimal::parse_plain(lit.amount.text);
  if (!value) {
    context.error(&codes::bad_value, lit.amount.span, value.error());
    return std::nullopt;
  }
  const syntax::CurrencyDecl* currency = context.currency;
  if (!currency) {
    if (!context.currency_missing_reported) {
      context.error(&codes::missing_declaration, lit.currency.span,
                    "an amount in `" + lit.currency.text + "` needs the policy's currency")
          .help = "add `currency " + lit.currency.text + "` to the policy";
      context.currency_missing_reported = true;
    }
    return std::nullopt;
  }
  if (lit.currency.text != currency->code.text) {
    auto& d = context.error(&codes::currency, lit.currency.span,
                            "amount in `" + lit.currency.text + "`, but the policy's currency is `" +
                                currency->code.text + "`");
    d.related.push_back({currency->code.span, "the policy's currency"});
    return std::nullopt;
  }
  return *value;
}

std::optional<int> date_days(Context& context, const syntax::DateLit& lit) {
  auto parsed = calendar::parse_date(lit.text);
  if (!parsed) {
    auto& d = context.error(&codes::bad_date, lit.span, "`" + lit.text + "` is not a date on the calendar");
    d.label = "no such day";
    d.help = "write a date that exists, as YYYY-MM-DD";
    return std::nullopt;
  }
  return static_cast<int>(parsed->time_since_epoch().count());
}

std::optional<Length> length(Context& context, const syntax::Duration& d) {
  Length out;
  out.span = d.span;
  out.unit = d.unit;
  out.clock = d.clock;
  auto amount = money::Decimal::parse_plain(d.amount.text);
  if (!amount) {
    context.error(&codes::bad_value, d.amount.span, amount.error());
    return std::nullopt;
  }
  out.amount = *amount;
  if (d.clock == lang::Clock::working && d.unit == lang::TimeUnit::days) {
    auto& e = context.error(&codes::type_mismatch, d.span, "working time is counted in hours or minutes, not days");
    e.help = "for days of the plan's hours write `" + d.amount.text + " business " +
             std::string(d.amount.text == "1" ? "day" : "days") + "`; for elapsed days, `calendar days`";
    return std::nullopt;
  }
  if (d.clock == lang::Clock::business) {
    if (d.unit != lang::TimeUnit::days) {
      auto& e = context.error(&codes::type_mismatch, d.span, "business time is counted in days");
      e.help = "write `N business days`, or the target in working hours: `" + d.amount.text + " working " +
               std::string(d.amount.text == "1" ? lang::singular(d.unit) : lang::text(d.unit)) + "`";
      return std::nullopt;
    }
    auto days = amount->scaled_integer();
    if (!days || *days < 1 || *days > 100'000) {
      auto& e = context.error(&codes::bad_value, d.span, "business days are counted whole, from 1 to 100000");
      e.help = "write a whole number of business days, or the target in working hours";
      return std::nullopt;
    }
    out.length = std::chrono::hours(24) * *days;
    return out;
  }
  auto micros = (*amount * money::Decimal::from_integer(unit_seconds(d.unit))).scaled_integer(6);
  if (!micros || *micros <= 0 || *micros > max_target_hours * 3600 * 1'000'000) {
    auto& e = context.error(&codes::bad_value, d.span,
                            micros && *micros <= 0 ? "a length of time must be more than zero"
                                                   : "`" + d.amount.text + "` is not a usable length of time");
    e.help = micros && *micros <= 0 ? "a response target must give the helpdesk some time"
                                    : "lengths run up to " + std::to_string(max_target_hours) + " hours";
    return std::nullopt;
  }
  out.length = std::chrono::microseconds(*micros);
  return out;
}

}  // namespace clause::sema
