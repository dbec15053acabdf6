// The seed policies encode the published page: every number, channel,
// entitlement and price of it is checked here against the compiled policy.
#include <catch2/catch.hpp>

#include <map>

#include "diag/render.h"
#include "driver/driver.h"
#include "ir/program.h"
#include "testing/policy_tests.h"

using namespace clause;

namespace {

const driver::Unit& seed(const std::string& name) {
  static std::map<std::string, driver::Unit> units;
  auto it = units.find(name);
  if (it == units.end()) {
    diag::Sink sink;
    auto unit = driver::load("policies/" + name + ".policy", driver::Stage::lower, sink);
    INFO(diag::render_all(sink.diagnostics(), diag::Format::text, "test"));
    REQUIRE(unit.ok);
    it = units.emplace(name, std::move(unit)).first;
  }
  return it->second;
}

// Every result passed; a failure shows its mismatches and the decision.
void check_passed(const std::vector<testing::TestResult>& results, const std::string& label) {
  for (const auto& r : results) {
    std::string why;
    for (const auto& m : r.mismatches) why += m.what + ": expected " + m.expected + ", got " + m.actual + "\n";
    INFO(label << ": " << r.name << "\n" << r.decision << "\n" << why);
    CHECK(r.passed);
  }
}

const sema::Plan& plan(const sema::Checked& c, const std::string& id) {
  int index = c.plan_index(id);
  REQUIRE(index >= 0);
  return c.plans[static_cast<std::size_t>(index)];
}

double target_hours(const sema::Checked& c, const std::string& plan_id, const std::string& urgency) {
  const auto& p = plan(c, plan_id);
  int v = c.urgency()->value_index(urgency);
  REQUIRE(v >= 0);
  REQUIRE(p.targets[static_cast<std::size_t>(v)].has_value());
  CHECK(p.targets[static_cast<std::size_t>(v)]->within.working());
  return std::chrono::duration<double, std::ratio<3600>>(p.targets[static_cast<std::size_t>(v)]->within.length).count();
}

std::vector<std::string> names(const std::vector<int>& indices, const std::vector<std::string>& all) {
  std::vector<std::string> out;
  for (int i : indices) out.push_back(all[static_cast<std::size_t>(i)]);
  return out;
}

std::vector<std::string> includes(const sema::Checked& c, const std::string& plan_id) {
  std::vector<std::string> out;
  for (int e : plan(c, plan_id).includes) out.push_back(c.entitlements[static_cast<std::size_t>(e)].id);
  std::sort(out.begin(), out.end());
  return out;
}

std::string hours_of(const sema::Checked& c, const std::string& plan_id) {
  return c.hours[static_cast<std::size_t>(plan(c, plan_id).hours)].name;
}

void check_zones(const sema::Checked& c) {
  // "Support hours (GMT +1/+2/+3/+8/+10 ; GMT -2)"
  std::vector<std::string> expected{"GMT+1", "GMT+2", "GMT+3", "GMT+8", "GMT+10", "GMT-2"};
  CHECK(c.zone_texts == expected);
}

void check_weekly_hours(const sema::Checked& c) {
  auto find = [&](const std::string& name) -> const sema::Hours& {
    for (const auto& h : c.hours) {
      if (h.name == name) return h;
    }
    FAIL("no hours " << name);
    return c.hours.front();
  };
  // "9 am - 6 pm (Monday - Friday)", "(Monday - Sunday)", "24/7"
  CHECK(find("weekdays").windows.size() == 5);
  CHECK(find("every_day").windows.size() == 7);
  for (const auto& w : find("every_day").windows) {
    CHECK(w.start_minute == 9 * 60);
    CHECK(w.end_minute == 18 * 60);
  }
  CHECK(find("always").always);
  CHECK(find("weekdays").hours.weekly_open_time() == std::chrono::hours(45));
  CHECK(find("every_day").hours.weekly_open_time() == std::chrono::hours(63));
  CHECK(find("always").hours.weekly_open_time() == std::chrono::hours(168));
}

}  // namespace

