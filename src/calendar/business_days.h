// Business days (CONTRACT.md 9, docs/decisions.md): a business day is a local
// date on which the hours have an open window, holidays taken off. A case
// starts counting at its place in the business day it opens on (before the
// day's first window: at its opening; at or after its close, or on a closed
// day: at the next business day's opening); `within N business days` is due
// at the same place N business days later, a place measured as the share of
// that day's open time gone by (so a case opened at 10:00 of a 09:00-18:00
// day is due at 10:00 N business days later, and one opened before the
// opening at the close of the Nth business day). `by close of business` is
// due at the close of the business day the case belongs to, `by close of the
// next business day` a business day later.
#pragma once

#include <vector>

#include "calendar/working_hours.h"

namespace clause::calendar {

class BusinessDays {
 public:
  // Precondition: `hours` opens on at least one weekday (every WorkingHours does).
  explicit BusinessDays(const WorkingHours& hours);

  // `days` >= 0; 0 gives the start's own place (its opening, when it is outside the hours).
  Instant due_after(const Zone& zone, Instant start, int days) const;
  Instant close_of_business(const Zone& zone, Instant start, int days_later) const;

  // The local date of the business day the case belongs to, and of the one
  // `days` business days after it (for a trace).
  date::local_days business_day(const Zone& zone, Instant start, int days = 0) const;

 private:
  struct Place {
    std::int64_t index = 0;           // business days since the epoch
    std::int64_t elapsed = 0;         // open time of that day gone by (microseconds)
    std::int64_t open = 1;            // that day's open time
  };
  Place place(const Zone& zone, Instant start) const;
  bool is_business(date::local_days d) const;
  std::int64_t index_of(date::local_days d) const;     // the index of d, or of the next business day after it
  date::local_days day_of(std::int64_t index) const;
  std::int64_t day_open(date::local_days d) const;
  // The local time of `d` at which `elapsed` of its open time has gone by (its close for all of it).
  LocalTime time_at(date::local_days d, std::int64_t elapsed) const;

  std::vector<Window> windows_;                  // by weekday and start
  std::int64_t open_[7] = {};                    // open time per weekday (microseconds)
  int before_[8] = {};                           // business weekdays before each weekday (8: the week's)
  std::vector<date::local_days> holidays_;       // those on business weekdays, sorted
  std::vector<std::int64_t> holiday_rank_;       // per such holiday: its index ignoring holidays, minus its rank
};

// The instant a local time of `zone` names: the earlier of two when the clock
// was turned back, the end of the gap when it was turned forward over it.
Instant instant_of(const Zone& zone, LocalTime local);

}  // namespace clause::calendar
