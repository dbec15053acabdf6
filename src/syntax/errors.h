// What a policy author reads when the text stops following the grammar: one
// message per commit point (`must<>` in grammar.h), in the author's words.
// A rule without a message here cannot be used in `must<>` (static_assert).
#pragma once

#include "syntax/grammar.h"

namespace clause::syntax {

struct errors {
  // Only `must<>` raises; an ordinary failed alternative just backtracks.
  template <typename Rule>
  static constexpr bool raise_on_failure = false;

  template <typename Rule>
  static constexpr const char* message = nullptr;
};

#define CLAUSE_MESSAGE(rule, text) \
  template <>                      \
  inline constexpr const char* errors::message<grammar::rule> = text;

// The file
CLAUSE_MESSAGE(policy_head, "expected a policy, like `policy beesender \"Beesender technical support\" {`, or a "
                            "library, like `library calendars {`")
CLAUSE_MESSAGE(policy_name, "expected the policy's name, like `beesender`")
CLAUSE_MESSAGE(policy_open, "expected `{` after the policy's name and title")
CLAUSE_MESSAGE(policy_end, "expected a declaration (`currency`, `zones`, `urgency`, `case`, `hours`, `holidays`, "
                           "`entitlements`, `communication`, `base`, `registers`, `plan`, `default plan`, `guarantee`, "
                           "`rules`, `otherwise`, `test`) or `}` to close the policy")
CLAUSE_MESSAGE(end_of_file, "expected nothing after the `}` that closes the policy")

// Words and values
CLAUSE_MESSAGE(identifier, "expected a name (letters, digits and `_`, starting with a letter)")
CLAUSE_MESSAGE(name_list, "expected a name, or names separated by commas")
CLAUSE_MESSAGE(list_item, "expected a name after `,` (a list does not end with a comma)")
CLAUSE_MESSAGE(string, "expected text in double quotes")
CLAUSE_MESSAGE(string_close, "unterminated text: expected `\"` before the end of the line")
CLAUSE_MESSAGE(escape_code, "expected an escape: `\\\"`, `\\\\`, `\\n` or `\\t`")
CLAUSE_MESSAGE(currency_code, "expected a three-letter currency code in capitals, like USD")
CLAUSE_MESSAGE(zone, "expected a time zone like GMT+3, UTC+03:00 or Europe/Kyiv")
CLAUSE_MESSAGE(duration, "expected a length of time like `4 working hours` or `30 calendar days`")
CLAUSE_MESSAGE(clock_kind, "expected `working`, `calendar` or `business`, as in `4 working hours`, `30 calendar days` "
                           "or `2 business days`")
CLAUSE_MESSAGE(time_unit, "expected `hours`, `minutes` or `days`")
CLAUSE_MESSAGE(timestamp, "expected a timestamp like 2026-11-28T12:30:00+03:00")
CLAUSE_MESSAGE(ref, "expected a name like `unauthorized`, or a field like `project.budget`")

// Policy-wide declarations
CLAUSE_MESSAGE(urgency_field, "expected the case field that holds the urgency, like `urgency priority`")
CLAUSE_MESSAGE(base_name, "expected the name of the amount prices are a percentage of, like `license_price`")
CLAUSE_MESSAGE(default_plan_word, "expected `plan` after `default`, as in `default plan basic`")
CLAUSE_MESSAGE(plan_ref, "expected a plan id, like `basic`")
CLAUSE_MESSAGE(otherwise_basis, "expected `time_and_materials` or `not_covered` after `otherwise`")

// The case schema
CLAUSE_MESSAGE(case_open, "expected `{` to open the case schema")
CLAUSE_MESSAGE(case_end, "expected a field like `priority: P1 > P2 > P3 > P4`, or `}` to close the case schema")
CLAUSE_MESSAGE(field_colon, "expected `:` and the field's type after the field's name")
CLAUSE_MESSAGE(field_type, "expected a type: values separated by `|` (request | incident), ordered values "
                           "(P1 > P2 > P3), `set of` values, `money`, `date`, `timestamp`, `bool`, or `{` fields `}`")
CLAUSE_MESSAGE(set_of, "expected `of` and the set's values, as in `set of modified_package`")
CLAUSE_MESSAGE(enum_value, "expected a value after `|`")
CLAUSE_MESSAGE(ordered_value, "expected a value after `>`")
CLAUSE_MESSAGE(record_end, "expected a field like `budget: money`, or `}` to close the group of fields")
CLAUSE_MESSAGE(default_value, "expected a default: one of the field's values, or `{}` for an empty set")

// Hours and holidays
CLAUSE_MESSAGE(hours_name, "expected a name for these hours, like `weekdays`")
CLAUSE_MESSAGE(hours_equals, "expected `=` and the hours, as in `hours weekdays = Mon-Fri 09:00-18:00`")
CLAUSE_MESSAGE(hours_spec, "expected support hours like `Mon-Fri 09:00-18:00` or `24/7`")
CLAUSE_MESSAGE(hours_use, "expected the name of declared hours, like `weekdays`, or hours like `Mon-Fri 09:00-18:00`")
CLAUSE_MESSAGE(last_weekday, "expected a weekday range like Mon-Fri (the days are Mon, Tue, Wed, Thu, Fri, Sat, Sun)")
CLAUSE_MESSAGE(time_window, "expected a time window like 09:00-18:00 after the days")
CLAUSE_MESSAGE(closing_time, "expected the closing time, like the 18:00 in 09:00-18:00")
CLAUSE_MESSAGE(holidays_name, "expected a name for the holidays, like `public_holidays`")
CLAUSE_MESSAGE(holidays_open, "expected `{` and the holiday dates")
CLAUSE_MESSAGE(holidays_end, "expected a holiday: a date like 2026-12-25, a rule like `every Dec 25`, `every 4th Thu of "
                             "Nov` or `easter + 1 day` (optionally with its name in quotes), or `}`")
CLAUSE_MESSAGE(hours_zone, "expected `in` and the hours' time zone, as in `in Europe/Berlin`")
CLAUSE_MESSAGE(every_date, "expected a day of the year like `Dec 25`, or a weekday of a month like `4th Thu of Nov` or "
                           "`last Mon of May`")
CLAUSE_MESSAGE(day_number, "expected the day of the month, as in `Dec 25`")
CLAUSE_MESSAGE(weekday, "expected a weekday: Mon, Tue, Wed, Thu, Fri, Sat or Sun")
CLAUSE_MESSAGE(nth_of, "expected `of` and a month, as in `4th Thu of Nov`")
CLAUSE_MESSAGE(month, "expected a month: Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov or Dec")
CLAUSE_MESSAGE(observed_shift, "expected `nearest weekday` (Saturday to Friday, Sunday to Monday) or `next weekday` "
                               "(to the next weekday that is not already a holiday)")
CLAUSE_MESSAGE(integer, "expected a whole number")
CLAUSE_MESSAGE(day_unit, "expected `day` or `days`, as in `easter + 1 day`")
CLAUSE_MESSAGE(year, "expected a year like 2021")

// Entitlements and plans
CLAUSE_MESSAGE(entitlements_open, "expected `{` and the entitlements")
CLAUSE_MESSAGE(entitlements_end,
               "expected an entitlement like `user_questions \"Answers to system users' questions\"`, or `}`")
CLAUSE_MESSAGE(plan_id, "expected the plan's id, like `basic`")
CLAUSE_MESSAGE(plan_open, "expected `{` to open the plan (after its id, title and `extends`)")
CLAUSE_MESSAGE(plan_end, "expected a plan term (`price`, `registers`, `talks`, `hours`, `registration`, `contacts`, "
                         "`respond`, `resolve`, `update`, `reply`, `no target for`, `includes`), or `}` to close the plan")
CLAUSE_MESSAGE(price, "expected a price: `free`, a percentage like `10% of license_price`, or an amount like "
                      "`500 USD per year`")
CLAUSE_MESSAGE(price_base, "expected `of` and what the percentage is of, as in `10% of license_price`")
CLAUSE_MESSAGE(period_unit, "expected `year` or `month` after `per`")
CLAUSE_MESSAGE(contact_count, "expected the number of authorized contacts, as in `contacts 5`")
CLAUSE_MESSAGE(urgency_set, "expected the urgency values this target is for, like `P1`, `P2..P4` or `C, D`")
CLAUSE_MESSAGE(range_end, "expected the last value of the range, like the P4 in P2..P4")
CLAUSE_MESSAGE(within_duration, "expected `within` and a time, as in `within 4 working hours`")
CLAUSE_MESSAGE(target_time, "expected `within` and a time, as in `within 4 working hours` or `within 2 business days`, "
                            "or `by close of business`")
CLAUSE_MESSAGE(update_time, "expected `every` and a time, as in `every 4 working hours`")
CLAUSE_MESSAGE(close_day, "expected `business` or `the next business day`, as in `by close of the next business day`")
CLAUSE_MESSAGE(import_path, "expected the path of the file to import, in double quotes, as in "
                            "`import \"calendars/us-federal.policy\"`")
CLAUSE_MESSAGE(target_for, "expected `target for` and urgency values, as in `no target for P4`")

// The guarantee
CLAUSE_MESSAGE(guarantee_open, "expected `{` to open the guarantee (after its title)")
CLAUSE_MESSAGE(guarantee_end, "expected a guarantee term (`starts after`, `lasts`, `covers`, `excludes`, "
                              "`respond promptly`, `registers`, `includes`), or `}` to close the guarantee")
CLAUSE_MESSAGE(after_ref, "expected `after` and a date field, as in `starts after project.completed_on`")
CLAUSE_MESSAGE(period_length, "expected a length like `30 calendar days`, or `by` a money field and its bands")
CLAUSE_MESSAGE(bands_open, "expected `{` and the bands, as in `by project.budget { below 25000 USD: 30 calendar days }`")
CLAUSE_MESSAGE(bands_end, "expected a band like `below 25000 USD: 30 calendar days`, "
                          "`25000 USD to 75000 USD: 60 calendar days` or `above 75000 USD: 90 calendar days`, or `}`")
CLAUSE_MESSAGE(band_amount, "expected an amount with its currency, like 25000 USD")
CLAUSE_MESSAGE(band_upper, "expected `to` and the upper limit, as in `25000 USD to 75000 USD`")
CLAUSE_MESSAGE(band_colon, "expected `:` and the length for this band, as in `: 30 calendar days`")
CLAUSE_MESSAGE(clause_id, "expected an id for this clause, like `client_fault`")
CLAUSE_MESSAGE(promptly_word, "expected `promptly`: a guarantee's response is written `respond promptly`")

// Rules and conditions
CLAUSE_MESSAGE(rules_open, "expected `{` to open the rules")
CLAUSE_MESSAGE(rules_end, "expected a rule (`reject`, `not_covered`, `limited`, `lower`, `outside plan`, "
                          "`outside guarantee`), or `}` to close the rules")
CLAUSE_MESSAGE(outside_basis, "expected `plan` or `guarantee` after `outside`")
CLAUSE_MESSAGE(rule_id, "expected the rule's id, like `unauthorized`")
CLAUSE_MESSAGE(when_condition, "expected `when` and a condition, as in `when not contact.authorized`")
CLAUSE_MESSAGE(lower_value, "expected the value to lower to, as in `to P3`")
CLAUSE_MESSAGE(condition, "expected a condition, like `cause in bug, error` or `not contact.authorized`")
CLAUSE_MESSAGE(negated, "expected a condition after `not`")
CLAUSE_MESSAGE(and_operand, "expected a condition after `and`")
CLAUSE_MESSAGE(or_operand, "expected a condition after `or`")
CLAUSE_MESSAGE(paren_close, "expected `)` to close the `(`")
CLAUSE_MESSAGE(compared, "expected a value to compare with, like `request`, `25000 USD` or `2026-01-01`")
CLAUSE_MESSAGE(operand_list, "expected a list of values, like `bug, error, technical_issue`")

// Tests
CLAUSE_MESSAGE(test_name, "expected the test's name in double quotes")
CLAUSE_MESSAGE(test_open, "expected `{` to open the test")
CLAUSE_MESSAGE(test_case, "expected `case` and the case as a JSON object, as in `case {\"opened_at\": ...}`")
CLAUSE_MESSAGE(expectation, "expected `expect` and the decision, as in `expect covered, by plan business`")
CLAUSE_MESSAGE(test_end, "expected `}` to close the test (one `case` and one `expect` per test)")
CLAUSE_MESSAGE(outcome, "expected an outcome: covered, limited, billable, not_covered, rejected or invalid")
CLAUSE_MESSAGE(expect_item, "expected `by`, `priority`, `due`, `within`, `no response`, `rule`, `error`, or a target "
                            "(`response`, `resolution`, `update`, `reply`) and what it is")
CLAUSE_MESSAGE(target_fact, "expected what the target is: `due` and a time, `within` and a length, a status (`met`, "
                            "`breached`, `running`, `paused`, `pending`) or `none`")
CLAUSE_MESSAGE(basis_name, "expected `guarantee`, `time_and_materials`, or `plan` and the plan's id")
CLAUSE_MESSAGE(json_object, "expected a JSON object, like {\"opened_at\": \"2026-11-27T17:30:00+03:00\"}")
CLAUSE_MESSAGE(json_member, "expected a key in double quotes")
CLAUSE_MESSAGE(json_colon, "expected `:` after the key")
CLAUSE_MESSAGE(json_value, "expected a JSON value: text in double quotes, a number, an object, an array, true, false "
                           "or null")
CLAUSE_MESSAGE(json_object_end, "expected `,` or `}` in the JSON object")
CLAUSE_MESSAGE(json_array_end, "expected `,` or `]` in the JSON array")

#undef CLAUSE_MESSAGE

}  // namespace clause::syntax
