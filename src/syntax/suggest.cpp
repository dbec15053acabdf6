#include "support/text.h"
#include "syntax/errors.h"
#include "syntax/pieces.h"

namespace clause::syntax {
namespace {

namespace g = grammar;

// A message by value: taking the variable's address would need a definition
// that some compilers do not emit for explicit specializations.
template <typename Rule>
constexpr const char* message_of() {
  return errors::message<Rule>;
}

// Each unit's word, plural and singular: `hours`, `hour`.
std::vector<std::string> unit_words() {
  std::vector<std::string> out;
  for (const auto& w : lang::words(lang::TimeUnit{})) {
    out.emplace_back(w.text);
    out.emplace_back(lang::singular(w.value));
  }
  return out;
}

// The words a field's type starts with.
std::vector<std::string> type_words() {
  using lang::FieldType;
  std::vector<std::string> out;
  for (FieldType t : {FieldType::money, FieldType::date, FieldType::timestamp, FieldType::boolean, FieldType::set}) {
    out.emplace_back(lang::first_word(t));
  }
  return out;
}

}  // namespace

std::optional<std::string> suggestion(std::string_view message, std::string_view found) {
  using Words = std::vector<std::string>;
  using namespace lang;
  static const std::vector<std::pair<std::string_view, Words>> table = {
      {message_of<g::policy_end>(), all_first_words<MemberWord>()},
      {message_of<g::plan_end>(), all_first_words<PlanTerm>()},
      {message_of<g::guarantee_end>(), all_first_words<GuaranteeTerm>()},
      {message_of<g::rules_end>(), all_first_words<RuleAction>()},
      {message_of<g::clock_kind>(), all_texts<Clock>()},
      {message_of<g::time_unit>(), unit_words()},
      {message_of<g::last_weekday>(), all_texts<Weekday>()},
      {message_of<g::hours_spec>(), all_texts<Weekday>()},
      {message_of<g::outcome>(), all_texts<Outcome>()},
      {message_of<g::period_unit>(), {"year", "month"}},
      {message_of<g::outside_basis>(), {"plan", "guarantee"}},
      {message_of<g::otherwise_basis>(), {std::string(text(Otherwise::time_and_materials)), std::string(text(Otherwise::not_covered))}},
      {message_of<g::field_type>(), type_words()},
      {message_of<g::expect_item>(), all_first_words<ExpectTerm>()},
      {message_of<g::within_duration>(), {"within"}},
      {message_of<g::when_condition>(), {"when"}},
      {message_of<g::price>(), {std::string(text(PriceKind::free))}},
      {message_of<g::default_plan_word>(), {"plan"}},
      {message_of<g::target_for>(), {"target"}},
  };
  if (found.empty()) return std::nullopt;
  for (const auto& [text, words] : table) {
    if (text == message) return closest_match(found, words);
  }
  return std::nullopt;
}
}  // namespace clause::syntax
