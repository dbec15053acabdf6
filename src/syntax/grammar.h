// The policy grammar in PEGTL, rule for rule as grammar/clause.peg (a test
// compares the two lists of rule names). Only rules live here: error messages
// are in errors.h, the tree building in parse.cpp. `must<>` marks the points
// where the input has committed (after a keyword): failing there is an error
// with the message errors.h gives for the rule.
#pragma once

#include <tao/pegtl.hpp>

namespace clause::syntax::grammar {

namespace pegtl = tao::pegtl;
using pegtl::any;
using pegtl::digit;
using pegtl::eof;
using pegtl::must;
using pegtl::not_at;
using pegtl::not_one;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::ranges;
using pegtl::rep;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
using pegtl::xdigit;

struct key_end : not_at<ranges<'a', 'z', 'A', 'Z', '0', '9', '_'>> {};

// `must<Rule>`, except that a failure is reported where Rule began, not where
// it gave up: the caret goes under `9:00`, not after its `9`.
template <typename Rule>
struct commit : must<Rule> {
  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&... st) {
    if (Control<Rule>::template match<A, pegtl::rewind_mode::required, Action, Control>(in, st...)) return true;
    Control<Rule>::raise(static_cast<const ParseInput&>(in), st...);
  }
};

namespace detail {
// A keyword: the word, not followed by a letter, digit or `_`.
template <char... Cs>
struct word : seq<pegtl::ascii::string<Cs...>, key_end> {};
}  // namespace detail

#define CLAUSE_KW(text) TAO_PEGTL_INTERNAL_STRING(::clause::syntax::grammar::detail::word, text)
#define CLAUSE_STR(text) TAO_PEGTL_STRING(text)

// ---- Words, numbers, times --------------------------------------------------

struct eol : seq<opt<one<'\r'>>, one<'\n'>> {};
struct comment : seq<CLAUSE_STR("//"), star<not_at<eol>, any>> {};
struct white : one<' ', '\t', '\r', '\n'> {};
struct _ : star<sor<white, comment>> {};

struct reserved : seq<sor<CLAUSE_STR("and"), CLAUSE_STR("or"), CLAUSE_STR("not"), CLAUSE_STR("in"),
                          CLAUSE_STR("has"), CLAUSE_STR("to"), CLAUSE_STR("when"), CLAUSE_STR("none"),
                          CLAUSE_STR("true"), CLAUSE_STR("false")>,
                      key_end> {};
struct identifier
    : seq<not_at<reserved>, ranges<'a', 'z', 'A', 'Z', '_'>, star<ranges<'a', 'z', 'A', 'Z', '0', '9', '_'>>> {};
struct term_start : seq<sor<CLAUSE_STR("price"), CLAUSE_STR("registers"), CLAUSE_STR("talks"), CLAUSE_STR("hours"),
                           CLAUSE_STR("registration"), CLAUSE_STR("contacts"), CLAUSE_STR("respond"),
                           CLAUSE_STR("resolve"), CLAUSE_STR("update"), CLAUSE_STR("reply"), CLAUSE_STR("includes"),
                           CLAUSE_STR("starts"), CLAUSE_STR("lasts"), CLAUSE_STR("covers"), CLAUSE_STR("excludes")>,
                       key_end> {};
struct list_item : seq<not_at<term_start>, identifier> {};
struct name_list : seq<identifier, star<_, one<','>, _, commit<list_item>>> {};

struct escape_code : one<'"', '\\', 'n', 't'> {};
struct escape : seq<one<'\\'>, commit<escape_code>> {};
struct string_char : sor<escape, not_one<'"', '\\', '\r', '\n'>> {};
struct string_close : one<'"'> {};
struct string : seq<one<'"'>, star<string_char>, commit<string_close>> {};

