// Syntax tree to checked policy: the `sema` pass's entry point.
#pragma once

#include <optional>

#include "diag/diagnostic.h"
#include "sema/checked.h"
#include "syntax/ast.h"

namespace clause::sema {

// Resolves names, checks types, values and ranges, flattens plans. Reports
// every error it finds (it does not stop at the first) and returns the
// checked policy only when there were none.
std::optional<Checked> check(const syntax::Policy& policy, const diag::SourcePtr& file, diag::Sink& sink);

// The fields every case has whatever the policy declares (CONTRACT.md 1).
inline constexpr std::string_view builtin_fields[] = {"id", "policy", "opened_at", "zone", "plan", "contact"};

// The reason ids the evaluator uses for steps that are not authored rules.
namespace reason_ids {
inline constexpr std::string_view default_plan = "default_plan";
inline constexpr std::string_view guarantee = "guarantee";
inline constexpr std::string_view otherwise = "otherwise";
inline constexpr std::string_view plan_prefix = "plan.";
}  // namespace reason_ids

}  // namespace clause::sema
