#include <algorithm>
#include <map>
#include <set>

#include "sema/messages.h"
#include "sema/steps.h"
#include "support/text.h"

namespace clause::sema {
namespace {

namespace codes = diag::codes;

// The urgency values a target line names, most urgent first per range.
std::vector<int> urgency_values(Context& context, const std::vector<syntax::UrgencyRange>& ranges) {
  std::vector<int> out;
  const Field* urgency = context.out.urgency();
  if (!urgency) {
    if (!context.urgency_missing_reported && !ranges.empty()) {
      context.error(&codes::missing_declaration, ranges.front().span,
                    "response targets are given per urgency value, but the policy does not say which field holds the urgency")
          .help = "add `urgency priority` (the name of an ordered case field)";
      context.urgency_missing_reported = true;
    }
    return out;
  }
  for (const auto& range : ranges) {
    int first = urgency->value_index(range.first.text);
    if (first < 0) messages::not_a_value(context, *urgency, range.first);
    int last = first;
    if (range.last) {
      last = urgency->value_index(range.last->text);
      if (last < 0) messages::not_a_value(context, *urgency, *range.last);
    }
    if (first < 0 || last < 0) continue;
    if (last < first) {
      auto& d = context.error(&codes::bad_range, range.span,
                              "the range " + range.first.text + ".." + range.last->text + " runs backwards");
      d.help = "`" + urgency->path + "` is ordered " + join(urgency->values, " > ") + ": write " + range.last->text +
               ".." + range.first.text;
      continue;
    }
    for (int v = first; v <= last; ++v) out.push_back(v);
  }
  return out;
}

void check_price(Context& context, const syntax::Price& price, Price& out) {
  const Checked& policy = context.out;
  out = Price{};
  out.kind = price.kind;
  out.period = price.period;
  out.span = price.span;
  if (price.kind == lang::PriceKind::amount) {
    if (auto value = amount(context, price.amount)) out.amount = *value;
    return;
  }
  if (price.kind != lang::PriceKind::percent) return;
  auto percent = money::Decimal::parse_plain(price.percent.text);
  if (percent && (*percent > money::Decimal::from_integer(100))) {
    auto& d = context.error(&codes::percent_range, price.percent.span, price.percent.text + "% is more than 100%");
    d.help = "a price is a percentage from 0 to 100 of its base";
  }
  if (percent) out.percent = *percent;
  out.base = price.base.dotted();
  if (std::find(policy.bases.begin(), policy.bases.end(), out.base) != policy.bases.end()) return;
  int field = policy.field_index(out.base);
  if (field >= 0 && policy.fields[static_cast<std::size_t>(field)].type == FieldType::money) {
    out.base_field = field;
  } else if (field >= 0) {
    context.error(&codes::type_mismatch, price.base.span, "`" + out.base + "` is not an amount of money")
        .help = "a price is a percentage of a money field or of a declared `base`";
  } else {
    std::vector<std::string> candidates = policy.bases;
    for (const auto& f : policy.fields) {
      if (f.type == FieldType::money) candidates.push_back(f.path);
    }
    auto& d = context.error(&codes::unknown_name, price.base.span, messages::unknown_text("base", out.base));
    d.label = "not declared";
    if (auto guess = did_you_mean(out.base, candidates)) {
      d.help = *guess;
    } else {
      d.help = "declare it, as in `base " + out.base + " \"what it is\"`, or use a money field of the case";
    }
  }
}

void set_contacts(Context& context, Plan& plan, const syntax::PlanItem& item, Origin here) {
  auto count = money::Decimal::parse_plain(item.count.text);
  auto n = count ? count->scaled_integer() : std::nullopt;
  if (!n || *n < 1 || *n > 1'000'000) {
    context.error(&codes::bad_value, item.span, "the number of authorized contacts must be from 1 to 1000000");
    return;
  }
  plan.contacts = static_cast<int>(*n);
  plan.contacts_origin = here;
}

void set_talks(Context& context, Plan& plan, const syntax::PlanItem& item, Origin here) {
  const auto& known = context.out.communication;
  plan.talks.clear();
  for (const auto& name : item.names) {
    if (std::find(known.begin(), known.end(), name.text) == known.end()) {
      messages::unknown(context, "communication channel", name, known);
    } else {
      plan.talks.push_back(name.text);
    }
  }
  plan.talks_origin = here;
}

lang::TargetKind kind_of(lang::PlanTerm term) {
  switch (term) {
    case lang::PlanTerm::resolve: return lang::TargetKind::resolution;
    case lang::PlanTerm::update: return lang::TargetKind::update;
    case lang::PlanTerm::reply: return lang::TargetKind::reply;
    default: return lang::TargetKind::response;
  }
}

// The time of a target line: a length (kept in its unit), or a close of business.
std::optional<TargetLine> target_time(Context& context, const syntax::PlanItem& item) {
  TargetLine line;
  line.kind = kind_of(item.kind);
  if (item.time.by_close) {
    line.by_close = true;
    line.close_days = item.time.close_days;
    line.within.clock = lang::Clock::business;
    line.within.unit = lang::TimeUnit::days;
    line.within.amount = money::Decimal::from_integer(item.time.close_days);
    line.within.span = item.time.span;
    return line;
  }
  auto within = length(context, item.time.within);
  if (!within) return std::nullopt;
  // Decisions give targets in whole minutes (CONTRACT.md 9).
  if (within->clock != lang::Clock::business && within->length % std::chrono::minutes(1) != std::chrono::microseconds(0)) {
    auto& d = context.error(&codes::bad_value, item.time.within.span,
                            "a target is a whole number of minutes: `" + item.time.within.amount.text + " " +
                                std::string(lang::text(item.time.within.unit)) + "` is not");
    d.help = "round it to whole minutes, as in `within 20 calendar minutes`";
    return std::nullopt;
  }
  line.within = *within;
  return line;
}

// A target line (`respond`, `resolve`, `update`, `reply`) or `no target for`.
// The plan's own lines for a kind and urgency value replace the ones it
// inherits; `own` remembers which it has written, `unconditional` where its
// line without a condition for each is.
void set_targets(Context& context, Plan& plan, const syntax::PlanItem& item, Origin here,
                 std::map<std::pair<int, int>, Loc>& unconditional, std::set<std::pair<int, int>>& own) {
  std::optional<TargetLine> line;
  if (item.kind != lang::PlanTerm::no_target) {
    line = target_time(context, item);
    if (!line) return;
    line->origin = here;
    if (item.on_hours) {
      line->hours = resolve_hours(context, syntax::HoursUse{item.on_hours, std::nullopt, std::nullopt, item.on_hours->span});
      if (line->hours < 0) return;
    }
    if (!item.when.empty()) {
      auto when = condition(context, item.when.front());
      if (!when) return;
      line->when = std::move(*when);
    }
  }
  const auto kind = line ? line->kind : lang::TargetKind::response;
  const auto k = static_cast<std::size_t>(kind);
  for (int v : urgency_values(context, item.urgency)) {
    auto u = static_cast<std::size_t>(v);
    std::pair<int, int> key{static_cast<int>(k), v};
    bool conditional = line && line->when;
    if (!conditional) {
      if (auto it = unconditional.find(key); it != unconditional.end()) {
        auto& d = context.error(&codes::duplicate_target, item.span,
                                "plan `" + plan.id + "` gives " + context.out.urgency()->values[u] + " two " +
                                    std::string(lang::text(kind)) + " targets");
        d.related.push_back({it->second, "first given here"});
        continue;
      }
      unconditional.emplace(key, item.span);
    }
    auto& lines = plan.lines[k][u];
    if (own.insert(key).second) {
      // The plan's own lines replace what it inherits.
      lines.clear();
      if (kind == lang::TargetKind::response) plan.targets[u] = std::nullopt;
    }
    if (!line) {
      plan.no_target[u] = true;
      continue;
    }
    lines.push_back(*line);
    if (kind == lang::TargetKind::response) {
      plan.no_target[u] = false;
      if (!conditional) plan.targets[u] = Target{line->within, item.span};
    }
  }
}

}  // namespace

void flatten_plan(Context& context, int index, const syntax::PlanDecl& decl) {
  auto i = static_cast<std::size_t>(index);
  Plan& plan = context.out.plans[i];
  std::size_t urgency_count = context.out.urgency() ? context.out.urgency()->values.size() : 0;
  std::size_t errors_before = context.sink.error_count();
  if (plan.parent >= 0) {
    // INVARIANT: the parent is flattened first (see check_plans).
    if (context.broken_plans[static_cast<std::size_t>(plan.parent)]) context.broken_plans[i] = true;
    Plan inherited = context.out.plans[static_cast<std::size_t>(plan.parent)];
    inherited.id = plan.id;
    inherited.title = plan.title;
    inherited.parent = plan.parent;
    inherited.span = plan.span;
    inherited.decl_span = plan.decl_span;
    plan = std::move(inherited);
  } else {
    plan.targets.assign(urgency_count, std::nullopt);
    plan.no_target.assign(urgency_count, false);
    for (auto& by_urgency : plan.lines) by_urgency.assign(urgency_count, {});
    if (context.out.has_registers) plan.registers = context.out.registers;
  }
  std::map<lang::PlanTerm, Loc> seen;
  std::map<std::pair<int, int>, Loc> unconditional;
  std::set<std::pair<int, int>> own;
  for (const auto& item : decl.items) {
    using K = lang::PlanTerm;
    Origin here{index, item.span};
    bool repeatable = item.kind == K::respond || item.kind == K::resolve || item.kind == K::update ||
                      item.kind == K::reply || item.kind == K::no_target || item.kind == K::includes;
    if (!repeatable) {
      if (auto it = seen.find(item.kind); it != seen.end()) {
        messages::term_twice(context, "plan `" + plan.id + "` sets `" + std::string(lang::text(item.kind)) + "` twice",
                             item.span, it->second);
        continue;
      }
      seen.emplace(item.kind, item.span);
    }
    switch (item.kind) {
      case K::price:
        check_price(context, item.price, plan.price);
        plan.price_origin = here;
        break;
      case K::registers:
        plan.registers = resolve_channels(context, item.names);
        plan.registers_origin = here;
        break;
      case K::talks: set_talks(context, plan, item, here); break;
      case K::hours:
        plan.hours = resolve_hours(context, item.hours);
        plan.hours_origin = here;
        // Hours reported wrong where they are declared leave the plan unfinished.
        if (plan.hours < 0) context.broken_plans[i] = true;
        break;
      case K::registration: plan.registration = resolve_hours(context, item.hours); break;
      case K::contacts: set_contacts(context, plan, item, here); break;
      case K::respond:
      case K::resolve:
      case K::update:
      case K::reply:
      case K::no_target: set_targets(context, plan, item, here, unconditional, own); break;
      case K::includes:
        for (int e : resolve_entitlements(context, item.names)) {
          if (std::find(plan.includes.begin(), plan.includes.end(), e) == plan.includes.end()) {
            plan.includes.push_back(e);
            plan.includes_origin.push_back(here);
          }
        }
        break;
    }
  }
  if (context.sink.error_count() > errors_before) context.broken_plans[i] = true;
}

}  // namespace clause::sema
