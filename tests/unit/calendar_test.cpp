#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "calendar/reference.h"
#include "calendar/timestamp.h"
#include "calendar/working_hours.h"
#include "calendar/zone.h"

using namespace std::chrono_literals;
using clause::calendar::Instant;
using clause::calendar::LocalTime;
using clause::calendar::Window;
using clause::calendar::WorkingHours;
using clause::calendar::Zone;
using clause::calendar::format_rfc3339;
using clause::calendar::parse_rfc3339;

namespace {

Zone zone(const char* text) {
  auto z = Zone::parse(text);
  INFO(text << ": " << (z ? std::string() : z.error()));
  REQUIRE(z.ok());
  return *z;
}

Instant at(const char* text) {
  auto t = parse_rfc3339(text);
  INFO(text << ": " << (t ? std::string() : t.error()));
  REQUIRE(t.ok());
  return *t;
}

date::local_days day(const char* text) {
  auto d = clause::calendar::parse_date(text);
  REQUIRE(d.ok());
  return *d;
}

LocalTime local(const char* date_text, std::chrono::minutes since_midnight) {
  return LocalTime{day(date_text).time_since_epoch() + since_midnight};
}

std::vector<Window> every(std::initializer_list<int> weekdays, int start_minute, int end_minute) {
  std::vector<Window> out;
  for (int d : weekdays) out.push_back({d, start_minute, end_minute});
  return out;
}

WorkingHours hours(std::vector<Window> windows, std::vector<date::local_days> holidays = {}) {
  auto h = WorkingHours::make(std::move(windows), std::move(holidays));
  INFO((h ? std::string() : h.error()));
  REQUIRE(h.ok());
  return *h;
}

const WorkingHours& basic() {  // Mon-Fri 09-18
  static const WorkingHours h = hours(every({0, 1, 2, 3, 4}, 540, 1080));
  return h;
}
const WorkingHours& business() {  // Mon-Sun 09-18
  static const WorkingHours h = hours(every({0, 1, 2, 3, 4, 5, 6}, 540, 1080));
  return h;
}

struct Row {
  const char* why;
  const char* zone;
  const char* opened;
  std::chrono::minutes work;
  const char* due;
};

// Checks every row against the expected text and against the reference walker.
void check_rows(const WorkingHours& h, const std::vector<Row>& rows) {
  for (const auto& row : rows) {
    INFO(row.why << " | " << row.zone << " " << row.opened << " + " << row.work.count() << " min");
    Zone z = zone(row.zone);
    Instant start = at(row.opened);
    Instant due = h.due_after(z, start, row.work);
    CHECK(format_rfc3339(due, z) == row.due);
    CHECK(due == at(row.due));
    CHECK(due == clause::calendar::due_after_reference(h, z, start, row.work));
  }
}

}  // namespace

TEST_CASE("calendar: zones parse fixed offsets and IANA names") {
  CHECK(zone("GMT+3") == zone("UTC+03:00"));
  CHECK(zone("GMT+3") == zone("GMT+03"));
  CHECK(zone("GMT+3").canonical() == "UTC+03:00");
  CHECK(zone("GMT+3").is_fixed());
  CHECK(zone("UTC-02").canonical() == "UTC-02:00");
  CHECK(zone("GMT-2") == zone("UTC-02"));
  CHECK(zone("GMT").canonical() == "UTC+00:00");
  CHECK(zone("UTC") == zone("GMT"));
  CHECK(zone("GMT+0") == zone("UTC-00:00"));       // no negative zero
  CHECK(zone("UTC+05:30").canonical() == "UTC+05:30");
  CHECK(zone("GMT+3:30").canonical() == "UTC+03:30");  // one hour digit with minutes
  CHECK(zone("GMT+14").canonical() == "UTC+14:00");    // the edge is allowed
  CHECK(zone("GMT-14:00").canonical() == "UTC-14:00");
  CHECK(Zone() == zone("UTC"));
  CHECK(Zone::fixed(180min) == zone("GMT+3"));
  CHECK(zone("GMT+3") != zone("GMT-3"));

  // IANA names are names, not offsets.
  Zone etc = zone("Etc/GMT-3");
  CHECK_FALSE(etc.is_fixed());
  CHECK(etc != zone("GMT+3"));
  CHECK(etc.canonical() == "Etc/GMT-3");
  CHECK(etc.offset_at(at("2026-06-01T00:00:00Z")) == 3h);
  CHECK(zone("Europe/Kyiv").canonical() == "Europe/Kyiv");
  CHECK(zone("Europe/Kyiv") == zone("Europe/Kyiv"));
  CHECK(zone("Europe/Kyiv") != zone("Asia/Shanghai"));
  CHECK(zone("Asia/Shanghai").offset_at(at("2026-06-01T00:00:00Z")) == 8h);
}

TEST_CASE("calendar: zone parsing rejects what is not a zone") {
  struct Bad {
    const char* why;
    const char* text;
    const char* says;
  };
  const std::vector<Bad> rows{
      {"beyond +14:00", "GMT+15", "from -14:00 to +14:00"},
      {"two digits but no such offset", "GMT+25", "from -14:00 to +14:00"},
      {"minutes past the edge", "GMT+14:01", "from -14:00 to +14:00"},
      {"minutes must be below 60", "UTC+03:60", "minutes 00 to 59"},
      {"three hour digits", "GMT+123", "expected a zone like GMT+3, UTC+03:00 or Europe/Kyiv, got \"GMT+123\""},
      {"sign without digits", "GMT+", "expected a zone like"},
      {"one minute digit", "UTC+3:5", "expected a zone like"},
      {"trailing text", "GMT+3x", "expected a zone like"},
      {"empty", "", "expected a zone like GMT+3, UTC+03:00 or Europe/Kyiv, got \"\""},
      {"unknown IANA name", "Mars/Base", "got \"Mars/Base\", which is not in the IANA time zone database"},
      {"IANA names are case-sensitive", "europe/kyiv", "not in the IANA time zone database"},
      {"lower-case prefix is not a fixed offset", "gmt+3", "not in the IANA time zone database"},
      {"depends on the machine", "localtime", "follows this machine's setting"},
      {"no path tricks", "../../etc/passwd", "not in the IANA time zone database"},
  };
  for (const auto& row : rows) {
    INFO(row.why << ": " << row.text);
    auto z = Zone::parse(row.text);
    REQUIRE_FALSE(z.ok());
    CHECK_THAT(z.error(), Catch::Contains(row.says));
    CHECK(z.error().find('\n') == std::string::npos);
  }
}

