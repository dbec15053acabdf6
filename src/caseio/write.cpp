#include "caseio/write.h"

#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "calendar/timestamp.h"
#include "eval/explain.h"
#include "support/text.h"

namespace clause::caseio {

using namespace std::string_view_literals;

namespace {

using eval::ReasonRef;

void append_string(std::string& out, std::string_view text) {
  out += '"';
  append_json_escaped(out, text);
  out += '"';
}

// The deadline can only be written with a four-digit year.
bool writable(calendar::Instant t) {
  return t < calendar::Instant(date::sys_days(date::year(10000) / 1 / 1).time_since_epoch());
}

// Nothing has happened to the target yet: it stands as it did at the opening.
bool fresh(const eval::TargetState& t) {
  return !t.has_met && t.paused_us == 0 && t.met == 0 && t.breached == 0 &&
         t.status == (t.kind == lang::TargetKind::reply ? lang::TargetStatus::pending : lang::TargetStatus::running);
}

void append_integer(std::string& out, std::int64_t n) {
  char digits[24];
  out.append(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, n).ptr - digits));
}

// The part of a guarantee reason after its title; only digits and words.
void guarantee_sentence(std::string& out, bool covered, int days, int end) {
  char digits[16];
  const std::string_view count(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, days).ptr - digits));
  if (covered) {
    out += count;
    out += " calendar days after the project's completion, until ";
  } else {
    out += "the ";
    out += count;
    out += " calendar days ended on ";
  }
  calendar::append_date(out, date::local_days(date::days(end)));
  if (covered) out += " inclusive";
}

}  // namespace

std::string format_hours(std::chrono::microseconds length) { return decimal_hours(length); }

std::string target_phrase(const ir::TargetRule& rule) { return rule.by_close ? rule.within : "within " + rule.within; }


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
        text += fmt::format(": {} is answered {}", program.urgency_values[static_cast<std::size_t>(d.urgency)],
                            target_phrase(program.target_rules[d.response_rule]));
      }
      return text;
    }
    case ReasonRef::Kind::guarantee_covered:
    case ReasonRef::Kind::guarantee_ended: {
      if (d.guarantee_days < 0) return g.title + ": no period is given for this amount";
      std::string text = g.title + ": ";
      guarantee_sentence(text, ref.kind == ReasonRef::Kind::guarantee_covered, d.guarantee_days, d.guarantee_end);
      return text;
    }
    case ReasonRef::Kind::guarantee_not_covered:
      return g.title + ": the case is not one the guarantee covers";
    case ReasonRef::Kind::guarantee_channel:
      return g.title + ": cases are not registered through this channel";
    case ReasonRef::Kind::rule:
      if (program.rules[ref.index].action == lang::RuleAction::lower) {
        for (std::uint8_t i = 0; i < d.lowering_count; ++i) {
          const auto& l = d.lowerings[i];
          if (l.rule == ref.index) {
            return program.rules[ref.index].reason.text + ": lowered from " +
                   program.urgency_values[static_cast<std::size_t>(l.from)] + " to " +
                   program.urgency_values[static_cast<std::size_t>(l.to)];
          }
        }
      }
      return reason_source(program, ref).text;
    default:
      return reason_source(program, ref).text;
  }
}

namespace {

// {"rule":"id","at":"file:line:col","text":"  -- the text and `"}` follow.
std::string reason_json_head(std::string_view id, std::string_view at) {
  std::string out = "{\"rule\":";
  append_string(out, id);
  out += ",\"at\":";
  append_string(out, at);
  out += ",\"text\":\"";
  return out;
}

// {"rule":"id","at":"file:line:col","text":"..."}
std::string reason_json(std::string_view id, std::string_view at, std::string_view text) {
  std::string out = reason_json_head(id, at);
  append_json_escaped(out, text);
  out += "\"}";
  return out;
}

std::string entitlements_json(const ir::Program& program, std::uint64_t mask) {
  std::string out = "[";
  for (std::size_t e = 0; e < program.entitlements.size(); ++e) {
    if (!((mask >> e) & 1)) continue;
    if (out.size() > 1) out += ',';
    append_string(out, program.entitlements[e]);
  }
  return out + "]";
}

}  // namespace

namespace {

constexpr eval::Outcome outcomes[] = {eval::Outcome::covered,     eval::Outcome::limited,  eval::Outcome::billable,
                                      eval::Outcome::not_covered, eval::Outcome::rejected, eval::Outcome::invalid};
static_assert(
    [] {
      for (std::size_t i = 0; i < std::size(outcomes); ++i) {
        if (static_cast<std::size_t>(outcomes[i]) != i) return false;
      }
      return true;
    }(),
    "outcomes in the order of their values: head_index() relies on it");
constexpr std::size_t fixed_bases = 3;   // none, guarantee, time and materials; then one per plan

constexpr std::string_view entitlements_key = ",\"entitlements\":", reasons_open = ",\"reasons\":[";

}  // namespace

