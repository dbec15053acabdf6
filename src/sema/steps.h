// The checker's steps and the resolvers they share, by the file that
// defines them. Internal to src/sema: check.cpp runs the steps in the order
// of its table, which says what each may read from the ones before.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sema/context.h"

namespace clause::sema {

// schema.cpp: the declarations a policy has one of, the case's fields, the
// currency, the zones, the urgency field.
void collect_singletons(Context& context);
void check_schema(Context& context);
void check_currency(Context& context);
void check_zones(Context& context);
void check_urgency(Context& context);
std::vector<std::string> field_paths(const Context& context);   // every non-record field
void check_case_needs(Context& context);                         // contact and zone: required only when used

// values.cpp: literals written in a policy.
std::optional<money::Decimal> amount(Context& context, const syntax::MoneyLit& lit);   // in the policy's currency
std::optional<int> date_days(Context& context, const syntax::DateLit& lit);           // days since 1970-01-01
std::optional<Length> length(Context& context, const syntax::Duration& duration);

// hours.cpp: holidays, then support hours.
void check_hours(Context& context);
int resolve_hours(Context& context, const syntax::HoursUse& use);   // index into out.hours; -1 when reported

// names.cpp: entitlements, communication channels, price bases, registration channels.
void check_names(Context& context);
void check_registers(Context& context);
std::vector<int> resolve_entitlements(Context& context, const std::vector<syntax::Name>& names);
std::vector<int> resolve_channels(Context& context, const std::vector<syntax::Name>& names);
std::vector<std::string> entitlement_ids(const Context& context);
std::vector<std::string> plan_ids(const Context& context);

// plans.cpp: inheritance (extends, cycles), then completeness, then the default plan.
void check_plans(Context& context);
void check_default_plan(Context& context);

// plan_terms.cpp: one plan's terms on top of its parent's.
void flatten_plan(Context& context, int index, const syntax::PlanDecl& decl);

// conditions.cpp: `when` conditions to typed conditions.
std::optional<Cond> condition(Context& context, const syntax::Expr& expr);

// guarantee.cpp
void check_guarantee(Context& context);

// rules.cpp: the rules, the `otherwise` basis, and the tests' expectations.
void check_rules(Context& context);
void check_otherwise(Context& context);
void check_tests(Context& context);

}  // namespace clause::sema