TEST_CASE("calendar: zone segments") {
  Zone kyiv = zone("Europe/Kyiv");
  // Spring forward 2026-03-29 01:00Z: EET (+2) until then, EEST (+3) from then.
  auto before = kyiv.segment_at(at("2026-03-29T00:59:59Z"));
  CHECK(before.offset == 2h);
  CHECK(before.end == at("2026-03-29T01:00:00Z"));
  CHECK(before.begin == at("2025-10-26T01:00:00Z"));
  auto after = kyiv.segment_at(at("2026-03-29T01:00:00Z"));
  CHECK(after.offset == 3h);
  CHECK(after.begin == at("2026-03-29T01:00:00Z"));
  CHECK(after.end == at("2026-10-25T01:00:00Z"));
  CHECK(kyiv.offset_at(at("2026-10-25T00:59:59.999999Z")) == 3h);
  CHECK(kyiv.offset_at(at("2026-10-25T01:00:00Z")) == 2h);

  auto fixed = zone("GMT-2").segment_at(at("2026-01-01T00:00:00Z"));
  CHECK(fixed.begin == Instant::min());
  CHECK(fixed.end == Instant::max());
  CHECK(fixed.offset == -2h);
  // The database's last segment runs on forever.
  CHECK(kyiv.segment_at(at("2100-01-01T00:00:00Z")).end == Instant::max());
}

TEST_CASE("calendar: RFC 3339 timestamps") {
  const Instant base = Instant{date::sys_days{date::year{2026} / 11 / 27}} + 14h + 30min;
  struct Good {
    const char* why;
    const char* text;
    Instant expected;
  };
  const std::vector<Good> good{
      {"plain, with an offset", "2026-11-27T17:30:00+03:00", base},
      {"Z", "2026-11-27T14:30:00Z", base},
      {"lower-case t and z", "2026-11-27t14:30:00z", base},
      {"negative offset", "2026-11-27T12:30:00-02:00", base},
      {"half a second", "2026-11-27T14:30:00.5Z", base + 500ms},
      {"microseconds kept", "2026-11-27T14:30:00.000001Z", base + 1us},
      {"digits past the microsecond truncated", "2026-11-27T14:30:00.1234567899Z", base + 123456us},
      {"-00:00 is UTC too", "2026-11-27T14:30:00-00:00", base},
      {"the largest offset east", "2026-11-28T14:29:00+23:59", base},
      {"the largest offset west", "2026-11-26T14:31:00-23:59", base},
      {"offset across a month end", "2026-12-01T00:30:00+10:00", base + 72h},
      {"leap day of a leap year", "2024-02-29T00:00:00Z", Instant{date::sys_days{date::year{2024} / 2 / 29}}},
      {"year 0000", "0000-01-01T00:00:00Z", Instant{date::sys_days{date::year{0} / 1 / 1}}},
      {"year 9999", "9999-12-31T23:59:59.999999Z",
       Instant{date::sys_days{date::year{9999} / 12 / 31}} + 24h - 1us},
      {"offset crosses into year 10000 in UTC", "9999-12-31T23:00:00-02:00",
       Instant{date::sys_days{date::year{10000} / 1 / 1}} + 1h},
  };
  for (const auto& row : good) {
    INFO(row.why << ": " << row.text);
    auto t = parse_rfc3339(row.text);
    INFO((t ? std::string() : t.error()));
    REQUIRE(t.ok());
    CHECK(*t == row.expected);
  }

  struct Bad {
    const char* why;
    const char* text;
    const char* says;
  };
  const std::vector<Bad> bad{
      {"leap second", "2026-12-31T23:59:60Z", "leap seconds are not accepted"},
      {"no offset", "2026-11-27T17:30:00", "expected an offset like Z or +03:00"},
      {"no offset after a fraction", "2026-11-27T17:30:00.25", "expected an offset like Z or +03:00"},
      {"no such day", "2026-02-30T10:00:00Z", "expected a date that exists, got \"2026-02-30\""},
      {"not a leap year", "2026-02-29T10:00:00Z", "expected a date that exists"},
      {"month 13", "2026-13-01T10:00:00Z", "expected a date that exists"},
      {"seconds required", "2026-11-27T17:30+03:00", "expected seconds"},
      {"space instead of T", "2026-11-27 17:30:00Z", "expected `T`"},
      {"hour 24", "2026-11-27T24:00:00Z", "00:00:00 to 23:59:59"},
      {"minute 60", "2026-11-27T10:60:00Z", "00:00:00 to 23:59:59"},
      {"offset hour 24", "2026-11-27T10:00:00+24:00", "expected an offset like Z or +03:00"},
      {"offset without colon", "2026-11-27T10:00:00+0300", "expected an offset like Z or +03:00"},
      {"dot without digits", "2026-11-27T10:00:00.Z", "expected a timestamp like"},
      {"trailing text", "2026-11-27T10:00:00Z ", "expected a timestamp like"},
      {"five-digit year", "10000-01-01T00:00:00Z", "expected a timestamp like"},
      {"short year", "226-11-27T10:00:00Z", "expected a timestamp like"},
      {"empty", "", "expected a timestamp like"},
      // The common shape is read by a fast path: out of shape by one character, the general path words the error.
      {"letter in the hour", "2026-11-27T1x:30:00+03:00", "expected a timestamp like"},
      {"slashes in the date", "2026/11/27T10:00:00+03:00", "expected a timestamp like"},
      {"offset minute 60", "2026-11-27T10:00:00+03:60", "expected an offset like Z or +03:00"},
      {"offset without a sign", "2026-11-27T10:00:00*03:00", "expected an offset like Z or +03:00"},
      {"second 60 with an offset", "2026-11-27T10:00:60+03:00", "leap seconds are not accepted"},
      {"day 00", "2026-11-00T10:00:00+03:00", "expected a date that exists"},
      {"colon in the offset misplaced", "2026-11-27T10:00:00+030:0", "expected an offset like Z or +03:00"},
  };
  for (const auto& row : bad) {
    INFO(row.why << ": " << row.text);
    auto t = parse_rfc3339(row.text);
    REQUIRE_FALSE(t.ok());
    CHECK_THAT(t.error(), Catch::Contains(row.says));
  }
}

