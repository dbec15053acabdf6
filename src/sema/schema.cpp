#include <algorithm>
#include <type_traits>

#include "calendar/zone.h"
#include "sema/messages.h"
#include "sema/steps.h"
#include "support/text.h"

namespace clause::sema {
namespace {

namespace codes = diag::codes;

constexpr std::size_t max_enum_values = 64;

// The first declaration of a kind; later ones are reported. Imported
// entitlements add to the policy's own.
template <typename Decl>
const Decl* single(Context& context, std::string_view what) {
  const Decl* found = nullptr;
  for (const auto* decl : context.every<Decl>()) {
    if (!found) {
      found = decl;
      continue;
    }
    const Import* before = context.import_of(found);
    const Import* again = context.import_of(decl);
    if constexpr (std::is_same_v<Decl, syntax::EntitlementsDecl>) {
      if (before || again) continue;
    }
    if (!before && !again) {
      messages::duplicate_member(context, what, decl->span, found->span);
      continue;
    }
    auto& d = context.error(&codes::duplicate, again ? again->at : decl->span,
                            "the policy has " + std::string(what) + " twice: " +
                                (before ? "one imported from " + before->path : "its own") +
                                (again ? " and one imported from " + again->path : " and its own"));
    if (before) d.related.push_back({before->at, "imported here"});
    d.help = "keep one: a policy has one";
  }
  return found;
}

int add_member(Checked& out, int parent, Field field) {
  int index = static_cast<int>(out.fields.size());
  out.fields.push_back(std::move(field));
  if (parent >= 0) out.fields[static_cast<std::size_t>(parent)].members.push_back(index);
  return index;
}

void declare_fields(Context& context, const std::vector<syntax::FieldDecl>& decls, int parent, const std::string& prefix) {
  Scope fields("field");
  for (const auto& decl : decls) {
    const std::string& name = decl.name.text;
    if (!fields.declare(context, decl.name)) continue;
    if (parent < 0 && std::find(std::begin(lang::builtin_case_keys), std::end(lang::builtin_case_keys), name) !=
                          std::end(lang::builtin_case_keys)) {
      auto& d = context.error(&codes::misplaced, decl.name.span, "`" + name + "` is a built-in case field and cannot be declared");
      d.help = "every case has `id`, `policy`, `opened_at`, `zone`, `plan` and `contact`; choose another name";
      continue;
    }
    Field field;
    field.path = prefix + name;
    field.parent = parent;
    field.span = decl.name.span;
    field.imported = context.import_of(&decl.name) != nullptr;
    field.type = decl.type.kind;
    const auto& type = decl.type;
    Scope values("value");
    for (const auto& value : type.values) {
      if (values.declare(context, value)) field.values.push_back(value.text);
    }
    if (field.values.size() > max_enum_values) {
      context.error(&codes::bad_value, type.span,
                    "`" + field.path + "` has " + std::to_string(field.values.size()) + " values; at most " +
                        std::to_string(max_enum_values) + " are allowed");
    }
    if (decl.default_value) {
      const auto& d = *decl.default_value;
      field.required = false;
      if (d.empty_set) {
        if (field.type != FieldType::set) {
          context.error(&codes::type_mismatch, d.span, "`{}` is the empty set, but `" + field.path + "` is not a set")
              .help = "give one of its values as the default";
        }
      } else if (field.type == FieldType::enumeration || field.type == FieldType::ordered) {
        field.default_value = field.value_index(d.value.text);
        if (field.default_value < 0) messages::not_a_value(context, field, d.value);
      } else {
        context.error(&codes::type_mismatch, d.span, "a default can only be given for a field with listed values or a set")
            .help = "remove the default; the field is then required in every case";
      }
    }
    int index = add_member(context.out, parent, field);
    if (field.type == FieldType::record) declare_fields(context, type.fields, index, field.path + ".");
  }
}

}  // namespace

void collect_singletons(Context& context) {
  if (context.ast.library) {
    // A library holds what policies import, and nothing that decides.
    for (const auto& member : context.ast.members) {
      bool kept = std::visit(
          [](const auto& decl) {
            using Decl = std::decay_t<decltype(decl)>;
            return importable<Decl> || std::is_same_v<Decl, syntax::ImportDecl>;
          },
          member);
      if (kept) continue;
      context.error(&codes::misplaced, syntax::span_of(member), "a library holds hours, holidays, entitlements and a case schema")
          .help = "move this into a policy that imports the library";
    }
  }
  context.currency = single<syntax::CurrencyDecl>(context, "a `currency`");
  context.zones = single<syntax::ZonesDecl>(context, "its `zones`");
  context.urgency = single<syntax::UrgencyDecl>(context, "an `urgency` field");
  context.schema = single<syntax::CaseDecl>(context, "a `case` schema");
  context.default_plan = single<syntax::DefaultPlanDecl>(context, "a `default plan`");
  context.guarantee = single<syntax::GuaranteeDecl>(context, "a `guarantee`");
  context.otherwise = single<syntax::OtherwiseDecl>(context, "an `otherwise` basis");
  context.registers = single<syntax::RegistersDecl>(context, "policy-wide `registers`");
  single<syntax::EntitlementsDecl>(context, "an `entitlements` block");
  single<syntax::CommunicationDecl>(context, "its `communication` channels");
  single<syntax::RulesDecl>(context, "a `rules` block");
}

void check_schema(Context& context) {
  Checked& out = context.out;
  // The contact is the same in every policy (CONTRACT.md 1).
  out.fields.push_back(Field{"contact", FieldType::record, {}, -1, {}, true, true, -1, {}});
  out.role_field = add_member(out, 0, Field{"contact.role", FieldType::enumeration, {"admin", "user"}, 0, {}, true, true, -1, {}});
  out.authorized_field = add_member(out, 0, Field{"contact.authorized", FieldType::boolean, {}, 0, {}, true, true, -1, {}});
  if (!context.schema) {
    if (context.ast.library) return;   // a library need not give one
    context.error(&codes::missing_declaration, context.ast.name.span, "the policy has no `case` schema")
        .help = "declare the case's fields, as in `case { channel: email | portal }`";
    return;
  }
  declare_fields(context, context.schema->fields, -1, "");
  if (context.ast.library) return;   // the policy that imports it needs the channel
  out.channel_field = out.field_index("channel");
  if (out.channel_field < 0) {
    context.error(&codes::missing_declaration, context.schema->span, "the case schema does not declare `channel`")
        .help = "every case names its registration channel: add `channel: email | portal` (your channels)";
  } else if (out.fields[static_cast<std::size_t>(out.channel_field)].type != FieldType::enumeration) {
    context.error(&codes::type_mismatch, out.fields[static_cast<std::size_t>(out.channel_field)].span,
                  "`channel` must list the registration channels, as in `channel: email | portal`");
  }
}

std::vector<std::string> field_paths(const Context& context) {
  std::vector<std::string> out;
  for (const auto& f : context.out.fields) {
    if (f.type != FieldType::record) out.push_back(f.path);
  }
  return out;
}

void check_case_needs(Context& context) {
  Checked& out = context.out;
  // The contact: required only where a condition tests it (CONTRACT.md 9).
  out.fields[0].required = out.contact_tested;
  // The zone: required when the policy lists the zones it serves, when the
  // guarantee reads the opening's local date, or when a deadline is counted
  // on hours read in the case's zone.
  bool needed = !out.zones.empty() || out.guarantee.has_value();
  for (const auto& plan : out.plans) {
    for (const auto& by_urgency : plan.lines) {
      for (const auto& lines : by_urgency) {
        for (const auto& line : lines) {
          if (line.within.clock == lang::Clock::calendar) continue;
          int hours = line.hours >= 0 ? line.hours : plan.hours;
          needed = needed || hours < 0 || !out.hours[static_cast<std::size_t>(hours)].zone;
        }
      }
    }
  }
  out.zone_needed = needed;
}

void check_currency(Context& context) {
  if (context.currency) context.out.currency = context.currency->code.text;
}

void check_zones(Context& context) {
  if (!context.zones) return;
  Checked& out = context.out;
  for (const auto& zone : context.zones->zones) {
    auto parsed = calendar::Zone::parse(zone.text);
    if (!parsed) {
      auto& d = context.error(&codes::unknown_zone, zone.span, "unknown time zone `" + zone.text + "`");
      d.label = "not a fixed offset or an IANA zone name";
      d.help = "write a fixed offset like GMT+3 or UTC-02:00 (at most 14 hours), or an IANA name like Europe/Kyiv";
      continue;
    }
    auto same = std::find(out.zones.begin(), out.zones.end(), *parsed);
    if (same != out.zones.end()) {
      auto first = static_cast<std::size_t>(same - out.zones.begin());
      const std::string& first_text = out.zone_texts[first];
      auto& d = context.error(&codes::duplicate, zone.span,
                              first_text == zone.text ? "time zone `" + zone.text + "` is listed twice"
                                                      : "`" + zone.text + "` is the same zone as `" + first_text + "`");
      d.label = "listed again";
      d.related.push_back({context.zone_spans[first], "listed first here"});
      d.help = "list each zone once";
      continue;
    }
    out.zones.push_back(*parsed);
    out.zone_texts.push_back(zone.text);
    context.zone_spans.push_back(zone.span);
  }
}

void check_urgency(Context& context) {
  if (!context.urgency) return;
  // Declared, even if wrongly: later uses must not say it is missing.
  context.urgency_missing_reported = true;
  const auto& name = context.urgency->field;
  int field = context.out.field_index(name.text);
  if (field < 0) {
    if (context.schema) messages::unknown(context, "case field", name, field_paths(context));
    return;
  }
  if (context.out.fields[static_cast<std::size_t>(field)].type != FieldType::ordered) {
    auto& d = context.error(&codes::type_mismatch, name.span, "the urgency field `" + name.text + "` must have ordered values");
    d.help = "declare it most urgent first, as in `priority: P1 > P2 > P3 > P4`";
    return;
  }
  context.out.urgency_field = field;
}

}  // namespace clause::sema
