#include "ir/lower.h"

#include <fmt/format.h>

#include "support/text.h"


namespace clause::ir {
namespace {

std::uint64_t bits(const std::vector<int>& indices) {
  std::uint64_t mask = 0;
  for (int i : indices) mask |= std::uint64_t{1} << i;
  return mask;
}

class Lowering {
 public:
  Lowering(const sema::Checked& checked, const diag::SourceFile& file, const std::string& revision)
      : in_(checked), file_(file) {
    out_.name = checked.name;
    out_.title = checked.title;
    out_.revision = revision;
    out_.path = file.path();
    out_.currency = checked.currency;
  }

  std::shared_ptr<const Program> run() {
    fields();
    zones();
    plans();
    guarantee();
    rules();
    otherwise();
    return std::make_shared<const Program>(std::move(out_));
  }

 private:
  std::string at(sema::Loc span) const {
    auto lc = file_.line_col(span.begin);
    return fmt::format("{}:{}:{}", file_.path(), lc.line, lc.column);
  }

  Reason reason(std::string id, sema::Loc span, std::string text) const {
    return Reason{std::move(id), at(span), std::move(text)};
  }

  void fields() {
    for (const auto& f : in_.fields) {
      Field field;
      field.path = f.path;
      field.key = std::string(f.name());
      field.type = f.type;
      field.values = f.values;
      field.parent = f.parent;
      field.members = f.members;
      field.required = f.required;
      field.default_value = f.default_value;
      field.slot.type = f.type;
      auto next = [](std::uint16_t& counter) { return counter++; };
      switch (f.type) {
        case FieldType::enumeration:
        case FieldType::ordered: field.slot.index = next(out_.slots.enums); break;
        case FieldType::set: field.slot.index = next(out_.slots.sets); break;
        case FieldType::money: field.slot.index = next(out_.slots.money); break;
        case FieldType::date: field.slot.index = next(out_.slots.dates); break;
        case FieldType::boolean: field.slot.index = next(out_.slots.bools); break;
        case FieldType::timestamp: field.slot.index = next(out_.slots.timestamps); break;
        case FieldType::record: break;
      }
      if (f.parent < 0) out_.top_fields.push_back(static_cast<int>(out_.fields.size()));
      out_.fields.push_back(std::move(field));
    }
    out_.urgency_field = in_.urgency_field;
    if (const auto* urgency = in_.urgency()) {
      out_.urgency = out_.fields[in_.urgency_field].slot;
      out_.urgency_values = urgency->values;
      out_.urgency_count = static_cast<int>(urgency->values.size());
    }
    out_.channel = out_.fields[in_.channel_field].slot;
    out_.channel_field = in_.channel_field;
    out_.role = out_.fields[in_.role_field].slot;
    out_.authorized = out_.fields[in_.authorized_field].slot;
    for (const auto& e : in_.entitlements) out_.entitlements.push_back(e.id);
  }

  void zones() {
    out_.zones = in_.zones;
    out_.zone_names = in_.zone_texts;
  }

  void hours() {
    for (const auto& h : in_.hours) {
      Hours hours;
      hours.working = h.hours;
      hours.business = calendar::BusinessDays(h.hours);
      hours.own_zone = h.zone.has_value();
      if (h.zone) hours.zone = *h.zone;
      hours.name = h.name;
      if (h.holidays_end) {
        hours.holidays_end = true;
        hours.holidays_last = static_cast<std::int32_t>(h.holidays_end->time_since_epoch().count());
        hours.holidays_list = h.holidays_list;
      }
      out_.hours.push_back(std::move(hours));
    }
  }