TEST_CASE("calendar: formatting timestamps and dates") {
  using clause::calendar::format_date;
  using clause::calendar::local_date;
  CHECK(format_rfc3339(at("2026-11-28T09:30:00Z"), 3h) == "2026-11-28T12:30:00+03:00");
  CHECK(format_rfc3339(at("2026-11-28T09:30:00Z"), 0s) == "2026-11-28T09:30:00+00:00");  // never Z
  CHECK(format_rfc3339(at("2026-11-28T09:30:00Z"), -2h) == "2026-11-28T07:30:00-02:00");
  CHECK(format_rfc3339(at("2026-11-28T09:30:00Z"), 5h + 30min) == "2026-11-28T15:00:00+05:30");
  // Fractions are dropped by flooring, also before 1970.
  CHECK(format_rfc3339(at("2026-11-28T09:30:59.999999Z"), 0s) == "2026-11-28T09:30:59+00:00");
  CHECK(format_rfc3339(at("1969-12-31T23:59:59.5Z"), 0s) == "1969-12-31T23:59:59+00:00");
  CHECK(format_rfc3339(at("0000-01-01T00:00:00Z"), 0s) == "0000-01-01T00:00:00+00:00");
  CHECK(format_rfc3339(at("9999-12-31T23:59:59.75Z"), 0s) == "9999-12-31T23:59:59+00:00");
  // An offset with seconds is written to the minute, with the matching local time.
  CHECK(format_rfc3339(at("1900-01-01T00:00:00Z"), 2h + 2min + 4s) == "1900-01-01T02:02:00+02:02");
  // The zone's own offset at that instant.
  CHECK(format_rfc3339(at("2026-07-01T12:00:00Z"), zone("Europe/Kyiv")) == "2026-07-01T15:00:00+03:00");
  CHECK(format_rfc3339(at("2026-12-01T12:00:00Z"), zone("Europe/Kyiv")) == "2026-12-01T14:00:00+02:00");

  // Local dates differ from the UTC date on either side.
  CHECK(format_date(local_date(zone("GMT-2"), at("2026-11-28T01:00:00Z"))) == "2026-11-27");
  CHECK(format_date(local_date(zone("GMT+10"), at("2026-11-29T22:30:00Z"))) == "2026-11-30");
  CHECK(format_date(local_date(zone("GMT+10"), at("2026-11-29T13:59:59Z"))) == "2026-11-29");

  CHECK(format_date(day("2026-11-27")) == "2026-11-27");
  CHECK(format_date(day("0000-01-01")) == "0000-01-01");
  CHECK(format_date(day("0987-06-05")) == "0987-06-05");
  CHECK(format_date(day("9999-12-31")) == "9999-12-31");
  for (const char* text : {"2026-02-30", "2026-2-3", "2026-11-27T00:00:00Z", "", "2026/11/27"}) {
    INFO(text);
    CHECK_FALSE(clause::calendar::parse_date(text).ok());
  }
  CHECK_THAT(clause::calendar::parse_date("2026-02-30").error(), Catch::Contains("expected a date that exists"));
  CHECK_THAT(clause::calendar::parse_date("2026-2-3").error(), Catch::Contains("expected a date like 2026-11-27"));
}

TEST_CASE("calendar: make validates the windows") {
  struct Bad {
    const char* why;
    std::vector<Window> windows;
    const char* says;
  };
  const std::vector<Bad> rows{
      {"two windows of Monday overlap", {{0, 540, 780}, {0, 720, 1080}},
       "expected the windows of a day not to overlap, got Monday 09:00-13:00 and Monday 12:00-18:00"},
      {"overlap found whatever the order given", {{2, 720, 1080}, {1, 0, 1440}, {2, 540, 780}}, "Wednesday"},
      {"same window twice", {{4, 540, 1080}, {4, 540, 1080}}, "not to overlap"},
      {"ends before it starts", {{0, 1080, 540}}, "expected a window to end after it starts, got Monday 18:00-09:00"},
      {"empty window", {{0, 540, 540}}, "expected a window to end after it starts"},
      {"24:01", {{0, 540, 1441}}, "expected a window within 00:00-24:00, got Monday 09:00-24:01"},
      {"negative start", {{0, -1, 60}}, "expected a window within 00:00-24:00"},
      {"weekday 7", {{7, 540, 1080}}, "expected a weekday from 0 (Monday) to 6 (Sunday), got 7"},
      {"no open time", {}, "expected at least one window of open time in the week, got none"},
  };
  for (const auto& row : rows) {
    INFO(row.why);
    auto h = WorkingHours::make(row.windows);
    REQUIRE_FALSE(h.ok());
    CHECK_THAT(h.error(), Catch::Contains(row.says));
  }
  // Touching windows are fine, also across midnight.
  auto touching = WorkingHours::make({{0, 540, 780}, {0, 780, 1080}, {1, 0, 60}, {0, 1380, 1440}});
  REQUIRE(touching.ok());
  CHECK(touching->weekly_open_time() == 9h + 1h + 1h);
  CHECK(touching->windows().front() == Window{0, 540, 780});
}

