// The public-holiday calendars shipped in policies/calendars/, each against
// the dates its government publishes, and the rules they are written in.
#include <catch2/catch.hpp>

#include <map>

#include "calendar/holidays.h"
#include "calendar/timestamp.h"
#include "support/sha256.h"
#include "test_support.h"

using namespace clause;

namespace {

// The dates of one holiday list of a calendar library, within a year.
std::vector<std::string> dates(const std::string& file, const std::string& list, int year) {
  diag::Sink sink;
  auto unit = driver::load(file, driver::Stage::check, sink);
  REQUIRE(unit.ok);
  std::vector<std::string> out;
  for (const auto& [name, holidays] : unit.checked->holiday_lists) {
    if (name != list) continue;
    for (auto d : holidays.days) {
      std::string text = calendar::format_date(d);
      if (text.starts_with(std::to_string(year))) out.push_back(text);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("calendars: England and Wales bank holidays are gov.uk's") {
  // gov.uk/bank-holidays.json, division england-and-wales (substitute days as listed).
  const std::map<int, std::vector<std::string>> published = {
      {2025, {"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"}},
      {2026, {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"}},
      {2027, {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"}},
      {2028, {"2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"}},
  };
  for (const auto& [year, days] : published) {
    INFO(year);
    CHECK(dates("policies/calendars/england-wales.policy", "england_wales", year) == days);
  }
}

TEST_CASE("calendars: United States federal holidays are OPM's observed days") {
  // OPM "Federal Holidays" (as its per-year tables give them; checked against
  // sources citing them). 2027-12-31 is New Year's Day 2028, observed on the
  // Friday: OPM lists it under 2028, it falls in 2027.
  const std::map<int, std::vector<std::string>> published = {
      {2025, {"2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-10-13",
              "2025-11-11", "2025-11-27", "2025-12-25"}},
      {2026, {"2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12",
              "2026-11-11", "2026-11-26", "2026-12-25"}},
      {2027, {"2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11",
              "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31"}},
      {2028, {"2028-01-17", "2028-02-21", "2028-05-29", "2028-06-19", "2028-07-04", "2028-09-04", "2028-10-09", "2028-11-10",
              "2028-11-23", "2028-12-25"}},
  };
  for (const auto& [year, days] : published) {
    INFO(year);
    CHECK(dates("policies/calendars/us-federal.policy", "us_federal", year) == days);
  }
}

TEST_CASE("calendars: Germany's holidays, and Berlin's, fall where the law puts them, weekends not moved") {
  const std::map<int, std::vector<std::string>> germany = {
      {2025, {"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09", "2025-10-03", "2025-12-25",
              "2025-12-26"}},
      {2026, {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03", "2026-12-25",
              "2026-12-26"}},
      {2027, {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-17", "2027-10-03", "2027-12-25",
              "2027-12-26"}},
      {2028, {"2028-01-01", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-25", "2028-06-05", "2028-10-03", "2028-12-25",
              "2028-12-26"}},
  };
  for (const auto& [year, days] : germany) {
    INFO(year);
    CHECK(dates("policies/calendars/germany-berlin.policy", "germany", year) == days);
  }
  CHECK(dates("policies/calendars/germany-berlin.policy", "berlin", 2018).empty());
  CHECK(dates("policies/calendars/germany-berlin.policy", "berlin", 2025) == std::vector<std::string>{"2025-03-08", "2025-05-08"});
  CHECK(dates("policies/calendars/germany-berlin.policy", "berlin", 2028) == std::vector<std::string>{"2028-03-08", "2028-06-17"});
}

TEST_CASE("calendars: Easter Sunday by the Gregorian computus") {
  const std::map<int, std::string> easter = {{1961, "1961-04-02"}, {2000, "2000-04-23"}, {2024, "2024-03-31"},
                                             {2025, "2025-04-20"}, {2026, "2026-04-05"}, {2027, "2027-03-28"},
                                             {2028, "2028-04-16"}, {2038, "2038-04-25"}, {2285, "2285-03-22"}};
  for (const auto& [year, day] : easter) CHECK(calendar::format_date(date::local_days(calendar::easter_sunday(year))) == day);
}

TEST_CASE("calendars: holiday rules, one at a time") {
  using calendar::HolidayRule;
  auto fixed = [](unsigned month, unsigned day, lang::Observed observed = lang::Observed::none) {
    HolidayRule r;
    r.kind = HolidayRule::Kind::fixed;
    r.month = month;
    r.day = day;
    r.observed = observed;
    return r;
  };
  auto texts = [](const std::vector<date::local_days>& days) {
    std::vector<std::string> out;
    for (auto d : days) out.push_back(calendar::format_date(d));
    return out;
  };
  // Christmas on a Sunday (2022) with Boxing Day on the Monday: the substitute for Christmas is Tuesday.
  CHECK(texts(calendar::expand({fixed(12, 25, lang::Observed::next_weekday), fixed(12, 26, lang::Observed::next_weekday)}, 2022, 2022)) ==
        std::vector<std::string>{"2022-12-26", "2022-12-27"});
  // Nearest weekday: Saturday to Friday, Sunday to Monday.
  CHECK(texts(calendar::expand({fixed(7, 4, lang::Observed::nearest_weekday)}, 2026, 2027)) ==
        std::vector<std::string>{"2026-07-03", "2027-07-05"});
  // The last Monday of May; the 5th Monday of a month only in years that have one.
  HolidayRule last;
  last.kind = HolidayRule::Kind::nth_weekday;
  last.month = 5;
  last.nth = 0;
  last.weekday = 0;
  CHECK(texts(calendar::expand({last}, 2026, 2026)) == std::vector<std::string>{"2026-05-25"});
  HolidayRule fifth = last;
  fifth.nth = 5;
  fifth.month = 3;
  CHECK(texts(calendar::expand({fifth}, 2026, 2028)) == std::vector<std::string>{"2026-03-30", "2027-03-29"});
  // A day relative to another rule holds in the years that one does.
  HolidayRule thanksgiving;
  thanksgiving.kind = HolidayRule::Kind::nth_weekday;
  thanksgiving.month = 11;
  thanksgiving.nth = 4;
  thanksgiving.weekday = 3;
  thanksgiving.from_year = 2026;
  HolidayRule after;
  after.kind = HolidayRule::Kind::relative;
  after.base = 0;
  after.offset = 1;
  CHECK(texts(calendar::expand({thanksgiving, after}, 2025, 2026)) == std::vector<std::string>{"2026-11-26", "2026-11-27"});
}

TEST_CASE("calendars: a policy imports a calendar and its hours take the holidays off") {
  testing_support::ScratchDir dir;
  std::filesystem::create_directories(dir.path() / "calendars");
  std::filesystem::copy_file("policies/calendars/england-wales.policy", dir.path() / "calendars/england-wales.policy");
  std::ofstream(dir.path() / "desk.policy") << R"(policy desk "Desk" {
  import "calendars/england-wales.policy"
  case {
    channel:  portal
    priority: P1 > P2
  }
  urgency priority
  hours office = Mon-Fri 09:00-17:00 in Europe/London except england_wales
  plan standard {
    registers portal
    hours office
    respond P1..P2 within 1 business day
  }
}
)";
  diag::Sink sink;
  auto unit = driver::load((dir.path() / "desk.policy").string(), driver::Stage::lower, sink);
  sink.finish();
  INFO(diag::render_all(sink.diagnostics(), diag::Format::text, "test"));
  REQUIRE(unit.ok);
  REQUIRE(unit.imports.size() == 1);
  caseio::Evaluator evaluator({unit.program});
  // Christmas Eve 2026 (Thursday) at 16:00 London: one business day later skips
  // Christmas (Fri 25) and the Boxing Day substitute (Mon 28): Tuesday 16:00.
  std::string decision;
  evaluator.decide(R"({"opened_at":"2026-12-24T16:00:00Z","zone":"Europe/Paris","plan":"standard","channel":"portal","priority":"P1"})", &decision);
  CHECK_THAT(decision, Catch::Contains(R"("due":"2026-12-29T17:00:00+01:00")"));
  // The revision covers the imported text too.
  CHECK(unit.revision != sha256_hex(unit.file->text()).substr(0, 12));
}
