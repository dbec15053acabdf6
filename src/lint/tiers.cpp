// A plan that extends another, or is declared after it (ranks above it),
// must not be worse for the customer on any term: a slower response, fewer
// channels, contacts or hours, or a lost entitlement.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "caseio/write.h"
#include "lint/rules.h"

namespace clause::lint {
namespace {

std::string target_text(const sema::Target& t) { return caseio::format_target(t.within.length, t.within.working()); }

// Whether `outer` is open whenever `inner` is (holidays aside).
bool covers(const sema::Hours& outer, const sema::Hours& inner) {
  for (const auto& w : inner.windows) {
    int from = w.start_minute;
    // Walk the day's windows of `outer` that cover [from, end) in order.
    bool progress = true;
    while (from < w.end_minute && progress) {
      progress = false;
      for (const auto& o : outer.windows) {
        if (o.weekday == w.weekday && o.start_minute <= from && o.end_minute > from) {
          from = o.end_minute;
          progress = true;
        }
      }
    }
    if (from < w.end_minute) return false;
  }
  for (const auto& day : outer.holidays) {
    if (std::find(inner.holidays.begin(), inner.holidays.end(), day) == inner.holidays.end()) return false;
  }
  return true;
}

void compare(Context& context, const sema::Plan& lower, const sema::Plan& higher, std::string_view relation) {
  const auto& policy = context.policy;
  auto worse = [&](const std::string& term, std::string lower_value, std::string higher_value, syntax::Loc where,
                   syntax::Loc lower_where) {
    auto& d = context.report(codes::tier_regression, higher.span,
                             fmt::format("plan `{}` {} `{}` but is worse on {}: {} in `{}`, {} in `{}`", higher.id, relation,
                                         lower.id, term, lower_value, lower.id, higher_value, higher.id));
    d.label = "worse than `" + lower.id + "`";
    if (where.end > where.begin) d.related.push_back({where, "in `" + higher.id + "`"});
    if (lower_where.end > lower_where.begin) d.related.push_back({lower_where, "in `" + lower.id + "`"});
    d.help = relation == "extends" ? "give `" + higher.id + "` at least what `" + lower.id + "` gives"
                                   : "give `" + higher.id + "` at least what `" + lower.id + "` gives, or declare it before `" +
                                         lower.id + "`";
  };
  if (const auto* urgency = policy.urgency()) {
    for (std::size_t v = 0; v < urgency->values.size(); ++v) {
      const auto& a = lower.targets[v];
      const auto& b = higher.targets[v];
      if (a && !b) {
        worse("the " + urgency->values[v] + " response", "within " + target_text(*a), "no target", {}, a->span);
      } else if (a && b && a->within.clock == b->within.clock && b->within.length > a->within.length) {
        worse("the " + urgency->values[v] + " response", "within " + target_text(*a), "within " + target_text(*b),
              b->span, a->span);
      }
    }
  }
  auto lost = [](const std::vector<std::string>& had, const std::vector<std::string>& has) {
    std::vector<std::string> out;
    for (const auto& x : had) {
      if (std::find(has.begin(), has.end(), x) == has.end()) out.push_back(x);
    }
    return out;
  };
  auto names = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "`" : ", `") + x + "`";
    return out;
  };
  if (policy.channel_field >= 0) {
    const auto& channels = policy.fields[static_cast<std::size_t>(policy.channel_field)].values;
    std::vector<std::string> a, b;
    for (int c : lower.registers) a.push_back(channels[static_cast<std::size_t>(c)]);
    for (int c : higher.registers) b.push_back(channels[static_cast<std::size_t>(c)]);
    if (auto gone = lost(a, b); !gone.empty()) {
      worse("registration channels", names(a), names(b) + " (no " + names(gone) + ")", higher.registers_origin.span,
            lower.registers_origin.span);
    }
  }
  if (auto gone = lost(lower.talks, higher.talks); !gone.empty()) {
    worse("communication channels", names(lower.talks), names(higher.talks) + " (no " + names(gone) + ")",
          higher.talks_origin.span, lower.talks_origin.span);
  }
  if (lower.contacts > 0 && higher.contacts >= 0 && higher.contacts < lower.contacts) {
    worse("authorized contacts", std::to_string(lower.contacts), std::to_string(higher.contacts),
          higher.contacts_origin.span, lower.contacts_origin.span);
  }
  if (lower.hours >= 0 && higher.hours >= 0 &&
      !covers(policy.hours[static_cast<std::size_t>(higher.hours)], policy.hours[static_cast<std::size_t>(lower.hours)])) {
    auto hours_name = [&](int h) {
      const auto& hours = policy.hours[static_cast<std::size_t>(h)];
      return (hours.name.empty() ? std::string("its hours") : "`" + hours.name + "`") + " (" +
             std::to_string(std::chrono::duration_cast<std::chrono::hours>(hours.hours.weekly_open_time()).count()) +
             " h a week)";
    };
    worse("support hours", hours_name(lower.hours), hours_name(higher.hours) + ", not open whenever the other is",
          higher.hours_origin.span, lower.hours_origin.span);
  }
  std::vector<std::string> a, b;
  for (int e : lower.includes) a.push_back(policy.entitlements[static_cast<std::size_t>(e)].id);
  for (int e : higher.includes) b.push_back(policy.entitlements[static_cast<std::size_t>(e)].id);
  if (auto gone = lost(a, b); !gone.empty()) {
    worse("entitlements", names(a), "no " + names(gone), higher.span, {});
  }
}

}  // namespace

void check_tiers(Context& context) {
  const auto& plans = context.policy.plans;
  std::set<std::pair<std::size_t, std::size_t>> done;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (plans[i].parent >= 0) {
      auto parent = static_cast<std::size_t>(plans[i].parent);
      done.insert({parent, i});
      compare(context, plans[parent], plans[i], "extends");
    }
    if (i > 0 && !done.count({i - 1, i})) {
      done.insert({i - 1, i});
      compare(context, plans[i - 1], plans[i], "ranks above");
    }
  }
}

}  // namespace clause::lint