TEST_CASE("calendar: open time and is_open") {
  CHECK(basic().weekly_open_time() == 45h);
  CHECK(business().weekly_open_time() == 63h);
  CHECK(WorkingHours::always().weekly_open_time() == 168h);
  // Half-open: open at 09:00, closed at 18:00 (2026-11-27 is a Friday).
  CHECK(basic().is_open(local("2026-11-27", 9h)));
  CHECK_FALSE(basic().is_open(local("2026-11-27", 9h) - 1us));
  CHECK(basic().is_open(local("2026-11-27", 18h) - 1us));
  CHECK_FALSE(basic().is_open(local("2026-11-27", 18h)));
  CHECK_FALSE(basic().is_open(local("2026-11-28", 12h)));  // Saturday
  CHECK(business().is_open(local("2026-11-28", 12h)));
  CHECK(WorkingHours::always().is_open(local("2026-11-29", 0h)));
  // Holidays close the whole local day, and come back sorted without duplicates.
  WorkingHours h = hours(every({0, 1, 2, 3, 4}, 540, 1080), {day("2026-11-30"), day("2026-11-27"), day("2026-11-30")});
  CHECK_FALSE(h.is_open(local("2026-11-27", 12h)));
  CHECK(h.is_open(local("2026-11-26", 12h)));
  CHECK(h.holidays() == std::vector<date::local_days>{day("2026-11-27"), day("2026-11-30")});
  // Before 1970 too (weeks before the internal epoch).
  CHECK(basic().is_open(local("1950-01-02", 10h)));  // a Monday
  CHECK_FALSE(basic().is_open(local("1950-01-01", 10h)));
}

// 2026-11-23 is a Monday; 2026-11-27 a Friday.
TEST_CASE("calendar: Mon-Fri 09-18 (Basic)") {
  check_rows(basic(), {
      {"contract example: 0.5 h Friday, 7.5 h Monday", "GMT+3", "2026-11-27T17:30:00+03:00", 8h,
       "2026-11-30T16:30:00+03:00"},
      {"opened exactly at 09:00 counts from 09:00", "GMT+3", "2026-11-23T09:00:00+03:00", 8h,
       "2026-11-23T17:00:00+03:00"},
      {"runs out exactly at closing: due 18:00, not 09:00 next day", "GMT+3", "2026-11-23T10:00:00+03:00", 8h,
       "2026-11-23T18:00:00+03:00"},
      {"opened exactly at 18:00 starts at the next opening", "GMT+3", "2026-11-25T18:00:00+03:00", 4h,
       "2026-11-26T13:00:00+03:00"},
      {"opened before 09:00 starts at 09:00", "GMT+3", "2026-11-26T07:00:00+03:00", 4h,
       "2026-11-26T13:00:00+03:00"},
      {"Monday to Tuesday", "GMT+3", "2026-11-23T17:00:00+03:00", 2h, "2026-11-24T10:00:00+03:00"},
      {"Tuesday to Wednesday", "GMT+3", "2026-11-24T17:00:00+03:00", 2h, "2026-11-25T10:00:00+03:00"},
      {"Wednesday to Thursday", "GMT+3", "2026-11-25T17:00:00+03:00", 2h, "2026-11-26T10:00:00+03:00"},
      {"Thursday to Friday", "GMT+3", "2026-11-26T17:00:00+03:00", 2h, "2026-11-27T10:00:00+03:00"},
      {"Friday over the weekend to Monday", "GMT+3", "2026-11-27T17:00:00+03:00", 2h, "2026-11-30T10:00:00+03:00"},
      {"opened Saturday: Monday's opening", "GMT+3", "2026-11-28T17:00:00+03:00", 2h, "2026-11-30T11:00:00+03:00"},
      {"opened Sunday just before midnight", "GMT+3", "2026-11-29T23:59:00+03:00", 1h,
       "2026-11-30T10:00:00+03:00"},
      {"Friday's whole day ends at Friday 18:00, not Monday 09:00", "GMT+3", "2026-11-27T09:00:00+03:00", 9h,
       "2026-11-27T18:00:00+03:00"},
      {"opened Thursday evening, a full day ends Friday 18:00", "GMT+3", "2026-11-26T20:00:00+03:00", 9h,
       "2026-11-27T18:00:00+03:00"},
      {"one minute after Friday's closing goes to Monday", "GMT+3", "2026-11-27T18:00:00+03:00", 1min,
       "2026-11-30T09:01:00+03:00"},
      {"two days run over a weekend", "GMT+3", "2026-11-26T13:00:00+03:00", 16h, "2026-11-30T11:00:00+03:00"},
      {"22 whole weeks end on a Friday at 18:00", "GMT+3", "2026-11-23T09:00:00+03:00", 990h,
       "2027-04-23T18:00:00+03:00"},
      {"1000 h: 22 weeks and 10 h", "GMT+3", "2026-11-23T09:00:00+03:00", 1000h, "2027-04-27T10:00:00+03:00"},
      {"GMT-2: 10:00Z Monday is 08:00 local, before opening", "GMT-2", "2026-11-30T10:00:00Z", 2h,
       "2026-11-30T11:00:00-02:00"},
      {"GMT-2: Saturday 01:00Z is still Friday 23:00 local", "GMT-2", "2026-11-28T01:00:00Z", 1h,
       "2026-11-30T10:00:00-02:00"},
      {"GMT+10: Sunday 22:30Z is Monday 08:30 local", "GMT+10", "2026-11-29T22:30:00Z", 2h,
       "2026-11-30T11:00:00+10:00"},
      {"GMT+10: Friday 07:00Z is Friday 17:00 local", "GMT+10", "2026-11-27T07:00:00Z", 2h,
       "2026-11-30T10:00:00+10:00"},
  });
}