std::size_t DecisionWriter::head_index(const eval::Decision& d) const {
  std::size_t basis = 0;
  switch (d.basis) {
    case eval::Basis::none: basis = 0; break;
    case eval::Basis::guarantee: basis = 1; break;
    case eval::Basis::time_and_materials: basis = 2; break;
    case eval::Basis::plan: basis = fixed_bases + static_cast<std::size_t>(d.plan); break;
  }
  return static_cast<std::size_t>(d.outcome) * (fixed_bases + program_.plans.size()) + basis;
}

DecisionWriter::DecisionWriter(const ir::Program& program) : program_(program) {
  std::string policy_and_revision = ",\"policy\":";
  append_string(policy_and_revision, program.name);
  policy_and_revision += ",\"revision\":\"" + program.revision + "\",\"outcome\":\"";
  std::vector<std::string> bases = {"null", "\"guarantee\"", "\"time_and_materials\""};
  for (const auto& plan : program.plans) {
    bases.emplace_back();
    append_string(bases.back(), plan.basis);
  }
  for (eval::Outcome outcome : outcomes) {
    for (const auto& basis : bases) {
      heads_.push_back(policy_and_revision + std::string(eval::outcome_name(outcome)) + "\",\"basis\":" + basis +
                       ",\"priority\":");
    }
  }
  for (const auto& value : program.urgency_values) {
    priority_.emplace_back();
    append_string(priority_.back(), value);
    priority_.back() += ",\"response\":";
  }
  priority_.push_back("null,\"response\":");
  auto fixed = [&](const eval::ReasonRef& ref) {
    const ir::Reason& source = reason_source(program, ref);
    return reason_json(source.id, source.at, source.text);
  };
  for (std::size_t p = 0; p < program.plans.size(); ++p) {
    const auto& plan = program.plans[p];
    plan_entitlements_.push_back(std::string(entitlements_key) + entitlements_json(program, plan.includes) +
                                 std::string(reasons_open));
    eval::Decision none;
    none.plan = static_cast<int>(p);
    plan_reasons_none_.push_back(reason_json(plan.reason_id, plan.at,
                                             reason_text(program, none, {eval::ReasonRef::Kind::plan, static_cast<std::uint16_t>(p)})));
  }
  // Per target line: its pieces of the response and the targets, and the
  // plan reason that quotes it (for response lines).
  std::vector<int> plan_of(program.target_rules.size(), -1), urgency_of(program.target_rules.size(), -1);
  for (std::size_t p = 0; p < program.plans.size(); ++p) {
    for (int u = 0; u < program.urgency_count; ++u) {
      std::size_t key = program.target_key(static_cast<int>(p), u, lang::TargetKind::response);
      for (std::uint32_t r = 0; r < program.target_count[key]; ++r) {
        plan_of[program.target_first[key] + r] = static_cast<int>(p);
        urgency_of[program.target_first[key] + r] = u;
      }
    }
  }
  for (std::size_t r = 0; r < program.target_rules.size(); ++r) {
    const ir::TargetRule& rule = program.target_rules[r];
    within_.push_back("{\"within_hours\":" + rule.within_hours + ",\"within_minutes\":" + rule.within_minutes +
                      ",\"clock\":\"" + rule.clock_name + "\",\"due\":\"");
    std::string head = "{\"kind\":\"" + std::string(lang::text(rule.kind)) + "\",\"within\":";
    append_string(head, rule.within);
    head += ",\"within_minutes\":" + rule.within_minutes + ",\"clock\":\"" + rule.clock_name + "\",\"due\":";
    target_head_.push_back(head);
    response_then_target_.push_back("\"},\"targets\":[" + head + "\"");
    std::string fresh = ",\"status\":\"";
    fresh += rule.kind == lang::TargetKind::reply ? "pending" : "running";
    fresh += "\",\"met_at\":null,\"paused_minutes\":0";
    if (rule.kind == lang::TargetKind::update || rule.kind == lang::TargetKind::reply) fresh += ",\"instances\":{\"met\":0,\"breached\":0}";
    target_fresh_.push_back(fresh + "}");
    if (plan_of[r] < 0) {
      plan_reasons_.emplace_back();
      continue;
    }
    const auto& plan = program.plans[static_cast<std::size_t>(plan_of[r])];
    eval::Decision d;
    d.plan = plan_of[r];
    d.urgency = urgency_of[r];
    d.has_response = true;
    d.response_rule = static_cast<std::uint32_t>(r);
    plan_reasons_.push_back(
        reason_json(plan.reason_id, plan.at, reason_text(program, d, {eval::ReasonRef::Kind::plan, static_cast<std::uint16_t>(plan_of[r])})));
  }
  for (const auto& hours : program.hours) holiday_warning_.push_back(hours.holidays_end ? eval::holiday_warning(hours) : "");
  guarantee_entitlements_ =
      std::string(entitlements_key) + entitlements_json(program, program.guarantee.includes) + std::string(reasons_open);
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    rule_reasons_.push_back(fixed({eval::ReasonRef::Kind::rule, static_cast<std::uint16_t>(r)}));
  }
  for (std::size_t k = 0; k < program.guarantee.excludes_reasons.size(); ++k) {
    clause_reasons_.push_back(fixed({eval::ReasonRef::Kind::guarantee_clause, static_cast<std::uint16_t>(k)}));
  }
  default_plan_reason_ = fixed({eval::ReasonRef::Kind::default_plan, 0});
  otherwise_reason_ = fixed({eval::ReasonRef::Kind::otherwise, 0});
  no_basis_reason_ = fixed({eval::ReasonRef::Kind::no_basis, 0});
  for (const auto& rule : program.rules) {
    lowering_prefix_.push_back(reason_json_head(rule.reason.id, rule.reason.at));
    append_json_escaped(lowering_prefix_.back(), rule.reason.text + ": lowered from ");
    warning_suffix_.emplace_back(": ");
    append_json_escaped(warning_suffix_.back(), rule.reason.text);
  }
  if (program.guarantee.present) {
    const ir::Reason& g = program.guarantee.reason;
    guarantee_prefix_ = reason_json_head(g.id, g.at);
    append_json_escaped(guarantee_prefix_, program.guarantee.title + ": ");
    eval::Decision none;
    not_covered_reason_ = reason_json(g.id, g.at, reason_text(program, none, {eval::ReasonRef::Kind::guarantee_not_covered, 0}));
    channel_reason_ = reason_json(g.id, g.at, reason_text(program, none, {eval::ReasonRef::Kind::guarantee_channel, 0}));
  }
}

