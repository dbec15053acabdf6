// A checked policy: every name resolved to an index, every value typed,
// plans flattened (`extends` applied). It still carries spans, so lint, diff
// and the test runner can point at the text; the evaluator gets the compiled
// form (ir::Program) instead.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "calendar/working_hours.h"
#include "calendar/zone.h"
#include "lang/words.h"
#include "money/decimal.h"
#include "money/price.h"
#include "syntax/ast.h"

namespace clause::sema {

using syntax::Loc;

using lang::FieldType;

// A field of the case, flattened: records are fields too, and their members
// name their parent.
struct Field {
  std::string path;                  // "priority", "project.budget", "contact.role"
  FieldType type = FieldType::enumeration;
  std::vector<std::string> values;   // enumeration, ordered (most urgent first), set
  int parent = -1;                   // enclosing record
  std::vector<int> members;          // record
  bool required = true;
  bool builtin = false;              // contact.role, contact.authorized
  int default_value = -1;            // enumeration/ordered: value index
  Loc span;
  bool imported = false;             // declared in an imported file (its span is that file's)

  std::string_view name() const;     // last part of the path
  int value_index(std::string_view value) const;   // -1 if not a value
};

// A length of time as written, and its exact length. (Not a diag::Span,
// which is a range of bytes in a file.)
struct Length {
  money::Decimal amount;                                  // as written (4, 0.5, 30)
  lang::TimeUnit unit = lang::TimeUnit::hours;
  lang::Clock clock = lang::Clock::working;
  std::chrono::microseconds length{0};                    // business days: N days of 24 hours (for comparing)
  Loc span;
  bool working() const { return clock == lang::Clock::working; }
};

struct Hours {
  std::string name;                  // declared name, or "" for hours written in a plan
  bool always = false;
  std::vector<calendar::Window> windows;
  std::vector<date::local_days> holidays;
  std::optional<calendar::Zone> zone;   // `in Europe/Berlin`: read there, whatever the case's zone
  std::string zone_text;
  // The last date the holidays it takes off are known for: set when one of
  // its holiday lists gives literal dates only (a later deadline counts no
  // holiday of that list); `holidays_list` names that list.
  std::optional<date::local_days> holidays_end;
  std::string holidays_list;
  calendar::WorkingHours hours = calendar::WorkingHours::always();
  bool imported = false;
  Loc span;
};

// A list of holidays as declared: its dates (rules expanded for every year
// Clause counts in) and whether any entry is a rule.
struct HolidayList {
  std::vector<date::local_days> days;
  bool recurring = false;
  std::optional<date::local_days> last_literal;   // the latest literal date
  std::size_t entries = 0;
  bool imported = false;
  Loc span;
};

struct Entitlement {
  std::string id;
  std::string text;
  bool imported = false;
  Loc span;
};

// The terms the compiled policy keeps, and where they came from.
struct Price : money::Price {
  int base_field = -1;               // percent: the case field, when the base is one
  Loc span;
};

// A typed condition. Values are indices (enum values, plans, entitlements).
struct Cond {
  enum class Kind {
    all, any, negation,
    is_true,            // a bool field
    enum_in,            // enumeration/ordered field is one of `values`
    ordered_cmp,        // ordered field OP value (> means more urgent)
    set_has,            // set field has value
    money_cmp,          // money field OP amount
    date_cmp,           // date field OP days
    plan_in,            // the case's plan (or none, index -1) is one of `plans`
    plan_cmp,           // the case's plan OP plan rank
    channel_registered, // the case's channel is one the plan (or the policy) registers
    plan_includes,      // the case's plan includes entitlement `value`
  };
  Kind kind = Kind::all;
  std::vector<Cond> children;
  int field = -1;
  std::vector<int> values;      // enum_in: value indices; plan_in: plan indices (-1 = none)
  lang::CompareOp op = lang::CompareOp::eq;
  int value = -1;               // ordered_cmp, set_has, plan_cmp, plan_includes
  money::Decimal amount;        // money_cmp
  int days = 0;                 // date_cmp: days since 1970-01-01
  Loc span;
};

struct Target {
  Length within;
  Loc span;                          // the `respond` line
};


// Where a plan's term was set (its own line, or the plan it came from).
struct Origin {
  int plan = -1;
  Loc span;
};

// One target line of a plan: a kind, for some urgency values, with its time,
// maybe other hours and a condition. For a kind and urgency value the first
// line that holds wins.
struct TargetLine {
  lang::TargetKind kind = lang::TargetKind::response;
  Length within;                     // when not by_close
  bool by_close = false;             // `by close of business` (close_days 0) or of the next business day (1)
  int close_days = 0;
  int hours = -1;                    // `on NAME`: index into Checked::hours; -1: the plan's own
  std::optional<Cond> when;
  Origin origin;                     // the line (and the plan it is written in)
};

// The time a test expects a target to have.
struct ExpectedTime {
  Length within;                     // when not by_close
  bool by_close = false;
  int close_days = 0;
  std::string phrase;                // as the test writes it: "within 20 calendar minutes"
};

struct Plan {
  std::string id;
  std::string title;
  int parent = -1;                   // extends
  Price price;
  Origin price_origin;
  std::vector<int> registers;        // channel value indices
  Origin registers_origin;
  std::vector<std::string> talks;
  Origin talks_origin;
  int hours = -1;                    // index into Checked::hours
  Origin hours_origin;
  int registration = -1;
  int contacts = -1;
  Origin contacts_origin;
  std::vector<std::optional<Target>> targets;   // response, by urgency value index: its line without a condition
  std::vector<bool> no_target;                  // by urgency value index: explicitly none
  // Every target line, [kind][urgency value], in order: the first that holds wins.
  std::array<std::vector<std::vector<TargetLine>>, lang::target_kinds> lines;
  std::vector<int> includes;                    // entitlements, inherited first
  std::vector<Origin> includes_origin;
  Loc span;                          // the plan's id
  Loc decl_span;                     // the whole declaration
};

struct Band {
  lang::BandKind kind = lang::BandKind::between;
  money::Decimal low;            // between (inclusive), above (exclusive)
  money::Decimal high;           // between (inclusive), below (exclusive)
  int days = 0;
  Loc span;
};

struct Clause {
  std::string id;
  std::string text;
  Cond when;
  Loc span;
};

struct Guarantee {
  std::string title;
  int start_field = -1;          // a date field: the period starts the day after it
  int amount_field = -1;         // a money field choosing the band
  std::vector<Band> bands;
  int fixed_days = -1;           // `lasts 30 calendar days`
  std::vector<Clause> covers;    // none: covers everything not excluded
  std::vector<Clause> excludes;
  bool promptly = false;         // `respond promptly`: a promise with no number
  std::vector<int> registers;
  bool has_registers = false;
  std::vector<int> includes;
  Loc span;
};

struct Rule {
  lang::RuleAction action = lang::RuleAction::reject;
  std::string id;
  std::string text;
  Cond when;
  int lower_to = -1;             // lower: urgency value index
  Loc span;                      // the rule's id
  Loc decl_span;
};

using lang::Otherwise;

struct Checked {
  std::string name;
  std::string title;
  std::string currency;
  std::vector<calendar::Zone> zones;   // empty: every zone is served
  std::vector<std::string> zone_texts; // as the policy writes them
  std::vector<Field> fields;
  int urgency_field = -1;
  int channel_field = -1;
  int role_field = -1;                 // contact.role (builtin)
  int authorized_field = -1;           // contact.authorized (builtin)
  std::vector<Hours> hours;
  std::vector<std::pair<std::string, HolidayList>> holiday_lists;   // by name, in the order declared (imported first)
  std::vector<Entitlement> entitlements;
  std::vector<std::string> communication;
  std::vector<std::string> bases;
  std::vector<int> registers;          // policy-wide registration channels
  bool has_registers = false;
  std::vector<Plan> plans;             // in declaration order: the order is the rank
  int default_plan = -1;
  Loc default_plan_span;
  std::optional<Guarantee> guarantee;
  std::vector<Rule> rules;
  bool contact_tested = false;         // a rule, clause or target line tests contact.role or contact.authorized
  bool zone_needed = true;             // a case must give its zone (a deadline, a guarantee date or the zone list needs it)
  bool library = false;                // declarations to import, no cases
  std::vector<std::string> imported;   // the files imported, as written
  Otherwise otherwise = Otherwise::none;
  Loc otherwise_span;
  std::vector<syntax::TestDecl> tests;
  // Per test, per expectation item: the time it states (`within ...`), read
  // exactly as a target's is.
  std::vector<std::vector<std::optional<ExpectedTime>>> test_times;
  Loc span;
  std::unordered_map<std::string, int> plan_by_id;   // filled by index_plans()

  int field_index(std::string_view path) const;
  int plan_index(std::string_view id) const;   // by name: fast once index_plans() ran
  void index_plans();
  int entitlement_index(std::string_view id) const;
  const Field* urgency() const { return urgency_field < 0 ? nullptr : &fields[urgency_field]; }
};

}  // namespace clause::sema
