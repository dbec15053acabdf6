#include <algorithm>
#include <cstdio>

#include "calendar/holidays.h"
#include "sema/messages.h"
#include "sema/steps.h"

namespace clause::sema {
namespace {

namespace codes = diag::codes;

std::string clock_text(const syntax::ClockTime& t) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", t.hour % 100, t.minute % 100);
  return buffer;
}

bool clock_ok(Context& context, const syntax::ClockTime& t) {
  if (t.hour > 24 || t.minute > 59 || (t.hour == 24 && t.minute != 0)) {
    auto& d = context.error(&codes::bad_time, t.span, clock_text(t) + " is not a time of day");
    d.help = "times run from 00:00 to 24:00 (24:00 is the end of the day)";
    return false;
  }
  return true;
}

int weekday_index(std::string_view name) {
  auto day = lang::parse<lang::Weekday>(name);
  return day ? static_cast<int>(*day) : -1;
}

std::string_view weekday_text(int day) { return lang::text(static_cast<lang::Weekday>(day)); }

// The days a schedule's ranges name, in the order written. Ranges may wrap
// over the weekend: Fri-Mon is Fri, Sat, Sun, Mon.
std::vector<int> schedule_days(const syntax::DaySchedule& schedule) {
  std::vector<int> days;
  for (const auto& range : schedule.days) {
    int first = weekday_index(range.first.text);
    int last = range.last ? weekday_index(range.last->text) : first;
    for (int d = first;; d = (d + 1) % 7) {
      if (std::find(days.begin(), days.end(), d) == days.end()) days.push_back(d);
      if (d == last) break;
    }
  }
  return days;
}

// A holiday entry as a rule; `ids` holds the ids declared earlier in its list.
std::optional<calendar::HolidayRule> holiday_rule(Context& context, const syntax::Holiday& h,
                                                  const std::map<std::string, int>& ids) {
  using K = syntax::Holiday::Kind;
  calendar::HolidayRule rule;
  rule.observed = h.observed;
  if (h.from_year) rule.from_year = *h.from_year;
  if (h.until_year) rule.until_year = *h.until_year;
  if (h.from_year && h.until_year && *h.until_year < *h.from_year) {
    context.error(&codes::bad_range, h.span, "the holiday holds from " + std::to_string(*h.from_year) + " until " +
                                                 std::to_string(*h.until_year) + ": the years run backwards")
        .help = "write the earlier year after `from`";
    return std::nullopt;
  }
  auto month = [&](const syntax::Name& m) { return static_cast<unsigned>(*lang::parse<lang::Month>(m.text)) + 1; };
  switch (h.kind) {
    case K::date: {
      auto days = date_days(context, h.date);
      if (!days) return std::nullopt;
      rule.kind = calendar::HolidayRule::Kind::date;
      rule.date = date::local_days(date::days(*days));
      return rule;
    }
    case K::every_date: {
      rule.kind = calendar::HolidayRule::Kind::fixed;
      rule.month = month(h.month);
      rule.day = static_cast<unsigned>(h.day);
      // Checked against a leap year: Feb 29 is refused below, Feb 30 here.
      if (!date::year_month_day{date::year(2024), date::month(rule.month), date::day(rule.day)}.ok() || h.day == 0) {
        auto& d = context.error(&codes::bad_date, h.span, "`" + h.month.text + " " + std::to_string(h.day) + "` is not a day of the year");
        d.help = "write a day that every year has, as in `every Dec 25`";
        return std::nullopt;
      }
      if (rule.month == 2 && rule.day == 29) {
        context.error(&codes::bad_date, h.span, "`Feb 29` is not a day of every year")
            .help = "give the leap years' dates one by one, or the rule the page gives for the other years";
        return std::nullopt;
      }
      return rule;
    }
    case K::every_nth:
      rule.kind = calendar::HolidayRule::Kind::nth_weekday;
      rule.month = month(h.month);
      rule.nth = h.nth;
      rule.weekday = static_cast<unsigned>(*lang::parse<lang::Weekday>(h.weekday.text));
      return rule;
    case K::relative:
      rule.kind = calendar::HolidayRule::Kind::relative;
      rule.offset = h.offset;
      if (h.base.text == "easter") return rule;
      if (auto it = ids.find(h.base.text); it != ids.end()) {
        rule.base = it->second;
        return rule;
      }
      {
        std::vector<std::string> known = {"easter"};
        for (const auto& [id, _] : ids) known.push_back(id);
        messages::unknown(context, "holiday", h.base, known);
      }
      return std::nullopt;
  }
  return std::nullopt;
}

HolidayList holiday_list(Context& context, const syntax::HolidaysDecl& decl) {
  HolidayList list;
  list.span = decl.name.span;
  list.entries = decl.days.size();
  std::vector<calendar::HolidayRule> rules;
  std::map<std::string, int> ids;
  Scope names("holiday");
  for (const auto& day : decl.days) {
    auto rule = holiday_rule(context, day, ids);
    if (day.id && names.declare(context, *day.id)) ids.emplace(day.id->text, static_cast<int>(rules.size()));
    // A rule that failed keeps its place (holding in no year), so the ids
    // after it still point at their rules.
    calendar::HolidayRule never;
    never.kind = calendar::HolidayRule::Kind::fixed;
    never.from_year = 1;
    never.until_year = 0;
    rules.push_back(rule.value_or(never));
    if (!rule) continue;
    if (rule->kind == calendar::HolidayRule::Kind::date) {
      if (!list.last_literal || rule->date > *list.last_literal) list.last_literal = rule->date;
    } else {
      list.recurring = true;
    }
  }
  list.days = calendar::expand(rules, calendar::first_holiday_year, calendar::last_holiday_year);
  return list;
}

// Builds working hours from a spec; `name` is "" for hours written in a plan.
std::optional<Hours> build_hours(Context& context, const syntax::HoursSpec& spec, const std::string& name,
                                 const std::vector<syntax::Name>& except, const std::optional<syntax::ZoneName>& zone) {
  Hours hours;
  hours.name = name;
  hours.span = spec.span;
  hours.always = spec.always;
  bool ok = true;
  // The windows of each weekday, with where they were written, to find overlaps.
  std::vector<std::vector<std::pair<calendar::Window, Loc>>> by_day(7);
  if (spec.always) {
    for (int d = 0; d < 7; ++d) hours.windows.push_back({d, 0, 24 * 60});
  }
  for (const auto& schedule : spec.schedule) {
    std::vector<int> days = schedule_days(schedule);
    for (const auto& window : schedule.windows) {
      if (!clock_ok(context, window.open) || !clock_ok(context, window.close)) {
        ok = false;
        continue;
      }
      int open = window.open.hour * 60 + window.open.minute;
      int close = window.close.hour * 60 + window.close.minute;
      if (close <= open) {
        auto& d = context.error(&codes::window_order, window.span,
                                "the window " + clock_text(window.open) + "-" + clock_text(window.close) +
                                    (close == open ? " is empty" : " ends before it starts"));
        d.help = close == open ? "a window needs an opening and a later closing time, as in 09:00-18:00"
                               : "write the opening time first, as in 09:00-18:00; a window over midnight is two "
                                 "windows, as in `Mon 22:00-24:00; Tue 00:00-06:00`";
        ok = false;
        continue;
      }
      for (int day : days) {
        calendar::Window w{day, open, close};
        for (const auto& [other, where] : by_day[static_cast<std::size_t>(day)]) {
          if (open < other.end_minute && other.start_minute < close) {
            auto& d = context.error(&codes::window_overlap, window.span,
                                    "on " + std::string(weekday_text(day)) + " the window " + clock_text(window.open) +
                                        "-" + clock_text(window.close) + " overlaps another window");
            d.related.push_back({where, "the other window"});
            d.help = "merge the two windows into one";
            ok = false;
          }
        }
        by_day[static_cast<std::size_t>(day)].push_back({w, window.span});
        hours.windows.push_back(w);
      }
    }
  }
  for (const auto& holidays_name : except) {
    auto it = context.holidays.find(holidays_name.text);
    if (it == context.holidays.end()) {
      std::vector<std::string> names;
      for (const auto& [n, _] : context.holidays) names.push_back(n);
      messages::unknown(context, "holidays", holidays_name, names);
      ok = false;
      continue;
    }
    const HolidayList& list = it->second;
    hours.holidays.insert(hours.holidays.end(), list.days.begin(), list.days.end());
    // Literal dates only: the list is known up to its last date.
    if (!list.recurring && list.last_literal && (!hours.holidays_end || *list.last_literal < *hours.holidays_end)) {
      hours.holidays_end = list.last_literal;
      hours.holidays_list = holidays_name.text;
    }
  }
  if (zone) {
    auto parsed = calendar::Zone::parse(zone->text);
    if (!parsed) {
      auto& d = context.error(&codes::unknown_zone, zone->span, "unknown time zone `" + zone->text + "`");
      d.label = "not a fixed offset or an IANA zone name";
      d.help = "write a fixed offset like GMT+1 or an IANA name like Europe/Berlin (with its daylight saving time)";
      ok = false;
    } else {
      hours.zone = *parsed;
      hours.zone_text = zone->text;
    }
  }
  if (!ok) return std::nullopt;
  auto built = calendar::WorkingHours::make(hours.windows, hours.holidays);
  if (!built) {
    auto& d = context.error(&codes::no_open_hours, spec.span, built.error());
    d.help = "support hours need at least one open window a week";
    return std::nullopt;
  }
  hours.hours = std::move(*built);
  return hours;
}

int hours_index(const Checked& out, const std::string& name) {
  for (std::size_t i = 0; i < out.hours.size(); ++i) {
    if (out.hours[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

void check_hours(Context& context) {
  Scope holiday_lists("holidays");
  for (const auto* decl : context.every<syntax::HolidaysDecl>()) {
    if (!holiday_lists.declare(context, decl->name)) continue;
    HolidayList& list = context.holidays[decl->name.text] = holiday_list(context, *decl);
    list.imported = context.import_of(decl) != nullptr;
    context.out.holiday_lists.emplace_back(decl->name.text, list);
  }
  Scope hours_names("hours");
  for (const auto* decl : context.every<syntax::HoursDecl>()) {
    if (!hours_names.declare(context, decl->name)) continue;
    if (auto hours = build_hours(context, decl->spec, decl->name.text, decl->except, decl->zone)) {
      hours->span = decl->name.span;
      hours->imported = context.import_of(decl) != nullptr;
      context.out.hours.push_back(std::move(*hours));
    }
  }
}

int resolve_hours(Context& context, const syntax::HoursUse& use) {
  if (use.spec) {
    auto hours = build_hours(context, *use.spec, "", {}, use.zone);
    if (!hours) return -1;
    context.out.hours.push_back(std::move(*hours));
    return static_cast<int>(context.out.hours.size() - 1);
  }
  int index = hours_index(context.out, use.name->text);
  if (index < 0) {
    std::vector<std::string> names;
    for (const auto* decl : context.every<syntax::HoursDecl>()) names.push_back(decl->name.text);
    // Hours that failed their own checks were already reported.
    if (std::find(names.begin(), names.end(), use.name->text) == names.end()) {
      messages::unknown(context, "hours", *use.name, names);
    }
  }
  return index;
}

}  // namespace clause::sema
