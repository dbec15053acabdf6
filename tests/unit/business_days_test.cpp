// Business days (docs/decisions.md, "Business days"): every edge of the
// reading, and the fast count held to a slow day-by-day walk.
#include <catch2/catch.hpp>

#include <random>

#include "calendar/business_days.h"
#include "calendar/timestamp.h"

using namespace std::chrono_literals;
using clause::calendar::BusinessDays;
using clause::calendar::Instant;
using clause::calendar::Window;
using clause::calendar::WorkingHours;
using clause::calendar::Zone;

namespace {

Instant at(const std::string& text) {
  auto t = clause::calendar::parse_rfc3339(text);
  INFO(text);
  REQUIRE(t.ok());
  return *t;
}

Zone zone(const char* text) { return *Zone::parse(text); }

date::local_days day(const char* text) { return *clause::calendar::parse_date(text); }

WorkingHours hours(std::vector<Window> windows, std::vector<date::local_days> holidays = {}) {
  auto h = WorkingHours::make(std::move(windows), std::move(holidays));
  REQUIRE(h.ok());
  return *h;
}

std::vector<Window> weekdays(int open, int close) {
  std::vector<Window> out;
  for (int d = 0; d < 5; ++d) out.push_back({d, open, close});
  return out;
}

struct Row {
  const char* why;
  const char* opened;
  int days;
  bool by_close;
  const char* due;
};

void check_rows(const WorkingHours& h, const Zone& z, const std::vector<Row>& rows) {
  BusinessDays business(h);
  for (const auto& row : rows) {
    INFO(row.why << ": opened " << row.opened << ", " << row.days << (row.by_close ? " (close)" : " business days"));
    Instant due = row.by_close ? business.close_of_business(z, at(row.opened), row.days)
                               : business.due_after(z, at(row.opened), row.days);
    CHECK(clause::calendar::format_rfc3339(due, z) == row.due);
  }
}

// The reading, day by day: the case's place in its business day (the share
// of that day's open time gone by), then N business days later the same share.
Instant reference(const WorkingHours& h, const Zone& z, Instant start, int days, bool by_close) {
  auto open_before = [&](date::local_days d, std::int64_t minute) {
    std::int64_t open = 0;
    int weekday = static_cast<int>((date::weekday{d}.iso_encoding() + 6) % 7);
    for (const auto& w : h.windows()) {
      if (w.weekday == weekday) open += std::clamp<std::int64_t>(minute - w.start_minute, 0, w.end_minute - w.start_minute);
    }
    return open;
  };
  auto day_open = [&](date::local_days d) { return open_before(d, 24 * 60); };
  auto business = [&](date::local_days d) {
    return day_open(d) > 0 && !std::binary_search(h.holidays().begin(), h.holidays().end(), d);
  };
  auto local = start + std::chrono::duration_cast<std::chrono::microseconds>(z.offset_at(start));
  auto d = date::floor<date::days>(date::local_days(date::floor<date::days>(local.time_since_epoch())));
  std::int64_t minute = std::chrono::duration_cast<std::chrono::minutes>(local.time_since_epoch() - d.time_since_epoch()).count();
  std::int64_t elapsed = business(d) ? open_before(d, minute) : 0;
  if (!business(d) || elapsed >= day_open(d)) {
    do d += date::days(1);
    while (!business(d));
    elapsed = 0;
  }
  // The microsecond of the day at which `open` (microseconds) of its open
  // time have gone by (a close for an end).
  auto time_at = [&](date::local_days on, std::int64_t open) {
    int weekday = static_cast<int>((date::weekday{on}.iso_encoding() + 6) % 7);
    const std::int64_t per_minute = 60'000'000;
    std::int64_t left = open;
    std::int64_t last = 0;
    for (const auto& w : h.windows()) {
      if (w.weekday != weekday) continue;
      last = w.end_minute * per_minute;
      if (left == 0) return w.start_minute * per_minute;
      if (left <= (w.end_minute - w.start_minute) * per_minute) return w.start_minute * per_minute + left;
      left -= (w.end_minute - w.start_minute) * per_minute;
    }
    return last;
  };
  auto to_instant = [&](date::local_days on, std::int64_t micro_of_day) {
    auto l = std::chrono::duration_cast<std::chrono::microseconds>(on.time_since_epoch()) + std::chrono::microseconds(micro_of_day);
    return clause::calendar::instant_of(z, clause::calendar::LocalTime(l));
  };
  auto advance = [&](date::local_days from, int n) {
    for (int i = 0; i < n; ++i) {
      do from += date::days(1);
      while (!business(from));
    }
    return from;
  };
  const std::int64_t us = 60'000'000;
  if (by_close) {
    auto target = advance(d, days);
    return to_instant(target, time_at(target, day_open(target) * us));
  }
  if (elapsed == 0) {
    auto last = advance(d, days - 1);
    return to_instant(last, time_at(last, day_open(last) * us));
  }
  auto target = advance(d, days);
  return to_instant(target, time_at(target, elapsed * us * day_open(target) / day_open(d)));
}

}  // namespace