void DecisionWriter::write(std::string& out, const eval::Case& c, const eval::Decision& d) const {
  const ir::Program& program = program_;
  if (c.has_id) {
    out += "{\"id\":\""sv;
    append_json_escaped(out, c.id);
    out += '"';
  } else {
    out += "{\"id\":null"sv;
  }
  out += heads_[head_index(d)];
  out += priority_[d.urgency >= 0 ? static_cast<std::size_t>(d.urgency) : priority_.size() - 1];
  const calendar::Zone& zone = eval::deadline_zone(d);
  bool due_ok = d.has_response && writable(d.due);
  char due_text[40];
  std::size_t due_size = 0;
  std::uint8_t first_target = 0;
  if (due_ok) {
    out += within_[d.response_rule];
    const std::size_t due_at = out.size();
    calendar::append_rfc3339(out, d.due, zone.offset_at(d.due));
    due_size = std::min(out.size() - due_at, sizeof due_text);
    std::memcpy(due_text, out.data() + due_at, due_size);
    // Nearly always the first target is that response, with nothing happened
    // yet: its pieces were rendered together.
    const eval::TargetState& t = d.targets[0];
    if (d.target_count > 0 && t.kind == lang::TargetKind::response && t.rule == d.response_rule && t.due == d.due &&
        fresh(t)) {
      out += response_then_target_[d.response_rule];
      out.append(due_text, due_size);
      out += '"';
      out += target_fresh_[t.rule];
      first_target = 1;
    } else {
      out += "\"},\"targets\":["sv;
    }
  } else {
    out += "null,\"targets\":["sv;
  }
  for (std::uint8_t i = first_target; i < d.target_count; ++i) {
    if (i) out += ',';
    write_target(out, d.targets[i], zone, std::string_view(due_text, due_size), d.due);
  }
  out += ']';
  if (d.basis == eval::Basis::plan || d.outcome == eval::Outcome::limited) {
    if (d.plan >= 0) {
      out += plan_entitlements_[static_cast<std::size_t>(d.plan)];
    } else {
      out += entitlements_key;
      out += "[]"sv;
      out += reasons_open;
    }
  } else if (d.basis == eval::Basis::guarantee) {
    out += guarantee_entitlements_;
  } else {
    out += entitlements_key;
    out += entitlements_json(program, d.entitlements);
    out += reasons_open;
  }
  for (std::uint8_t i = 0; i < d.reason_count; ++i) {
    const auto& ref = d.reasons[i];
    if (i) out += ',';
    using K = eval::ReasonRef::Kind;
    switch (ref.kind) {
      case K::plan:
        out += d.has_response ? plan_reasons_[d.response_rule] : plan_reasons_none_[ref.index];
        break;
      case K::rule: {
        const eval::Lowering* lowering = nullptr;
        for (std::uint8_t l = 0; l < d.lowering_count; ++l) {
          if (d.lowerings[l].rule == ref.index) lowering = &d.lowerings[l];
        }
        if (!lowering) {
          out += rule_reasons_[ref.index];
          break;
        }
        out += lowering_prefix_[ref.index];
        out += program.urgency_values[static_cast<std::size_t>(lowering->from)];
        out += " to "sv;
        out += program.urgency_values[static_cast<std::size_t>(lowering->to)];
        out += "\"}"sv;
        break;
      }
      case K::default_plan: out += default_plan_reason_; break;
      case K::guarantee_clause: out += clause_reasons_[ref.index]; break;
      case K::guarantee_not_covered: out += not_covered_reason_; break;
      case K::guarantee_channel: out += channel_reason_; break;
      case K::otherwise: out += otherwise_reason_; break;
      case K::no_basis: out += no_basis_reason_; break;
      case K::guarantee_covered:
      case K::guarantee_ended: {
        if (d.guarantee_days < 0) {
          const ir::Reason& g = program.guarantee.reason;
          out += reason_json(g.id, g.at, reason_text(program, d, ref));
          break;
        }
        out += guarantee_prefix_;
        guarantee_sentence(out, ref.kind == K::guarantee_covered, d.guarantee_days, d.guarantee_end);
        out += "\"}"sv;
        break;
      }
    }
  }
  out += "],\"warnings\":["sv;
  for (std::uint8_t i = 0; i < d.lowering_count; ++i) {
    const auto& l = d.lowerings[i];
    if (i) out += ',';
    out += "\"priority lowered from "sv;
    out += program.urgency_values[static_cast<std::size_t>(l.from)];
    out += " to "sv;
    out += program.urgency_values[static_cast<std::size_t>(l.to)];
    out += warning_suffix_[l.rule];
    out += '"';
  }
  bool first_warning = d.lowering_count == 0;
  if (d.has_response && !due_ok) {
    if (!first_warning) out += ',';
    append_string(out, "the response deadline falls after the year 9999 and cannot be written");
    first_warning = false;
  }
  if (d.holidays_passed >= 0) {
    if (!first_warning) out += ',';
    append_string(out, holiday_warning_[static_cast<std::size_t>(d.holidays_passed)]);
  }
  out += "],\"errors\":[]}\n"sv;
}

