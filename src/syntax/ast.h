// The syntax tree of a policy: what the author wrote, with a span on every
// node. Equality ignores spans (Loc), so tests and the formatter's soundness
// check can compare trees. Comments ride along (Policy::comments).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/source.h"
#include "lang/words.h"

namespace clause::syntax {

// A span that compares equal to every other span.
struct Loc : diag::Span {
  friend bool operator==(const Loc&, const Loc&) { return true; }
};

struct Name {
  std::string text;
  Loc span;
  bool operator==(const Name&) const = default;
};

// A string literal, unescaped.
struct Text {
  std::string value;
  Loc span;
  bool operator==(const Text&) const = default;
};

struct Comment {
  std::string text;    // "// ..." as written, without trailing blanks or the line ending
  Loc span;
  bool own_line = true;  // false when code precedes it on its line
  bool operator==(const Comment&) const = default;
};

// A dotted reference: `contact.role`, `project.budget`, `plan.includes`.
struct Ref {
  std::vector<Name> path;
  Loc span;
  std::string dotted() const;
  bool operator==(const Ref&) const = default;
};

// A decimal as written (parsed exactly later, never through a double).
struct Number {
  std::string text;
  Loc span;
  bool operator==(const Number&) const = default;
};

struct MoneyLit {
  Number amount;
  Name currency;
  Loc span;
  bool operator==(const MoneyLit&) const = default;
};

struct DateLit {
  std::string text;   // YYYY-MM-DD
  Loc span;
  bool operator==(const DateLit&) const = default;
};

struct Duration {
  using Clock = lang::Clock;
  using Unit = lang::TimeUnit;
  Number amount;
  Clock clock = Clock::working;
  Unit unit = Unit::hours;
  Loc span;
  bool operator==(const Duration&) const = default;
};

// ---- Case schema --------------------------------------------------------------

struct FieldDecl;

struct TypeExpr {
  using Kind = lang::FieldType;
  Kind kind = Kind::enumeration;
  std::vector<Name> values;           // enumeration, ordered (most urgent first), set
  std::vector<FieldDecl> fields;      // record
  Loc span;
  bool operator==(const TypeExpr&) const;
};

struct DefaultValue {
  bool empty_set = false;   // `{}`
  Name value;               // otherwise
  Loc span;
  bool operator==(const DefaultValue&) const = default;
};

struct FieldDecl {
  Name name;
  TypeExpr type;
  std::optional<DefaultValue> default_value;
  Loc span;
  bool operator==(const FieldDecl&) const = default;
};

inline bool TypeExpr::operator==(const TypeExpr& other) const {
  return kind == other.kind && values == other.values && fields == other.fields;
}

// ---- Hours --------------------------------------------------------------------

struct ClockTime {
  int hour = 0;
  int minute = 0;
  Loc span;
  bool operator==(const ClockTime&) const = default;
};

struct DayRange {
  Name first;
  std::optional<Name> last;
  Loc span;
  bool operator==(const DayRange&) const = default;
};

struct TimeWindow {
  ClockTime open;
  ClockTime close;
  Loc span;
  bool operator==(const TimeWindow&) const = default;
};

struct DaySchedule {
  std::vector<DayRange> days;
  std::vector<TimeWindow> windows;
  Loc span;
  bool operator==(const DaySchedule&) const = default;
};

struct HoursSpec {
  bool always = false;                  // 24/7
  std::vector<DaySchedule> schedule;
  Loc span;
  bool operator==(const HoursSpec&) const = default;
};

struct ZoneName { std::string text; Loc span; bool operator==(const ZoneName&) const = default; };

// `hours weekdays` or hours written in place (then maybe in a zone of their own).
struct HoursUse {
  std::optional<Name> name;
  std::optional<HoursSpec> spec;
  std::optional<ZoneName> zone;
  Loc span;
  bool operator==(const HoursUse&) const = default;
};

// ---- Conditions ---------------------------------------------------------------

struct Operand {
  enum class Kind { ref, number, money, date, none, boolean };
  Kind kind = Kind::ref;
  Ref ref;                  // ref
  Number number;            // number
  MoneyLit money;           // money
  DateLit date;             // date
  bool truth = false;       // boolean
  Loc span;
  bool operator==(const Operand&) const = default;
};

struct Expr {
  enum class Kind { all, any, negation, test, compare, in, not_in, has };
  using Op = lang::CompareOp;
  Kind kind = Kind::test;
  std::vector<Expr> children;   // all (and), any (or), negation (one child)
  Ref subject;                  // test, compare, in, not_in, has
  Op op = Op::eq;               // compare
  std::vector<Operand> operands;  // compare/has: one; in/not_in: one or more
  Loc span;
  bool operator==(const Expr&) const = default;
};

// ---- Plans ----------------------------------------------------------------------

struct Price {
  using Kind = lang::PriceKind;
  using Period = lang::PricePeriod;
  Kind kind = Kind::free;
  Number percent;      // percent
  Ref base;            // percent: what it is a percentage of
  MoneyLit amount;     // amount
  Period period = Period::none;
  Loc span;
  bool operator==(const Price&) const = default;
};

struct UrgencyRange {
  Name first;
  std::optional<Name> last;
  Loc span;
  bool operator==(const UrgencyRange&) const = default;
};

// When a target falls due: within a length of time, or by the close of the
// business day the case opens on (`close_days` 0) or of the next one (1).
struct TargetTime {
  bool by_close = false;
  int close_days = 0;
  bool every = false;          // `update ... every D`, as opposed to `within D`
  Duration within;             // when not by_close
  Loc span;
  bool operator==(const TargetTime&) const = default;
};

struct PlanItem {
  using Kind = lang::PlanTerm;
  Kind kind = Kind::price;
  Price price;
  std::vector<Name> names;             // registers, talks, includes
  HoursUse hours;                      // hours, registration
  Number count;                        // contacts
  std::vector<UrgencyRange> urgency;   // respond, resolve, update, reply, no_target
  TargetTime time;                     // respond, resolve, update, reply
  std::optional<Name> on_hours;        // a target line counted on other hours
  std::vector<Expr> when;              // a target line's condition (none or one)
  Loc span;
  bool operator==(const PlanItem&) const = default;
};

struct PlanDecl {
  Name id;
  std::optional<Text> title;
  std::optional<Name> extends;
  std::vector<PlanItem> items;
  Loc span;
  bool operator==(const PlanDecl&) const = default;
};

// ---- Guarantee --------------------------------------------------------------------

struct Band {
  using Kind = lang::BandKind;
  Kind kind = Kind::between;
  bool from_word = false;   // `from 25000 USD to ...` (kept for the formatter)
  MoneyLit low;             // between, above
  MoneyLit high;            // between, below
  Duration length;
  Loc span;
  bool operator==(const Band&) const = default;
};

// A named condition with the sentence a decision quotes: guarantee `covers`
// and `excludes` clauses.
struct Clause {
  Name id;
  std::optional<Text> text;
  Expr when;
  Loc span;
  bool operator==(const Clause&) const = default;
};

struct GuaranteeItem {
  using Kind = lang::GuaranteeTerm;
  Kind kind = Kind::starts;
  Ref ref;                      // starts after REF; lasts by REF
  bool banded = false;          // lasts by REF { bands }
  std::vector<Band> bands;
  Duration length;              // lasts LENGTH
  Clause clause;                // covers, excludes
  std::vector<Name> names;      // registers, includes
  Loc span;
  bool operator==(const GuaranteeItem&) const = default;
};

struct GuaranteeDecl {
  std::optional<Text> title;
  std::vector<GuaranteeItem> items;
  Loc span;
  bool operator==(const GuaranteeDecl&) const = default;
};

// ---- Rules ---------------------------------------------------------------------------

struct Rule {
  using Action = lang::RuleAction;
  Action action = Action::reject;
  Name id;
  std::optional<Text> text;
  Expr when;
  std::optional<Name> lower_to;
  Loc span;
  bool operator==(const Rule&) const = default;
};

// ---- Tests ---------------------------------------------------------------------------

struct ExpectItem {
  using Kind = lang::ExpectTerm;
  // What a `target` item states about its target.
  enum class Fact { due, within, status, none };
  Kind kind = Kind::basis;
  std::string value;    // basis: "guarantee", "time_and_materials", "plan:ID"; priority; due; rule; error field;
                        // target: the due timestamp or the status word
  Duration within;
  lang::TargetKind target = lang::TargetKind::response;   // target
  Fact fact = Fact::due;                                   // target
  TargetTime time;                                         // target, within
  Loc span;
  bool operator==(const ExpectItem&) const = default;
};

struct TestDecl {
  Text name;
  std::string case_json;   // the JSON object as written
  Loc case_span;
  Name outcome;
  std::vector<ExpectItem> expect;
  Loc span;
  bool operator==(const TestDecl&) const = default;
};

// ---- Declarations ----------------------------------------------------------------------

struct CurrencyDecl { Name code; Loc span; bool operator==(const CurrencyDecl&) const = default; };
struct ZonesDecl { std::vector<ZoneName> zones; Loc span; bool operator==(const ZonesDecl&) const = default; };
struct UrgencyDecl { Name field; Loc span; bool operator==(const UrgencyDecl&) const = default; };
struct CaseDecl { std::vector<FieldDecl> fields; Loc span; bool operator==(const CaseDecl&) const = default; };
struct HoursDecl {
  Name name;
  HoursSpec spec;
  std::optional<ZoneName> zone;      // `in Europe/Berlin`
  std::vector<Name> except;
  Loc span;
  bool operator==(const HoursDecl&) const = default;
};
// A holiday: a date, or a rule giving one date a year.
struct Holiday {
  enum class Kind { date, every_date, every_nth, relative };
  Kind kind = Kind::date;
  std::optional<Name> id;          // `thanksgiving:` names it for days relative to it
  DateLit date;                    // date
  Name month;                      // every_date, every_nth: `Dec`
  int day = 0;                     // every_date: 25
  int nth = 0;                     // every_nth: 1 to 5, or 0 for `last`
  Name weekday;                    // every_nth: `Thu`
  lang::Observed observed = lang::Observed::none;
  Name base;                       // relative: `easter` or a holiday's id
  int offset = 0;                  // relative: days after (negative: before)
  std::optional<Text> label;
  std::optional<int> from_year, until_year;
  Loc span;
  bool operator==(const Holiday&) const = default;
};
struct HolidaysDecl {
  Name name;
  std::vector<Holiday> days;
  Loc span;
  bool operator==(const HolidaysDecl&) const = default;
};
struct Entitlement { Name id; std::optional<Text> text; Loc span; bool operator==(const Entitlement&) const = default; };
struct EntitlementsDecl {
  std::vector<Entitlement> items;
  Loc span;
  bool operator==(const EntitlementsDecl&) const = default;
};
struct CommunicationDecl { std::vector<Name> names; Loc span; bool operator==(const CommunicationDecl&) const = default; };
struct BaseDecl { Name name; std::optional<Text> text; Loc span; bool operator==(const BaseDecl&) const = default; };
struct RegistersDecl { std::vector<Name> channels; Loc span; bool operator==(const RegistersDecl&) const = default; };
struct DefaultPlanDecl { Name plan; Loc span; bool operator==(const DefaultPlanDecl&) const = default; };
struct RulesDecl { std::vector<Rule> rules; Loc span; bool operator==(const RulesDecl&) const = default; };
struct OtherwiseDecl { Name basis; Loc span; bool operator==(const OtherwiseDecl&) const = default; };
struct ImportDecl { Text path; Loc span; bool operator==(const ImportDecl&) const = default; };

using Member = std::variant<CurrencyDecl, ZonesDecl, UrgencyDecl, CaseDecl, HoursDecl, HolidaysDecl,
                            EntitlementsDecl, CommunicationDecl, BaseDecl, RegistersDecl, PlanDecl,
                            DefaultPlanDecl, GuaranteeDecl, RulesDecl, OtherwiseDecl, TestDecl, ImportDecl>;

Loc span_of(const Member& member);

struct Policy {
  Name name;
  std::optional<Text> title;
  std::vector<Member> members;
  std::vector<Comment> comments;   // every comment in the file, in order
  bool bom = false;
  bool library = false;            // `library NAME { ... }`: declarations to import, no cases
  Loc span;
  bool operator==(const Policy&) const = default;
};

}  // namespace clause::syntax
