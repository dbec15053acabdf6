// The compiled policy the evaluator runs. Names are gone: enum values are
// small integers, sets and channel/entitlement lists are bit masks, plans are
// flattened, target lines are one table indexed by plan, urgency and kind, and
// rules are an ordered program over a flat array of condition nodes. Strings
// kept here are for writing decisions, never for deciding.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "calendar/business_days.h"
#include "calendar/working_hours.h"
#include "calendar/zone.h"
#include "lang/words.h"
#include "money/decimal.h"
#include "money/price.h"

namespace clause::ir {

using lang::FieldType;

// Where a field's value lives in a Case: one array per kind.
struct Slot {
  FieldType type = FieldType::enumeration;
  std::uint16_t index = 0;
};

// What the case reader needs about a field.
struct Field {
  std::string path;                  // "project.budget"
  std::string key;                   // "budget": the JSON key
  FieldType type = FieldType::enumeration;
  std::vector<std::string> values;
  int parent = -1;
  std::vector<int> members;
  bool required = true;
  int default_value = -1;
  Slot slot;
};

// One target line, compiled: for a plan, an urgency value and a kind, the
// lines are tried in order and the first whose condition holds sets the
// target.
inline constexpr std::uint32_t no_condition = 0xFFFFFFFFu;

struct TargetRule {
  lang::TargetKind kind = lang::TargetKind::response;
  lang::Clock clock = lang::Clock::working;
  std::chrono::microseconds length{0};   // working, calendar
  int business_days = 0;                 // business: `within N business days`
  bool by_close = false;                 // business: by the close of the business day the case belongs to,
  int close_days = 0;                    //   or of the one `close_days` later
  int hours = -1;                        // index into Program::hours (calendar targets have none)
  std::uint32_t when = no_condition;     // the line's condition, if it has one
  // What decisions and traces say of it.
  std::string within;                    // as the policy writes it: "4 working hours", "2 business days",
                                         // "by close of the next business day"
  std::string within_minutes;            // JSON: 240, or null (business days)
  std::string within_hours;              // JSON: 4, 0.5, or null
  std::string clock_name;                // "working", "calendar", "business_days"
  std::string at;                        // where the line is written
};

// Hours as deadlines count them: the working-time clock, business days, and
// the zone they are read in when they have one of their own.
struct Hours {
  calendar::WorkingHours working = calendar::WorkingHours::always();
  calendar::BusinessDays business{calendar::WorkingHours::always()};
  bool own_zone = false;
  calendar::Zone zone;                   // when own_zone
  std::string name;                      // declared name, "" for hours written in a plan
  // A deadline after this date counts no holiday of the list named (it gives
  // literal dates only); none when every list the hours take off recurs.
  bool holidays_end = false;
  std::int32_t holidays_last = 0;        // days since 1970-01-01
  std::string holidays_list;
};

struct Plan {
  std::string id;
  std::string title;
  std::string basis;                 // "plan:business"
  std::string reason_id;             // "plan.business"
  std::string at;                    // where the plan is declared
  int hours = -1;                    // index into Program::hours
  std::uint64_t registers = 0;       // channel value bits
  std::uint64_t includes = 0;        // entitlement bits
  money::Price price;
};

struct Band {
  using Kind = lang::BandKind;
  Kind kind = Kind::between;
  money::Decimal low;
  money::Decimal high;
  int days = 0;
};

// A node of a condition. Children of all/any/negation are the next nodes:
// `first` is the index of the first child, `count` how many, each child
// followed by its own subtree (`size` nodes in all, this one included).
struct Node {
  enum class Kind : std::uint8_t {
    all, any, negation, is_true, enum_in, ordered_cmp, set_has, money_cmp, date_cmp,
    plan_in, plan_cmp, channel_registered, plan_includes, always
  };
  Kind kind = Kind::always;
  lang::CompareOp op = lang::CompareOp::eq;
  std::uint16_t slot = 0;            // the field's slot index in its kind's array
  std::uint16_t count = 0;           // children
  std::uint32_t size = 1;            // nodes in this subtree
  std::uint64_t mask = 0;            // enum_in, set_has, plan_includes, channel_registered
  int value = 0;                     // ordered_cmp, plan_cmp, date_cmp (days), channel_registered (-1: the
                                     // case's channel), plan_in (offset of its bits in Program::plan_sets)
  int field = -1;                    // the field tested (the urgency is read after lowering; traces name it)
  money::Decimal amount;             // money_cmp
};

struct Reason {
  std::string id;                    // "unauthorized", "plan.business", "guarantee"
  std::string at;                    // "policies/beesender.policy:51:3"
  std::string text;
};

struct Rule {
  lang::RuleAction action = lang::RuleAction::reject;
  std::uint32_t when = 0;            // root node index
  int lower_to = -1;
  Reason reason;
};

struct Guarantee {
  bool present = false;
  std::string title;
  Slot start;                        // date
  Slot amount;                       // money; none when fixed
  bool banded = false;
  std::vector<Band> bands;
  int fixed_days = -1;
  std::vector<std::uint32_t> covers; // root nodes; any must hold (none: everything)
  std::vector<Reason> covers_reasons;
  std::vector<std::uint32_t> excludes;
  std::vector<Reason> excludes_reasons;
  std::uint64_t registers = 0;
  std::uint64_t includes = 0;
  Reason reason;                     // the guarantee itself
};


// How many values of each kind a Case holds.
struct SlotCounts {
  std::uint16_t enums = 0, sets = 0, money = 0, dates = 0, bools = 0, timestamps = 0;
};

struct Program {
  std::string name;
  std::string title;
  std::string revision;
  std::string path;                  // the policy file, for reasons' `at`
  std::string currency;
  std::vector<calendar::Zone> zones; // empty: any zone
  std::vector<std::string> zone_names;

