#include "eval/decide.h"

#include "calendar/timestamp.h"

#include <array>

namespace clause::eval {
namespace {

using Op = lang::CompareOp;

template <typename T>
bool compare(Op op, const T& a, const T& b) {
  switch (op) {
    case Op::eq: return a == b;
    case Op::ne: return a != b;
    case Op::lt: return a < b;
    case Op::le: return a <= b;
    case Op::gt: return a > b;
    case Op::ge: return a >= b;
  }
  return false;
}

// Ordered values are listed most urgent first, so "more" (>) is a smaller index.
bool compare_ordered(Op op, int index, int value) { return compare(op, value, index); }

std::uint64_t registered_channels(const ir::Program& program, int plan) {
  return plan >= 0 ? program.plans[static_cast<std::size_t>(plan)].registers : program.policy_registers;
}

// The guarantee's length for this case: from its band, or fixed; -1 when the
// amount falls in no band.
int guarantee_days(const ir::Guarantee& g, const Case& c) {
  if (!g.banded) return g.fixed_days;
  const money::Decimal& amount = c.money[g.amount.index];
  for (const auto& band : g.bands) {
    bool inside = band.kind == ir::Band::Kind::below   ? amount < band.high
                  : band.kind == ir::Band::Kind::above ? amount > band.low
                                                       : band.low <= amount && amount <= band.high;
    if (inside) return band.days;
  }
  return -1;
}

const calendar::Zone& utc() {
  static const calendar::Zone zone;
  return zone;
}

// The zone a target's hours are read in: their own, else the case's.
const calendar::Zone& zone_for(const ir::Program& program, const ir::TargetRule& rule, const Case& c) {
  if (rule.hours >= 0) {
    const ir::Hours& hours = program.hours[static_cast<std::size_t>(rule.hours)];
    if (hours.own_zone) return hours.zone;
  }
  return c.zone ? *c.zone : utc();
}

// When a target counted from `start` falls due, on its clock.
calendar::Instant due_from(const ir::Program& program, const ir::TargetRule& rule, const Case& c, calendar::Instant start) {
  if (rule.clock == lang::Clock::calendar || rule.hours < 0) return start + rule.length;
  const ir::Hours& hours = program.hours[static_cast<std::size_t>(rule.hours)];
  const calendar::Zone& zone = zone_for(program, rule, c);
  if (rule.clock == lang::Clock::working) return hours.working.due_after(zone, start, rule.length);
  if (rule.by_close) return hours.business.close_of_business(zone, start, rule.close_days);
  return hours.business.due_after(zone, start, rule.business_days);
}

// Each kind's first line that holds for the case, its deadline from the
// opening, and where it stands at the opening (events come later).
void set_targets(const ir::Program& program, const Case& c, int plan, Decision& d) {
  if (plan < 0 || d.urgency < 0) return;
  const unsigned kinds = program.target_kinds_set[static_cast<std::size_t>(plan * program.urgency_count + d.urgency)];
  for (std::size_t k = 0; k < lang::target_kinds; ++k) {
    if (!((kinds >> k) & 1)) continue;
    auto kind = static_cast<lang::TargetKind>(k);
    std::size_t key = program.target_key(plan, d.urgency, kind);
    std::uint32_t first = program.target_first[key];
    std::uint32_t count = program.target_count[key];
    for (std::uint32_t r = first; r < first + count; ++r) {
      const ir::TargetRule& rule = program.target_rules[r];
      if (rule.when != ir::no_condition && !holds(program, rule.when, c, plan, d.urgency)) continue;
      TargetState& t = d.targets[d.target_count++];
      t.kind = kind;
      t.rule = r;
      if (kind == lang::TargetKind::reply) {
        t.status = lang::TargetStatus::pending;   // no customer reply yet
      } else {
        t.has_due = true;
        t.due = due_from(program, rule, c, c.opened_at);
        if (rule.hours >= 0 && rule.clock != lang::Clock::calendar) {
          const ir::Hours& hours = program.hours[static_cast<std::size_t>(rule.hours)];
          if (d.holidays_passed < 0 && hours.holidays_end &&
              calendar::local_date(zone_for(program, rule, c), t.due).time_since_epoch().count() > hours.holidays_last) {
            d.holidays_passed = rule.hours;
          }
          if (!c.zone && !d.zone && hours.own_zone) d.zone = &hours.zone;
        }
      }
      if (kind == lang::TargetKind::response) {
        d.has_response = true;
        d.response_rule = r;
        d.due = t.due;
      }
      break;
    }
  }
}

}  // namespace

std::string_view outcome_name(Outcome outcome) { return lang::text(outcome); }

void Case::reset(const ir::Program& program) {
  id.clear();
  has_id = false;
  opened_at = {};
  zone = nullptr;
  plan = -1;
  // Slots keep their storage: a valid case gives or defaults every field, so
  // stale values never reach a decision. Only the sizes are set.
  enums.resize(program.slots.enums);
  sets.resize(program.slots.sets);
  money.resize(program.slots.money);
  dates.resize(program.slots.dates);
  bools.resize(program.slots.bools);
  timestamps.resize(program.slots.timestamps);
}

void Decision::add_reason(ReasonRef::Kind kind, std::size_t index) {
  // INVARIANT: the deciding reason is always kept; only a long run of
  // adjustments before it can be cut short.
  if (reason_count == max_reasons) reason_count = max_reasons - 1;
  reasons[reason_count++] = ReasonRef{kind, static_cast<std::uint16_t>(index)};
}

bool holds(const ir::Program& program, std::uint32_t index, const Case& c, int plan, int urgency) {
  const ir::Node& n = program.nodes[index];
  // Rules after a lowering see the lowered urgency, as the decision reports it.
  auto enum_value = [&](int field, std::uint16_t slot) -> int {
    return urgency >= 0 && field == program.urgency_field ? urgency : c.enums[slot];
  };
  using K = ir::Node::Kind;
  switch (n.kind) {
    case K::all:
    case K::any: {
      bool want = n.kind == K::any;
      std::uint32_t child = index + 1;
      for (std::uint16_t i = 0; i < n.count; ++i) {
        if (holds(program, child, c, plan, urgency) == want) return want;
        child += program.nodes[child].size;
      }
      return !want;
    }
    case K::negation: return !holds(program, index + 1, c, plan, urgency);
    case K::always: return true;
    case K::is_true: return c.bools[n.slot] != 0;
    case K::enum_in: return (n.mask >> enum_value(n.field, n.slot)) & 1;
    case K::ordered_cmp: return compare_ordered(n.op, enum_value(n.field, n.slot), n.value);
    case K::set_has: return (c.sets[n.slot] & n.mask) != 0;
    case K::money_cmp: return compare(n.op, c.money[n.slot], n.amount);
    case K::date_cmp: return compare(n.op, static_cast<int>(c.dates[n.slot]), n.value);
    case K::plan_in: {
      std::size_t bit = plan < 0 ? program.plans.size() : static_cast<std::size_t>(plan);
      return (program.plan_sets[static_cast<std::size_t>(n.value) + bit / 64] >> (bit % 64)) & 1;
    }
    case K::plan_cmp: return plan >= 0 && compare(n.op, plan, n.value);
    case K::channel_registered: {
      int channel = n.value < 0 ? c.enums[program.channel.index] : n.value;
      return (registered_channels(program, plan) >> channel) & 1;
    }
    case K::plan_includes:
      return plan >= 0 && (program.plans[static_cast<std::size_t>(plan)].includes & n.mask) != 0;
  }
  return false;
}

Decision decide(const ir::Program& program, const Case& c, Trace* trace) {
  Decision d;
  d.zone = c.zone;
  int plan = c.plan;
  if (plan < 0 && program.default_plan >= 0) {
    plan = program.default_plan;
    d.add_reason(ReasonRef::Kind::default_plan);
  }
  d.held_plan = plan;
  d.urgency = program.urgency_field >= 0 ? c.enums[program.urgency.index] : -1;

  auto rule_holds = [&](std::size_t r) {
    bool matched = holds(program, program.rules[r].when, c, plan, d.urgency);
    if (trace) trace->rule(r, matched);
    return matched;
  };

  // Adjustments come first and apply whatever the outcome (CONTRACT.md 6).
  for (std::uint16_t r : program.lowering) {
    if (!rule_holds(r)) continue;
    int to = program.rules[r].lower_to;
    if (d.urgency < to) {   // more urgent than allowed
      if (d.lowering_count < Decision::max_lowerings) {
        d.lowerings[d.lowering_count++] = Lowering{r, static_cast<std::int8_t>(d.urgency), static_cast<std::int8_t>(to)};
      }
      d.urgency = to;
      d.add_reason(ReasonRef::Kind::rule, r);
    }
  }

  auto respond_as_plan = [&](int p) { set_targets(program, c, p, d); };

  // Rules that decide, in the policy's order: the first that holds decides.
  for (std::uint16_t r : program.deciding) {
    if (!rule_holds(r)) continue;
    d.add_reason(ReasonRef::Kind::rule, r);
    using A = lang::RuleAction;
    switch (program.rules[r].action) {
      case A::reject: d.outcome = Outcome::rejected; break;
      case A::not_covered: d.outcome = Outcome::not_covered; break;
      default:
        d.outcome = Outcome::limited;
        if (plan >= 0) {
          d.basis = Basis::plan;
          d.plan = plan;
          d.entitlements = program.plans[static_cast<std::size_t>(plan)].includes;
          respond_as_plan(plan);
        }
        break;
    }
    return d;
  }

  // The bases, in order: the guarantee, the plan, time and materials.
  const ir::Guarantee& g = program.guarantee;
  if (g.present) {
    int days = guarantee_days(g, c);
    int local_day = static_cast<int>(calendar::local_date(*c.zone, c.opened_at).time_since_epoch().count());
    int end_day = c.dates[g.start.index] + days;
    bool inside = days >= 0 && local_day <= end_day;
    if (trace) trace->guarantee(inside, days, end_day, local_day);
    d.guarantee_days = days;
    d.guarantee_end = end_day;
    bool registered = (g.registers >> c.enums[program.channel.index]) & 1;
    if (!inside) {
      d.add_reason(ReasonRef::Kind::guarantee_ended);
    } else if (!registered) {
      d.add_reason(ReasonRef::Kind::guarantee_channel);
    } else {
      // Exclusions first: a cause both listed and excluded is excluded, and
      // the decision quotes the exclusion.
      bool excluded = false;
      for (std::size_t i = 0; i < g.excludes.size() && !excluded; ++i) {
        excluded = holds(program, g.excludes[i], c, plan, d.urgency);
        if (trace) trace->clause(false, i, excluded);
        if (excluded) d.add_reason(ReasonRef::Kind::guarantee_clause, i);
      }
      for (std::size_t i = 0; i < program.outside_guarantee.size() && !excluded; ++i) {
        std::uint16_t r = program.outside_guarantee[i];
        excluded = rule_holds(r);
        if (excluded) d.add_reason(ReasonRef::Kind::rule, r);
      }
      bool covered = g.covers.empty();
      for (std::size_t i = 0; i < g.covers.size() && !covered && !excluded; ++i) {
        covered = holds(program, g.covers[i], c, plan, d.urgency);
        if (trace) trace->clause(true, i, covered);
      }
      if (!excluded && !covered) d.add_reason(ReasonRef::Kind::guarantee_not_covered);
      if (covered && !excluded) {
        d.outcome = Outcome::covered;
        d.basis = Basis::guarantee;
        d.entitlements = g.includes;
        d.add_reason(ReasonRef::Kind::guarantee_covered);
        return d;
      }
    }
  }

  if (plan >= 0) {
    bool outside = false;
    for (std::uint16_t r : program.outside_plan) {
      if (rule_holds(r)) {
        d.add_reason(ReasonRef::Kind::rule, r);
        outside = true;
        break;
      }
    }
    if (!outside) {
      d.outcome = Outcome::covered;
      d.basis = Basis::plan;
      d.plan = plan;
      d.entitlements = program.plans[static_cast<std::size_t>(plan)].includes;
      d.add_reason(ReasonRef::Kind::plan, static_cast<std::size_t>(plan));
      respond_as_plan(plan);
      return d;
    }
  }

  if (program.otherwise == lang::Otherwise::time_and_materials) {
    d.outcome = Outcome::billable;
    d.basis = Basis::time_and_materials;
    d.add_reason(ReasonRef::Kind::otherwise);
  } else {
    d.outcome = Outcome::not_covered;
    d.add_reason(program.otherwise == lang::Otherwise::not_covered ? ReasonRef::Kind::otherwise
                                                                   : ReasonRef::Kind::no_basis);
  }
  return d;
}

const calendar::Zone& deadline_zone(const Decision& d) { return d.zone ? *d.zone : utc(); }

}  // namespace clause::eval
