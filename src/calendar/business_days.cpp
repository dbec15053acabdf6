#include "calendar/business_days.h"

#include <algorithm>

namespace clause::calendar {
namespace {

using std::chrono::microseconds;
constexpr std::int64_t kMinute = 60'000'000;
__extension__ using int128 = __int128;

// Monday 1969-12-29 is day 0 of week 0 (1970-01-01 was a Thursday).
std::int64_t days_since_monday_epoch(date::local_days d) { return d.time_since_epoch().count() + 3; }
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int weekday_of(date::local_days d) {
  std::int64_t x = days_since_monday_epoch(d);
  return static_cast<int>(x - floor_div(x, 7) * 7);
}

}  // namespace

Instant instant_of(const Zone& zone, LocalTime local) {
  Instant as_utc(local.time_since_epoch());
  Instant best = Instant::max();
  for (auto probe : {as_utc - std::chrono::hours(30), as_utc + std::chrono::hours(30)}) {
    auto offset = zone.offset_at(probe);
    Instant candidate = as_utc - std::chrono::duration_cast<microseconds>(offset);
    if (zone.offset_at(candidate) == offset) best = std::min(best, candidate);
  }
  if (best != Instant::max()) return best;
  // In a gap: the moment the clock jumped.
  auto before = zone.offset_at(as_utc - std::chrono::hours(30));
  return zone.segment_at(as_utc - std::chrono::duration_cast<microseconds>(before)).begin;
}

BusinessDays::BusinessDays(const WorkingHours& hours) : windows_(hours.windows()) {
  for (const auto& w : windows_) open_[w.weekday] += (w.end_minute - w.start_minute) * kMinute;
  for (int d = 0; d < 7; ++d) before_[d + 1] = before_[d] + (open_[d] > 0 ? 1 : 0);
  for (auto d : hours.holidays()) {
    if (open_[weekday_of(d)] > 0) holidays_.push_back(d);
  }
  // Holidays are sorted; each one's index as if it were a business day,
  // minus the holidays before it: the business day indices it sits among.
  for (std::size_t j = 0; j < holidays_.size(); ++j) {
    std::int64_t x = days_since_monday_epoch(holidays_[j]);
    std::int64_t pattern = floor_div(x, 7) * before_[7] + before_[weekday_of(holidays_[j])];
    holiday_rank_.push_back(pattern - static_cast<std::int64_t>(j));
  }
}

bool BusinessDays::is_business(date::local_days d) const {
  return open_[weekday_of(d)] > 0 && !std::binary_search(holidays_.begin(), holidays_.end(), d);
}

std::int64_t BusinessDays::day_open(date::local_days d) const { return open_[weekday_of(d)]; }

std::int64_t BusinessDays::index_of(date::local_days d) const {
  std::int64_t x = days_since_monday_epoch(d);
  std::int64_t pattern = floor_div(x, 7) * before_[7] + before_[weekday_of(d)];
  auto holidays_before = std::lower_bound(holidays_.begin(), holidays_.end(), d) - holidays_.begin();
  return pattern - holidays_before;
}

date::local_days BusinessDays::day_of(std::int64_t index) const {
  // Holidays whose place is at or before `index` push it one business weekday on.
  auto j = std::upper_bound(holiday_rank_.begin(), holiday_rank_.end(), index) - holiday_rank_.begin();
  std::int64_t pattern = index + j;
  std::int64_t week = floor_div(pattern, before_[7]);
  int rank = static_cast<int>(pattern - week * before_[7]);
  int weekday = 0;
  while (!(open_[weekday] > 0 && before_[weekday] == rank)) ++weekday;
  return date::local_days(date::days(week * 7 + weekday - 3));
}

LocalTime BusinessDays::time_at(date::local_days d, std::int64_t elapsed) const {
  int weekday = weekday_of(d);
  LocalTime day_start(std::chrono::duration_cast<microseconds>(d.time_since_epoch()));
  std::int64_t left = elapsed;
  LocalTime last = day_start;
  for (const auto& w : windows_) {
    if (w.weekday != weekday) continue;
    std::int64_t length = (w.end_minute - w.start_minute) * kMinute;
    last = day_start + microseconds(w.end_minute * kMinute);
    // A place that is a window's end stays there: the close, not the next opening.
    if (left <= length && left > 0) return day_start + microseconds(w.start_minute * kMinute + left);
    if (left == 0) return day_start + microseconds(w.start_minute * kMinute);
    left -= length;
  }
  return last;
}

BusinessDays::Place BusinessDays::place(const Zone& zone, Instant start) const {
  LocalTime local(start.time_since_epoch() + std::chrono::duration_cast<microseconds>(zone.offset_at(start)));
  auto day = date::floor<date::days>(local);
  Place p;
  if (!is_business(day)) {
    p.index = index_of(day);
    p.open = day_open(day_of(p.index));
    return p;
  }
  std::int64_t into = (local - day).count();
  std::int64_t elapsed = 0;
  for (const auto& w : windows_) {
    if (w.weekday != weekday_of(day)) continue;
    elapsed += std::clamp<std::int64_t>(into - w.start_minute * kMinute, 0, (w.end_minute - w.start_minute) * kMinute);
  }
  p.open = day_open(day);
  if (elapsed >= p.open) {
    p.index = index_of(day) + 1;
    p.open = day_open(day_of(p.index));
    return p;
  }
  p.index = index_of(day);
  p.elapsed = elapsed;
  return p;
}

Instant BusinessDays::due_after(const Zone& zone, Instant start, int days) const {
  Place p = place(zone, start);
  if (days <= 0 && p.elapsed > 0) return start;
  if (p.elapsed == 0 && days > 0) {
    // From a day's opening, N days run out at the close of the Nth.
    date::local_days last = day_of(p.index + days - 1);
    return instant_of(zone, time_at(last, day_open(last)));
  }
  date::local_days target = day_of(p.index + days);
  // The same share of that day's open time (exact: 128-bit product).
  std::int64_t open = day_open(target);
  auto elapsed = static_cast<std::int64_t>(static_cast<int128>(p.elapsed) * open / p.open);
  return instant_of(zone, time_at(target, elapsed));
}

Instant BusinessDays::close_of_business(const Zone& zone, Instant start, int days_later) const {
  date::local_days day = day_of(place(zone, start).index + days_later);
  return instant_of(zone, time_at(day, day_open(day)));
}

date::local_days BusinessDays::business_day(const Zone& zone, Instant start, int days) const {
  return day_of(place(zone, start).index + days);
}

}  // namespace clause::calendar
