// decide(program, case) -> decision: the `eval` pass's entry point. Pure: the
// same program and case give the same decision. Deciding compares no strings,
// looks nothing up by name and allocates nothing; reading the case and
// writing the decision (caseio) are the only text work.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "calendar/zone.h"
#include "ir/program.h"

namespace clause::eval {

// One case, typed against a program's slots. A reader fills it; reusing one
// Case for many cases reuses its storage.
struct Case {
  std::string id;
  bool has_id = false;
  calendar::Instant opened_at{};
  const calendar::Zone* zone = nullptr;   // owned by the reader's zone cache
  int plan = -1;                          // -1: none given
  std::vector<std::uint8_t> enums;
  std::vector<std::uint64_t> sets;
  std::vector<money::Decimal> money;
  std::vector<std::int32_t> dates;        // days since 1970-01-01
  std::vector<std::uint8_t> bools;
  std::vector<calendar::Instant> timestamps;

  // Sizes the slots for `program` and clears them.
  void reset(const ir::Program& program);
};

using lang::Outcome;
enum class Basis : std::uint8_t { none, guarantee, plan, time_and_materials };

std::string_view outcome_name(Outcome outcome);

// A reason, as an index into the program's texts.
struct ReasonRef {
  enum class Kind : std::uint8_t {
    rule,                // program.rules[index]
    default_plan,
    plan,                // program.plans[index] covers
    guarantee_covered,
    guarantee_ended,     // the period is over (or there is no band for the amount)
    guarantee_channel,   // the guarantee does not register cases through the case's channel
    guarantee_clause,    // program.guarantee.excludes_reasons[index] excluded the case
    guarantee_not_covered,  // no covers clause holds
    otherwise,
    no_basis,
  };
  Kind kind = Kind::rule;
  std::uint16_t index = 0;
};

struct Lowering {
  std::uint16_t rule = 0;
  std::int8_t from = 0;
  std::int8_t to = 0;
};

// A target of the decision and where it stands (CONTRACT.md 8).
struct TargetState {
  lang::TargetKind kind = lang::TargetKind::response;
  std::uint32_t rule = 0;                 // the line that set it: program.target_rules
  bool has_due = false;                   // an instance is running (a `reply` has none before a customer reply)
  calendar::Instant due{};
  lang::TargetStatus status = lang::TargetStatus::running;
  bool has_met = false;
  calendar::Instant met_at{};
  std::int64_t paused_us = 0;             // open time spent paused
  std::uint32_t met = 0, breached = 0;    // update, reply: instances met and breached
};

struct Decision {
  Outcome outcome = Outcome::invalid;
  Basis basis = Basis::none;
  int held_plan = -1;                  // the plan the case holds: its own, else the policy's default (-1: none)
  int plan = -1;                       // the plan that decided (plan basis, limited)
  int urgency = -1;                    // effective urgency value, -1 when the policy has none
  bool has_response = false;            // the first response (CONTRACT.md 2): targets[0] then
  std::uint32_t response_rule = 0;      // its line
  calendar::Instant due{};
  std::array<TargetState, lang::target_kinds> targets{};   // one per kind the plan sets, in kind order
  std::uint8_t target_count = 0;
  const calendar::Zone* zone = nullptr; // deadlines are written in it: the case's, else the hours' own, else UTC
  int holidays_passed = -1;             // hours whose listed holidays end before a deadline (for a warning)
  std::uint64_t entitlements = 0;
  int guarantee_days = -1;             // the guarantee's length for this case, -1 when none applies
  int guarantee_end = 0;               // its last day (days since 1970-01-01)

  static constexpr std::size_t max_reasons = 16;
  std::array<ReasonRef, max_reasons> reasons{};
  std::uint8_t reason_count = 0;
  static constexpr std::size_t max_lowerings = 8;
  std::array<Lowering, max_lowerings> lowerings{};
  std::uint8_t lowering_count = 0;

  void add_reason(ReasonRef::Kind kind, std::size_t index = 0);
};

// Hooks for `--explain`: told each step as it is taken. Null means no trace.
class Trace {
 public:
  virtual ~Trace() = default;
  virtual void rule(std::size_t index, bool matched) = 0;
  virtual void guarantee(bool inside, int days, int end_day, int local_day) = 0;
  virtual void clause(bool covers, std::size_t index, bool matched) = 0;
};

Decision decide(const ir::Program& program, const Case& c, Trace* trace = nullptr);

// The zone a decision's deadlines are written in.
const calendar::Zone& deadline_zone(const Decision& d);

// Whether the condition rooted at `node` holds for the case, with `plan`
// (-1: none) as the case's plan and `urgency` as its effective urgency
// (after lowering; -1: the case's own). decide() and traces use it.
bool holds(const ir::Program& program, std::uint32_t node, const Case& c, int plan, int urgency = -1);

}  // namespace clause::eval
