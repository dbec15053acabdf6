#include "calendar/reference.h"

#include <algorithm>
#include <vector>

namespace clause::calendar {

Instant due_after_reference(const WorkingHours& hours, const Zone& zone, Instant start, std::chrono::microseconds work) {
  using std::chrono::minutes;
  using std::chrono::seconds;
  if (work.count() <= 0) return start;

  // One flag per minute of the week, Monday 00:00 first, straight from the windows.
  std::vector<bool> open(7 * 1440, false);
  for (const auto& w : hours.windows()) {
    for (int m = w.start_minute; m < w.end_minute; ++m) open[static_cast<std::size_t>(w.weekday * 1440 + m)] = true;
  }
  const auto& holidays = hours.holidays();

  bool by_minute = start.time_since_epoch() % minutes{1} == minutes{0} && work % minutes{1} == minutes{0};
  std::chrono::microseconds step = by_minute ? std::chrono::microseconds{minutes{1}} : std::chrono::microseconds{seconds{1}};

  std::chrono::microseconds left = work;
  Instant t = start;
  // The offset is re-read only where the zone says it changes.
  Zone::Segment segment = zone.segment_at(t);
  // Whether a day is a holiday is looked up once per day.
  date::local_days checked_day{};
  bool is_holiday = false;
  bool day_known = false;
  for (;;) {
    if (t >= segment.end) segment = zone.segment_at(t);
    auto local = date::local_time<std::chrono::microseconds>{t.time_since_epoch() + segment.offset};
    auto day = std::chrono::floor<date::days>(local);
    auto minute_of_day = std::chrono::floor<minutes>(local - day).count();
    auto weekday = date::weekday{day}.iso_encoding() - 1;  // 0 = Monday
    if (!day_known || day != checked_day) {
      is_holiday = std::find(holidays.begin(), holidays.end(), day) != holidays.end();
      checked_day = day;
      day_known = true;
    }
    if (!is_holiday && open[static_cast<std::size_t>(weekday * 1440 + minute_of_day)]) {
      left -= step;
      if (left <= std::chrono::microseconds{0}) return t + step;
    }
    t += step;
  }
}

}  // namespace clause::calendar
