// Declarations nothing uses, and values of the case that no rule, plan or
// guarantee mentions: dead text a reader must still understand, and often a
// sign that a rule names the wrong thing.
#include <map>
#include <set>

#include "lint/rules.h"

namespace clause::lint {
namespace {

void mentioned(const sema::Cond& c, std::set<std::pair<int, int>>& values, std::set<int>& entitlements) {
  switch (c.kind) {
    case sema::Cond::Kind::enum_in:
      for (int v : c.values) values.insert({c.field, v});
      break;
    case sema::Cond::Kind::ordered_cmp:
    case sema::Cond::Kind::set_has: values.insert({c.field, c.value}); break;
    case sema::Cond::Kind::plan_includes: entitlements.insert(c.value); break;
    default: break;
  }
  for (const auto& child : c.children) mentioned(child, values, entitlements);
}

// Spans of the values in the case schema, by field path.
void value_spans(const std::vector<syntax::FieldDecl>& fields, const std::string& prefix,
                 std::map<std::string, std::vector<syntax::Name>>& out) {
  for (const auto& f : fields) {
    out[prefix + f.name.text] = f.type.values;
    value_spans(f.type.fields, prefix + f.name.text + ".", out);
  }
}

}  // namespace

void check_unused(Context& context) {
  const auto& policy = context.policy;
  const auto& ast = context.ast;
  std::set<std::pair<int, int>> values;
  std::set<int> entitlements;
  for (const auto& rule : policy.rules) {
    mentioned(rule.when, values, entitlements);
    if (rule.lower_to >= 0) values.insert({policy.urgency_field, rule.lower_to});
  }
  if (const auto& g = policy.guarantee) {
    for (const auto& c : g->covers) mentioned(c.when, values, entitlements);
    for (const auto& c : g->excludes) mentioned(c.when, values, entitlements);
    for (int e : g->includes) entitlements.insert(e);
    for (int ch : g->registers) values.insert({policy.channel_field, ch});
  }
  std::set<int> hours_used;
  std::set<std::string> talks_used, bases_used;
  for (const auto& plan : policy.plans) {
    for (int e : plan.includes) entitlements.insert(e);
    for (int ch : plan.registers) values.insert({policy.channel_field, ch});
    hours_used.insert(plan.hours);
    hours_used.insert(plan.registration);
    for (const auto& by_urgency : plan.lines) {
      for (const auto& lines : by_urgency) {
        for (const auto& line : lines) {
          hours_used.insert(line.hours);
          if (line.when) mentioned(*line.when, values, entitlements);
        }
      }
    }
    talks_used.insert(plan.talks.begin(), plan.talks.end());
    if (plan.price.kind == lang::PriceKind::percent) bases_used.insert(plan.price.base);
  }
  for (int ch : policy.registers) values.insert({policy.channel_field, ch});
  if (const auto* urgency = policy.urgency()) {
    // Response targets name every urgency value (the checker makes sure).
    for (std::size_t v = 0; v < urgency->values.size(); ++v) values.insert({policy.urgency_field, static_cast<int>(v)});
  }
  for (std::size_t f = 0; f < policy.fields.size(); ++f) {
    if (policy.fields[f].default_value >= 0) values.insert({static_cast<int>(f), policy.fields[f].default_value});
  }

  auto unused = [&](std::string_view kind, const syntax::Name& name) {
    auto& d = context.report(codes::unused_declaration, name.span, std::string(kind) + " `" + name.text + "` is never used");
    d.label = "declared, not used";
    d.help = "remove it, or use it where it was meant to be";
  };
  for (std::size_t h = 0; h < policy.hours.size(); ++h) {
    const auto& hours = policy.hours[h];
    if (!hours.name.empty() && !hours.imported && !hours_used.count(static_cast<int>(h))) {
      unused("hours", syntax::Name{hours.name, hours.span});
    }
  }
  std::set<std::string> holidays_used;
  for (const auto& member : ast.members) {
    if (const auto* h = std::get_if<syntax::HoursDecl>(&member)) {
      for (const auto& name : h->except) holidays_used.insert(name.text);
    }
  }
  for (const auto& member : ast.members) {
    if (const auto* h = std::get_if<syntax::HolidaysDecl>(&member); h && !holidays_used.count(h->name.text)) {
      unused("holidays", h->name);
    }
    if (const auto* e = std::get_if<syntax::EntitlementsDecl>(&member)) {
      for (const auto& item : e->items) {
        if (!entitlements.count(policy.entitlement_index(item.id.text))) unused("entitlement", item.id);
      }
    }
    if (const auto* c = std::get_if<syntax::CommunicationDecl>(&member)) {
      for (const auto& name : c->names) {
        if (!talks_used.count(name.text)) unused("communication channel", name);
      }
    }
    if (const auto* b = std::get_if<syntax::BaseDecl>(&member); b && !bases_used.count(b->name.text)) {
      unused("base", b->name);
    }
  }

  std::map<std::string, std::vector<syntax::Name>> spans;
  for (const auto& member : ast.members) {
    if (const auto* c = std::get_if<syntax::CaseDecl>(&member)) value_spans(c->fields, "", spans);
  }
  for (std::size_t f = 0; f < policy.fields.size(); ++f) {
    const auto& field = policy.fields[f];
    if (field.builtin || field.imported || field.values.empty()) continue;
    for (std::size_t v = 0; v < field.values.size(); ++v) {
      if (values.count({static_cast<int>(f), static_cast<int>(v)})) continue;
      const auto& names = spans[field.path];
      syntax::Loc where = field.span;
      for (const auto& n : names) {
        if (n.text == field.values[v]) where = n.span;
      }
      auto& d = context.report(codes::unused_value, where,
                               "no rule, plan or guarantee mentions `" + field.values[v] + "` of `" + field.path + "`");
      d.help = "cases with it are decided like any other; if that is meant, acknowledge it with "
               "`// lint: allow unused-value REASON` above the field";
    }
  }
}

}  // namespace clause::lint
