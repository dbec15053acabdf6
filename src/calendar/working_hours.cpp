#include "calendar/working_hours.h"

#include <algorithm>
#include <limits>
#include <string>

namespace clause::calendar {

namespace {

using std::chrono::microseconds;

constexpr std::int64_t kMinute = 60'000'000;
constexpr std::int64_t kDay = 1440 * kMinute;
constexpr std::int64_t kWeek = 7 * kDay;
// Local times are counted from Monday 1969-12-29 00:00, three days before the
// 1970-01-01 (a Thursday) of local_days, so whole weeks start on Mondays.
constexpr std::int64_t kEpochShift = 3 * kDay;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if (a % b != 0 && (a < 0) != (b < 0)) --q;
  return q;
}

std::int64_t from_local(LocalTime t) { return t.time_since_epoch().count() + kEpochShift; }
LocalTime to_local(std::int64_t x) { return LocalTime{microseconds{x - kEpochShift}}; }
std::int64_t from_instant(Instant t, std::int64_t offset) { return t.time_since_epoch().count() + offset + kEpochShift; }
Instant to_instant(std::int64_t x, std::int64_t offset) { return Instant{microseconds{x - offset - kEpochShift}}; }
std::int64_t day_begin(date::local_days d) { return d.time_since_epoch().count() * kDay + kEpochShift; }
std::int64_t offset_us(std::chrono::seconds s) { return std::chrono::duration_cast<microseconds>(s).count(); }

const char* const kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

std::string clock(int minute) {
  std::string out = minute < 0 ? "-" : "";
  int m = minute < 0 ? -minute : minute;
  out += std::to_string(m / 60 / 10) + std::to_string(m / 60 % 10) + ":" + std::to_string(m % 60 / 10) +
         std::to_string(m % 10);
  return out;
}

std::string describe(const Window& w) {
  return std::string(kWeekdays[w.weekday]) + " " + clock(w.start_minute) + "-" + clock(w.end_minute);
}

}  // namespace

Result<WorkingHours> WorkingHours::make(std::vector<Window> windows, std::vector<date::local_days> holidays) {
  if (windows.empty()) return fail("expected at least one window of open time in the week, got none");
  for (const auto& w : windows) {
    if (w.weekday < 0 || w.weekday > 6) {
      return fail("expected a weekday from 0 (Monday) to 6 (Sunday), got " + std::to_string(w.weekday));
    }
    if (w.start_minute < 0 || w.end_minute > 1440 || w.start_minute > 1440 || w.end_minute < 0) {
      return fail("expected a window within 00:00-24:00, got " + describe(w));
    }
    if (w.end_minute <= w.start_minute) return fail("expected a window to end after it starts, got " + describe(w));
  }
  std::sort(windows.begin(), windows.end(), [](const Window& a, const Window& b) {
    return a.weekday != b.weekday ? a.weekday < b.weekday : a.start_minute < b.start_minute;
  });
  for (std::size_t i = 1; i < windows.size(); ++i) {
    const auto& a = windows[i - 1];
    const auto& b = windows[i];
    if (a.weekday == b.weekday && b.start_minute < a.end_minute) {
      return fail("expected the windows of a day not to overlap, got " + describe(a) + " and " + describe(b));
    }
  }
  std::sort(holidays.begin(), holidays.end());
  holidays.erase(std::unique(holidays.begin(), holidays.end()), holidays.end());

  WorkingHours hours;
  hours.windows_ = std::move(windows);
  hours.holidays_ = std::move(holidays);
  std::int64_t open = 0;
  for (const auto& w : hours.windows_) {
    std::int64_t b = w.weekday * kDay + w.start_minute * kMinute;
    std::int64_t e = w.weekday * kDay + w.end_minute * kMinute;
    hours.begin_.push_back(b);
    hours.end_.push_back(e);
    hours.before_.push_back(open);
    open += e - b;
    hours.through_.push_back(open);
    hours.day_open_[w.weekday] += e - b;
  }
  hours.week_open_ = open;

  std::int64_t skipped = 0;
  hours.holiday_skipped_.push_back(0);
  for (auto d : hours.holidays_) {
    std::int64_t b = day_begin(d);
    // INVARIANT: the level is flat across a holiday, so its begin's level
    // stands for the whole day.
    hours.holiday_begin_.push_back(b);
    hours.holiday_level_.push_back(hours.pattern_level(b) - skipped);
    skipped += hours.day_open_[floor_div(b, kDay) - floor_div(b, kWeek) * 7];
    hours.holiday_skipped_.push_back(skipped);
  }
  return hours;
}

WorkingHours WorkingHours::always() {
  std::vector<Window> windows;
  for (int d = 0; d < 7; ++d) windows.push_back({d, 0, 1440});
  return make(std::move(windows)).value();
}

std::chrono::seconds WorkingHours::weekly_open_time() const {
  return std::chrono::duration_cast<std::chrono::seconds>(microseconds{week_open_});
}