struct integer : plus<digit> {};
struct number : seq<plus<digit>, opt<one<'.'>, plus<digit>>> {};
struct percent : seq<number, one<'%'>> {};
struct currency_code : seq<ranges<'A', 'Z'>, ranges<'A', 'Z'>, ranges<'A', 'Z'>, key_end> {};
struct money : seq<number, _, currency_code> {};
struct clock : seq<digit, digit, one<':'>, digit, digit> {};
struct date : seq<rep<4, digit>, one<'-'>, digit, digit, one<'-'>, digit, digit> {};
struct timestamp : seq<date, one<'T', 't'>, digit, digit, one<':'>, digit, digit, one<':'>, digit, digit,
                       opt<one<'.'>, plus<digit>>, sor<one<'Z', 'z'>, seq<one<'+', '-'>, digit, digit, one<':'>, digit, digit>>> {};
struct clock_kind : seq<sor<CLAUSE_STR("working"), CLAUSE_STR("calendar"), CLAUSE_STR("business")>, key_end> {};
struct time_unit : seq<sor<CLAUSE_STR("hours"), CLAUSE_STR("hour"), CLAUSE_STR("days"), CLAUSE_STR("day"),
                           CLAUSE_STR("minutes"), CLAUSE_STR("minute")>,
                       key_end> {};
struct duration : seq<number, _, commit<clock_kind>, _, commit<time_unit>> {};

struct policy_name : seq<identifier> {};
struct title : seq<string> {};
struct bom : CLAUSE_STR("\xEF\xBB\xBF") {};
struct end_of_file : eof {};

// ---- Policy-wide declarations -----------------------------------------------

struct import_path : seq<string> {};
struct import_decl : seq<CLAUSE_KW("import"), _, commit<import_path>> {};

struct currency_decl : seq<CLAUSE_KW("currency"), _, commit<currency_code>> {};

struct offset_zone : seq<sor<CLAUSE_STR("GMT"), CLAUSE_STR("UTC")>,
                         opt<one<'+', '-'>, digit, opt<digit>, opt<one<':'>, digit, digit>>, key_end,
                         not_at<plus<one<' '>>, one<'+', '-'>>> {};
struct zone_part : plus<ranges<'A', 'Z', 'a', 'z', '0', '9', '_', '_', '+', '+', '-', '-'>> {};
struct iana_zone : seq<zone_part, plus<one<'/'>, zone_part>> {};
struct zone : sor<offset_zone, iana_zone> {};
struct zones_decl : seq<CLAUSE_KW("zones"), _, commit<zone>, star<_, one<','>, _, commit<zone>>> {};

struct urgency_field : seq<identifier> {};
struct urgency_decl : seq<CLAUSE_KW("urgency"), _, commit<urgency_field>> {};

struct base_name : seq<identifier> {};
struct base_decl : seq<CLAUSE_KW("base"), _, commit<base_name>, opt<_, string>> {};

struct communication_decl : seq<CLAUSE_KW("communication"), _, commit<name_list>> {};
struct registers_decl : seq<CLAUSE_KW("registers"), _, commit<name_list>> {};

struct default_plan_word : CLAUSE_KW("plan") {};
struct plan_ref : seq<identifier> {};
struct default_plan_decl : seq<CLAUSE_KW("default"), _, commit<default_plan_word>, _, commit<plan_ref>> {};

struct otherwise_basis : seq<sor<CLAUSE_STR("time_and_materials"), CLAUSE_STR("not_covered")>, key_end> {};
struct otherwise_decl : seq<CLAUSE_KW("otherwise"), _, commit<otherwise_basis>> {};

// ---- The case schema --------------------------------------------------------

struct field_decl;
struct enum_value : seq<identifier> {};
struct ordered_value : seq<identifier> {};
struct set_of : seq<CLAUSE_KW("of"), _, identifier, star<_, one<'|'>, _, commit<enum_value>>> {};
struct set_type : seq<CLAUSE_KW("set"), _, commit<set_of>> {};
struct record_end : one<'}'> {};
struct record_type : seq<one<'{'>, _, star<field_decl, _>, commit<record_end>> {};
struct scalar_type : seq<sor<CLAUSE_STR("money"), CLAUSE_STR("date"), CLAUSE_STR("timestamp"), CLAUSE_STR("bool")>,
                         key_end> {};