TEST_CASE("seeds: the vendor policy is the page") {
  const auto& c = *seed("beesender").checked;
  CHECK(c.name == "beesender");
  check_zones(c);
  check_weekly_hours(c);
  REQUIRE(c.plans.size() == 3);
  // Package cost: Free / 10% / 20% of the licenses price.
  CHECK(plan(c, "basic").price.kind == syntax::Price::Kind::free);
  CHECK(plan(c, "business").price.percent == money::Decimal::from_integer(10));
  CHECK(plan(c, "premium").price.percent == money::Decimal::from_integer(20));
  CHECK(plan(c, "premium").price.base == "license_price");
  // Support hours per plan.
  CHECK(hours_of(c, "basic") == "weekdays");
  CHECK(hours_of(c, "business") == "every_day");
  CHECK(hours_of(c, "premium") == "always");
  // Response times, working hours: high priority 4 / 1 / 1; priorities 2-4: 8 / 4 / 2.
  CHECK(target_hours(c, "basic", "P1") == 4);
  CHECK(target_hours(c, "business", "P1") == 1);
  CHECK(target_hours(c, "premium", "P1") == 1);
  for (const char* p : {"P2", "P3", "P4"}) {
    CHECK(target_hours(c, "basic", p) == 8);
    CHECK(target_hours(c, "business", p) == 4);
    CHECK(target_hours(c, "premium", p) == 2);
  }
  // Authorized contacts 2 / 5 / 15; communication email / +phone / +Skype.
  CHECK(plan(c, "basic").contacts == 2);
  CHECK(plan(c, "business").contacts == 5);
  CHECK(plan(c, "premium").contacts == 15);
  CHECK(plan(c, "basic").talks == std::vector<std::string>{"email"});
  CHECK(plan(c, "premium").talks == std::vector<std::string>{"email", "phone", "skype"});
  // Registration: chatbot and email (the table) and the portal (the how-to), every plan.
  const auto& channels = c.fields[static_cast<std::size_t>(c.channel_field)].values;
  for (const char* p : {"basic", "business", "premium"}) {
    auto registered = names(plan(c, p).registers, channels);
    std::sort(registered.begin(), registered.end());
    CHECK(registered == std::vector<std::string>{"chatbot", "email", "portal"});
  }
  // The ticks of the table.
  CHECK(includes(c, "basic") == std::vector<std::string>{"admin_questions", "case_processing"});
  CHECK(includes(c, "business") ==
        std::vector<std::string>{"admin_questions", "case_processing", "customer_success_manager", "user_questions"});
  CHECK(includes(c, "premium") ==
        std::vector<std::string>{"admin_questions", "case_processing", "customer_success_manager", "developer_meetings",
                                 "server_license_support", "user_questions"});
  CHECK(c.default_plan == c.plan_index("basic"));
  CHECK_FALSE(c.guarantee.has_value());
}

TEST_CASE("seeds: the partner policy is the page") {
  const auto& c = *seed("aimaras").checked;
  check_zones(c);
  check_weekly_hours(c);
  // Package cost, % of the total project budget, yearly: 6 / 12 / 20.
  for (auto [p, percent] : {std::pair{"basic", 6}, {"business", 12}, {"premium", 20}}) {
    CHECK(plan(c, p).price.percent == money::Decimal::from_integer(percent));
    CHECK(plan(c, p).price.base == "project.budget");
    CHECK(plan(c, p).price.period == syntax::Price::Period::year);
  }
  // Severity A 8 / 2 / 1, B 12 / 4 / 2, C and D 16 / 8 / 4.
  CHECK(target_hours(c, "basic", "A") == 8);
  CHECK(target_hours(c, "business", "A") == 2);
  CHECK(target_hours(c, "premium", "A") == 1);
  CHECK(target_hours(c, "basic", "B") == 12);
  CHECK(target_hours(c, "business", "B") == 4);
  CHECK(target_hours(c, "premium", "B") == 2);
  for (const char* s : {"C", "D"}) {
    CHECK(target_hours(c, "basic", s) == 16);
    CHECK(target_hours(c, "business", s) == 8);
    CHECK(target_hours(c, "premium", s) == 4);
  }
  CHECK(plan(c, "basic").contacts == 2);
  CHECK(plan(c, "business").contacts == 3);
  CHECK(plan(c, "premium").contacts == 5);
  CHECK(plan(c, "premium").talks == std::vector<std::string>{"email", "phone", "whatsapp_telegram"});
  CHECK(includes(c, "basic") == std::vector<std::string>{"admin_questions"});
  CHECK(includes(c, "business") == std::vector<std::string>{"admin_questions", "user_questions"});
  CHECK(includes(c, "premium") ==
        std::vector<std::string>{"admin_questions", "developer_consultations", "user_questions"});
  CHECK(c.default_plan == -1);
  CHECK(c.otherwise == sema::Otherwise::time_and_materials);
  // The guarantee: below 25,000: 30 days; 25,000 to 75,000: 60; above 75,000: 90.
  REQUIRE(c.guarantee.has_value());
  const auto& g = *c.guarantee;
  REQUIRE(g.bands.size() == 3);
  CHECK(g.bands[0].kind == syntax::Band::Kind::below);
  CHECK(g.bands[0].high == money::Decimal::from_integer(25000));
  CHECK(g.bands[0].days == 30);
  CHECK(g.bands[1].kind == syntax::Band::Kind::between);
  CHECK(g.bands[1].low == money::Decimal::from_integer(25000));
  CHECK(g.bands[1].high == money::Decimal::from_integer(75000));
  CHECK(g.bands[1].days == 60);
  CHECK(g.bands[2].kind == syntax::Band::Kind::above);
  CHECK(g.bands[2].low == money::Decimal::from_integer(75000));
  CHECK(g.bands[2].days == 90);
  CHECK(g.promptly);
  REQUIRE(g.excludes.size() == 1);
  CHECK(g.excludes[0].when.values.size() == 5);   // the five excluded causes
}

TEST_CASE("seeds: every test block in the seed policies passes") {
  for (const char* name : {"beesender", "aimaras"}) {
    const auto& unit = seed(name);
    auto results = testing::run_policy_tests(unit);
    CHECK(results.size() >= 7);
    check_passed(results, name);
  }
}

TEST_CASE("seeds: the example policy's tests count deadlines across daylight saving changes") {
  const auto& unit = seed("examples/worldwide");
  CHECK(unit.checked->zones.empty());   // every zone is served
  auto results = testing::run_policy_tests(unit);
  CHECK(results.size() == 7);
  check_passed(results, "worldwide");
}
