// Holidays that recur: a fixed day of the year, the nth (or last) weekday of
// a month, Easter (Gregorian computus) or a day relative to it or to another
// holiday of the same list; a holiday on a weekend may be moved to a weekday
// (`observed`). expand() turns a list of them into dates.
#pragma once

#include <climits>
#include <vector>

#include <date/date.h>

#include "lang/words.h"

namespace clause::calendar {

struct HolidayRule {
  enum class Kind { date, fixed, nth_weekday, relative };
  Kind kind = Kind::date;
  date::local_days date{};        // date: that one day
  unsigned month = 1;             // fixed, nth_weekday: 1..12
  unsigned day = 1;               // fixed: 1..31
  int nth = 1;                    // nth_weekday: 1..5, or 0 for the last
  unsigned weekday = 0;           // nth_weekday: 0 = Monday .. 6 = Sunday
  int base = -1;                  // relative: -1 Easter Sunday, else the index of an earlier rule of the list
  int offset = 0;                 // relative: days after the base (negative: before)
  lang::Observed observed = lang::Observed::none;
  int from_year = INT_MIN;        // the years it holds in (inclusive)
  int until_year = INT_MAX;
};

// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
date::year_month_day easter_sunday(int year);

// The dates of `rules` for the years first..last (dates rules give; literal
// dates always), sorted, without duplicates. Per year, holidays that fall
// on a weekday, or that are not moved, stay where they fall; then, in the
// list's order, each weekend holiday that is `observed nearest weekday`
// moves to the Friday before a Saturday or the Monday after a Sunday, and
// each `observed next weekday` to the first weekday after it that is not
// already a holiday of the list (so Christmas on a Sunday and Boxing Day on
// the Monday give Monday and Tuesday). A rule relative to another uses that
// holiday's own day, before any move; it holds in the years the other does.
std::vector<date::local_days> expand(const std::vector<HolidayRule>& rules, int first, int last);

// The years recurring holidays are expanded for.
inline constexpr int first_holiday_year = 1970;
inline constexpr int last_holiday_year = 2199;

}  // namespace clause::calendar