struct ordered_type : seq<identifier, plus<_, one<'>'>, _, commit<ordered_value>>> {};
struct enum_type : seq<identifier, star<_, one<'|'>, _, commit<enum_value>>> {};
struct field_type : sor<set_type, record_type, scalar_type, ordered_type, enum_type> {};
struct empty_set : seq<one<'{'>, _, one<'}'>> {};
struct default_value : sor<empty_set, identifier> {};
struct field_name : seq<identifier> {};
struct field_colon : one<':'> {};
struct field_decl : seq<field_name, _, commit<field_colon>, _, commit<field_type>, opt<_, one<'='>, _, commit<default_value>>> {};
struct case_open : one<'{'> {};
struct case_end : one<'}'> {};
struct case_decl : seq<CLAUSE_KW("case"), _, commit<case_open>, _, star<field_decl, _>, commit<case_end>> {};

// ---- Support hours and holidays ---------------------------------------------

struct weekday : seq<sor<CLAUSE_STR("Mon"), CLAUSE_STR("Tue"), CLAUSE_STR("Wed"), CLAUSE_STR("Thu"), CLAUSE_STR("Fri"),
                         CLAUSE_STR("Sat"), CLAUSE_STR("Sun")>,
                     key_end> {};
struct last_weekday : seq<weekday> {};
struct day_range : seq<weekday, opt<one<'-'>, commit<last_weekday>>> {};
struct day_set : seq<day_range, star<_, one<','>, _, day_range>> {};
struct closing_time : seq<clock> {};
struct time_window : seq<clock, one<'-'>, commit<closing_time>> {};
struct day_schedule : seq<day_set, _, commit<time_window>, star<_, one<','>, _, time_window>> {};
struct week_schedule : seq<day_schedule, star<_, one<',', ';'>, _, day_schedule>> {};
struct always : CLAUSE_STR("24/7") {};
struct hours_spec : sor<always, week_schedule> {};
struct except_clause : seq<CLAUSE_KW("except"), _, commit<name_list>> {};
struct hours_name : seq<identifier> {};
struct hours_equals : one<'='> {};
struct hours_zone : seq<CLAUSE_KW("in"), _, commit<zone>> {};
struct hours_decl : seq<CLAUSE_KW("hours"), _, commit<hours_name>, _, commit<hours_equals>, _, commit<hours_spec>,
                        opt<_, hours_zone>, opt<_, except_clause>> {};

struct month : seq<sor<CLAUSE_STR("Jan"), CLAUSE_STR("Feb"), CLAUSE_STR("Mar"), CLAUSE_STR("Apr"), CLAUSE_STR("May"),
                       CLAUSE_STR("Jun"), CLAUSE_STR("Jul"), CLAUSE_STR("Aug"), CLAUSE_STR("Sep"), CLAUSE_STR("Oct"),
                       CLAUSE_STR("Nov"), CLAUSE_STR("Dec")>,
                   key_end> {};
struct day_number : seq<digit, opt<digit>> {};
struct month_day : seq<month, _, commit<day_number>> {};
struct ordinal : seq<sor<CLAUSE_STR("1st"), CLAUSE_STR("2nd"), CLAUSE_STR("3rd"), CLAUSE_STR("4th"), CLAUSE_STR("5th"),
                         CLAUSE_STR("last")>,
                     key_end> {};
