// The language's words: each enum that a policy, a decision or a message
// spells, declared once with its text. The parser, the checker, the compiled
// program, the formatter, the differ and the suggestion tables all use these
// tables, so adding a value cannot silently misprint (a static_assert holds
// each table to its enum's order).
//
// Depends on nothing: the syntax tree, the checked policy and the IR all
// speak these words, so the evaluator never needs the syntax tree.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clause::lang {

template <typename E>
struct Word {
  E value;
  std::string_view text;
};

// A table is in order when entry i holds the enum value i.
template <typename E, std::size_t N>
constexpr bool in_order(const std::array<Word<E>, N>& table) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(table[i].value) != i) return false;
  }
  return true;
}

// `words(E{})` finds an enum's table by argument-dependent lookup.
#define CLAUSE_WORDS(Enum, ...)                                                          \
  inline constexpr std::array<Word<Enum>, std::size({__VA_ARGS__})> Enum##_words{{__VA_ARGS__}}; \
  static_assert(in_order(Enum##_words), #Enum " words must follow the enum's order");   \
  constexpr const auto& words(Enum) { return Enum##_words; }

// The types a case field can have.
enum class FieldType : std::uint8_t { enumeration, ordered, set, money, date, timestamp, boolean, record };
CLAUSE_WORDS(FieldType, Word<FieldType>{FieldType::enumeration, "one of"}, {FieldType::ordered, "ordered"},
             {FieldType::set, "set of"}, {FieldType::money, "money"}, {FieldType::date, "date"},
             {FieldType::timestamp, "timestamp"}, {FieldType::boolean, "bool"}, {FieldType::record, "record"})

// What a rule does when it holds.
enum class RuleAction : std::uint8_t { reject, not_covered, limited, lower, outside_plan, outside_guarantee };
CLAUSE_WORDS(RuleAction, Word<RuleAction>{RuleAction::reject, "reject"}, {RuleAction::not_covered, "not_covered"},
             {RuleAction::limited, "limited"}, {RuleAction::lower, "lower"},
             {RuleAction::outside_plan, "outside plan"}, {RuleAction::outside_guarantee, "outside guarantee"})

// Comparison operators of conditions.
enum class CompareOp : std::uint8_t { eq, ne, lt, le, gt, ge };
CLAUSE_WORDS(CompareOp, Word<CompareOp>{CompareOp::eq, "="}, {CompareOp::ne, "!="}, {CompareOp::lt, "<"},
             {CompareOp::le, "<="}, {CompareOp::gt, ">"}, {CompareOp::ge, ">="})

// The clock a length of time is counted on.
enum class Clock : std::uint8_t { working, calendar, business };
CLAUSE_WORDS(Clock, Word<Clock>{Clock::working, "working"}, {Clock::calendar, "calendar"}, {Clock::business, "business"})

// Units of a length of time, plural; `singular()` drops the `s`.
enum class TimeUnit : std::uint8_t { minutes, hours, days };
CLAUSE_WORDS(TimeUnit, Word<TimeUnit>{TimeUnit::minutes, "minutes"}, {TimeUnit::hours, "hours"},
             {TimeUnit::days, "days"})

// The terms a plan can set.
enum class PlanTerm : std::uint8_t {
  price, registers, talks, hours, registration, contacts, respond, resolve, update, reply, no_target, includes
};
CLAUSE_WORDS(PlanTerm, Word<PlanTerm>{PlanTerm::price, "price"}, {PlanTerm::registers, "registers"},
             {PlanTerm::talks, "talks"}, {PlanTerm::hours, "hours"}, {PlanTerm::registration, "registration"},
             {PlanTerm::contacts, "contacts"}, {PlanTerm::respond, "respond"}, {PlanTerm::resolve, "resolve"},
             {PlanTerm::update, "update"}, {PlanTerm::reply, "reply"}, {PlanTerm::no_target, "no target for"},
             {PlanTerm::includes, "includes"})

// The promises a plan can make per urgency value (CONTRACT.md 8), in the
// order decisions list them.
enum class TargetKind : std::uint8_t { response, resolution, update, reply };
CLAUSE_WORDS(TargetKind, Word<TargetKind>{TargetKind::response, "response"}, {TargetKind::resolution, "resolution"},
             {TargetKind::update, "update"}, {TargetKind::reply, "reply"})
inline constexpr std::size_t target_kinds = 4;

// Where a target stands at a moment (CONTRACT.md 8).
enum class TargetStatus : std::uint8_t { met, breached, running, paused, pending };
CLAUSE_WORDS(TargetStatus, Word<TargetStatus>{TargetStatus::met, "met"}, {TargetStatus::breached, "breached"},
             {TargetStatus::running, "running"}, {TargetStatus::paused, "paused"}, {TargetStatus::pending, "pending"})

// How a holiday on a weekend is moved to a working day.
enum class Observed : std::uint8_t { none, nearest_weekday, next_weekday };
CLAUSE_WORDS(Observed, Word<Observed>{Observed::none, ""}, {Observed::nearest_weekday, "observed nearest weekday"},
             {Observed::next_weekday, "observed next weekday"})

// Months as holidays write them.
enum class Month : std::uint8_t { jan, feb, mar, apr, may, jun, jul, aug, sep, oct, nov, dec };
CLAUSE_WORDS(Month, Word<Month>{Month::jan, "Jan"}, {Month::feb, "Feb"}, {Month::mar, "Mar"}, {Month::apr, "Apr"},
             {Month::may, "May"}, {Month::jun, "Jun"}, {Month::jul, "Jul"}, {Month::aug, "Aug"}, {Month::sep, "Sep"},
             {Month::oct, "Oct"}, {Month::nov, "Nov"}, {Month::dec, "Dec"})

// The terms of a guarantee.
enum class GuaranteeTerm : std::uint8_t { starts, lasts, covers, excludes, promptly, registers, includes };
CLAUSE_WORDS(GuaranteeTerm, Word<GuaranteeTerm>{GuaranteeTerm::starts, "starts after"},
             {GuaranteeTerm::lasts, "lasts"}, {GuaranteeTerm::covers, "covers"},
             {GuaranteeTerm::excludes, "excludes"}, {GuaranteeTerm::promptly, "respond promptly"},
             {GuaranteeTerm::registers, "registers"}, {GuaranteeTerm::includes, "includes"})

// The declarations of a policy, by their first keyword.
enum class MemberWord : std::uint8_t {
  currency, zones, urgency, case_schema, hours, holidays, entitlements, communication, base, registers, plan,
  default_plan, guarantee, rules, otherwise, test, import
};
CLAUSE_WORDS(MemberWord, Word<MemberWord>{MemberWord::currency, "currency"}, {MemberWord::zones, "zones"},
             {MemberWord::urgency, "urgency"}, {MemberWord::case_schema, "case"}, {MemberWord::hours, "hours"},
             {MemberWord::holidays, "holidays"}, {MemberWord::entitlements, "entitlements"},
             {MemberWord::communication, "communication"}, {MemberWord::base, "base"},
             {MemberWord::registers, "registers"}, {MemberWord::plan, "plan"}, {MemberWord::default_plan, "default"},
             {MemberWord::guarantee, "guarantee"}, {MemberWord::rules, "rules"}, {MemberWord::otherwise, "otherwise"},
             {MemberWord::test, "test"}, {MemberWord::import, "import"})

// A decision's outcome (CONTRACT.md 2).
enum class Outcome : std::uint8_t { covered, limited, billable, not_covered, rejected, invalid };
CLAUSE_WORDS(Outcome, Word<Outcome>{Outcome::covered, "covered"}, {Outcome::limited, "limited"},
             {Outcome::billable, "billable"}, {Outcome::not_covered, "not_covered"}, {Outcome::rejected, "rejected"},
             {Outcome::invalid, "invalid"})

// What a policy falls back to when no basis covers a case.
enum class Otherwise : std::uint8_t { none, time_and_materials, not_covered };
CLAUSE_WORDS(Otherwise, Word<Otherwise>{Otherwise::none, "none"},
             {Otherwise::time_and_materials, "time_and_materials"}, {Otherwise::not_covered, "not_covered"})

// How a plan is priced, and per what.
enum class PriceKind : std::uint8_t { free, percent, amount };
CLAUSE_WORDS(PriceKind, Word<PriceKind>{PriceKind::free, "free"}, {PriceKind::percent, "percent"},
             {PriceKind::amount, "amount"})
enum class PricePeriod : std::uint8_t { none, year, month };
CLAUSE_WORDS(PricePeriod, Word<PricePeriod>{PricePeriod::none, ""}, {PricePeriod::year, "per year"},
             {PricePeriod::month, "per month"})

// A band of a guarantee's length.
enum class BandKind : std::uint8_t { below, above, between };
CLAUSE_WORDS(BandKind, Word<BandKind>{BandKind::below, "below"}, {BandKind::above, "above"},
             {BandKind::between, "to"})

// What a test's `expect` line can state after the outcome.
enum class ExpectTerm : std::uint8_t { basis, priority, due, within, no_response, rule, error, target };
CLAUSE_WORDS(ExpectTerm, Word<ExpectTerm>{ExpectTerm::basis, "by"}, {ExpectTerm::priority, "priority"},
             {ExpectTerm::due, "due"}, {ExpectTerm::within, "within"}, {ExpectTerm::no_response, "no response"},
             {ExpectTerm::rule, "rule"}, {ExpectTerm::error, "error"}, {ExpectTerm::target, "target"})

// Days of the week as support hours write them, Monday first.
enum class Weekday : std::uint8_t { mon, tue, wed, thu, fri, sat, sun };
CLAUSE_WORDS(Weekday, Word<Weekday>{Weekday::mon, "Mon"}, {Weekday::tue, "Tue"}, {Weekday::wed, "Wed"},
             {Weekday::thu, "Thu"}, {Weekday::fri, "Fri"}, {Weekday::sat, "Sat"}, {Weekday::sun, "Sun"})

#undef CLAUSE_WORDS

// The text of a value.
template <typename E>
constexpr std::string_view text(E value) {
  return words(E{})[static_cast<std::size_t>(value)].text;
}

// The value a text names, if any.
template <typename E>
constexpr std::optional<E> parse(std::string_view text) {
  for (const auto& w : words(E{})) {
    if (w.text == text) return w.value;
  }
  return std::nullopt;
}

// Every text of an enum, in order (for suggestions and help).
template <typename E>
std::vector<std::string> all_texts() {
  std::vector<std::string> out;
  for (const auto& w : words(E{})) out.emplace_back(w.text);
  return out;
}

// The first word of a value's text: `default plan` -> `default`.
template <typename E>
constexpr std::string_view first_word(E value) {
  std::string_view t = text(value);
  return t.substr(0, t.find(' '));
}

// The first word of every value's text, in order.
template <typename E>
std::vector<std::string> all_first_words() {
  std::vector<std::string> out;
  for (const auto& w : words(E{})) out.emplace_back(first_word(w.value));
  return out;
}

// "hour" for hours: the unit of a length of one.
constexpr std::string_view singular(TimeUnit unit) {
  std::string_view t = text(unit);
  return t.substr(0, t.size() - 1);
}

// The keys every case may carry whatever the policy declares (CONTRACT.md 1).
inline constexpr std::string_view builtin_case_keys[] = {"id", "policy", "opened_at", "zone", "plan", "contact"};

// The reason ids of decision steps that are not authored rules.
namespace reason_ids {
inline constexpr std::string_view default_plan = "default_plan";
inline constexpr std::string_view guarantee = "guarantee";
inline constexpr std::string_view otherwise = "otherwise";
inline constexpr std::string_view plan_prefix = "plan.";
}  // namespace reason_ids

}  // namespace clause::lang