TEST_CASE("calendar: Mon-Sun 09-18 (Business)") {
  check_rows(business(), {
      {"contract example: 0.5 h Friday, 3.5 h Saturday", "GMT+3", "2026-11-27T17:30:00+03:00", 4h,
       "2026-11-28T12:30:00+03:00"},
      {"Monday to Tuesday", "GMT+3", "2026-11-23T17:00:00+03:00", 2h, "2026-11-24T10:00:00+03:00"},
      {"Tuesday to Wednesday", "GMT+3", "2026-11-24T17:00:00+03:00", 2h, "2026-11-25T10:00:00+03:00"},
      {"Wednesday to Thursday", "GMT+3", "2026-11-25T17:00:00+03:00", 2h, "2026-11-26T10:00:00+03:00"},
      {"Thursday to Friday", "GMT+3", "2026-11-26T17:00:00+03:00", 2h, "2026-11-27T10:00:00+03:00"},
      {"Friday to Saturday", "GMT+3", "2026-11-27T17:00:00+03:00", 2h, "2026-11-28T10:00:00+03:00"},
      {"Saturday to Sunday", "GMT+3", "2026-11-28T17:00:00+03:00", 2h, "2026-11-29T10:00:00+03:00"},
      {"Sunday to Monday", "GMT+3", "2026-11-29T17:00:00+03:00", 2h, "2026-11-30T10:00:00+03:00"},
      {"opened exactly at 18:00 on Sunday", "GMT+3", "2026-11-29T18:00:00+03:00", 4h, "2026-11-30T13:00:00+03:00"},
      {"opened before 09:00, runs out exactly at closing", "GMT+3", "2026-11-23T08:00:00+03:00", 9h,
       "2026-11-23T18:00:00+03:00"},
      {"opened exactly at 09:00", "GMT+3", "2026-11-28T09:00:00+03:00", 1h, "2026-11-28T10:00:00+03:00"},
      {"15 whole weeks from Wednesday 09:00 end the Tuesday before, at 18:00", "GMT+3",
       "2026-11-25T09:00:00+03:00", 945h, "2027-03-09T18:00:00+03:00"},
      {"1000 h: 15 weeks and 55 h", "GMT+3", "2026-11-25T09:00:00+03:00", 1000h, "2027-03-16T10:00:00+03:00"},
      {"GMT-2 Saturday", "GMT-2", "2026-11-28T01:00:00Z", 4h, "2026-11-28T13:00:00-02:00"},
  });
}

TEST_CASE("calendar: 24/7 (Premium)") {
  check_rows(WorkingHours::always(), {
      {"Monday to Tuesday", "GMT+3", "2026-11-23T23:00:00+03:00", 2h, "2026-11-24T01:00:00+03:00"},
      {"Tuesday to Wednesday", "GMT+3", "2026-11-24T23:00:00+03:00", 2h, "2026-11-25T01:00:00+03:00"},
      {"Wednesday to Thursday", "GMT+3", "2026-11-25T23:00:00+03:00", 2h, "2026-11-26T01:00:00+03:00"},
      {"Thursday to Friday", "GMT+3", "2026-11-26T23:00:00+03:00", 2h, "2026-11-27T01:00:00+03:00"},
      {"Friday to Saturday", "GMT+3", "2026-11-27T23:30:00+03:00", 2h, "2026-11-28T01:30:00+03:00"},
      {"Saturday to Sunday", "GMT+3", "2026-11-28T23:00:00+03:00", 2h, "2026-11-29T01:00:00+03:00"},
      {"Sunday to Monday", "GMT+3", "2026-11-29T23:00:00+03:00", 2h, "2026-11-30T01:00:00+03:00"},
      {"a week ends where it began", "GMT+3", "2026-11-23T00:00:00+03:00", 168h, "2026-11-30T00:00:00+03:00"},
      {"1000 h is 41 days 16 h", "GMT+3", "2026-11-23T00:00:00+03:00", 1000h, "2027-01-03T16:00:00+03:00"},
      {"GMT+10 crosses the UTC date", "GMT+10", "2026-11-29T13:30:00Z", 1h, "2026-11-30T00:30:00+10:00"},
  });
}

TEST_CASE("calendar: holidays") {
  const WorkingHours wednesday = hours(every({0, 1, 2, 3, 4}, 540, 1080), {day("2026-11-25")});
  check_rows(wednesday, {
      {"a holiday in the middle skips the day", "GMT+3", "2026-11-24T17:00:00+03:00", 2h,
       "2026-11-26T10:00:00+03:00"},
      {"opened inside a holiday: the next working day's opening", "GMT+3", "2026-11-25T10:00:00+03:00", 4h,
       "2026-11-26T13:00:00+03:00"},
      {"runs out exactly at closing before the holiday", "GMT+3", "2026-11-24T09:00:00+03:00", 9h,
       "2026-11-24T18:00:00+03:00"},
      {"the whole day before the holiday, opened the evening before", "GMT+3", "2026-11-23T20:00:00+03:00", 9h,
       "2026-11-24T18:00:00+03:00"},
  });
  const WorkingHours long_weekend =
      hours(every({0, 1, 2, 3, 4}, 540, 1080), {day("2026-11-30"), day("2026-11-27")});
  check_rows(long_weekend, {
      {"Friday and Monday holidays around a weekend", "GMT+3", "2026-11-26T17:00:00+03:00", 2h,
       "2026-12-01T10:00:00+03:00"},
      {"runs out Thursday 18:00 before the long weekend", "GMT+3", "2026-11-26T09:00:00+03:00", 9h,
       "2026-11-26T18:00:00+03:00"},
      {"opened on the Friday holiday", "GMT+3", "2026-11-27T11:00:00+03:00", 1h, "2026-12-01T10:00:00+03:00"},
  });
  check_rows(hours(every({0, 1, 2, 3, 4}, 540, 1080), {day("2026-11-28")}), {
      {"a Saturday holiday changes nothing for Mon-Fri", "GMT+3", "2026-11-27T17:00:00+03:00", 2h,
       "2026-11-30T10:00:00+03:00"},
  });
  check_rows(hours(every({0, 1, 2, 3, 4, 5, 6}, 540, 1080), {day("2026-11-28")}), {
      {"a Saturday holiday moves Business to Sunday", "GMT+3", "2026-11-27T17:30:00+03:00", 4h,
       "2026-11-29T12:30:00+03:00"},
  });
  const WorkingHours always_but_friday =
      hours(every({0, 1, 2, 3, 4, 5, 6}, 0, 1440), {day("2026-11-27")});
  check_rows(always_but_friday, {
      {"the holiday is the local date: Saturday 00:30Z is Friday 22:30 in GMT-2", "GMT-2",
       "2026-11-28T00:30:00Z", 1h, "2026-11-28T01:00:00-02:00"},
      {"24/7 resumes at the holiday's local midnight", "GMT+3", "2026-11-26T22:00:00+03:00", 4h,
       "2026-11-28T02:00:00+03:00"},
  });
}