TEST_CASE("business days: every edge of the reading, Mon-Fri 09:00-18:00") {
  auto h = hours(weekdays(9 * 60, 18 * 60), {day("2026-12-08")});
  check_rows(h, zone("UTC+01:00"),
             {
                 {"inside the hours: the same time a business day later", "2026-11-30T10:00:00+01:00", 1, false,
                  "2026-12-01T10:00:00+01:00"},
                 {"before the opening: from the opening, so the day's close", "2026-11-30T08:00:00+01:00", 1, false,
                  "2026-11-30T18:00:00+01:00"},
                 {"at the opening exactly: the same", "2026-11-30T09:00:00+01:00", 1, false, "2026-11-30T18:00:00+01:00"},
                 {"exactly at closing: from the next day's opening", "2026-11-30T18:00:00+01:00", 1, false,
                  "2026-12-01T18:00:00+01:00"},
                 {"a second before closing", "2026-11-30T17:59:00+01:00", 1, false, "2026-12-01T17:59:00+01:00"},
                 {"on a closed day (Saturday): from Monday's opening", "2026-12-05T11:00:00+01:00", 1, false,
                  "2026-12-07T18:00:00+01:00"},
                 {"Friday afternoon: Monday afternoon", "2026-12-04T17:00:00+01:00", 1, false, "2026-12-07T17:00:00+01:00"},
                 {"across a holiday (Tuesday 8 December)", "2026-12-07T10:00:00+01:00", 1, false, "2026-12-09T10:00:00+01:00"},
                 {"on the holiday itself: from the next business day", "2026-12-08T10:00:00+01:00", 1, false,
                  "2026-12-09T18:00:00+01:00"},
                 {"five business days from Monday", "2026-11-30T10:00:00+01:00", 5, false, "2026-12-07T10:00:00+01:00"},
                 {"five across the holiday", "2026-12-04T12:00:00+01:00", 5, false, "2026-12-14T12:00:00+01:00"},
                 {"a year of business days, flat", "2027-01-04T10:00:00+01:00", 260, false, "2028-01-03T10:00:00+01:00"},
                 {"by close of business, inside the hours", "2026-11-30T10:00:00+01:00", 0, true, "2026-11-30T18:00:00+01:00"},
                 {"by close of business, before the opening", "2026-11-30T07:00:00+01:00", 0, true, "2026-11-30T18:00:00+01:00"},
                 {"by close of business, opened at closing: the next day's", "2026-11-30T18:00:00+01:00", 0, true,
                  "2026-12-01T18:00:00+01:00"},
                 {"by close of business, on Saturday: Monday's", "2026-12-05T11:00:00+01:00", 0, true,
                  "2026-12-07T18:00:00+01:00"},
                 {"by close of the next business day, Monday", "2026-11-30T10:00:00+01:00", 1, true, "2026-12-01T18:00:00+01:00"},
                 {"by close of the next business day, across the holiday", "2026-12-07T10:00:00+01:00", 1, true,
                  "2026-12-09T18:00:00+01:00"},
                 {"by close of the next business day, Friday evening: Monday's is the day, the holiday skipped",
                  "2026-12-04T19:00:00+01:00", 1, true, "2026-12-09T18:00:00+01:00"},
             });
}

