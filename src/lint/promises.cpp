// Terms a reader should look at twice: a basis that promises no response
// target, a rule a decision cannot quote, a price no case can compute.
#include "lint/rules.h"

namespace clause::lint {

void check_promises(Context& context) {
  for (const auto& member : context.ast.members) {
    if (const auto* g = std::get_if<syntax::GuaranteeDecl>(&member)) {
      for (const auto& item : g->items) {
        if (item.kind == syntax::GuaranteeItem::Kind::promptly) {
          auto& d = context.report(codes::no_response_promise, item.span,
                                   "the guarantee promises no response target: its decisions have `response: null`");
          d.help = "if the page gives no number, acknowledge it: `// lint: allow no-response-promise the page gives no number`";
        }
        if ((item.kind == syntax::GuaranteeItem::Kind::covers || item.kind == syntax::GuaranteeItem::Kind::excludes) &&
            !item.clause.text) {
          context.report(codes::rule_without_sentence, item.clause.id.span,
                         "clause `" + item.clause.id.text + "` has no sentence for decisions to quote")
              .help = "write the sentence after the id, in double quotes";
        }
      }
    }
    if (const auto* rules = std::get_if<syntax::RulesDecl>(&member)) {
      for (const auto& rule : rules->rules) {
        if (!rule.text) {
          context.report(codes::rule_without_sentence, rule.id.span,
                         "rule `" + rule.id.text + "` has no sentence for decisions to quote")
              .help = "write the sentence after the id, in double quotes, as the page says it";
        }
      }
    }
    if (const auto* plan = std::get_if<syntax::PlanDecl>(&member)) {
      for (const auto& item : plan->items) {
        if (item.kind != syntax::PlanItem::Kind::price || item.price.kind != syntax::Price::Kind::percent) continue;
        std::string base = item.price.base.dotted();
        if (context.policy.field_index(base) >= 0) continue;
        auto& d = context.report(codes::price_base_not_in_case, item.price.base.span,
                                 "no case carries `" + base + "`: the price can only be quoted with a given base");
        d.help = "quote it with `clause quote --base AMOUNT`, or base the price on a money field of the case";
      }
    }
  }
}

}  // namespace clause::lint