TEST_CASE("calendar: windows split within a day") {
  const WorkingHours split = hours([] {
    auto w = every({0, 1, 2, 3, 4}, 540, 780);
    auto afternoon = every({0, 1, 2, 3, 4}, 840, 1080);
    w.insert(w.end(), afternoon.begin(), afternoon.end());
    return w;
  }());
  CHECK(split.weekly_open_time() == 40h);
  check_rows(split, {
      {"across lunch", "GMT+3", "2026-11-23T12:00:00+03:00", 2h, "2026-11-23T15:00:00+03:00"},
      {"runs out exactly at 13:00: due 13:00, not 14:00", "GMT+3", "2026-11-23T09:00:00+03:00", 4h,
       "2026-11-23T13:00:00+03:00"},
      {"opened at lunch starts at 14:00", "GMT+3", "2026-11-23T13:00:00+03:00", 1h, "2026-11-23T15:00:00+03:00"},
      {"Friday afternoon to Monday morning", "GMT+3", "2026-11-27T17:00:00+03:00", 2h,
       "2026-11-30T10:00:00+03:00"},
  });
}

TEST_CASE("calendar: Europe/Kyiv across both DST changes") {
  // 2026-03-29: 03:00 EET (+2) jumps to 04:00 EEST (+3). 2026-10-25: 04:00 EEST falls back to 03:00 EET.
  check_rows(WorkingHours::always(), {
      {"24/7: the spring-forward day has 23 open hours", "Europe/Kyiv", "2026-03-29T00:00:00+02:00", 24h,
       "2026-03-30T01:00:00+03:00"},
      {"24/7: 23 hours fill the spring-forward day exactly", "Europe/Kyiv", "2026-03-29T00:00:00+02:00", 23h,
       "2026-03-30T00:00:00+03:00"},
      {"24/7: an hour across the jump", "Europe/Kyiv", "2026-03-29T02:30:00+02:00", 1h,
       "2026-03-29T04:30:00+03:00"},
      {"24/7: the fall-back day has 25 open hours", "Europe/Kyiv", "2026-10-25T00:00:00+03:00", 25h,
       "2026-10-26T00:00:00+02:00"},
      {"24/7: 24 hours end at 23:00 on the fall-back day", "Europe/Kyiv", "2026-10-25T00:00:00+03:00", 24h,
       "2026-10-25T23:00:00+02:00"},
      {"24/7: winter to winter over both changes is real time", "Europe/Kyiv", "2026-01-01T00:00:00+02:00",
       8760h, "2027-01-01T00:00:00+02:00"},
  });
  check_rows(business(), {
      {"09-18: the jump at 03:00 is outside the window", "Europe/Kyiv", "2026-03-28T17:00:00+02:00", 4h,
       "2026-03-29T12:00:00+03:00"},
      {"09-18: the fall back at 04:00 is outside the window", "Europe/Kyiv", "2026-10-24T17:00:00+03:00", 4h,
       "2026-10-25T12:00:00+02:00"},
      {"09-18: a week over the spring change", "Europe/Kyiv", "2026-03-26T09:00:00+02:00", 63h,
       "2026-04-01T18:00:00+03:00"},
  });
  const WorkingHours night = hours(every({0, 1, 2, 3, 4, 5, 6}, 120, 360));  // 02:00-06:00
  check_rows(night, {
      {"02-06 window loses the skipped hour: 3 h fill it", "Europe/Kyiv", "2026-03-29T02:00:00+02:00", 3h,
       "2026-03-29T06:00:00+03:00"},
      {"02-06 window, 4 h: one more the next night", "Europe/Kyiv", "2026-03-29T02:00:00+02:00", 4h,
       "2026-03-30T03:00:00+03:00"},
      {"02-06 window gains the repeated hour: 5 h fill it", "Europe/Kyiv", "2026-10-25T02:00:00+03:00", 5h,
       "2026-10-25T06:00:00+02:00"},
      {"opened in the repeated hour, second pass", "Europe/Kyiv", "2026-10-25T03:30:00+02:00", 1h,
       "2026-10-25T04:30:00+02:00"},
  });
  const WorkingHours until_three = hours(every({0, 1, 2, 3, 4, 5, 6}, 120, 180));  // 02:00-03:00
  check_rows(until_three, {
      {"closing at 03:00 is the very instant of the jump: due then, written in the new offset", "Europe/Kyiv",
       "2026-03-29T02:00:00+02:00", 1h, "2026-03-29T04:00:00+03:00"},
      {"one minute more goes to the next night", "Europe/Kyiv", "2026-03-29T02:00:00+02:00", 61min,
       "2026-03-30T02:01:00+03:00"},
  });
}

TEST_CASE("calendar: America/New_York and Australia/Sydney across DST changes") {
  check_rows(WorkingHours::always(), {
      {"New York springs forward at 02:00 on 2026-03-08: 23 h day", "America/New_York",
       "2026-03-08T00:00:00-05:00", 24h, "2026-03-09T01:00:00-04:00"},
      {"New York falls back at 02:00 on 2026-11-01: 25 h day", "America/New_York", "2026-11-01T00:00:00-04:00",
       24h, "2026-11-01T23:00:00-05:00"},
      {"Sydney falls back at 03:00 on 2026-04-05 (southern autumn)", "Australia/Sydney",
       "2026-04-05T00:00:00+11:00", 24h, "2026-04-05T23:00:00+10:00"},
      {"Sydney springs forward at 02:00 on 2026-10-04", "Australia/Sydney", "2026-10-04T00:00:00+10:00", 24h,
       "2026-10-05T01:00:00+11:00"},
  });
  const WorkingHours night = hours(every({0, 1, 2, 3, 4, 5, 6}, 60, 240));  // 01:00-04:00
  check_rows(night, {
      {"New York: the skipped 02:00-03:00 leaves 2 h in the window", "America/New_York",
       "2026-03-08T01:00:00-05:00", 2h, "2026-03-08T04:00:00-04:00"},
      {"New York: the repeated 01:00-02:00 gives 4 h in the window", "America/New_York",
       "2026-11-01T01:00:00-04:00", 4h, "2026-11-01T04:00:00-05:00"},
  });
}

