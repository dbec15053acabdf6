#include "differ/differ.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "calendar/timestamp.h"
#include "caseio/evaluate.h"
#include "caseio/write.h"
#include "format/format.h"
#include "support/text.h"
#include "space/space.h"

namespace clause::differ {
namespace {

// ---- Terms ----

std::string list_or_none(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out.empty() ? "none" : out;
}

std::string target_text(const std::optional<sema::Target>& t, bool none_declared) {
  if (!t) return none_declared ? "no target" : "none";
  return "within " + caseio::format_target(t->within.length, t->within.working());
}

std::string price_text(const sema::Price& p) {
  std::string period = p.period == lang::PricePeriod::none ? "" : " " + std::string(lang::text(p.period));
  switch (p.kind) {
    case lang::PriceKind::free: return "free";
    case lang::PriceKind::percent: return p.percent.to_string() + "% of " + p.base + period;
    case lang::PriceKind::amount: return p.amount.to_string(2) + period;
  }
  return "";
}

std::string hours_text(const sema::Checked& c, int h) {
  if (h < 0) return "none";
  const auto& hours = c.hours[static_cast<std::size_t>(h)];
  auto weekly = std::chrono::duration_cast<std::chrono::minutes>(hours.hours.weekly_open_time()).count();
  std::string name = hours.name.empty() ? "hours" : hours.name;
  return fmt::format("{} ({} h a week{})", name, caseio::format_hours(std::chrono::minutes(weekly)),
                     hours.holidays.empty() ? "" : fmt::format(", {} holidays", hours.holidays.size()));
}

std::vector<std::string> names(const std::vector<int>& indices, const std::vector<std::string>& all) {
  std::vector<std::string> out;
  for (int i : indices) out.push_back(all[static_cast<std::size_t>(i)]);
  return out;
}

std::string band_text(const sema::Band& b, const std::string& currency) {
  switch (b.kind) {
    case lang::BandKind::below: return "below " + b.high.to_string() + " " + currency;
    case lang::BandKind::above: return "above " + b.low.to_string() + " " + currency;
    case lang::BandKind::between: return b.low.to_string() + " to " + b.high.to_string() + " " + currency;
  }
  return "";
}

// Conditions and sentences of rules and clauses, by id, from the tree.
std::map<std::string, std::string> rule_texts(const syntax::Policy& ast) {
  std::map<std::string, std::string> out;
  for (const auto& member : ast.members) {
    if (const auto* rules = std::get_if<syntax::RulesDecl>(&member)) {
      for (const auto& r : rules->rules) {
        out[r.id.text] = std::string(lang::text(r.action)) + " when " + format::condition_text(r.when) +
                         (r.lower_to ? " to " + r.lower_to->text : "") + (r.text ? " \"" + r.text->value + "\"" : "");
      }
    }
    if (const auto* g = std::get_if<syntax::GuaranteeDecl>(&member)) {
      for (const auto& item : g->items) {
        if (item.kind == syntax::GuaranteeItem::Kind::covers || item.kind == syntax::GuaranteeItem::Kind::excludes) {
          out["guarantee " + item.clause.id.text] =
              std::string(lang::text(item.kind)) + " when " +
              format::condition_text(item.clause.when);
        }
      }
    }
  }
  return out;
}

// The cases a changed term can decide differently: those of one plan (and
// one urgency value), where witnesses are searched for on purpose.
struct Scope {
  std::string plan;      // a plan id; empty: the term is not a plan's
  std::string urgency;   // an urgency value; empty: every value
};

void term_changes(const driver::Unit& a_unit, const driver::Unit& b_unit, std::vector<std::string>& out,
                  std::vector<Scope>& scopes) {
  const auto& a = *a_unit.checked;
  const auto& b = *b_unit.checked;
  Scope scope;
  auto changed = [&](const std::string& what, const std::string& before, const std::string& after) {
    if (before == after) return;
    out.push_back(what + ": " + before + " -> " + after);
    if (!scope.plan.empty()) scopes.push_back(scope);
  };
  changed("title", a.title, b.title);
  changed("currency", a.currency, b.currency);
  changed("zones", list_or_none(a.zone_texts), list_or_none(b.zone_texts));
  for (const auto& f : a.fields) {
    int j = b.field_index(f.path);
    if (j < 0) out.push_back("case field `" + f.path + "` removed");
    else changed("values of `" + f.path + "`", list_or_none(f.values), list_or_none(b.fields[static_cast<std::size_t>(j)].values));
  }
  for (const auto& f : b.fields) {
    if (a.field_index(f.path) < 0) out.push_back("case field `" + f.path + "` added");
  }
  const auto& urgency_values = a.urgency() ? a.urgency()->values : std::vector<std::string>{};
  for (const auto& pa : a.plans) {
    int j = b.plan_index(pa.id);
    if (j < 0) {
      out.push_back("plan " + pa.id + " removed");
      continue;
    }
    const auto& pb = b.plans[static_cast<std::size_t>(j)];
    std::string plan = "plan " + pa.id;
    scope = Scope{pa.id, ""};
    changed(plan + " price", price_text(pa.price), price_text(pb.price));
    changed(plan + " hours", hours_text(a, pa.hours), hours_text(b, pb.hours));
    changed(plan + " contacts", std::to_string(pa.contacts), std::to_string(pb.contacts));
    changed(plan + " talks", list_or_none(pa.talks), list_or_none(pb.talks));
    if (a.channel_field >= 0 && b.channel_field >= 0) {
      changed(plan + " registers", list_or_none(names(pa.registers, a.fields[static_cast<std::size_t>(a.channel_field)].values)),
              list_or_none(names(pb.registers, b.fields[static_cast<std::size_t>(b.channel_field)].values)));
    }
    std::vector<std::string> ea, eb;
    for (int e : pa.includes) ea.push_back(a.entitlements[static_cast<std::size_t>(e)].id);
    for (int e : pb.includes) eb.push_back(b.entitlements[static_cast<std::size_t>(e)].id);
    changed(plan + " includes", list_or_none(ea), list_or_none(eb));
    for (std::size_t v = 0; v < urgency_values.size(); ++v) {
      int w = b.urgency() ? b.urgency()->value_index(urgency_values[v]) : -1;
      if (w < 0 || v >= pa.targets.size()) continue;
      scope.urgency = urgency_values[v];
      changed(plan + " " + urgency_values[v] + " response", target_text(pa.targets[v], pa.no_target[v]),
              target_text(pb.targets[static_cast<std::size_t>(w)], pb.no_target[static_cast<std::size_t>(w)]));
    }
    scope = Scope{};
  }
  for (const auto& pb : b.plans) {
    if (a.plan_index(pb.id) < 0) out.push_back("plan " + pb.id + " added");
  }
  auto plan_name = [](const sema::Checked& c, int p) { return p < 0 ? std::string("none") : c.plans[static_cast<std::size_t>(p)].id; };
  changed("default plan", plan_name(a, a.default_plan), plan_name(b, b.default_plan));
  changed("otherwise", std::string(lang::text(a.otherwise)), std::string(lang::text(b.otherwise)));
  auto guarantee = [](const sema::Checked& c) {
    if (!c.guarantee) return std::string("none");
    std::string text;
    for (const auto& band : c.guarantee->bands) {
      text += (text.empty() ? "" : "; ") + band_text(band, c.currency) + ": " + std::to_string(band.days) + " days";
    }
    if (c.guarantee->fixed_days >= 0) text = std::to_string(c.guarantee->fixed_days) + " days";
    return text;
  };
  changed("guarantee period", guarantee(a), guarantee(b));
  auto ra = rule_texts(*a_unit.ast);
  auto rb = rule_texts(*b_unit.ast);
  for (const auto& [id, text] : ra) {
    auto it = rb.find(id);
    if (it == rb.end()) out.push_back("rule " + id + " removed");
    else changed("rule " + id, text, it->second);
  }
  for (const auto& [id, text] : rb) {
    if (!ra.count(id)) out.push_back("rule " + id + " added: " + text);
  }
  std::vector<std::string> order_a, order_b;
  for (const auto& r : a.rules) if (rb.count(r.id)) order_a.push_back(r.id);
  for (const auto& r : b.rules) if (ra.count(r.id)) order_b.push_back(r.id);
  changed("order of rules", list_or_none(order_a), list_or_none(order_b));
}

// ---- Decisions ----

struct Summary {
  std::string outcome, basis, priority, response, entitlements, errors;
  std::string due;
};

Summary summarize(const caseio::Decided& decided) {
  Summary s;
  const auto& read = *decided.read;
  if (!read.errors.empty()) {
    s.outcome = "invalid";
    for (const auto& err : read.errors) s.errors += (s.errors.empty() ? "" : ", ") + err.field;
    return s;
  }
  const auto& program = *decided.program;
  const auto& d = decided.decision;
  s.outcome = std::string(eval::outcome_name(d.outcome));
  s.basis = d.basis == eval::Basis::plan ? program.plans[static_cast<std::size_t>(d.plan)].basis
            : d.basis == eval::Basis::guarantee ? "guarantee"
            : d.basis == eval::Basis::time_and_materials ? "time_and_materials"
                                                         : "null";
  s.priority = d.urgency >= 0 ? program.urgency_values[static_cast<std::size_t>(d.urgency)] : "null";
  s.response = d.has_response ? caseio::target_phrase(program.target_rules[d.response_rule]) : "null";
  s.due = d.has_response ? calendar::format_rfc3339(d.due, eval::deadline_zone(d)) : "";

  for (std::size_t i = 0; i < program.entitlements.size(); ++i) {
    if ((d.entitlements >> i) & 1) s.entitlements += (s.entitlements.empty() ? "" : ", ") + program.entitlements[i];
  }
  if (s.entitlements.empty()) s.entitlements = "none";
  return s;
}

std::string describe(const Summary& a, const Summary& b) {
  std::string what;
  auto field = [&](const char* name, const std::string& x, const std::string& y) {
    if (x != y) what += (what.empty() ? "" : "; ") + std::string(name) + ": " + x + " -> " + y;
  };
  field("outcome", a.outcome, b.outcome);
  field("basis", a.basis, b.basis);
  field("priority", a.priority, b.priority);
  field("response", a.response, b.response);
  field("entitlements", a.entitlements, b.entitlements);
  field("errors", a.errors, b.errors);
  if (what.empty() && a.due != b.due) what = "the deadline moves (same target: " + a.response + ")";
  // Same outcome and basis: say for which cases, so that each plan and
  // priority is its own kind of case.
  if (!what.empty() && a.outcome == b.outcome && a.basis == b.basis) what = a.basis + ", " + a.priority + ": " + what;
  return what;
}

}  // namespace

namespace {

// Decides the cases of `cases` by both versions and groups the differences.
class Comparison {
 public:
  Comparison(const driver::Unit& before, const driver::Unit& after, PolicyDiff& result)
      : old_side_({before.program}, before.program->name), new_side_({after.program}, after.program->name),
        result_(result) {
    for (std::size_t i = 0; i < result_.changes.size(); ++i) index_.emplace(result_.changes[i].what, i);
  }