struct nth_of : seq<CLAUSE_KW("of"), _, commit<month>> {};
struct nth_weekday : seq<ordinal, _, commit<weekday>, _, commit<nth_of>> {};
struct observed_shift : seq<sor<CLAUSE_STR("nearest"), CLAUSE_STR("next")>, key_end, _, CLAUSE_KW("weekday")> {};
struct observed_rule : seq<CLAUSE_KW("observed"), _, commit<observed_shift>> {};
struct every_date : sor<nth_weekday, month_day> {};
struct every_rule : seq<CLAUSE_KW("every"), _, commit<every_date>, opt<_, observed_rule>> {};
struct day_unit : seq<sor<CLAUSE_STR("days"), CLAUSE_STR("day")>, key_end> {};
struct day_offset : seq<one<'+', '-'>, _, commit<integer>, _, commit<day_unit>> {};
struct relative_base : sor<CLAUSE_KW("easter"), identifier> {};
struct relative_day : seq<relative_base, opt<_, day_offset>> {};
struct holiday_day : sor<date, every_rule, relative_day> {};
struct holiday_id : seq<not_at<CLAUSE_KW("easter")>, identifier> {};
struct year : rep<4, digit> {};
struct holiday_years : seq<sor<CLAUSE_STR("from"), CLAUSE_STR("until")>, key_end, _, commit<year>> {};
struct holiday : seq<opt<holiday_id, _, one<':'>, _>, holiday_day, opt<_, string>, star<_, holiday_years>> {};
struct holidays_name : seq<identifier> {};
struct holidays_open : one<'{'> {};
struct holidays_end : one<'}'> {};
struct holidays_decl : seq<CLAUSE_KW("holidays"), _, commit<holidays_name>, _, commit<holidays_open>, _,
                           star<holiday, _, opt<one<','>, _>>, commit<holidays_end>> {};

// ---- Entitlements and plans -------------------------------------------------

struct entitlement : seq<identifier, opt<_, string>> {};
struct entitlements_open : one<'{'> {};
struct entitlements_end : one<'}'> {};
struct entitlements_decl : seq<CLAUSE_KW("entitlements"), _, commit<entitlements_open>, _, star<entitlement, _>,
                               commit<entitlements_end>> {};

struct ref : seq<identifier, star<one<'.'>, identifier>> {};

struct period_unit : seq<sor<CLAUSE_STR("year"), CLAUSE_STR("month")>, key_end> {};
struct per_period : seq<CLAUSE_KW("per"), _, commit<period_unit>> {};
struct period : sor<per_period, seq<sor<CLAUSE_STR("yearly"), CLAUSE_STR("monthly")>, key_end>> {};
struct free_price : CLAUSE_KW("free") {};
struct price_base : seq<CLAUSE_KW("of"), _, ref> {};
struct percent_price : seq<percent, _, commit<price_base>, opt<_, period>> {};
struct amount_price : seq<money, opt<_, period>> {};
struct price : sor<free_price, percent_price, amount_price> {};
struct price_item : seq<CLAUSE_KW("price"), _, commit<price>> {};

struct talks_item : seq<CLAUSE_KW("talks"), _, commit<name_list>> {};
struct hours_use : sor<seq<hours_spec, opt<_, hours_zone>>, identifier> {};
struct plan_hours : seq<CLAUSE_KW("hours"), _, commit<hours_use>> {};
struct registration_item : seq<CLAUSE_KW("registration"), _, commit<hours_use>> {};
struct contact_count : seq<integer> {};
struct contacts_item : seq<CLAUSE_KW("contacts"), _, commit<contact_count>> {};

struct range_end : seq<not_at<CLAUSE_KW("within")>, identifier> {};
struct urgency_range : seq<identifier, opt<_, CLAUSE_STR(".."), _, commit<range_end>>> {};
struct urgency_set : seq<urgency_range, star<_, one<','>, _, urgency_range>> {};
struct within_duration : seq<CLAUSE_KW("within"), _, commit<duration>> {};
struct every_duration : seq<CLAUSE_KW("every"), _, commit<duration>> {};
struct close_day : sor<seq<opt<CLAUSE_KW("the"), _>, CLAUSE_KW("next"), _, CLAUSE_KW("business"), _, CLAUSE_KW("day")>,
                       CLAUSE_KW("business")> {};
