#include "sema/messages.h"

#include "support/text.h"

namespace clause::sema::messages {

namespace codes = diag::codes;

std::string unknown_text(std::string_view kind, std::string_view name) {
  return "unknown " + std::string(kind) + " `" + std::string(name) + "`";
}

void unknown(Context& context, std::string_view kind, const syntax::Name& name,
             const std::vector<std::string>& candidates) {
  auto& d = context.error(&codes::unknown_name, name.span, unknown_text(kind, name.text));
  d.label = "not declared";
  if (auto guess = did_you_mean(name.text, candidates)) {
    d.help = *guess;
  } else if (!candidates.empty() && candidates.size() <= 12) {
    d.help = "declared: " + backticked_list(candidates);
  } else if (candidates.empty()) {
    d.help = "declare it first";
  }
}

void duplicate(Context& context, std::string_view kind, const syntax::Name& name, const syntax::Name& first) {
  const Import* again = context.import_of(&name);
  const Import* before = context.import_of(&first);
  if (!again && !before) {
    duplicate(context, kind, name, first.span);
    return;
  }
  // Spans in an imported file are not this file's: point at the `import` lines.
  Loc at = again ? again->at : name.span;
  auto& d = context.error(&codes::duplicate, at,
                          std::string(kind) + " `" + name.text + "` is declared twice" +
                              (before ? ", in " + before->path : "") + (again ? " and in " + again->path : ""));
  d.label = again ? "imported again here" : "declared again here";
  if (before) d.related.push_back({before->at, "imported here"});
  d.help = "give one of them another name";
}

void duplicate(Context& context, std::string_view kind, const syntax::Name& name, Loc first) {
  auto& d = context.error(&codes::duplicate, name.span, std::string(kind) + " `" + name.text + "` is declared twice");
  d.label = "declared again here";
  d.related.push_back({first, "first declared here"});
}

void duplicate_member(Context& context, std::string_view what, Loc span, Loc first) {
  auto& d = context.error(&codes::duplicate, span, "the policy declares " + std::string(what) + " twice");
  d.related.push_back({first, "first declared here"});
  d.help = "keep one and merge the other into it";
}

void not_a_value(Context& context, const Field& field, const syntax::Name& value) {
  auto& d = context.error(&codes::not_in_enum, value.span, "`" + value.text + "` is not a value of `" + field.path + "`");
  d.label = "not one of its values";
  if (auto guess = did_you_mean(value.text, field.values)) {
    d.help = *guess;
  } else {
    d.help = "the values of `" + field.path + "` are " + backticked_list(field.values);
  }
}

diag::Diagnostic& no_such_field(Context& context, const syntax::Ref& ref, const std::vector<std::string>& candidates) {
  std::string path = ref.dotted();
  auto& d = context.error(&codes::unknown_field, ref.span, "the case has no field `" + path + "`");
  d.label = "not in the case schema";
  if (auto guess = did_you_mean(path, candidates)) d.help = *guess;
  return d;
}

void term_twice(Context& context, std::string message, Loc span, Loc first) {
  auto& d = context.error(&codes::duplicate, span, std::move(message));
  d.related.push_back({first, "first set here"});
}

}  // namespace clause::sema::messages
