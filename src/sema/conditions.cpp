#include "sema/messages.h"
#include "sema/steps.h"
#include "support/text.h"

namespace clause::sema {
namespace {

namespace codes = diag::codes;
using syntax::Expr;
using Op = lang::CompareOp;

diag::Diagnostic& mismatch(Context& context, Loc span, std::string message, std::string help) {
  auto& d = context.error(&codes::type_mismatch, span, std::move(message));
  d.help = std::move(help);
  return d;
}

std::optional<int> single_value(Context& context, const Field& field, const syntax::Operand& operand) {
  if (operand.kind != syntax::Operand::Kind::ref || operand.ref.path.size() != 1) {
    mismatch(context, operand.span, "`" + field.path + "` is compared with one of its values",
             "the values of `" + field.path + "` are " + backticked_list(field.values));
    return std::nullopt;
  }
  int index = field.value_index(operand.ref.path[0].text);
  if (index < 0) {
    messages::not_a_value(context, field, operand.ref.path[0]);
    return std::nullopt;
  }
  return index;
}

std::optional<int> plan_operand(Context& context, const syntax::Operand& operand) {
  if (operand.kind == syntax::Operand::Kind::none) return -1;
  if (operand.kind != syntax::Operand::Kind::ref || operand.ref.path.size() != 1) {
    context.error(&codes::type_mismatch, operand.span, "`plan` is compared with a plan id or `none`");
    return std::nullopt;
  }
  int index = context.out.plan_index(operand.ref.path[0].text);
  if (index < 0) {
    messages::unknown(context, "plan", operand.ref.path[0], plan_ids(context));
    return std::nullopt;
  }
  return index;
}

std::optional<Cond> negate_if(bool negate, std::optional<Cond> c, Loc span) {
  if (!c || !negate) return c;
  Cond n;
  n.kind = Cond::Kind::negation;
  n.span = span;
  n.children.push_back(std::move(*c));
  return n;
}

std::optional<Cond> plan_condition(Context& context, const Expr& e) {
  Cond c;
  c.span = e.span;
  if (e.kind == Expr::Kind::in || e.kind == Expr::Kind::not_in) {
    // `channel in plan.registers` is handled by the caller's subject; here the subject is the plan.
    c.kind = Cond::Kind::plan_in;
    bool ok = true;
    for (const auto& operand : e.operands) {
      if (auto p = plan_operand(context, operand)) c.values.push_back(*p);
      else ok = false;
    }
    if (!ok) return std::nullopt;
    return negate_if(e.kind == Expr::Kind::not_in, c, e.span);
  }
  if (e.kind != Expr::Kind::compare) {
    mismatch(context, e.span, "`plan` is compared with a plan id or `none`",
             "as in `plan = premium`, `plan != none` or `plan in business, premium`");
    return std::nullopt;
  }
  auto p = plan_operand(context, e.operands.at(0));
  if (!p) return std::nullopt;
  if (e.op == Op::eq || e.op == Op::ne) {
    c.kind = Cond::Kind::plan_in;
    c.values = {*p};
    return negate_if(e.op == Op::ne, c, e.span);
  }
  if (*p < 0) {
    context.error(&codes::type_mismatch, e.operands[0].span, "`none` has no rank: compare it with `=` or `!=`");
    return std::nullopt;
  }
  c.kind = Cond::Kind::plan_cmp;
  c.op = e.op;
  c.value = *p;
  return c;
}

// `plan.includes has X` and `plan.registers has X`: the plan's lists.
std::optional<Cond> plan_list_condition(Context& context, const Expr& e, const std::string& subject) {
  const Checked& out = context.out;
  if (e.kind != Expr::Kind::has) {
    std::string example = subject == "plan.includes"
                              ? (out.entitlements.empty() ? std::string("an_entitlement") : out.entitlements.front().id)
                              : (out.channel_field >= 0 ? out.fields[static_cast<std::size_t>(out.channel_field)].values.front()
                                                        : "email");
    mismatch(context, e.span, "`" + subject + "` is a list: ask whether it `has` a value",
             "as in `" + subject + " has " + example + "`");
    return std::nullopt;
  }
  const auto& operand = e.operands.at(0);
  if (operand.kind != syntax::Operand::Kind::ref || operand.ref.path.size() != 1) {
    context.error(&codes::type_mismatch, operand.span, "expected a name after `has`");
    return std::nullopt;
  }
  Cond c;
  c.span = e.span;
  if (subject == "plan.includes") {
    int index = out.entitlement_index(operand.ref.path[0].text);
    if (index < 0) {
      messages::unknown(context, "entitlement", operand.ref.path[0], entitlement_ids(context));
      return std::nullopt;
    }
    c.kind = Cond::Kind::plan_includes;
    c.value = index;
    return c;
  }
  // `plan.registers has email` is `email in plan.registers` for a fixed channel.
  if (out.channel_field < 0) return std::nullopt;
  auto value = single_value(context, out.fields[static_cast<std::size_t>(out.channel_field)], operand);
  if (!value) return std::nullopt;
  c.kind = Cond::Kind::channel_registered;
  c.value = *value;
  return c;
}

// A subject that is no field of the case, or a group of them.
void not_a_field(Context& context, const Expr& e, int field_index) {
  const Checked& out = context.out;
  std::string subject = e.subject.dotted();
  if (field_index >= 0) {
    auto& d = context.error(&codes::unknown_field, e.subject.span, "`" + subject + "` is a group of fields; name one of them");
    d.label = "a group";
    std::vector<std::string> members;
    for (int m : out.fields[static_cast<std::size_t>(field_index)].members) members.push_back(out.fields[static_cast<std::size_t>(m)].path);
    d.help = "its fields are " + backticked_list(members);
    return;
  }
  std::vector<std::string> candidates = field_paths(context);
  candidates.insert(candidates.end(), {"plan", "plan.includes", "plan.registers"});
  auto& d = messages::no_such_field(context, e.subject, candidates);
  if (d.help.empty()) d.help = "declare it in the `case` schema";
}

std::optional<Cond> enum_condition(Context& context, const Expr& e, const Field& field, Cond c) {
  if (e.kind == Expr::Kind::test) {
    mismatch(context, e.span, "`" + field.path + "` is not true or false; compare it with a value",
             "as in `" + field.path + " = " + field.values.front() + "`");
    return std::nullopt;
  }
  if (e.kind == Expr::Kind::has) {
    mismatch(context, e.span, "`" + field.path + "` holds one value, not a set: use `=` or `in`",
             "as in `" + field.path + " in " + join(field.values) + "`");
    return std::nullopt;
  }
  if (e.kind == Expr::Kind::in || e.kind == Expr::Kind::not_in) {
    c.kind = Cond::Kind::enum_in;
    bool ok = true;
    for (const auto& operand : e.operands) {
      if (auto v = single_value(context, field, operand)) c.values.push_back(*v);
      else ok = false;
    }
    if (!ok) return std::nullopt;
    return negate_if(e.kind == Expr::Kind::not_in, c, e.span);
  }
  auto v = single_value(context, field, e.operands.at(0));
  if (!v) return std::nullopt;
  if (e.op == Op::eq || e.op == Op::ne) {
    c.kind = Cond::Kind::enum_in;
    c.values = {*v};
    return negate_if(e.op == Op::ne, c, e.span);
  }
  if (field.type != FieldType::ordered) {
    mismatch(context, e.span, "`" + field.path + "` has no order, so it cannot be compared with `<` or `>`",
             "use `=`, `!=` or `in`, or declare the values in order, as in `a > b > c`");
    return std::nullopt;
  }
  c.kind = Cond::Kind::ordered_cmp;
  c.op = e.op;
  c.value = *v;
  return c;
}

// A leaf condition: a test or comparison of one field.
std::optional<Cond> field_condition(Context& context, const Expr& e, const Field& field, Cond c) {
  switch (field.type) {
    case FieldType::boolean:
      if (e.kind == Expr::Kind::test) {
        c.kind = Cond::Kind::is_true;
        return c;
      }
      if (e.kind == Expr::Kind::compare && (e.op == Op::eq || e.op == Op::ne) &&
          e.operands.at(0).kind == syntax::Operand::Kind::boolean) {
        c.kind = Cond::Kind::is_true;
        bool negate = (e.op == Op::ne) == e.operands[0].truth;
        return negate_if(negate, c, e.span);
      }
      mismatch(context, e.span, "`" + field.path + "` is true or false", "write `" + field.path + "` or `not " + field.path + "`");
      return std::nullopt;
    case FieldType::enumeration:
    case FieldType::ordered: return enum_condition(context, e, field, std::move(c));
    case FieldType::set: {
      if (e.kind != Expr::Kind::has) {
        mismatch(context, e.span, "`" + field.path + "` is a set: ask whether it `has` a value",
                 "as in `" + field.path + " has " + (field.values.empty() ? "x" : field.values.front()) + "`");
        return std::nullopt;
      }
      auto v = single_value(context, field, e.operands.at(0));
      if (!v) return std::nullopt;
      c.kind = Cond::Kind::set_has;
      c.value = *v;
      return c;
    }
    case FieldType::money: {
      if (e.kind != Expr::Kind::compare || e.operands.at(0).kind != syntax::Operand::Kind::money) {
        mismatch(context, e.span, "`" + field.path + "` is an amount of money: compare it with an amount",
                 "as in `" + field.path + " >= 25000 " + (context.currency ? context.currency->code.text : "USD") + "`");
        return std::nullopt;
      }
      auto value = amount(context, e.operands[0].money);
      if (!value) return std::nullopt;
      c.kind = Cond::Kind::money_cmp;
      c.op = e.op;
      c.amount = *value;
      return c;
    }
    case FieldType::date: {
      if (e.kind != Expr::Kind::compare || e.operands.at(0).kind != syntax::Operand::Kind::date) {
        mismatch(context, e.span, "`" + field.path + "` is a date: compare it with a date",
                 "as in `" + field.path + " < 2027-01-01`");
        return std::nullopt;
      }
      auto days = date_days(context, e.operands[0].date);
      if (!days) return std::nullopt;
      c.kind = Cond::Kind::date_cmp;
      c.op = e.op;
      c.days = *days;
      return c;
    }
    case FieldType::timestamp:
    case FieldType::record: break;
  }
  mismatch(context, e.span, "`" + field.path + "` cannot be used in a condition",
           "conditions test values, sets, amounts and dates");
  return std::nullopt;
}

std::optional<Cond> leaf(Context& context, const Expr& e) {
  std::string subject = e.subject.dotted();
  if (subject == "plan") return plan_condition(context, e);
  if (subject == "plan.includes" || subject == "plan.registers") return plan_list_condition(context, e, subject);
  const Checked& out = context.out;
  int field_index = out.field_index(subject);
  if (field_index < 0 && !context.schema) return std::nullopt;   // the missing schema is already reported
  if (field_index < 0 || out.fields[static_cast<std::size_t>(field_index)].type == FieldType::record) {
    not_a_field(context, e, field_index);
    return std::nullopt;
  }
  Cond c;
  c.span = e.span;
  c.field = field_index;
  const Field& field = out.fields[static_cast<std::size_t>(field_index)];
  if (field.parent == 0) context.out.contact_tested = true;   // a member of the built-in contact
  return field_condition(context, e, field, std::move(c));
}

}  // namespace

std::optional<Cond> condition(Context& context, const Expr& e) {
  // `channel in plan.registers` reads as a list on the right: rewrite it.
  if ((e.kind == Expr::Kind::in || e.kind == Expr::Kind::not_in) && e.operands.size() == 1 &&
      e.operands[0].kind == syntax::Operand::Kind::ref && e.operands[0].ref.dotted() == "plan.registers") {
    if (e.subject.dotted() != "channel") {
      context.error(&codes::type_mismatch, e.subject.span, "`plan.registers` holds channels: test `channel in plan.registers`");
      return std::nullopt;
    }
    Cond c;
    c.kind = Cond::Kind::channel_registered;
    c.value = -1;   // the case's own channel
    c.span = e.span;
    return negate_if(e.kind == Expr::Kind::not_in, c, e.span);
  }
  if (e.kind == Expr::Kind::all || e.kind == Expr::Kind::any || e.kind == Expr::Kind::negation) {
    Cond c;
    c.kind = e.kind == Expr::Kind::all ? Cond::Kind::all : e.kind == Expr::Kind::any ? Cond::Kind::any : Cond::Kind::negation;
    c.span = e.span;
    bool ok = true;
    for (const auto& child : e.children) {
      auto checked = condition(context, child);
      if (!checked) ok = false;
      else c.children.push_back(std::move(*checked));
    }
    if (!ok) return std::nullopt;
    return c;
  }
  return leaf(context, e);
}

}  // namespace clause::sema