struct close_of_business : seq<CLAUSE_KW("by"), _, CLAUSE_KW("close"), _, CLAUSE_KW("of"), _, commit<close_day>> {};
struct target_time : sor<within_duration, close_of_business> {};
struct update_time : sor<every_duration, target_time> {};
struct when_condition;
struct target_hours : seq<CLAUSE_KW("on"), _, commit<identifier>> {};
struct target_tail : seq<opt<_, target_hours>, opt<_, when_condition>> {};
struct respond_item : seq<CLAUSE_KW("respond"), _, commit<urgency_set>, _, commit<target_time>, target_tail> {};
struct resolve_item : seq<CLAUSE_KW("resolve"), _, commit<urgency_set>, _, commit<target_time>, target_tail> {};
struct update_item : seq<CLAUSE_KW("update"), _, commit<urgency_set>, _, commit<update_time>, target_tail> {};
struct reply_item : seq<CLAUSE_KW("reply"), _, commit<urgency_set>, _, commit<target_time>, target_tail> {};
struct target_for : seq<CLAUSE_KW("target"), _, CLAUSE_KW("for")> {};
struct no_target_item : seq<CLAUSE_KW("no"), _, commit<target_for>, _, commit<urgency_set>> {};
struct includes_item : seq<CLAUSE_KW("includes"), _, commit<name_list>> {};

struct plan_item : sor<price_item, registers_decl, talks_item, plan_hours, registration_item, contacts_item,
                       respond_item, resolve_item, update_item, reply_item, no_target_item, includes_item> {};
struct plan_id : seq<identifier> {};
struct extends_clause : seq<CLAUSE_KW("extends"), _, commit<plan_ref>> {};
struct plan_open : one<'{'> {};
struct plan_end : one<'}'> {};
struct plan_decl : seq<CLAUSE_KW("plan"), _, commit<plan_id>, _, opt<title, _>, opt<extends_clause, _>, commit<plan_open>, _,
                       star<plan_item, _>, commit<plan_end>> {};

// ---- Conditions -------------------------------------------------------------

struct outside_basis : seq<sor<CLAUSE_STR("plan"), CLAUSE_STR("guarantee")>, key_end> {};
struct outside_action : seq<CLAUSE_KW("outside"), _, commit<outside_basis>> {};
struct rule_action : sor<seq<sor<CLAUSE_STR("reject"), CLAUSE_STR("not_covered"), CLAUSE_STR("limited"),
                                 CLAUSE_STR("lower")>,
                             key_end>,
                         outside_action> {};
// Spelled out rather than reusing rule_action: a lookahead must not commit.
struct rule_start : seq<sor<seq<sor<CLAUSE_STR("reject"), CLAUSE_STR("not_covered"), CLAUSE_STR("limited"),
                                    CLAUSE_STR("lower")>,
                                key_end>,
                            seq<CLAUSE_KW("outside"), _, outside_basis>>,
                        _, identifier, _, sor<string, CLAUSE_KW("when")>> {};

struct condition;
struct none_literal : CLAUSE_KW("none") {};
struct bool_literal : seq<sor<CLAUSE_STR("true"), CLAUSE_STR("false")>, key_end> {};
struct operand : sor<money, date, number, none_literal, bool_literal, ref> {};
struct operand_list : seq<operand, star<_, one<','>, _, operand>> {};
struct compared : seq<operand> {};
struct compare_op : sor<CLAUSE_STR("!="), CLAUSE_STR(">="), CLAUSE_STR("<="), one<'='>, one<'>'>, one<'<'>> {};
struct not_in_op : seq<CLAUSE_KW("not"), _, CLAUSE_KW("in")> {};
struct in_op : CLAUSE_KW("in") {};
struct has_op : CLAUSE_KW("has") {};
struct comparison_tail : sor<seq<compare_op, _, commit<compared>>, seq<not_in_op, _, commit<operand_list>>,
                             seq<in_op, _, commit<operand_list>>, seq<has_op, _, commit<compared>>> {};
struct comparison : seq<not_at<rule_start>, ref, opt<_, comparison_tail>> {};
struct paren_close : one<')'> {};
struct paren_expr : seq<one<'('>, _, commit<condition>, _, commit<paren_close>> {};
struct primary : sor<paren_expr, comparison> {};
struct not_expr;
struct negated : seq<not_expr> {};
struct negation : seq<CLAUSE_KW("not"), _, commit<negated>> {};
struct not_expr : sor<negation, primary> {};
struct and_operand : seq<not_expr> {};
struct and_expr : seq<not_expr, star<_, CLAUSE_KW("and"), _, commit<and_operand>>> {};
struct or_operand : seq<and_expr> {};
struct or_expr : seq<and_expr, star<_, CLAUSE_KW("or"), _, commit<or_operand>>> {};
struct condition : seq<or_expr> {};
struct when_condition : seq<CLAUSE_KW("when"), _, commit<condition>> {};