TEST_CASE("business days: days of different lengths and a lunch break") {
  // Mon-Thu 09:00-12:00 and 13:00-17:00 (7 h), Fri 09:00-13:00 (4 h).
  std::vector<Window> windows;
  for (int d = 0; d < 4; ++d) {
    windows.push_back({d, 9 * 60, 12 * 60});
    windows.push_back({d, 13 * 60, 17 * 60});
  }
  windows.push_back({4, 9 * 60, 13 * 60});
  check_rows(hours(windows), zone("UTC+00:00"),
             {
                 {"half of Thursday is half of Friday", "2026-12-03T13:30:00+00:00", 1, false, "2026-12-04T11:00:00+00:00"},
                 {"in the lunch break: the morning's close a day later", "2026-12-02T12:30:00+00:00", 1, false,
                  "2026-12-03T12:00:00+00:00"},
                 {"Friday at 11:00 (half of it) is half of Monday", "2026-12-04T11:00:00+00:00", 1, false,
                  "2026-12-07T13:30:00+00:00"},
             });
}

TEST_CASE("business days: across the end of daylight saving time, on the wall clock") {
  auto h = hours(weekdays(9 * 60, 18 * 60));
  // Europe/Berlin leaves summer time on Sunday 2026-10-25.
  check_rows(h, zone("Europe/Berlin"),
             {
                 {"Friday 10:00 summer time to Monday 10:00 winter time", "2026-10-23T10:00:00+02:00", 1, false,
                  "2026-10-26T10:00:00+01:00"},
                 {"by close of the next business day over the change", "2026-10-23T10:00:00+02:00", 1, true,
                  "2026-10-26T18:00:00+01:00"},
             });
}

TEST_CASE("business days: the count agrees with a day-by-day walk") {
  std::mt19937 random(20261204);
  const Zone zones[] = {zone("UTC+03:00"), zone("UTC-05:00"), zone("Europe/Berlin"), zone("America/New_York"),
                        zone("Australia/Sydney")};
  for (int round = 0; round < 1500; ++round) {
    std::vector<Window> windows;
    for (int d = 0; d < 7; ++d) {
      if (random() % 3 == 0) continue;
      int open = static_cast<int>(random() % (20 * 60));
      int close = open + 1 + static_cast<int>(random() % (24 * 60 - open - 1));
      windows.push_back({d, open, close});
    }
    if (windows.empty()) windows.push_back({2, 9 * 60, 17 * 60});
    std::vector<date::local_days> holidays;
    for (int k = static_cast<int>(random() % 12); k > 0; --k) {
      holidays.push_back(date::local_days(date::year(2026) / 1 / 1) + date::days(random() % 400));
    }
    auto h = hours(windows, holidays);
    BusinessDays business(h);
    const Zone& z = zones[random() % 5];
    Instant start = at("2026-01-01T00:00:00Z") + std::chrono::minutes(random() % (60 * 24 * 365));
    int days = static_cast<int>(random() % 40);
    bool by_close = random() % 4 == 0;
    if (!by_close && days == 0) days = 1;
    INFO("round " << round << " start " << clause::calendar::format_rfc3339(start, z) << " days " << days << (by_close ? " close" : ""));
    Instant fast = by_close ? business.close_of_business(z, start, days) : business.due_after(z, start, days);
    CHECK(clause::calendar::format_rfc3339(fast, z) == clause::calendar::format_rfc3339(reference(h, z, start, days, by_close), z));
  }
}
