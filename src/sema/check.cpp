#include "sema/check.h"

#include "sema/context.h"
#include "sema/steps.h"

namespace clause::sema {
namespace {

struct Step {
  const char* name;
  void (*run)(Context&);
};

// The steps, in order. Each reads only what the ones above it filled:
constexpr Step steps[] = {
    // the declarations a policy has one of, so every later step can find them
    {"singletons", collect_singletons},
    // the case's fields: every later step resolves field names against them
    {"schema", check_schema},
    // before any amount is read (prices, bands, conditions)
    {"currency", check_currency},
    {"zones", check_zones},
    // needs the schema's fields; plans give targets per urgency value
    {"urgency", check_urgency},
    // holidays before the hours that take them off; plans name the hours
    {"hours", check_hours},
    // entitlements and communication channels, which plans include and talk through
    {"names", check_names},
    // the policy-wide channels, which plans without their own inherit
    {"registers", check_registers},
    // needs hours, names, registers and the urgency
    {"plans", check_plans},
    {"default plan", check_default_plan},
    // its clauses' ids are taken before the rules', which must differ from them
    {"guarantee", check_guarantee},
    // rules name plans, entitlements and clause ids
    {"rules", check_rules},
    {"otherwise", check_otherwise},
    // expectations name rules, clauses and plans
    {"tests", check_tests},
    // what a case must give: needs the plans' hours, the guarantee and every condition
    {"case needs", check_case_needs},
};

}  // namespace

std::optional<Checked> check(const syntax::Policy& policy, const diag::SourcePtr& file, diag::Sink& sink,
                             const std::vector<Import>& imports) {
  std::size_t errors_before = sink.error_count();
  Context context(policy, file, sink, imports);
  context.out.library = policy.library;
  for (const auto& import : imports) context.out.imported.push_back(import.path);
  context.out.name = policy.name.text;
  context.out.title = policy.title ? policy.title->value : policy.name.text;
  context.out.span = policy.span;
  for (const auto& step : steps) step.run(context);
  if (sink.error_count() > errors_before) return std::nullopt;
  return std::move(context.out);
}

}  // namespace clause::sema