TEST_CASE("calendar: stretches trace the count") {
  using Stretch = WorkingHours::Stretch;
  auto same = [](const std::vector<Stretch>& got, const std::vector<Stretch>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      INFO("stretch " << i);
      CHECK(got[i].from == want[i].from);
      CHECK(got[i].to == want[i].to);
    }
  };
  Zone gmt3 = zone("GMT+3");
  same(business().stretches(gmt3, at("2026-11-27T17:30:00+03:00"), 4h),
       {{local("2026-11-27", 17h + 30min), local("2026-11-27", 18h)},
        {local("2026-11-28", 9h), local("2026-11-28", 12h + 30min)}});
  same(basic().stretches(gmt3, at("2026-11-27T17:30:00+03:00"), 8h),
       {{local("2026-11-27", 17h + 30min), local("2026-11-27", 18h)},
        {local("2026-11-30", 9h), local("2026-11-30", 16h + 30min)}});
  // Touching windows read as one stretch; the holiday is skipped.
  WorkingHours touching = hours({{0, 540, 780}, {0, 780, 1080}, {1, 540, 1080}, {2, 540, 1080}}, {day("2026-11-24")});
  same(touching.stretches(gmt3, at("2026-11-23T09:00:00+03:00"), 10h),
       {{local("2026-11-23", 9h), local("2026-11-23", 18h)}, {local("2026-11-25", 9h), local("2026-11-25", 10h)}});
  // 24/7 splits at midnight and at the DST jump, so every stretch is real time.
  same(WorkingHours::always().stretches(zone("Europe/Kyiv"), at("2026-03-29T00:00:00+02:00"), 24h),
       {{local("2026-03-29", 0h), local("2026-03-29", 3h)},
        {local("2026-03-29", 4h), local("2026-03-30", 0h)},
        {local("2026-03-30", 0h), local("2026-03-30", 1h)}});
  CHECK(basic().stretches(gmt3, at("2026-11-27T17:30:00+03:00"), 0h).empty());
}

TEST_CASE("calendar: edge amounts of work") {
  Zone gmt3 = zone("GMT+3");
  Instant closed = at("2026-11-28T12:00:00+03:00");
  // No work is due at once, even while closed.
  CHECK(basic().due_after(gmt3, closed, 0us) == closed);
  CHECK(basic().due_after(gmt3, closed, -5min) == closed);
  // Fractions of a second carry through.
  CHECK(business().due_after(gmt3, at("2026-11-27T17:30:00.5+03:00"), 4h) == at("2026-11-28T12:30:00.5+03:00"));
  CHECK(format_rfc3339(business().due_after(gmt3, at("2026-11-27T17:30:00.5+03:00"), 4h), gmt3) ==
        "2026-11-28T12:30:00+03:00");
  CHECK(basic().due_after(gmt3, at("2026-11-27T18:00:00+03:00"), 1us) == at("2026-11-30T09:00:00.000001+03:00"));
  // Far in the past and the future.
  CHECK(basic().due_after(gmt3, at("0001-01-01T09:00:00+03:00"), 8h) == at("0001-01-01T17:00:00+03:00"));
  CHECK(basic().due_after(gmt3, at("9999-12-31T17:00:00+03:00"), 1h) == at("9999-12-31T18:00:00+03:00"));
}

TEST_CASE("calendar: a 100,000-hour target costs no more than a small one") {
  Zone gmt3 = zone("GMT+3");
  Instant monday = at("2026-11-23T09:00:00+03:00");
  // 100,000 h = 2222 weeks of 45 h + 10 h: 9 h on Monday, 1 h on Tuesday.
  CHECK(basic().due_after(gmt3, monday, 100000h) == monday + date::weeks{2222} + 25h);
  // With a holiday on every Monday of the first 10 weeks: those 90 h come at the end (Monday 18:00 + ...).
  std::vector<date::local_days> mondays;
  for (int i = 0; i < 10; ++i) mondays.push_back(day("2026-11-23") + date::weeks{i});
  WorkingHours h = hours(every({0, 1, 2, 3, 4}, 540, 1080), mondays);
  // 100,000 + 90 h = 2224 weeks of 45 h + 10 h.
  CHECK(h.due_after(gmt3, monday, 100000h) == monday + date::weeks{2224} + 25h);
  // 24/7 counts real time, also in a zone with DST for all of its known changes.
  CHECK(WorkingHours::always().due_after(zone("Europe/Kyiv"), monday, 100000h) == monday + 100000h);
  CHECK(WorkingHours::always().due_after(zone("GMT-2"), monday, 100000h) == monday + 100000h);
}