void DecisionWriter::write_target(std::string& out, const eval::TargetState& t, const calendar::Zone& zone,
                                  std::string_view due_text, calendar::Instant due) const {
  out += target_head_[t.rule];
  const bool is_fresh = fresh(t);
  if (is_fresh && t.has_due && !due_text.empty() && t.due == due) {
    out += '"';
    out += due_text;
    out += '"';
    out += target_fresh_[t.rule];
    return;
  }
  auto instant = [&](calendar::Instant at) {
    if (!writable(at)) {
      out += "null"sv;
      return;
    }
    out += '"';
    calendar::append_rfc3339(out, at, zone.offset_at(at));
    out += '"';
  };
  if (t.has_due) instant(t.due);
  else out += "null"sv;
  if (is_fresh) {
    out += target_fresh_[t.rule];
    return;
  }
  out += ",\"status\":\""sv;
  out += lang::text(t.status);
  out += "\",\"met_at\":"sv;
  if (t.has_met) instant(t.met_at);
  else out += "null"sv;
  out += ",\"paused_minutes\":"sv;
  append_integer(out, t.paused_us / 60'000'000);
  if (t.kind == lang::TargetKind::update || t.kind == lang::TargetKind::reply) {
    out += ",\"instances\":{\"met\":"sv;
    append_integer(out, t.met);
    out += ",\"breached\":"sv;
    append_integer(out, t.breached);
    out += '}';
  }
  out += '}';
}

void write_invalid(std::string& out, const ir::Program* program, const ReadResult& read) {
  out += "{\"id\":"sv;
  if (read.has_id) append_string(out, read.id);
  else out += "null"sv;
  out += ",\"policy\":"sv;
  if (program) append_string(out, program->name);
  else if (!read.policy.empty()) append_string(out, read.policy);
  else out += "null"sv;
  out += ",\"revision\":"sv;
  if (program) append_string(out, program->revision);
  else out += "null"sv;
  out += ",\"outcome\":\"invalid\",\"basis\":null,\"priority\":null,\"response\":null,\"targets\":[],\"entitlements\":[],"
         "\"reasons\":[],\"warnings\":[],\"errors\":[";
  for (std::size_t i = 0; i < read.errors.size(); ++i) {
    if (i) out += ',';
    out += "{\"field\":"sv;
    append_string(out, read.errors[i].field);
    out += ",\"message\":"sv;
    append_string(out, read.errors[i].message);
    out += '}';
  }
  out += "]}\n"sv;
}

}  // namespace clause::caseio
