// Fuzz target: deadlines. Random weekly windows, holidays, zones, starts and
// targets; the fast computation must agree with the slow minute-by-minute
// reference, and its stretches must add up to the target.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdlib>

#include "calendar/reference.h"
#include "calendar/working_hours.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clause::calendar;
  FuzzedDataProvider in(data, size);
  std::vector<Window> windows;
  int count = in.ConsumeIntegralInRange(1, 6);
  for (int i = 0; i < count; ++i) {
    int day = in.ConsumeIntegralInRange(0, 6);
    int start = in.ConsumeIntegralInRange(0, 1439);
    int end = in.ConsumeIntegralInRange(start + 1, 1440);
    windows.push_back({day, start, end});
  }
  std::vector<date::local_days> holidays;
  int holiday_count = in.ConsumeIntegralInRange(0, 8);
  for (int i = 0; i < holiday_count; ++i) {
    holidays.push_back(date::local_days(date::year(2026) / 1 / 1) + date::days(in.ConsumeIntegralInRange(0, 120)));
  }
  auto hours = WorkingHours::make(windows, holidays);
  if (!hours) return 0;   // overlapping windows are refused, correctly
  static const char* zones[] = {"GMT+3", "GMT-2", "UTC+10:00", "UTC+05:30", "Europe/Kyiv", "America/New_York",
                                "Australia/Sydney"};
  auto zone = *Zone::parse(zones[in.ConsumeIntegralInRange(0, 6)]);
  Instant start = Instant(date::sys_days(date::year(2026) / 1 / 1).time_since_epoch()) +
                  std::chrono::minutes(in.ConsumeIntegralInRange(0, 60 * 24 * 120));
  // The reference walks minute by minute: a target of many weeks' work over a
  // few minutes a week would take it centuries (one such input ran 11 s, past
  // the fuzzer's time limit). Keep its walk within eight weeks (about 80,000
  // minutes; thousands of inputs a second under the sanitizers): the starts
  // and holidays fall within 120 days, so weeks, holidays and the zones'
  // changes are still crossed.
  int weekly = 0;
  for (const auto& w : windows) weekly += w.end_minute - w.start_minute;
  std::chrono::minutes work(in.ConsumeIntegralInRange(1, std::min(60 * 200, weekly * 8)));
  Instant fast = hours->due_after(zone, start, work);
  Instant slow = due_after_reference(*hours, zone, start, work);
  if (fast != slow) std::abort();
  std::chrono::microseconds total{0};
  auto stretches = hours->stretches(zone, start, work);
  for (const auto& s : stretches) total += s.to - s.from;
  if (total != work) std::abort();
  return 0;
}
