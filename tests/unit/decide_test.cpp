// Decisions on the seed policies, one row per rule of CONTRACT.md section 5
// and its boundaries. Each row says why it decides as it does.
#include <catch2/catch.hpp>

#include "caseio/evaluate.h"
#include "driver/driver.h"
#include "test_support.h"

using namespace clause;
using testing_support::evaluate_line;

namespace {

caseio::Evaluator& seeds() {
  static std::unique_ptr<caseio::Evaluator> evaluator;
  if (!evaluator) evaluator = std::make_unique<caseio::Evaluator>(testing_support::seed_programs());
  return *evaluator;
}

std::string decide(const std::string& json) { return evaluate_line(seeds(), json); }

// A vendor case: an authorized admin's incident, P2, on email, with `extra` fields added.
std::string vendor(const std::string& fields) {
  return R"({"policy":"beesender","zone":"GMT+3","channel":"email","contact":{"role":"admin","authorized":true},)" +
         fields + "}";
}

std::string partner(const std::string& fields) {
  return R"({"policy":"aimaras","zone":"GMT+3","channel":"portal","topic":"general",)" + fields + "}";
}

struct Row {
  const char* why;
  std::string json;
  std::vector<std::string> expect;   // fragments of the decision line
};

void run(const std::vector<Row>& rows) {
  for (const auto& row : rows) {
    std::string decision = decide(row.json);
    INFO(row.why << "\n" << row.json << "\n" << decision);
    for (const auto& fragment : row.expect) CHECK_THAT(decision, Catch::Contains(fragment));
  }
}

const std::string incident_p2 = R"("category":"incident","priority":"P2","topic":"product")";
const std::string admin = R"("contact":{"role":"admin","authorized":true})";

}  // namespace

