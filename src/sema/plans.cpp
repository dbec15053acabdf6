#include <algorithm>

#include "sema/messages.h"
#include "sema/steps.h"
#include "support/text.h"

namespace clause::sema {
namespace {

namespace codes = diag::codes;

// Declares each plan once, in order: the order is the rank.
std::vector<const syntax::PlanDecl*> declare_plans(Context& context) {
  Scope plans("plan");
  std::vector<const syntax::PlanDecl*> unique;
  for (const auto* decl : context.every<syntax::PlanDecl>()) {
    if (!plans.declare(context, decl->id)) continue;
    unique.push_back(decl);
    Plan plan;
    plan.id = decl->id.text;
    plan.title = decl->title ? decl->title->value : decl->id.text;
    plan.span = decl->id.span;
    plan.decl_span = decl->span;
    context.out.plans.push_back(plan);
  }
  context.out.index_plans();
  return unique;
}

void resolve_parents(Context& context, const std::vector<const syntax::PlanDecl*>& decls) {
  for (std::size_t i = 0; i < decls.size(); ++i) {
    if (!decls[i]->extends) continue;
    int parent = context.out.plan_index(decls[i]->extends->text);
    if (parent < 0) {
      messages::unknown(context, "plan", *decls[i]->extends, plan_ids(context));
      context.broken_plans[i] = true;
    } else {
      context.out.plans[i].parent = parent;
    }
  }
}

// Reports each cycle of `extends` once, and cuts it so flattening ends.
void break_cycles(Context& context, const std::vector<const syntax::PlanDecl*>& decls) {
  auto& plans = context.out.plans;
  std::vector<int> state(plans.size(), 0);   // 0 new, 1 in a cycle (reported), 2 fine
  for (std::size_t i = 0; i < plans.size(); ++i) {
    std::vector<int> chain;
    int p = static_cast<int>(i);
    while (p >= 0 && state[static_cast<std::size_t>(p)] == 0 && std::find(chain.begin(), chain.end(), p) == chain.end()) {
      chain.push_back(p);
      p = plans[static_cast<std::size_t>(p)].parent;
    }
    if (p >= 0 && state[static_cast<std::size_t>(p)] == 0) {
      // `p` is on the chain: the plans from p onwards form a cycle.
      auto start = std::find(chain.begin(), chain.end(), p);
      std::string path;
      for (auto it = start; it != chain.end(); ++it) path += plans[static_cast<std::size_t>(*it)].id + " extends ";
      path += plans[static_cast<std::size_t>(p)].id;
      auto& d = context.error(&codes::inheritance_cycle, decls[static_cast<std::size_t>(p)]->extends->span,
                              "plans extend each other in a cycle: " + path);
      d.help = "a plan can extend only a plan that does not, in turn, extend it";
      for (auto it = start; it != chain.end(); ++it) {
        state[static_cast<std::size_t>(*it)] = 1;
        plans[static_cast<std::size_t>(*it)].parent = -1;
        context.broken_plans[static_cast<std::size_t>(*it)] = true;
      }
    }
    for (int c : chain) {
      if (state[static_cast<std::size_t>(c)] == 0) state[static_cast<std::size_t>(c)] = 2;
    }
  }
}

// What a plan lacks, as text; empty when complete. Used to report a gap
// once, on the plan that has it first, not again on every plan extending it.
std::vector<std::string> missing_targets(const Context& context, const Plan& plan) {
  std::vector<std::string> missing;
  if (const Field* urgency = context.out.urgency()) {
    for (std::size_t v = 0; v < urgency->values.size(); ++v) {
      if (v < plan.targets.size() && !plan.targets[v] && !plan.no_target[v]) missing.push_back(urgency->values[v]);
    }
  }
  return missing;
}

void check_complete(Context& context, const Plan& plan, const syntax::PlanDecl& decl) {
  const Checked& out = context.out;
  const Plan* parent = plan.parent >= 0 ? &out.plans[static_cast<std::size_t>(plan.parent)] : nullptr;
  if (out.urgency()) {
    std::vector<std::string> missing = missing_targets(context, plan);
    if (!missing.empty() && !(parent && missing_targets(context, *parent) == missing)) {
      auto& d = context.error(&codes::missing_target, decl.id.span,
                              "plan `" + plan.id + "` has no response target for " + join(missing));
      d.label = "targets missing";
      d.help = "add `respond " + missing.front() + " within N working hours`, or `no target for " + join(missing) +
               "` if the plan promises none";
    }
  }
  // A line counted on the plan's hours needs them.
  bool working = false;
  for (const auto& by_urgency : plan.lines) {
    for (const auto& lines : by_urgency) {
      for (const auto& line : lines) working = working || (line.hours < 0 && line.within.clock != lang::Clock::calendar);
    }
  }
  bool parent_lacks_hours = parent && parent->hours < 0;
  if (working && plan.hours < 0 && !parent_lacks_hours) {
    auto& d = context.error(&codes::missing_declaration, decl.id.span,
                            "plan `" + plan.id + "` counts working hours but has no support hours");
    d.help = "add `hours NAME` (declared hours) or hours like `hours Mon-Fri 09:00-18:00`";
  }
  if (plan.registers.empty() && out.channel_field >= 0 && !(parent && parent->registers.empty())) {
    auto& d = context.error(&codes::missing_declaration, decl.id.span,
                            "plan `" + plan.id + "` registers cases through no channel");
    d.help = "add `registers " + join(out.fields[static_cast<std::size_t>(out.channel_field)].values) +
             "` (or some of them) to the plan, or to the whole policy";
  }
}

}  // namespace

void check_plans(Context& context) {
  auto decls = declare_plans(context);
  auto& plans = context.out.plans;
  // A plan whose terms could not all be worked out is not checked for
  // completeness: its gaps are follow-ons of an error already reported.
  context.broken_plans.assign(plans.size(), false);
  resolve_parents(context, decls);
  break_cycles(context, decls);
  // Parents before children, without recursion: a chain of `extends` may be
  // as long as the file.
  std::vector<bool> done(plans.size(), false);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    std::vector<int> chain;
    for (int p = static_cast<int>(i); p >= 0 && !done[static_cast<std::size_t>(p)];
         p = plans[static_cast<std::size_t>(p)].parent) {
      chain.push_back(p);
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      done[static_cast<std::size_t>(*it)] = true;
      flatten_plan(context, *it, *decls[static_cast<std::size_t>(*it)]);
    }
  }
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (!context.broken_plans[i]) check_complete(context, plans[i], *decls[i]);
  }
}

void check_default_plan(Context& context) {
  const auto* decl = context.default_plan;
  if (!decl) return;
  context.out.default_plan = context.out.plan_index(decl->plan.text);
  context.out.default_plan_span = decl->span;
  if (context.out.default_plan < 0) messages::unknown(context, "plan", decl->plan, plan_ids(context));
}

}  // namespace clause::sema
