// Support hours: weekly local wall-clock windows minus holidays, and the
// working-time clock over them (CONTRACT 3 and 6).
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include <date/date.h>

#include "calendar/zone.h"
#include "support/result.h"

namespace clause::calendar {

using LocalTime = date::local_time<std::chrono::microseconds>;

// A window of one weekday in local wall-clock time: minutes [start, end),
// 0 <= start < end <= 1440. weekday: 0 = Monday .. 6 = Sunday.
struct Window {
  int weekday;
  int start_minute;
  int end_minute;
  friend bool operator==(const Window&, const Window&) = default;
};

class WorkingHours {
 public:
  // Fails (the message says why) when a window is out of range or does not
  // end after it starts, two windows of one day overlap (touching is fine),
  // or there are no windows. Holidays: local dates on which the hours are
  // closed all day (any order; duplicates fine).
  static Result<WorkingHours> make(std::vector<Window> windows, std::vector<date::local_days> holidays = {});
  // 24/7, no holidays.
  static WorkingHours always();

  // Whether the local wall-clock time `t` is inside a window and not on a
  // holiday. Half-open: open at 09:00, closed at 18:00 for 09:00-18:00.
  bool is_open(LocalTime t) const;
  // Open time of one week without holidays (always > 0).
  std::chrono::seconds weekly_open_time() const;
  // The windows sorted by weekday and start; the holidays sorted, no duplicates.
  const std::vector<Window>& windows() const { return windows_; }
  const std::vector<date::local_days>& holidays() const { return holidays_; }

  // The smallest instant at which `work` of open time has elapsed, counting
  // from `start` with the hours read in `zone`'s local time. Open time is
  // real elapsed time while the local clock is inside the hours, so a DST
  // jump inside a window shortens or lengthens it. Outside the hours the
  // clock starts at the next opening; a target that runs out exactly at a
  // closing is due at that closing. `work` <= 0 gives `start`.
  // Cost: logarithmic in windows and holidays, linear in the number of the
  // zone's offset changes crossed; independent of the size of `work`.
  Instant due_after(const Zone& zone, Instant start, std::chrono::microseconds work) const;

  // The same count as the open stretches it used, in local wall-clock time,
  // for a human trace ("Friday 17:30-18:00 0.5 h"). Each stretch lies within
  // one local day (to may be the next day's 00:00) and one offset of the
  // zone, so `to - from` is real open time; together they add up to `work`,
  // and the last one ends at the local time of due_after(). Empty for
  // `work` <= 0. Cost grows with the number of stretches.
  struct Stretch {
    LocalTime from;
    LocalTime to;
  };
  std::vector<Stretch> stretches(const Zone& zone, Instant start, std::chrono::microseconds work) const;

 private:
  WorkingHours() = default;

  // Open time of the hours in [Monday epoch, x) for a local time x given as
  // microseconds since the Monday epoch, without holidays, and with them.
  std::int64_t pattern_level(std::int64_t x) const;
  std::int64_t level(std::int64_t x) const;
  // The smallest x whose level is `y` (pattern level for the first).
  std::int64_t pattern_inverse(std::int64_t y) const;
  std::int64_t inverse(std::int64_t y) const;

  std::vector<Window> windows_;
  std::vector<date::local_days> holidays_;

  // Per window, microseconds into the week: where it begins and ends, and
  // the week's open time before its begin and through its end.
  std::vector<std::int64_t> begin_;
  std::vector<std::int64_t> end_;
  std::vector<std::int64_t> before_;
  std::vector<std::int64_t> through_;
  std::int64_t week_open_ = 0;
  std::int64_t day_open_[7] = {};

  // Per holiday: where its day begins (microseconds since the Monday epoch),
  // the level there, and the pattern open time of all earlier holidays
  // (holiday_skipped_ has one more entry: all of them).
  std::vector<std::int64_t> holiday_begin_;
  std::vector<std::int64_t> holiday_level_;
  std::vector<std::int64_t> holiday_skipped_;
};

}  // namespace clause::calendar