  // A target line as the evaluator and the writer need it.
  TargetRule target_rule(const sema::TargetLine& line, int plan_hours) {
    TargetRule rule;
    rule.kind = line.kind;
    rule.clock = line.within.clock;
    rule.hours = line.hours >= 0 ? line.hours : plan_hours;
    rule.at = at(line.origin.span);
    if (line.when) rule.when = condition(*line.when);
    if (line.by_close) {
      rule.by_close = true;
      rule.close_days = line.close_days;
      rule.within = line.close_days == 0 ? "by close of business" : "by close of the next business day";
    } else {
      const money::Decimal& amount = line.within.amount;
      std::string unit(amount == money::Decimal::from_integer(1) ? lang::singular(line.within.unit)
                                                                  : lang::text(line.within.unit));
      rule.within = amount.to_string() + " " + std::string(lang::text(line.within.clock)) + " " + unit;
      if (line.within.clock == lang::Clock::business) {
        rule.business_days = static_cast<int>(line.within.length / std::chrono::hours(24));
      } else {
        rule.length = line.within.length;
      }
    }
    if (rule.clock == lang::Clock::business) {
      rule.within_minutes = "null";
      rule.within_hours = "null";
      rule.clock_name = "business_days";
    } else {
      rule.within_minutes = std::to_string(rule.length / std::chrono::minutes(1));
      rule.within_hours = decimal_hours(rule.length);
      rule.clock_name = std::string(lang::text(rule.clock));
    }
    return rule;
  }

  void plans() {
    hours();
    out_.plan_set_words = in_.plans.size() / 64 + 1;
    for (const auto& p : in_.plans) {
      Plan plan;
      plan.id = p.id;
      plan.title = p.title;
      plan.basis = "plan:" + p.id;
      plan.reason_id = std::string(lang::reason_ids::plan_prefix) + p.id;
      plan.at = at(p.span);
      plan.hours = p.hours;
      plan.registers = bits(p.registers);
      plan.includes = bits(p.includes);
      plan.price = p.price;
      out_.plans.push_back(std::move(plan));
      for (int u = 0; u < out_.urgency_count; ++u) {
        out_.target_kinds_set.push_back(0);
        for (std::size_t k = 0; k < lang::target_kinds; ++k) {
          out_.target_first.push_back(static_cast<std::uint32_t>(out_.target_rules.size()));
          const auto& lines = static_cast<std::size_t>(u) < p.lines[k].size() ? p.lines[k][static_cast<std::size_t>(u)]
                                                                             : std::vector<sema::TargetLine>{};
          for (const auto& line : lines) out_.target_rules.push_back(target_rule(line, p.hours));
          out_.target_count.push_back(static_cast<std::uint16_t>(lines.size()));
          if (!lines.empty()) out_.target_kinds_set.back() |= static_cast<std::uint8_t>(1u << k);
        }
      }
    }
    out_.default_plan = in_.default_plan;
    if (in_.default_plan >= 0) {
      const auto& plan = in_.plans[in_.default_plan];
      out_.default_plan_reason = reason(std::string(lang::reason_ids::default_plan), in_.default_plan_span,
                                        "No plan given: every customer holds the " + plan.title + " plan");
    }
    if (in_.has_registers) out_.policy_registers = bits(in_.registers);
    out_.contact_required = in_.contact_tested;
    out_.zone_required = in_.zone_needed;
  }

  void guarantee() {
    if (!in_.guarantee) return;
    const auto& g = *in_.guarantee;
    auto& out = out_.guarantee;
    out.present = true;
    out.title = g.title;
    out.start = out_.fields[g.start_field].slot;
    out.banded = g.amount_field >= 0;
    if (out.banded) out.amount = out_.fields[g.amount_field].slot;
    for (const auto& b : g.bands) {
      Band band;
      band.kind = b.kind;
      band.low = b.low;
      band.high = b.high;
      band.days = b.days;
      out.bands.push_back(band);
    }
    out.fixed_days = g.fixed_days;
    for (const auto& c : g.covers) {
      out.covers.push_back(condition(c.when));
      out.covers_reasons.push_back(reason(c.id, c.span, c.text));
    }
    for (const auto& c : g.excludes) {
      out.excludes.push_back(condition(c.when));
      out.excludes_reasons.push_back(reason(c.id, c.span, c.text));
    }
    out.registers = g.has_registers || in_.has_registers ? bits(g.registers) : ~std::uint64_t{0};
    out.includes = bits(g.includes);
    out.reason = reason(std::string(lang::reason_ids::guarantee), g.span, g.title);
  }