  std::vector<Field> fields;         // same indices as the checked policy's fields
  std::vector<int> top_fields;       // declared top-level fields (not contact)
  SlotCounts slots;
  int urgency_field = -1;
  Slot urgency;
  Slot channel;
  int channel_field = -1;
  Slot role;
  Slot authorized;
  std::vector<std::string> urgency_values;   // most urgent first
  int urgency_count = 0;

  std::vector<Plan> plans;
  std::vector<TargetRule> target_rules;
  // The rules of a plan, urgency value and kind: target_first[key] and the
  // target_count[key] after it, key = (plan * urgency_count + urgency) * 4 + kind.
  std::vector<std::uint32_t> target_first;
  std::vector<std::uint16_t> target_count;
  std::vector<std::uint8_t> target_kinds_set;   // per plan * urgency_count + urgency: bit k when kind k has lines
  std::vector<Hours> hours;
  bool contact_required = true;      // a condition tests the contact
  bool zone_required = true;         // a deadline, the guarantee or the zone list needs the case's zone
  int default_plan = -1;
  Reason default_plan_reason;
  std::uint64_t policy_registers = ~std::uint64_t{0};
  std::vector<std::string> entitlements;

  Guarantee guarantee;

  std::vector<Node> nodes;
  // Sets of plans for plan_in, each `plan_set_words` words long; the bit after
  // the last plan stands for "no plan".
  std::vector<std::uint64_t> plan_sets;
  std::size_t plan_set_words = 1;
  std::vector<Rule> rules;           // every rule, in order
  std::vector<std::uint16_t> lowering;         // indices of `lower` rules, in order
  std::vector<std::uint16_t> deciding;         // reject / not_covered / limited, in order
  std::vector<std::uint16_t> outside_plan;
  std::vector<std::uint16_t> outside_guarantee;

  lang::Otherwise otherwise = lang::Otherwise::none;
  Reason otherwise_reason;
  Reason no_basis_reason;

  std::size_t target_key(int plan, int urgency_value, lang::TargetKind kind) const {
    return (static_cast<std::size_t>(plan * urgency_count + urgency_value)) * lang::target_kinds +
           static_cast<std::size_t>(kind);
  }
  // Whether a plan sets any target of `kind` for the urgency value.
  bool has_target(int plan, int urgency_value, lang::TargetKind kind) const {
    return target_count[target_key(plan, urgency_value, kind)] > 0;
  }
};

}  // namespace clause::ir