TEST_CASE("decide: the vendor policy's rules in order") {
  run({
      {"rule 2: an unauthorized contact is rejected, whatever else",
       R"({"policy":"beesender","zone":"GMT+3","channel":"email","contact":{"role":"admin","authorized":false},"opened_at":"2026-11-25T10:00:00+03:00","plan":"premium",)" + incident_p2 + "}",
       {R"("outcome":"rejected")", R"("basis":null)", R"("priority":"P2")", R"("response":null)", R"("rule":"unauthorized")"}},
      {"rule 3: a modified package removes support",
       vendor(R"("opened_at":"2026-11-25T10:00:00+03:00","plan":"premium","facts":["modified_package"],)" + incident_p2),
       {R"("outcome":"not_covered")", R"("basis":null)", R"("rule":"modified_package")"}},
      {"rule 3 just missed: an empty set of facts",
       vendor(R"("opened_at":"2026-11-25T10:00:00+03:00","plan":"premium","facts":[],)" + incident_p2),
       {R"("outcome":"covered")", R"("basis":"plan:premium")"}},
      {"rule 4: no plan means Basic; P1 on Basic is 4 working hours (Wed 10:00 -> 14:00)",
       vendor(R"("opened_at":"2026-11-25T10:00:00+03:00","category":"incident","priority":"P1","topic":"product")"),
       {R"("outcome":"covered")", R"("basis":"plan:basic")", R"("due":"2026-11-25T14:00:00+03:00")", R"("rule":"default_plan")"}},
      {"rule 4: a null plan is no plan",
       vendor(R"("opened_at":"2026-11-25T10:00:00+03:00","plan":null,)" + incident_p2),
       {R"("basis":"plan:basic")"}},
      {"rule 4: a request sent as P1 is lowered to P3 with a warning, even when rejected",
       R"({"policy":"beesender","zone":"GMT+3","channel":"email","contact":{"role":"admin","authorized":false},"opened_at":"2026-11-25T10:00:00+03:00","category":"request","priority":"P1","topic":"licensing"})",
       {R"("outcome":"rejected")", R"("priority":"P3")", R"("warnings":["priority lowered from P1 to P3)"}},
      {"rule 4 just missed: a request sent as P4 stays P4, no warning",
       vendor(R"("opened_at":"2026-11-25T10:00:00+03:00","plan":"business","category":"request","priority":"P4","topic":"licensing")"),
       {R"("priority":"P4")", R"("warnings":[])"}},
      {"rule 5: server licenses outside Premium",
       vendor(R"("opened_at":"2026-11-25T10:00:00+03:00","plan":"business","category":"incident","priority":"P2","topic":"server_license")"),
       {R"("outcome":"not_covered")", R"("rule":"server_license_outside_premium")"}},
      {"rule 5 just missed: server licenses on Premium",
       vendor(R"("opened_at":"2026-11-25T10:00:00+03:00","plan":"premium","category":"incident","priority":"P2","topic":"server_license")"),
       {R"("outcome":"covered")", R"("basis":"plan:premium")"}},
      {"rule 5: a user's request on Basic",
       R"({"policy":"beesender","zone":"GMT+3","channel":"email","contact":{"role":"user","authorized":true},"opened_at":"2026-11-25T10:00:00+03:00","category":"request","priority":"P3","topic":"product"})",
       {R"("outcome":"not_covered")", R"("rule":"user_question_on_basic")"}},
      {"rule 5 just missed: a user's incident on Basic is covered",
       R"({"policy":"beesender","zone":"GMT+3","channel":"email","contact":{"role":"user","authorized":true},"opened_at":"2026-11-25T10:00:00+03:00","category":"incident","priority":"P3","topic":"product"})",
       {R"("outcome":"covered")", R"("basis":"plan:basic")"}},
      {"rule 6: business processes are limited, with the plan's target (Business P3: 4 h)",
       vendor(R"("opened_at":"2026-11-25T10:00:00+03:00","plan":"business","category":"request","priority":"P3","topic":"business_process")"),
       {R"("outcome":"limited")", R"("basis":"plan:business")", R"("within_hours":4)", R"("due":"2026-11-25T14:00:00+03:00")"}},
      {"rule 7: Premium P2, 2 hours round the clock (Sat 23:00 -> Sun 01:00)",
       vendor(R"("opened_at":"2026-11-28T23:00:00+03:00","plan":"premium",)" + incident_p2),
       {R"("due":"2026-11-29T01:00:00+03:00")", R"("entitlements":["case_processing","admin_questions","user_questions","customer_success_manager","developer_meetings","server_license_support"])"}},
      {"contract 3: Business P2 opened Friday 17:30 -> Saturday 12:30",
       vendor(R"("opened_at":"2026-11-27T17:30:00+03:00","plan":"business",)" + incident_p2),
       {R"("due":"2026-11-28T12:30:00+03:00")"}},
      {"contract 3: Basic P2 opened Friday 17:30 -> Monday 16:30",
       vendor(R"("opened_at":"2026-11-27T17:30:00+03:00","plan":"basic",)" + incident_p2),
       {R"("due":"2026-11-30T16:30:00+03:00")"}},
      {"contract 6: opened exactly at 18:00 starts at the next opening (Basic P1: Mon 09:00 + 4 h)",
       vendor(R"("opened_at":"2026-11-27T18:00:00+03:00","plan":"basic","category":"incident","priority":"P1","topic":"product")"),
       {R"("due":"2026-11-30T13:00:00+03:00")"}},
      {"contract 3: a target that runs out at closing is due at closing (Basic P2 opened 10:00 -> 18:00)",
       vendor(R"("opened_at":"2026-11-26T10:00:00+03:00","plan":"basic",)" + incident_p2),
       {R"("due":"2026-11-26T18:00:00+03:00")"}},
      {"zones: GMT-2, opened in UTC on Saturday but Friday 22:00 local; Basic waits for Monday",
       R"({"policy":"beesender","zone":"GMT-2","channel":"email","contact":{"role":"admin","authorized":true},"opened_at":"2026-11-28T00:00:00Z","plan":"basic",)" + incident_p2 + "}",
       {R"("due":"2026-11-30T17:00:00-02:00")"}},
      {"zones: UTC+10:00 is GMT+10",
       R"({"policy":"beesender","zone":"UTC+10:00","channel":"email","contact":{"role":"admin","authorized":true},"opened_at":"2026-11-25T10:00:00+10:00","plan":"basic",)" + incident_p2 + "}",
       {R"("outcome":"covered")", R"("due":"2026-11-25T18:00:00+10:00")"}},
  });
}

TEST_CASE("decide: the partner policy's guarantee and plans") {
  auto project = [](const std::string& budget, const std::string& completed) {
    return R"("project":{"budget":)" + budget + R"(,"completed_on":")" + completed + R"("})";
  };
  run({
      {"rule 1: unauthorized", partner(R"("contact":{"role":"admin","authorized":false},"opened_at":"2026-11-25T10:00:00+03:00","severity":"A","cause":"bug",)" + project("60000", "2026-10-01")),
       {R"("outcome":"rejected")", R"("priority":"A")"}},
      {"rule 2: a bug inside 60 days is the guarantee's, no response number",
       partner(admin + R"(,"opened_at":"2026-11-25T10:00:00+03:00","severity":"A","cause":"bug",)" + project("\"60000 USD\"", "2026-10-01")),
       {R"("outcome":"covered")", R"("basis":"guarantee")", R"("response":null)"}},
      {"rule 2: a question is covered too (the page: all issues related to the project)",
       partner(admin + R"(,"opened_at":"2026-11-25T10:00:00+03:00","severity":"C","cause":"question",)" + project("60000", "2026-10-01")),
       {R"("basis":"guarantee")"}},
      {"rule 2: a case opened before completion counts as inside",
       partner(admin + R"(,"opened_at":"2026-09-01T10:00:00+03:00","severity":"C","cause":"bug",)" + project("60000", "2026-10-01")),
       {R"("basis":"guarantee")"}},
      {"band: 24999.99 is below 25,000: 30 days; day 30 (Oct 31) inside",
       partner(admin + R"(,"opened_at":"2026-10-31T23:59:59+03:00","severity":"C","cause":"bug",)" + project("24999.99", "2026-10-01")),
       {R"("basis":"guarantee")"}},
      {"band: 24999.99: day 31 outside",
       partner(admin + R"(,"opened_at":"2026-11-01T00:00:00+03:00","severity":"C","cause":"bug",)" + project("24999.99", "2026-10-01")),
       {R"("outcome":"billable")", R"("basis":"time_and_materials")"}},
      {"band: exactly 25,000 gets 60 days (Nov 30 inside)",
       partner(admin + R"(,"opened_at":"2026-11-30T12:00:00+03:00","severity":"C","cause":"bug",)" + project("25000", "2026-10-01")),
       {R"("basis":"guarantee")"}},
      {"band: exactly 75,000 gets 60 days, not 90 (Dec 1 outside)",
       partner(admin + R"(,"opened_at":"2026-12-01T12:00:00+03:00","severity":"C","cause":"bug",)" + project("75000", "2026-10-01")),
       {R"("outcome":"billable")"}},
      {"band: 75000.01 gets 90 days (Dec 1 inside)",
       partner(admin + R"(,"opened_at":"2026-12-01T12:00:00+03:00","severity":"C","cause":"bug",)" + project("75000.01", "2026-10-01")),
       {R"("basis":"guarantee")"}},
      {"band: 75000.000000000001 compares exactly: above 75,000",
       partner(admin + R"(,"opened_at":"2026-12-01T12:00:00+03:00","severity":"C","cause":"bug",)" + project("75000.000000000001", "2026-10-01")),
       {R"("basis":"guarantee")"}},
      {"local date: GMT+10, 2026-11-30T20:00Z is Dec 1 locally: outside the 60 days",
       R"({"policy":"aimaras","zone":"GMT+10","channel":"email","topic":"general",)" + admin + R"(,"opened_at":"2026-11-30T20:00:00Z","severity":"C","cause":"bug",)" + project("60000", "2026-10-01") + "}",
       {R"("outcome":"billable")"}},
      {"local date: GMT-2, 2026-12-01T01:00Z is still Nov 30 locally: inside",
       R"({"policy":"aimaras","zone":"GMT-2","channel":"email","topic":"general",)" + admin + R"(,"opened_at":"2026-12-01T01:00:00Z","severity":"C","cause":"bug",)" + project("60000", "2026-10-01") + "}",
       {R"("basis":"guarantee")"}},
      {"rule 2 excluded: a client change inside the period falls to the plan (Business B: 4 h)",
       partner(admin + R"(,"opened_at":"2026-11-25T10:00:00+03:00","plan":"business","severity":"B","cause":"client_change",)" + project("60000", "2026-10-01")),
       {R"("outcome":"covered")", R"("basis":"plan:business")", R"("rule":"client_or_third_party")", R"("due":"2026-11-25T14:00:00+03:00")"}},
      {"rule 2 excluded, no plan: third-party software is time and materials",
       partner(admin + R"(,"opened_at":"2026-11-25T10:00:00+03:00","severity":"B","cause":"third_party_software",)" + project("60000", "2026-10-01")),
       {R"("outcome":"billable")", R"("basis":"time_and_materials")"}},
      {"rule 3: a user's question on Basic is not the plan's: time and materials",
       partner(R"("contact":{"role":"user","authorized":true},"opened_at":"2027-03-01T10:00:00+03:00","plan":"basic","severity":"C","cause":"question",)" + project("60000", "2026-10-01")),
       {R"("outcome":"billable")", R"("rule":"user_question_on_basic")"}},
      {"rule 3 just missed: a user's bug on Basic is the plan's (C: 16 working hours, Mon 10:00 -> Tue 17:00)",
       partner(R"("contact":{"role":"user","authorized":true},"opened_at":"2027-03-01T10:00:00+03:00","plan":"basic","severity":"C","cause":"bug",)" + project("60000", "2026-10-01")),
       {R"("basis":"plan:basic")", R"("within_hours":16)", R"("due":"2027-03-02T17:00:00+03:00")"}},
      {"rule 3: developer consultations outside Premium",
       R"({"policy":"aimaras","zone":"GMT+3","channel":"portal","topic":"developer_consultation",)" + admin + R"(,"opened_at":"2027-03-01T10:00:00+03:00","plan":"business","severity":"C","cause":"question",)" + project("60000", "2026-10-01") + "}",
       {R"("outcome":"billable")", R"("rule":"developer_consultation_outside_premium")"}},
      {"rule 3: Premium A, 1 hour round the clock",
       partner(admin + R"(,"opened_at":"2027-03-06T23:30:00+03:00","plan":"premium","severity":"A","cause":"bug",)" + project("60000", "2026-10-01")),
       {R"("basis":"plan:premium")", R"("due":"2027-03-07T00:30:00+03:00")"}},
  });
}