  void rules() {
    for (const auto& r : in_.rules) {
      Rule rule;
      rule.action = r.action;
      rule.when = condition(r.when);
      rule.lower_to = r.lower_to;
      rule.reason = reason(r.id, r.span, r.text.empty() ? r.id : r.text);
      auto index = static_cast<std::uint16_t>(out_.rules.size());
      using A = lang::RuleAction;
      switch (r.action) {
        case A::lower: out_.lowering.push_back(index); break;
        case A::outside_plan: out_.outside_plan.push_back(index); break;
        case A::outside_guarantee: out_.outside_guarantee.push_back(index); break;
        default: out_.deciding.push_back(index); break;
      }
      out_.rules.push_back(std::move(rule));
    }
  }

  void otherwise() {
    out_.otherwise = in_.otherwise;
    std::string_view id = lang::reason_ids::otherwise;
    if (in_.otherwise == lang::Otherwise::time_and_materials) {
      out_.otherwise_reason = reason(std::string(id), in_.otherwise_span,
                                     "No plan or guarantee covers the case: support is billed as time and materials");
    } else {
      out_.otherwise_reason = reason(std::string(id), in_.otherwise_span, "No plan or guarantee covers the case");
    }
    out_.no_basis_reason = reason(std::string(id), in_.span, "No plan or guarantee covers the case");
  }

  // Appends a condition's subtree in preorder and returns its root's index.
  std::uint32_t condition(const sema::Cond& c) {
    auto index = static_cast<std::uint32_t>(out_.nodes.size());
    out_.nodes.emplace_back();
    Node node;
    node.field = c.field;
    node.op = c.op;
    if (c.field >= 0) node.slot = out_.fields[c.field].slot.index;
    using K = sema::Cond::Kind;
    switch (c.kind) {
      case K::all: node.kind = Node::Kind::all; break;
      case K::any: node.kind = Node::Kind::any; break;
      case K::negation: node.kind = Node::Kind::negation; break;
      case K::is_true: node.kind = Node::Kind::is_true; break;
      case K::enum_in:
        node.kind = Node::Kind::enum_in;
        node.mask = bits(c.values);
        break;
      case K::ordered_cmp:
        node.kind = Node::Kind::ordered_cmp;
        node.value = c.value;
        break;
      case K::set_has:
        node.kind = Node::Kind::set_has;
        node.mask = std::uint64_t{1} << c.value;
        break;
      case K::money_cmp:
        node.kind = Node::Kind::money_cmp;
        node.amount = c.amount;
        break;
      case K::date_cmp:
        node.kind = Node::Kind::date_cmp;
        node.value = c.days;
        break;
      case K::plan_in: {
        node.kind = Node::Kind::plan_in;
        node.value = static_cast<int>(out_.plan_sets.size());
        out_.plan_sets.resize(out_.plan_sets.size() + out_.plan_set_words, 0);
        for (int p : c.values) {
          std::size_t bit = p < 0 ? in_.plans.size() : static_cast<std::size_t>(p);
          out_.plan_sets[static_cast<std::size_t>(node.value) + bit / 64] |= std::uint64_t{1} << (bit % 64);
        }
        break;
      }
      case K::plan_cmp:
        node.kind = Node::Kind::plan_cmp;
        node.value = c.value;
        break;
      case K::channel_registered:
        node.kind = Node::Kind::channel_registered;
        node.value = c.value;
        break;
      case K::plan_includes:
        node.kind = Node::Kind::plan_includes;
        node.mask = std::uint64_t{1} << c.value;
        break;
    }
    node.count = static_cast<std::uint16_t>(c.children.size());
    for (const auto& child : c.children) condition(child);
    node.size = static_cast<std::uint32_t>(out_.nodes.size()) - index;
    out_.nodes[index] = std::move(node);
    return index;
  }

  const sema::Checked& in_;
  const diag::SourceFile& file_;
  Program out_;
};

}  // namespace

std::shared_ptr<const Program> lower(const sema::Checked& checked, const diag::SourceFile& file,
                                     const std::string& revision) {
  return Lowering(checked, file, revision).run();
}

}  // namespace clause::ir
