#include "calendar/holidays.h"

#include <algorithm>
#include <optional>

namespace clause::calendar {
namespace {

using date::local_days;

unsigned weekday_of(local_days d) { return (date::weekday{d}.iso_encoding() + 6) % 7; }   // 0 = Monday
bool weekend(local_days d) { return weekday_of(d) >= 5; }

// The day a rule gives in `year`, before any move; none when it gives none.
std::optional<local_days> base_day(const HolidayRule& rule, int year, const std::vector<std::optional<local_days>>& earlier) {
  if (year < rule.from_year || year > rule.until_year) return std::nullopt;
  switch (rule.kind) {
    case HolidayRule::Kind::date: return std::nullopt;   // literal dates are added once, not per year
    case HolidayRule::Kind::fixed: {
      date::year_month_day ymd{date::year(year), date::month(rule.month), date::day(rule.day)};
      if (!ymd.ok()) return std::nullopt;                 // Feb 29 in a common year
      return local_days(ymd);
    }
    case HolidayRule::Kind::nth_weekday: {
      auto wd = date::weekday((rule.weekday + 1) % 7);    // date counts Sunday as 0
      date::year_month ym{date::year(year), date::month(rule.month)};
      if (rule.nth == 0) return local_days(date::year_month_weekday_last{ym.year(), ym.month(), date::weekday_last{wd}});
      date::year_month_weekday ymw{ym.year(), ym.month(), wd[static_cast<unsigned>(rule.nth)]};
      if (!ymw.ok()) return std::nullopt;                 // no 5th Monday this month
      return local_days(ymw);
    }
    case HolidayRule::Kind::relative: {
      std::optional<local_days> from;
      if (rule.base < 0) from = local_days(easter_sunday(year));
      else if (static_cast<std::size_t>(rule.base) < earlier.size()) from = earlier[static_cast<std::size_t>(rule.base)];
      if (!from) return std::nullopt;
      return *from + date::days(rule.offset);
    }
  }
  return std::nullopt;
}

}  // namespace

date::year_month_day easter_sunday(int year) {
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return date::year_month_day{date::year(year), date::month(static_cast<unsigned>(month)),
                              date::day(static_cast<unsigned>(day))};
}

std::vector<local_days> expand(const std::vector<HolidayRule>& rules, int first, int last) {
  std::vector<local_days> out;
  for (const auto& rule : rules) {
    if (rule.kind == HolidayRule::Kind::date) out.push_back(rule.date);
  }
  std::vector<std::optional<local_days>> days(rules.size());
  std::vector<local_days> taken;
  for (int year = first; year <= last; ++year) {
    for (std::size_t r = 0; r < rules.size(); ++r) days[r] = base_day(rules[r], year, days);
    // Where they fall, unless they move; then the moves, in the list's order.
    taken.clear();
    for (std::size_t r = 0; r < rules.size(); ++r) {
      if (days[r] && (rules[r].observed == lang::Observed::none || !weekend(*days[r]))) taken.push_back(*days[r]);
    }
    for (std::size_t r = 0; r < rules.size(); ++r) {
      if (!days[r] || rules[r].observed == lang::Observed::none || !weekend(*days[r])) continue;
      local_days moved = *days[r];
      if (rules[r].observed == lang::Observed::nearest_weekday) {
        moved += date::days(weekday_of(moved) == 5 ? -1 : 1);
      } else {
        do {
          moved += date::days(1);
        } while (weekend(moved) || std::find(taken.begin(), taken.end(), moved) != taken.end());
      }
      taken.push_back(moved);
    }
    out.insert(out.end(), taken.begin(), taken.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace clause::calendar
