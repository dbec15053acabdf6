#include "caseio/reference.h"

#include "calendar/timestamp.h"
#include "caseio/write.h"
#include "eval/explain.h"
#include "support/text.h"

namespace clause::caseio {
namespace {

// Members of one JSON object, in order.
class Object {
 public:
  Object& raw(std::string_view key, std::string_view json) {
    out_ += out_.empty() ? "{" : ",";
    out_ += json_quote(key) + ":" + std::string(json);
    return *this;
  }
  Object& text(std::string_view key, std::string_view value) { return raw(key, json_quote(value)); }
  std::string close() const { return out_.empty() ? "{}" : out_ + "}"; }

 private:
  std::string out_;
};

std::string array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
  return out + "]";
}

std::string basis(const ir::Program& program, const eval::Decision& d) {
  switch (d.basis) {
    case eval::Basis::none: return "null";
    case eval::Basis::guarantee: return json_quote("guarantee");
    case eval::Basis::time_and_materials: return json_quote("time_and_materials");
    case eval::Basis::plan: return json_quote(program.plans[static_cast<std::size_t>(d.plan)].basis);
  }
  return "null";
}

// The deadline can only be written with a four-digit year.
bool writable(calendar::Instant t) {
  return t < calendar::Instant(date::sys_days(date::year(10000) / 1 / 1).time_since_epoch());
}

}  // namespace

std::string reference_decision(const ir::Program& program, const eval::Case& c, const eval::Decision& d) {
  Object o;
  o.raw("id", c.has_id ? json_quote(c.id) : "null");
  o.text("policy", program.name).text("revision", program.revision).text("outcome", eval::outcome_name(d.outcome));
  o.raw("basis", basis(program, d));
  o.raw("priority", d.urgency >= 0 ? json_quote(program.urgency_values[static_cast<std::size_t>(d.urgency)]) : "null");
  const calendar::Zone& zone = eval::deadline_zone(d);
  auto instant = [&](calendar::Instant t) {
    return writable(t) ? json_quote(calendar::format_rfc3339(t, zone.offset_at(t))) : std::string("null");
  };
  const bool due_written = d.has_response && writable(d.due);
  if (due_written) {
    const ir::TargetRule& rule = program.target_rules[d.response_rule];
    Object response;
    response.raw("within_hours", rule.within_hours);
    response.raw("within_minutes", rule.within_minutes);
    response.text("clock", rule.clock_name);
    response.raw("due", instant(d.due));
    o.raw("response", response.close());
  } else {
    o.raw("response", "null");
  }
  std::vector<std::string> targets;
  for (std::uint8_t i = 0; i < d.target_count; ++i) {
    const eval::TargetState& t = d.targets[i];
    const ir::TargetRule& rule = program.target_rules[t.rule];
    Object target;
    target.text("kind", lang::text(t.kind)).text("within", rule.within).raw("within_minutes", rule.within_minutes);
    target.text("clock", rule.clock_name).raw("due", t.has_due ? instant(t.due) : "null");
    target.text("status", lang::text(t.status)).raw("met_at", t.has_met ? instant(t.met_at) : "null");
    target.raw("paused_minutes", std::to_string(t.paused_us / 60'000'000));
    if (t.kind == lang::TargetKind::update || t.kind == lang::TargetKind::reply) {
      target.raw("instances", Object().raw("met", std::to_string(t.met)).raw("breached", std::to_string(t.breached)).close());
    }
    targets.push_back(target.close());
  }
  o.raw("targets", array(targets));
  std::vector<std::string> entitlements;
  for (std::size_t e = 0; e < program.entitlements.size(); ++e) {
    if ((d.entitlements >> e) & 1) entitlements.push_back(json_quote(program.entitlements[e]));
  }
  o.raw("entitlements", array(entitlements));
  std::vector<std::string> reasons;
  for (std::uint8_t i = 0; i < d.reason_count; ++i) {
    const eval::ReasonRef& ref = d.reasons[i];
    Object reason;
    if (ref.kind == eval::ReasonRef::Kind::plan) {
      const ir::Plan& plan = program.plans[ref.index];
      reason.text("rule", plan.reason_id).text("at", plan.at);
    } else {
      const ir::Reason& source = reason_source(program, ref);
      reason.text("rule", source.id).text("at", source.at);
    }
    reason.text("text", reason_text(program, d, ref));
    reasons.push_back(reason.close());
  }
  o.raw("reasons", array(reasons));
  std::vector<std::string> warnings;
  for (std::uint8_t i = 0; i < d.lowering_count; ++i) {
    const eval::Lowering& l = d.lowerings[i];
    warnings.push_back(json_quote("priority lowered from " + program.urgency_values[static_cast<std::size_t>(l.from)] +
                                  " to " + program.urgency_values[static_cast<std::size_t>(l.to)] + ": " +
                                  program.rules[l.rule].reason.text));
  }
  if (d.has_response && !due_written) {
    warnings.push_back(json_quote("the response deadline falls after the year 9999 and cannot be written"));
  }
  if (d.holidays_passed >= 0) {
    warnings.push_back(json_quote(eval::holiday_warning(program.hours[static_cast<std::size_t>(d.holidays_passed)])));
  }
  o.raw("warnings", array(warnings));
  o.raw("errors", "[]");
  return o.close() + "\n";
}

}  // namespace clause::caseio