// ---- The guarantee ----------------------------------------------------------

struct after_ref : seq<CLAUSE_KW("after"), _, ref> {};
struct starts_item : seq<CLAUSE_KW("starts"), _, commit<after_ref>> {};
struct band_amount : seq<money> {};
struct below_band : seq<CLAUSE_KW("below"), _, commit<band_amount>> {};
struct above_band : seq<CLAUSE_KW("above"), _, commit<band_amount>> {};
struct band_upper : seq<CLAUSE_KW("to"), _, commit<band_amount>> {};
struct between_band : seq<opt<CLAUSE_KW("from"), _>, money, _, commit<band_upper>> {};
struct band_range : sor<below_band, above_band, between_band> {};
struct band_colon : one<':'> {};
struct band : seq<band_range, _, commit<band_colon>, _, commit<duration>> {};
struct bands_open : one<'{'> {};
struct bands_end : one<'}'> {};
struct banded_period : seq<CLAUSE_KW("by"), _, ref, _, commit<bands_open>, _, star<band, _>, commit<bands_end>> {};
struct period_length : sor<banded_period, duration> {};
struct lasts_item : seq<CLAUSE_KW("lasts"), _, commit<period_length>> {};
struct clause_id : seq<identifier> {};
struct covers_item : seq<CLAUSE_KW("covers"), _, commit<clause_id>, _, opt<string, _>, commit<when_condition>> {};
struct excludes_item : seq<CLAUSE_KW("excludes"), _, commit<clause_id>, _, opt<string, _>, commit<when_condition>> {};
struct promptly_word : CLAUSE_KW("promptly") {};
struct promptly_item : seq<CLAUSE_KW("respond"), _, commit<promptly_word>> {};
struct guarantee_item : sor<starts_item, lasts_item, covers_item, excludes_item, promptly_item, registers_decl,
                            includes_item> {};
struct guarantee_open : one<'{'> {};
struct guarantee_end : one<'}'> {};
struct guarantee_decl : seq<CLAUSE_KW("guarantee"), _, opt<title, _>, commit<guarantee_open>, _, star<guarantee_item, _>,
                            commit<guarantee_end>> {};

// ---- Rules ------------------------------------------------------------------

struct rule_id : seq<identifier> {};
struct lower_value : seq<identifier> {};
struct lower_target : seq<CLAUSE_KW("to"), _, commit<lower_value>> {};
struct rule : seq<rule_action, _, commit<rule_id>, _, opt<string, _>, commit<when_condition>, opt<_, lower_target>> {};
struct rules_open : one<'{'> {};
struct rules_end : one<'}'> {};
struct rules_decl : seq<CLAUSE_KW("rules"), _, commit<rules_open>, _, star<rule, _>, commit<rules_end>> {};

// ---- Tests ------------------------------------------------------------------

struct jws : star<one<' ', '\t', '\r', '\n'>> {};
struct json_value;
struct json_escape : seq<one<'\\'>, sor<one<'"', '\\', '/', 'b', 'f', 'n', 'r', 't'>,
                                         seq<one<'u'>, xdigit, xdigit, xdigit, xdigit>>> {};
struct json_string : seq<one<'"'>, star<sor<json_escape, not_one<'"', '\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                                                                  14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
                                                                  27, 28, 29, 30, 31>>>,
                         one<'"'>> {};
struct json_number : seq<opt<one<'-'>>, plus<digit>, opt<one<'.'>, plus<digit>>,
                         opt<one<'e', 'E'>, opt<one<'+', '-'>>, plus<digit>>> {};
struct json_word : seq<sor<CLAUSE_STR("true"), CLAUSE_STR("false"), CLAUSE_STR("null")>, key_end> {};
struct json_colon : one<':'> {};
struct json_member : seq<json_string, jws, commit<json_colon>, jws, commit<json_value>> {};
struct json_object_end : one<'}'> {};
struct json_object : seq<one<'{'>, jws, opt<json_member, star<jws, one<','>, jws, commit<json_member>>>, jws,
                         commit<json_object_end>> {};
