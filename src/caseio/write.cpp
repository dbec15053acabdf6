#include "caseio/write.h"

#include <fmt/format.h>

#include "calendar/timestamp.h"
#include "support/text.h"

namespace clause::caseio {
namespace {

using eval::ReasonRef;

void append_string(std::string& out, std::string_view text) {
  out += '"';
  append_json_escaped(out, text);
  out += '"';
}

std::string day_text(int days) { return calendar::format_date(date::local_days(date::days(days))); }

// The deadline can only be written with a four-digit year.
bool writable(calendar::Instant t) {
  return t < calendar::Instant(date::sys_days(date::year(10000) / 1 / 1).time_since_epoch());
}

}  // namespace

std::string format_hours(std::chrono::microseconds length) {
  constexpr std::int64_t per_hour = 3'600'000'000;
  std::int64_t us = length.count();
  std::string out = std::to_string(us / per_hour);
  std::int64_t rest = us % per_hour;
  if (rest == 0) return out;
  // Up to six decimals, the last rounded half up; trailing zeros dropped.
  std::int64_t micro_hours = (rest * 1'000'000 + per_hour / 2) / per_hour;
  if (micro_hours == 1'000'000) return std::to_string(us / per_hour + 1);
  std::string fraction = fmt::format("{:06d}", micro_hours);
  while (fraction.back() == '0') fraction.pop_back();
  return out + "." + fraction;
}

std::string format_target(std::chrono::microseconds length, bool working) {
  return format_hours(length) + (working ? " working hour" : " calendar hour") + (length == std::chrono::hours(1) ? "" : "s");
}

const ir::Reason& reason_source(const ir::Program& program, const ReasonRef& ref) {
  switch (ref.kind) {
    case ReasonRef::Kind::rule: return program.rules[ref.index].reason;
    case ReasonRef::Kind::default_plan: return program.default_plan_reason;
    case ReasonRef::Kind::guarantee_covered:
    case ReasonRef::Kind::guarantee_ended:
    case ReasonRef::Kind::guarantee_channel: return program.guarantee.reason;
    case ReasonRef::Kind::guarantee_clause: return program.guarantee.excludes_reasons[ref.index];
    case ReasonRef::Kind::guarantee_not_covered:
      return program.guarantee.covers_reasons.empty() ? program.guarantee.reason : program.guarantee.covers_reasons.front();
    case ReasonRef::Kind::otherwise: return program.otherwise_reason;
    case ReasonRef::Kind::no_basis: return program.no_basis_reason;
    case ReasonRef::Kind::plan: break;
  }
  static const ir::Reason none;
  return none;
}

std::string reason_text(const ir::Program& program, const eval::Decision& d, const ReasonRef& ref) {
  const auto& g = program.guarantee;
  switch (ref.kind) {
    case ReasonRef::Kind::plan: {
      const auto& plan = program.plans[ref.index];
      std::string text = "Covered by the " + plan.title + " plan";
      if (d.has_response && d.urgency >= 0) {
        text += fmt::format(": {} is answered within {}", program.urgency_values[static_cast<std::size_t>(d.urgency)],
                            format_target(d.target.length, d.target.working));
      }
      return text;
    }
    case ReasonRef::Kind::guarantee_covered:
      return fmt::format("{}: {} calendar days after the project's completion, until {} inclusive", g.title,
                         d.guarantee_days, day_text(d.guarantee_end));
    case ReasonRef::Kind::guarantee_ended:
      if (d.guarantee_days < 0) return g.title + ": no period is given for this amount";
      return fmt::format("{}: the {} calendar days ended on {}", g.title, d.guarantee_days, day_text(d.guarantee_end));
    case ReasonRef::Kind::guarantee_not_covered:
      return g.title + ": the case is not one the guarantee covers";
    case ReasonRef::Kind::guarantee_channel:
      return g.title + ": cases are not registered through this channel";
    case ReasonRef::Kind::rule:
      if (program.rules[ref.index].action == syntax::Rule::Action::lower) {
        for (std::uint8_t i = 0; i < d.lowering_count; ++i) {
          const auto& l = d.lowerings[i];
          if (l.rule == ref.index) {
            return fmt::format("{}: lowered from {} to {}", program.rules[ref.index].reason.text,
                               program.urgency_values[static_cast<std::size_t>(l.from)],
                               program.urgency_values[static_cast<std::size_t>(l.to)]);
          }
        }
      }
      return reason_source(program, ref).text;
    default:
      return reason_source(program, ref).text;
  }
}

void write_decision(std::string& out, const ir::Program& program, const eval::Case& c, const eval::Decision& d) {
  out += "{\"id\":";
  if (c.has_id) append_string(out, c.id);
  else out += "null";
  out += ",\"policy\":";
  append_string(out, program.name);
  out += ",\"revision\":\"";
  out += program.revision;
  out += "\",\"outcome\":\"";
  out += eval::outcome_name(d.outcome);
  out += "\",\"basis\":";
  switch (d.basis) {
    case eval::Basis::none: out += "null"; break;
    case eval::Basis::guarantee: out += "\"guarantee\""; break;
    case eval::Basis::time_and_materials: out += "\"time_and_materials\""; break;
    case eval::Basis::plan: append_string(out, program.plans[static_cast<std::size_t>(d.plan)].basis); break;
  }
  out += ",\"priority\":";
  if (d.urgency >= 0) append_string(out, program.urgency_values[static_cast<std::size_t>(d.urgency)]);
  else out += "null";
  out += ",\"response\":";
  bool due_ok = d.has_response && writable(d.due);
  if (due_ok) {
    out += "{\"within_hours\":";
    out += format_hours(d.target.length);
    out += d.target.working ? ",\"clock\":\"working\",\"due\":\"" : ",\"clock\":\"calendar\",\"due\":\"";
    out += calendar::format_rfc3339(d.due, *c.zone);
    out += "\"}";
  } else {
    out += "null";
  }
  out += ",\"entitlements\":[";
  bool first = true;
  for (std::size_t e = 0; e < program.entitlements.size(); ++e) {
    if (!((d.entitlements >> e) & 1)) continue;
    if (!first) out += ',';
    first = false;
    append_string(out, program.entitlements[e]);
  }
  out += "],\"reasons\":[";
  for (std::uint8_t i = 0; i < d.reason_count; ++i) {
    const auto& ref = d.reasons[i];
    if (i) out += ',';
    out += "{\"rule\":";
    if (ref.kind == ReasonRef::Kind::plan) {
      const auto& plan = program.plans[ref.index];
      append_string(out, plan.reason_id);
      out += ",\"at\":";
      append_string(out, plan.at);
    } else {
      const ir::Reason& source = reason_source(program, ref);
      append_string(out, source.id);
      out += ",\"at\":";
      append_string(out, source.at);
    }
    out += ",\"text\":";
    append_string(out, reason_text(program, d, ref));
    out += '}';
  }
  out += "],\"warnings\":[";
  for (std::uint8_t i = 0; i < d.lowering_count; ++i) {
    const auto& l = d.lowerings[i];
    if (i) out += ',';
    append_string(out, fmt::format("priority lowered from {} to {}: {}",
                                   program.urgency_values[static_cast<std::size_t>(l.from)],
                                   program.urgency_values[static_cast<std::size_t>(l.to)], program.rules[l.rule].reason.text));
  }
  if (d.has_response && !due_ok) {
    if (d.lowering_count) out += ',';
    append_string(out, "the response deadline falls after the year 9999 and cannot be written");
  }
  out += "],\"errors\":[]}\n";
}

void write_invalid(std::string& out, const ir::Program* program, const ReadResult& read) {
  out += "{\"id\":";
  if (read.has_id) append_string(out, read.id);
  else out += "null";
  out += ",\"policy\":";
  if (program) append_string(out, program->name);
  else if (!read.policy.empty()) append_string(out, read.policy);
  else out += "null";
  out += ",\"revision\":";
  if (program) append_string(out, program->revision);
  else out += "null";
  out += ",\"outcome\":\"invalid\",\"basis\":null,\"priority\":null,\"response\":null,\"entitlements\":[],"
         "\"reasons\":[],\"warnings\":[],\"errors\":[";
  for (std::size_t i = 0; i < read.errors.size(); ++i) {
    if (i) out += ',';
    out += "{\"field\":";
    append_string(out, read.errors[i].field);
    out += ",\"message\":";
    append_string(out, read.errors[i].message);
    out += '}';
  }
  out += "]}\n";
}

}  // namespace clause::caseio
