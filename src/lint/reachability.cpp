// Rules that cannot matter: a condition no case satisfies, or a deciding
// rule that an earlier rule always beats. Found by deciding a finite set of
// cases that stands for every case (space::CaseSpace).
#include <fmt/format.h>

#include "caseio/evaluate.h"
#include "eval/decide.h"
#include "lint/rules.h"
#include "lint/structure.h"
#include "space/space.h"

namespace clause::lint {

namespace {

// Large policies: what can be proved from the conditions' structure.
void check_structurally(Context& context, std::uint64_t space_size) {
  Structure s = analyze_structure(context.policy);
  const auto& rules = context.policy.rules;
  std::string why = "too many kinds of case (" + std::to_string(space_size) +
                    ") to decide each: shown from the conditions themselves";
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (s.rules[r].never_true) {
      auto& d = context.report(codes::never_true, rules[r].span, "rule `" + rules[r].id + "` can never hold");
      d.label = "its condition contradicts itself";
      d.notes.push_back(why);
      d.help = "fix the condition, or remove the rule";
    } else if (s.rules[r].beaten_by >= 0) {
      const auto& earlier = rules[static_cast<std::size_t>(s.rules[r].beaten_by)];
      auto& d = context.report(codes::shadowed_rule, rules[r].span,
                               "rule `" + rules[r].id + "` never decides: an earlier rule always decides first");
      d.label = "shadowed";
      d.related.push_back({earlier.span, "decides every case this rule would"});
      d.notes.push_back("for example a case with " + s.rules[r].example);
      d.notes.push_back(why);
      d.help = "move the rule before `" + earlier.id + "`, or narrow `" + earlier.id + "`";
    } else if (!s.rules[r].beaten_together.empty()) {
      auto& d = context.report(codes::shadowed_rule, rules[r].span,
                               "rule `" + rules[r].id + "` never decides: earlier rules together always decide first");
      d.label = "shadowed";
      // The first few are shown; a long list would hide the rule itself.
      constexpr std::size_t shown = 5;
      const auto& together = s.rules[r].beaten_together;
      std::string names;
      for (std::size_t k = 0; k < together.size() && k < shown; ++k) {
        const auto& earlier = rules[static_cast<std::size_t>(together[k])];
        d.related.push_back({earlier.span, "decides part of the cases this rule would"});
        names += (names.empty() ? "`" : ", `") + earlier.id + "`";
      }
      if (together.size() > shown) names += " and " + std::to_string(together.size() - shown) + " more earlier rules";
      d.notes.push_back("every case it holds for is decided first by one of " + names + ", for example a case with " +
                        s.rules[r].example);
      d.notes.push_back(why);
      d.help = "move the rule before " + names + ", or narrow them";
    }
  }
}

}  // namespace

void check_reachability(Context& context) {
  const ir::Program& program = *context.unit.program;
  space::SpaceOptions options;
  options.vary_times = false;
  options.limit = 500'000;
  space::CaseSpace space({&context.policy}, options);
  // Deciding every kind of case is exact; past a budget of condition tests,
  // reason about the conditions instead.
  constexpr std::uint64_t budget = 20'000'000;
  if (space.sampled() || space.size() * std::max<std::size_t>(1, program.rules.size()) > budget) {
    check_structurally(context, space.full_size());
    return;
  }
  caseio::Evaluator evaluator({context.unit.program}, program.name);

  const std::size_t rules = program.rules.size();
  std::vector<std::uint64_t> holds(rules, 0), decides(rules, 0);
  std::vector<std::string> witness(rules);
  std::vector<int> beaten_by(rules, -1);
  const auto& g = program.guarantee;
  std::vector<std::uint64_t> covers_hold(g.covers.size(), 0), excludes_hold(g.excludes.size(), 0);

  std::string text;
  for (std::uint64_t i = 0; i < space.size(); ++i) {
    text = space.case_json(i);
    const caseio::Decided& decided = evaluator.decide(text);
    if (!decided.valid()) continue;   // INVARIANT: the space only writes valid cases; skip defensively
    const eval::Case& c = *decided.c;
    const eval::Decision& d = decided.decision;
    const int plan = d.held_plan;
    int first = -1;
    for (std::size_t r = 0; r < rules; ++r) {
      bool lowering = program.rules[r].action == lang::RuleAction::lower;
      if (!eval::holds(program, program.rules[r].when, c, plan, lowering ? -1 : d.urgency)) continue;
      if (holds[r]++ == 0) witness[r] = text;
      bool deciding = std::find(program.deciding.begin(), program.deciding.end(), r) != program.deciding.end();
      if (!deciding) continue;
      if (first < 0) {
        first = static_cast<int>(r);
        ++decides[r];
      } else if (beaten_by[r] < 0) {
        beaten_by[r] = first;
        witness[r] = text;
      }
    }
    for (std::size_t k = 0; k < g.covers.size(); ++k) covers_hold[k] += eval::holds(program, g.covers[k], c, plan, d.urgency);
    for (std::size_t k = 0; k < g.excludes.size(); ++k) {
      excludes_hold[k] += eval::holds(program, g.excludes[k], c, plan, d.urgency);
    }
  }

  std::string sampled = space.sampled() ? fmt::format(" (a sample of {} of {} cases)", space.size(), space.full_size())
                                        : fmt::format(" ({} cases)", space.size());
  const auto& checked_rules = context.policy.rules;
  for (std::size_t r = 0; r < rules; ++r) {
    const auto& rule = checked_rules[r];
    if (holds[r] == 0) {
      auto& d = context.report(codes::never_true, rule.span, "rule `" + rule.id + "` can never hold");
      d.label = "no case meets its condition";
      d.notes.push_back("checked against every kind of case the policy tells apart" + sampled);
      d.help = "the condition contradicts itself or the policy's plans; fix it, or remove the rule";
    } else if (decides[r] == 0 && beaten_by[r] >= 0) {
      const auto& earlier = checked_rules[static_cast<std::size_t>(beaten_by[r])];
      auto& d = context.report(codes::shadowed_rule, rule.span,
                               "rule `" + rule.id + "` never decides: an earlier rule always decides first");
      d.label = "shadowed";
      d.related.push_back({earlier.span, "decides first, as in the case below"});
      d.notes.push_back("for example " + witness[r]);
      d.help = "move the rule before `" + earlier.id + "`, or narrow `" + earlier.id + "`";
    }
  }
  if (const auto& guarantee = context.policy.guarantee) {
    for (std::size_t k = 0; k < guarantee->covers.size(); ++k) {
      if (covers_hold[k] == 0) {
        context.report(codes::never_true, guarantee->covers[k].span,
                       "the guarantee's `covers " + guarantee->covers[k].id + "` can never hold")
            .notes.push_back("checked against every kind of case the policy tells apart" + sampled);
      }
    }
    for (std::size_t k = 0; k < guarantee->excludes.size(); ++k) {
      if (excludes_hold[k] == 0) {
        context.report(codes::never_true, guarantee->excludes[k].span,
                       "the guarantee's `excludes " + guarantee->excludes[k].id + "` can never hold")
            .notes.push_back("checked against every kind of case the policy tells apart" + sampled);
      }
    }
  }
}

}  // namespace clause::lint
