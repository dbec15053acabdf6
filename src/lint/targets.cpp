// Target lines that can be wrong while they check: a line no case reaches,
// an update promised less often than the resolution itself; holiday lists
// that are empty, or whose literal dates run out.
#include "lint/rules.h"

namespace clause::lint {
namespace {

// The same test, whatever its spans.
bool same_condition(const sema::Cond& a, const sema::Cond& b) {
  if (a.kind != b.kind || a.field != b.field || a.values != b.values || a.op != b.op || a.value != b.value ||
      a.days != b.days || !(a.amount == b.amount) || a.children.size() != b.children.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    if (!same_condition(a.children[i], b.children[i])) return false;
  }
  return true;
}

}  // namespace

void check_target_lines(Context& context) {
  const auto& policy = context.policy;
  const auto* urgency = policy.urgency();
  if (!urgency) return;
  for (std::size_t p = 0; p < policy.plans.size(); ++p) {
    const auto& plan = policy.plans[p];
    for (std::size_t k = 0; k < lang::target_kinds; ++k) {
      auto kind = static_cast<lang::TargetKind>(k);
      for (std::size_t u = 0; u < plan.lines[k].size(); ++u) {
        const auto& lines = plan.lines[k][u];
        // A line after one without a condition is never reached; nor is a
        // line whose condition an earlier line already tests, word for word.
        const sema::TargetLine* unconditional = nullptr;
        std::vector<const sema::TargetLine*> seen;
        for (const auto& line : lines) {
          if (line.origin.plan != static_cast<int>(p)) continue;   // reported on the plan that writes it
          const sema::TargetLine* earlier = unconditional;
          for (const auto* other : seen) {
            if (!earlier && line.when && other->when && same_condition(*line.when, *other->when)) earlier = other;
          }
          if (earlier) {
            auto& d = context.report(codes::unreachable_target, line.origin.span,
                                     "this " + std::string(lang::text(kind)) + " target for " + urgency->values[u] + " of plan `" +
                                         plan.id + "` is never used: an earlier line always applies first");
            d.related.push_back({earlier->origin.span, "this line applies first"});
            d.help = earlier->when ? "remove one of the two lines, or make their conditions differ"
                                   : "move the line above the line without a condition";
          }
          if (!line.when && !unconditional) unconditional = &line;
          seen.push_back(&line);
        }
      }
    }
    // Updates promised less often than the resolution: the case is solved
    // before the first update falls due.
    for (std::size_t u = 0; u < urgency->values.size(); ++u) {
      const auto& updates = plan.lines[static_cast<std::size_t>(lang::TargetKind::update)][u];
      const auto& resolutions = plan.lines[static_cast<std::size_t>(lang::TargetKind::resolution)][u];
      if (updates.empty() || resolutions.empty()) continue;
      const auto& update = updates.back();
      const auto& resolution = resolutions.back();
      if (update.when || resolution.when || update.by_close || resolution.by_close) continue;
      if (update.within.clock != resolution.within.clock || update.within.length <= resolution.within.length) continue;
      if (update.origin.plan != static_cast<int>(p) && resolution.origin.plan != static_cast<int>(p)) continue;
      const auto& at = update.origin.plan == static_cast<int>(p) ? update.origin.span : resolution.origin.span;
      auto& d = context.report(codes::update_after_resolution, at,
                               "plan `" + plan.id + "` promises " + urgency->values[u] +
                                   " updates less often than it promises to resolve the case");
      d.related.push_back({resolution.origin.span, "the resolution target"});
      d.help = "an update is due only while the case is open: make it more frequent than the resolution, or drop it";
    }
  }
}

void check_holiday_lists(Context& context) {
  for (const auto& member : context.ast.members) {
    const auto* decl = std::get_if<syntax::HolidaysDecl>(&member);
    if (!decl) continue;
    if (decl->days.empty()) {
      auto& d = context.report(codes::holidays_empty, decl->name.span, "the holidays `" + decl->name.text + "` list no day");
      d.help = "add the days (dates, or rules like `every Dec 25`), or remove the list";
      continue;
    }
    bool recurring = false;
    std::string last;
    for (const auto& day : decl->days) {
      if (day.kind != syntax::Holiday::Kind::date) recurring = true;
      else if (day.date.text > last) last = day.date.text;
    }
    if (recurring || last.empty()) continue;
    auto& d = context.report(codes::holidays_run_out, decl->name.span,
                             "the holidays `" + decl->name.text + "` are dates up to " + last +
                                 ": a deadline after it counts no holiday");
    d.help = "write the holidays that recur as rules (`every Dec 25`, `every 4th Thu of Nov`, `easter + 1 day`), or add "
             "the next years' dates";
  }
}

}  // namespace clause::lint