bool WorkingHours::is_open(LocalTime t) const {
  std::int64_t x = from_local(t);
  date::local_days day{date::days{static_cast<int>(floor_div(x - kEpochShift, kDay))}};
  if (std::binary_search(holidays_.begin(), holidays_.end(), day)) return false;
  std::int64_t p = x - floor_div(x, kWeek) * kWeek;
  auto it = std::upper_bound(begin_.begin(), begin_.end(), p);
  if (it == begin_.begin()) return false;
  return p < end_[static_cast<std::size_t>(it - begin_.begin() - 1)];
}

std::int64_t WorkingHours::pattern_level(std::int64_t x) const {
  std::int64_t weeks = floor_div(x, kWeek);
  std::int64_t p = x - weeks * kWeek;
  std::int64_t within = 0;
  auto it = std::upper_bound(begin_.begin(), begin_.end(), p);
  if (it != begin_.begin()) {
    auto i = static_cast<std::size_t>(it - begin_.begin() - 1);
    within = before_[i] + std::min(p - begin_[i], end_[i] - begin_[i]);
  }
  return weeks * week_open_ + within;
}

std::int64_t WorkingHours::level(std::int64_t x) const {
  // Holidays whose whole day lies before x; the next one may contain x.
  auto j = static_cast<std::size_t>(
      std::upper_bound(holiday_begin_.begin(), holiday_begin_.end(), x - kDay) - holiday_begin_.begin());
  if (j < holiday_begin_.size() && holiday_begin_[j] <= x) return holiday_level_[j];
  return pattern_level(x) - holiday_skipped_[j];
}

std::int64_t WorkingHours::pattern_inverse(std::int64_t y) const {
  // Split y as weeks * W + r with r in (0, W], not [0, W): a level that is an
  // exact multiple of W is first reached at the end of the week's last
  // window, not at the next week's first opening.
  std::int64_t weeks = floor_div(y - 1, week_open_);
  std::int64_t r = y - weeks * week_open_;
  // The first window whose end reaches r; r <= W = through_.back(), so it exists.
  auto i = static_cast<std::size_t>(std::lower_bound(through_.begin(), through_.end(), r) - through_.begin());
  return weeks * kWeek + begin_[i] + (r - before_[i]);
}

std::int64_t WorkingHours::inverse(std::int64_t y) const {
  // Holidays starting below level y lie wholly before the answer (the level
  // is flat across them), the rest wholly after it: so the pattern level of
  // the answer is y plus the open time of the first k holidays.
  auto k = static_cast<std::size_t>(
      std::lower_bound(holiday_level_.begin(), holiday_level_.end(), y) - holiday_level_.begin());
  return pattern_inverse(y + holiday_skipped_[k]);
}

Instant WorkingHours::due_after(const Zone& zone, Instant start, microseconds work) const {
  if (work.count() <= 0) return start;
  std::int64_t remaining = work.count();
  Instant t = start;
  // Within one segment of constant offset the local clock runs with real
  // time, so the local answer maps straight back; otherwise take what the
  // segment holds and go on in the next one.
  for (;;) {
    Zone::Segment segment = zone.segment_at(t);
    std::int64_t offset = offset_us(segment.offset);
    std::int64_t x = from_instant(t, offset);
    std::int64_t reached = level(x);
    Instant due = to_instant(inverse(reached + remaining), offset);
    if (due <= segment.end) return due;
    remaining -= level(from_instant(segment.end, offset)) - reached;
    t = segment.end;
  }
}

std::vector<WorkingHours::Stretch> WorkingHours::stretches(const Zone& zone, Instant start, microseconds work) const {
  std::vector<Stretch> out;
  std::int64_t remaining = work.count();
  Instant t = start;
  while (remaining > 0) {
    Zone::Segment segment = zone.segment_at(t);
    std::int64_t offset = offset_us(segment.offset);
    std::int64_t x = from_instant(t, offset);
    std::int64_t stop = segment.end == Instant::max() ? std::numeric_limits<std::int64_t>::max()
                                                      : from_instant(segment.end, offset);
    bool joinable = false;  // only within one segment: across one the local clock jumps
    while (remaining > 0 && x < stop) {
      // The first window occurrence that ends after x.
      std::int64_t weeks = floor_div(x, kWeek);
      std::int64_t p = x - weeks * kWeek;
      auto i = static_cast<std::size_t>(std::upper_bound(end_.begin(), end_.end(), p) - end_.begin());
      if (i == end_.size()) {
        ++weeks;
        i = 0;
      }
      std::int64_t from = std::max(x, weeks * kWeek + begin_[i]);
      std::int64_t window_end = weeks * kWeek + end_[i];
      if (from >= stop) break;
      date::local_days day{date::days{static_cast<int>(floor_div(from - kEpochShift, kDay))}};
      if (std::binary_search(holidays_.begin(), holidays_.end(), day)) {
        x = day_begin(day) + kDay;
        continue;
      }
      std::int64_t to = std::min({window_end, stop, from + remaining});
      if (joinable && !out.empty() && from_local(out.back().to) == from && from % kDay != 0) {
        out.back().to = to_local(to);
      } else {
        out.push_back({to_local(from), to_local(to)});
      }
      joinable = true;
      remaining -= to - from;
      x = to;
    }
    if (remaining <= 0 || segment.end == Instant::max()) break;
    t = segment.end;
  }
  return out;
}

}  // namespace clause::calendar