struct json_array_end : one<']'> {};
struct json_array : seq<one<'['>, jws, opt<json_value, star<jws, one<','>, jws, commit<json_value>>>, jws,
                        commit<json_array_end>> {};
struct json_value : sor<json_string, json_number, json_object, json_array, json_word> {};

struct test_case : seq<CLAUSE_KW("case"), _, commit<json_object>> {};
struct outcome : seq<sor<CLAUSE_STR("covered"), CLAUSE_STR("limited"), CLAUSE_STR("billable"), CLAUSE_STR("not_covered"),
                         CLAUSE_STR("rejected"), CLAUSE_STR("invalid")>,
                     key_end> {};
struct basis_name : sor<seq<sor<CLAUSE_STR("guarantee"), CLAUSE_STR("time_and_materials")>, key_end>,
                        seq<CLAUSE_KW("plan"), _, commit<plan_ref>>> {};
struct expect_basis : seq<CLAUSE_KW("by"), _, commit<basis_name>> {};
struct expect_priority : seq<CLAUSE_KW("priority"), _, commit<identifier>> {};
struct expect_due : seq<CLAUSE_KW("due"), _, commit<timestamp>> {};
struct expect_within : seq<CLAUSE_KW("within"), _, commit<duration>> {};
struct expect_no_response : seq<CLAUSE_KW("no"), _, CLAUSE_KW("response")> {};
struct expect_rule : seq<CLAUSE_KW("rule"), _, commit<ref>> {};
struct expect_error : seq<CLAUSE_KW("error"), _, commit<string>> {};
struct target_kind : seq<sor<CLAUSE_STR("response"), CLAUSE_STR("resolution"), CLAUSE_STR("update"),
                             CLAUSE_STR("reply")>,
                         key_end> {};
struct target_status : seq<sor<CLAUSE_STR("met"), CLAUSE_STR("breached"), CLAUSE_STR("running"), CLAUSE_STR("paused"),
                               CLAUSE_STR("pending")>,
                           key_end> {};
struct target_fact : sor<seq<CLAUSE_KW("due"), _, commit<timestamp>>, seq<CLAUSE_KW("within"), _, commit<duration>>,
                         close_of_business, target_status, CLAUSE_KW("none")> {};
struct expect_target : seq<target_kind, _, commit<target_fact>> {};
struct expect_item : sor<expect_target, expect_basis, expect_priority, expect_due, expect_within, expect_no_response,
                         expect_rule, expect_error> {};
struct expectation : seq<CLAUSE_KW("expect"), _, commit<outcome>, star<_, one<','>, _, commit<expect_item>>> {};
struct test_name : seq<string> {};
struct test_open : one<'{'> {};
struct test_end : one<'}'> {};
struct test_decl : seq<CLAUSE_KW("test"), _, commit<test_name>, _, commit<test_open>, _, commit<test_case>, _,
                       commit<expectation>, _, commit<test_end>> {};

// ---- A file: one policy -----------------------------------------------------

struct member : sor<import_decl, currency_decl, zones_decl, urgency_decl, case_decl, hours_decl, holidays_decl, entitlements_decl,
                    communication_decl, base_decl, registers_decl, plan_decl, default_plan_decl, guarantee_decl,
                    rules_decl, otherwise_decl, test_decl> {};
struct policy_open : one<'{'> {};
struct file_kind : seq<sor<CLAUSE_STR("policy"), CLAUSE_STR("library")>, key_end> {};
struct policy_head : seq<opt<bom>, _, file_kind, _, commit<policy_name>, _, opt<title, _>, commit<policy_open>> {};
struct policy_end : seq<one<'}'>, _, commit<end_of_file>> {};
struct file : seq<policy_head, _, star<member, _>, commit<policy_end>> {};

#undef CLAUSE_KW
#undef CLAUSE_STR

}  // namespace clause::syntax::grammar
