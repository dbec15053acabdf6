#include "eval/explain.h"

#include <fmt/format.h>

#include <algorithm>

#include "calendar/timestamp.h"
#include "support/text.h"

namespace clause::eval {
namespace {

constexpr std::string_view weekday_names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string value_of(const ir::Program& program, int field_index, const Case& c) {
  const ir::Field& f = program.fields[static_cast<std::size_t>(field_index)];
  switch (f.type) {
    case ir::FieldType::enumeration:
    case ir::FieldType::ordered: return f.values[c.enums[f.slot.index]];
    case ir::FieldType::set: {
      std::string out;
      for (std::size_t v = 0; v < f.values.size(); ++v) {
        if ((c.sets[f.slot.index] >> v) & 1) out += (out.empty() ? "" : ", ") + f.values[v];
      }
      return "{" + out + "}";
    }
    case ir::FieldType::money: return c.money[f.slot.index].to_string() + " " + program.currency;
    case ir::FieldType::date: return calendar::format_date(date::local_days(date::days(c.dates[f.slot.index])));
    case ir::FieldType::boolean: return c.bools[f.slot.index] ? "true" : "false";
    default: return "?";
  }
}

void collect_facts(const ir::Program& program, std::uint32_t index, const Case& c, int plan, std::vector<std::string>& facts) {
  const ir::Node& n = program.nodes[index];
  auto add = [&](std::string fact) {
    if (std::find(facts.begin(), facts.end(), fact) == facts.end()) facts.push_back(std::move(fact));
  };
  switch (n.kind) {
    case ir::Node::Kind::all:
    case ir::Node::Kind::any:
    case ir::Node::Kind::negation: {
      std::uint32_t child = index + 1;
      for (std::uint16_t i = 0; i < n.count; ++i) {
        collect_facts(program, child, c, plan, facts);
        child += program.nodes[child].size;
      }
      return;
    }
    case ir::Node::Kind::plan_in:
    case ir::Node::Kind::plan_cmp:
      add(plan < 0 ? "no plan" : "the plan is " + program.plans[static_cast<std::size_t>(plan)].id);
      return;
    case ir::Node::Kind::plan_includes:
      add(plan < 0 ? "no plan" : "the plan is " + program.plans[static_cast<std::size_t>(plan)].id);
      return;
    case ir::Node::Kind::channel_registered:
      add("channel is " + value_of(program, program.channel_field, c));
      add(plan < 0 ? "no plan" : "the plan is " + program.plans[static_cast<std::size_t>(plan)].id);
      return;
    case ir::Node::Kind::always: return;
    default:
      if (n.field >= 0) add(program.fields[static_cast<std::size_t>(n.field)].path + " is " + value_of(program, n.field, c));
      return;
  }
}

std::string local_text(calendar::LocalTime t) {
  auto day = date::floor<date::days>(t);
  date::hh_mm_ss<std::chrono::microseconds> time(t - day);
  date::weekday wd{day};
  auto index = (wd.c_encoding() + 6) % 7;
  return fmt::format("{} {} {:02}:{:02}", weekday_names[index], calendar::format_date(day), time.hours().count(),
                     time.minutes().count());
}

// "Fri 2026-11-27"
std::string day_name(date::local_days day) {
  auto index = (date::weekday{day}.c_encoding() + 6) % 7;
  return fmt::format("{} {}", weekday_names[index], calendar::format_date(day));
}

}  // namespace

std::string holiday_warning(const ir::Hours& hours) {
  return "the deadline falls after " + calendar::format_date(date::local_days(date::days(hours.holidays_last))) +
         ", the last date the holidays `" + hours.holidays_list + "` list: later holidays are not counted";
}

void ExplainTrace::rule(std::size_t index, bool matched) {
  steps_.push_back({Step::Kind::rule, index, matched, false, 0, 0, 0});
}

void ExplainTrace::guarantee(bool inside, int days, int end_day, int local_day) {
  steps_.push_back({Step::Kind::guarantee, 0, inside, false, days, end_day, local_day});
}

void ExplainTrace::clause(bool covers, std::size_t index, bool matched) {
  steps_.push_back({Step::Kind::clause, index, matched, covers, 0, 0, 0});
}

std::string describe_condition(const ir::Program& program, std::uint32_t node, const Case& c, int plan) {
  std::vector<std::string> facts;
  collect_facts(program, node, c, plan, facts);
  std::string out;
  for (const auto& f : facts) out += (out.empty() ? "" : "; ") + f;
  return out;
}

std::string explain(const ir::Program& program, const Case& c, const Decision& d, const ExplainTrace& trace,
                    std::string_view label) {
  std::string out = fmt::format("{}: policy {} (revision {}), plan {}\n", label, program.name, program.revision,
                                d.held_plan < 0 ? std::string("none")
                                : program.plans[static_cast<std::size_t>(d.held_plan)].id + (c.plan < 0 ? " (the default)" : ""));
  auto day = [](int days) { return calendar::format_date(date::local_days(date::days(days))); };
  for (const auto& step : trace.steps()) {
    switch (step.kind) {
      case ExplainTrace::Step::Kind::rule: {
        const ir::Rule& rule = program.rules[step.index];
        fmt::format_to(std::back_inserter(out), "  rule {} ({}): {} ({})\n", rule.reason.id, rule.reason.at,
                       step.result ? "holds" : "does not hold", describe_condition(program, rule.when, c, d.held_plan));
        break;
      }
      case ExplainTrace::Step::Kind::guarantee:
        if (step.days < 0) {
          fmt::format_to(std::back_inserter(out), "  guarantee ({}): no period for this amount\n", program.guarantee.reason.at);
        } else {
          fmt::format_to(std::back_inserter(out), "  guarantee ({}): {} calendar days, until {}; opened on {} local time: {}\n",
                         program.guarantee.reason.at, step.days, day(step.end_day), day(step.local_day),
                         step.result ? "inside" : "outside");
        }
        break;
      case ExplainTrace::Step::Kind::clause: {
        const auto& g = program.guarantee;
        const auto& reason = step.covers ? g.covers_reasons[step.index] : g.excludes_reasons[step.index];
        std::uint32_t node = step.covers ? g.covers[step.index] : g.excludes[step.index];
        fmt::format_to(std::back_inserter(out), "  guarantee {} {} ({}): {} ({})\n", step.covers ? "covers" : "excludes",
                       reason.id, reason.at, step.result ? "holds" : "does not hold", describe_condition(program, node, c, d.held_plan));
        break;
      }
    }
  }
  fmt::format_to(std::back_inserter(out), "  outcome: {}", outcome_name(d.outcome));
  if (d.basis == Basis::plan) out += " by plan " + program.plans[static_cast<std::size_t>(d.plan)].id;
  if (d.basis == Basis::guarantee) out += " by the guarantee";
  if (d.basis == Basis::time_and_materials) out += " as time and materials";
  out += "\n";
  const calendar::Zone& zone = deadline_zone(d);
  for (std::uint8_t i = 0; i < d.target_count; ++i) {
    const TargetState& t = d.targets[i];
    const ir::TargetRule& rule = program.target_rules[t.rule];
    std::string kind(lang::text(t.kind));
    fmt::format_to(std::back_inserter(out), "  {}: {} {} ({}{})", kind,
                   program.urgency_values[static_cast<std::size_t>(d.urgency)], rule.by_close ? rule.within : "within " + rule.within,
                   rule.at, rule.when == ir::no_condition ? "" : "; its condition holds: " + describe_condition(program, rule.when, c, d.held_plan));
    if (!t.has_due) {
      out += ": no instance runs until a customer reply\n";
      continue;
    }
    fmt::format_to(std::back_inserter(out), " from {}\n", calendar::format_rfc3339(c.opened_at, zone));
    if (rule.hours >= 0 && rule.clock == lang::Clock::working) {
      const auto& hours = program.hours[static_cast<std::size_t>(rule.hours)];
      const calendar::Zone& counted = hours.own_zone ? hours.zone : (c.zone ? *c.zone : zone);
      for (const auto& s : hours.working.stretches(counted, c.opened_at, rule.length)) {
        auto to_time = local_text(s.to);
        fmt::format_to(std::back_inserter(out), "    {}-{}  {}{}\n", local_text(s.from), to_time.substr(to_time.size() - 5),
                       decimal_hours(std::chrono::duration_cast<std::chrono::microseconds>(s.to - s.from)), " h");
      }
    } else if (rule.hours >= 0 && rule.clock == lang::Clock::business) {
      const auto& hours = program.hours[static_cast<std::size_t>(rule.hours)];
      const calendar::Zone& counted = hours.own_zone ? hours.zone : (c.zone ? *c.zone : zone);
      fmt::format_to(std::back_inserter(out), "    the case belongs to business day {}; {} {}\n",
                     day_name(hours.business.business_day(counted, c.opened_at)),
                     rule.by_close ? "the close of" : "the same point of",
                     day_name(hours.business.business_day(counted, c.opened_at,
                                                          rule.by_close ? rule.close_days : rule.business_days)));
    }
    fmt::format_to(std::back_inserter(out), "    due {}\n", calendar::format_rfc3339(t.due, zone));
  }
  if (d.holidays_passed >= 0) {
    fmt::format_to(std::back_inserter(out), "  note: {}\n", holiday_warning(program.hours[static_cast<std::size_t>(d.holidays_passed)]));
  }
  return out;
}

}  // namespace clause::eval