  // Returns how many cases differ; `targeted`: a search among one plan's cases.
  std::uint64_t run(const space::CaseSpace& cases, bool targeted) {
    std::uint64_t differing = 0;
    for (std::uint64_t i = 0; i < cases.size(); ++i) {
      text_ = cases.case_json(i);
      std::string_view json(text_);
      old_line_.clear();
      new_line_.clear();
      Summary a = summarize(old_side_.decide(json, &old_line_));
      Summary b = summarize(new_side_.decide(json, &new_line_));
      if (!targeted) ++result_.cases;
      std::string what = describe(a, b);
      if (what.empty()) continue;
      ++differing;
      auto [it, fresh] = index_.emplace(what, result_.changes.size());
      if (fresh) {
        if (!old_line_.empty()) old_line_.pop_back();
        if (!new_line_.empty()) new_line_.pop_back();
        result_.changes.push_back({what, 0, std::string(json), old_line_, new_line_, targeted});
      }
      // A targeted search counts only what the whole-space search did not see.
      if (result_.changes[it->second].targeted == targeted) ++result_.changes[it->second].count;
    }
    return differing;
  }

 private:
  caseio::Evaluator old_side_, new_side_;
  PolicyDiff& result_;
  std::map<std::string, std::size_t> index_;
  std::string text_, old_line_, new_line_;
};

}  // namespace

PolicyDiff diff(const driver::Unit& before, const driver::Unit& after) {
  PolicyDiff result;
  std::vector<Scope> scopes;
  term_changes(before, after, result.term_changes, scopes);

  // The budget: cases times the rules each is tried against, for all the
  // searches together; with changed plans, half of a sample is kept for them.
  const std::uint64_t rules = before.program->rules.size() + after.program->rules.size() + 1;
  const std::uint64_t total = std::max<std::uint64_t>(min_cases, rule_test_budget / rules);
  space::SpaceOptions options;
  options.limit = std::min(options.limit, total);
  options.sample = std::min(options.sample, scopes.empty() ? total : total / 2);
  space::CaseSpace cases({&*before.checked, &*after.checked}, options);
  result.space = cases.full_size();
  result.sampled = cases.sampled();
  Comparison comparison(before, after, result);
  comparison.run(cases, false);
  if (!result.sampled) return result;

  // Sampled: a changed term of a plan gets a search among that plan's cases
  // (and its urgency value's), so that its witness is not left to chance.
  std::set<std::pair<std::string, std::string>> wanted;
  for (const auto& scope : scopes) {
    if (wanted.size() < max_targeted_searches) wanted.insert({scope.plan, scope.urgency});
  }
  const std::uint64_t each = std::clamp<std::uint64_t>((total - std::min(total, cases.size())) / std::max<std::size_t>(1, wanted.size()),
                                                       min_targeted_cases, max_targeted_cases);
  std::set<std::pair<std::string, std::string>> searched;
  const std::string urgency = before.checked->urgency() ? before.checked->urgency()->path : "";
  for (const auto& scope : scopes) {
    if (!wanted.count({scope.plan, scope.urgency}) || !searched.insert({scope.plan, scope.urgency}).second) continue;
    space::SpaceOptions pinned = options;
    pinned.limit = each;
    pinned.sample = each;
    pinned.pins["@plan"] = json_quote(scope.plan);
    if (!scope.urgency.empty() && !urgency.empty()) pinned.pins[urgency] = json_quote(scope.urgency);
    space::CaseSpace focused({&*before.checked, &*after.checked}, pinned);
    result.targeted_cases += focused.size();
    comparison.run(focused, true);
  }
  return result;
}

}  // namespace clause::differ