namespace {

// A deterministic generator (mt19937_64's output is fixed by the standard;
// the library's distributions are not, so draw with plain arithmetic).
struct Draw {
  std::mt19937_64 engine{20261127};
  std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(engine() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
};

std::vector<Window> random_windows(Draw& draw) {
  switch (draw.below(8)) {
    case 0: return every({0, 1, 2, 3, 4}, 540, 1080);
    case 1: return every({0, 1, 2, 3, 4, 5, 6}, 540, 1080);
    case 2: return every({0, 1, 2, 3, 4, 5, 6}, 0, 1440);
    default: break;
  }
  std::vector<Window> out;
  while (out.empty()) {
    for (int d = 0; d < 7; ++d) {
      if (!draw.chance(70)) continue;
      // Up to three windows between distinct sorted cut points.
      int n = static_cast<int>(draw.below(3)) + 1;
      std::vector<int> cuts;
      while (static_cast<int>(cuts.size()) < 2 * n) {
        int c = draw.chance(30) ? static_cast<int>(draw.below(97)) * 15 : static_cast<int>(draw.below(1441));
        if (std::find(cuts.begin(), cuts.end(), c) == cuts.end()) cuts.push_back(c);
      }
      std::sort(cuts.begin(), cuts.end());
      for (int i = 0; i < n; ++i) out.push_back({d, cuts[2 * i], cuts[2 * i + 1]});
      // Sometimes a window touching the previous one or running to midnight.
      if (draw.chance(20) && cuts.back() < 1440) out.push_back({d, cuts.back(), 1440});
    }
  }
  return out;
}

}  // namespace

TEST_CASE("calendar: due_after agrees with the minute-by-minute reference") {
  Draw draw;
  const char* zones[] = {"GMT+3", "GMT-2", "GMT+10", "UTC+05:30", "Europe/Kyiv", "America/New_York",
                         "Australia/Sydney"};
  // Offset changes of 2026-2027 in the IANA zones above, to start near them.
  const Instant changes[] = {at("2026-03-29T01:00:00Z"), at("2026-10-25T01:00:00Z"), at("2026-03-08T07:00:00Z"),
                             at("2026-11-01T06:00:00Z"), at("2026-04-04T16:00:00Z"), at("2026-10-03T16:00:00Z"),
                             at("2027-03-28T01:00:00Z"), at("2027-03-14T07:00:00Z")};
  const Instant base = at("2026-01-05T00:00:00Z");
  int compared = 0;
  for (int round = 0; round < 1500; ++round) {
    std::vector<Window> windows = random_windows(draw);
    Zone z = zone(zones[draw.below(7)]);
    Instant start = base + std::chrono::minutes{draw.below(2 * 366 * 1440)};
    if (draw.chance(30)) start = changes[draw.below(8)] + std::chrono::minutes{draw.below(6 * 1440) - 3 * 1440};
    // Holidays near the start: some on its local date, some in a row.
    std::vector<date::local_days> holidays;
    date::local_days first = clause::calendar::local_date(z, start);
    int count = static_cast<int>(draw.below(6));
    for (int i = 0; i < count; ++i) holidays.push_back(first + date::days{static_cast<int>(draw.below(40)) - 5});
    if (draw.chance(30)) holidays.push_back(first);
    auto made = WorkingHours::make(windows, holidays);
    REQUIRE(made.ok());
    const WorkingHours& h = *made;
    // Sometimes start exactly at a window's opening or closing, in local time.
    if (draw.chance(35)) {
      const Window& w = h.windows()[static_cast<std::size_t>(draw.below(static_cast<std::int64_t>(h.windows().size())))];
      auto local_day = first + date::days{static_cast<int>(draw.below(14))};
      int weekday = static_cast<int>(date::weekday{local_day}.iso_encoding()) - 1;
      local_day += date::days{(w.weekday - weekday + 7) % 7};
      auto minute = std::chrono::minutes{draw.chance(50) ? w.start_minute : w.end_minute};
      Instant guess = Instant{local_day.time_since_epoch() + minute};
      start = guess - z.offset_at(guess - z.offset_at(guess));
    }
    // Targets from a minute to 1000 h, spread on a log scale, bounded so the walk stays short.
    auto open_minutes = std::chrono::duration_cast<std::chrono::minutes>(h.weekly_open_time()).count();
    std::int64_t limit = std::min<std::int64_t>(60000, open_minutes * 60);
    std::int64_t work_minutes = 1;
    for (int bits = static_cast<int>(draw.below(17)); bits > 0 && work_minutes < limit; --bits) work_minutes *= 2;
    work_minutes = std::min(limit, work_minutes + draw.below(work_minutes));
    if (draw.chance(15)) work_minutes = open_minutes * (1 + draw.below(3));  // whole weeks
    std::chrono::minutes work{work_minutes};

    INFO("round " << round << " zone " << z.canonical() << " start " << format_rfc3339(start, z) << " work "
                  << work_minutes << " min, " << windows.size() << " windows, " << holidays.size() << " holidays");
    Instant fast = h.due_after(z, start, work);
    Instant slow = clause::calendar::due_after_reference(h, z, start, work);
    INFO("fast " << format_rfc3339(fast, z) << " slow " << format_rfc3339(slow, z));
    REQUIRE(fast == slow);
    ++compared;

    // The trace adds up to the work, stays in open time and ends at the due.
    auto trace = h.stretches(z, start, work);
    REQUIRE_FALSE(trace.empty());
    std::chrono::microseconds sum{0};
    for (const auto& s : trace) {
      CHECK(s.from < s.to);
      CHECK(h.is_open(s.from));
      CHECK(h.is_open(s.to - 1us));
      sum += s.to - s.from;
    }
    CHECK(sum == work);
    CHECK(trace.back().to.time_since_epoch() == fast.time_since_epoch() + z.offset_at(fast - 1us));
  }
  CHECK(compared == 1500);
}

TEST_CASE("calendar: due_after agrees with the reference to the second") {
  Draw draw;
  draw.engine.seed(7);
  const char* zones[] = {"GMT+3", "Europe/Kyiv", "America/New_York", "Australia/Sydney"};
  for (int round = 0; round < 200; ++round) {
    auto made = WorkingHours::make(random_windows(draw));
    REQUIRE(made.ok());
    Zone z = zone(zones[draw.below(4)]);
    Instant start = at("2026-03-01T00:00:00Z") + std::chrono::seconds{draw.below(280 * 86400)};
    std::int64_t open_seconds = made->weekly_open_time().count();
    std::chrono::seconds work{1 + draw.below(std::min<std::int64_t>(8 * 3600, open_seconds / 10 + 1))};
    INFO("round " << round << " start " << format_rfc3339(start, z) << " work " << work.count() << " s");
    CHECK(made->due_after(z, start, work) == clause::calendar::due_after_reference(*made, z, start, work));
  }
}
