// Which grammar rules become nodes of the parse tree; the tree builder
// (build.cpp) reads exactly these. Kept beside the grammar: a rule added to
// grammar.h that the builder needs is added here too.
#pragma once

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "syntax/grammar.h"

namespace clause::syntax {

namespace g = grammar;

// The nodes the tree keeps; everything else (spaces, punctuation, wrappers
// without meaning) is folded into its parent.
template <typename Rule>
using selector = tao::pegtl::parse_tree::selector<
    Rule,
    tao::pegtl::parse_tree::store_content::on<
        g::currency_decl, g::zones_decl, g::urgency_decl, g::case_decl, g::hours_decl, g::holidays_decl,
        g::entitlements_decl, g::communication_decl, g::base_decl, g::registers_decl, g::plan_decl,
        g::default_plan_decl, g::guarantee_decl, g::rules_decl, g::otherwise_decl, g::test_decl, g::policy_name,
        g::title, g::identifier, g::string, g::number, g::percent, g::currency_code, g::money, g::clock, g::date,
        g::timestamp, g::duration, g::clock_kind, g::time_unit, g::zone, g::name_list, g::plan_ref,
        g::otherwise_basis, g::field_decl, g::set_type, g::record_type, g::scalar_type, g::ordered_type,
        g::enum_type, g::default_value, g::empty_set, g::hours_spec, g::always, g::day_schedule, g::day_range,
        g::time_window, g::except_clause, g::holiday, g::entitlement, g::extends_clause, g::price_item,
        g::free_price, g::percent_price, g::amount_price, g::period, g::talks_item, g::plan_hours,
        g::registration_item, g::hours_use, g::contacts_item, g::respond_item, g::no_target_item, g::urgency_range,
        g::includes_item, g::starts_item, g::lasts_item, g::banded_period, g::band, g::below_band, g::above_band,
        g::between_band, g::covers_item, g::excludes_item, g::promptly_item, g::rule, g::rule_action,
        g::lower_target, g::or_expr, g::and_expr, g::negation, g::comparison, g::compare_op, g::not_in_op,
        g::in_op, g::has_op, g::operand, g::none_literal, g::bool_literal, g::ref, g::json_object, g::outcome,
        g::expect_basis, g::expect_priority, g::expect_due, g::expect_within, g::expect_no_response,
        g::expect_rule, g::expect_error, g::test_case, g::expectation, g::import_decl, g::hours_zone, g::holiday_id,
        g::every_rule, g::month_day, g::day_number, g::nth_weekday, g::nth_of, g::ordinal, g::month, g::observed_rule,
        g::relative_day, g::relative_base, g::day_offset, g::holiday_years, g::year, g::resolve_item, g::update_item,
        g::reply_item, g::every_duration, g::close_of_business, g::target_hours, g::when_condition, g::expect_target,
        g::target_kind, g::target_fact, g::target_status, g::weekday, g::integer, g::file_kind>>;

}  // namespace clause::syntax
