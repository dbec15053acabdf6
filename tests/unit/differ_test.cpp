// The semantic differ on policies too large to try every kind of case: a
// changed term still gets a witness, and "no change" is never claimed when it
// was not proven.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "differ/differ.h"
#include "space/space.h"
#include "test_support.h"

using namespace clause;

namespace {

// A policy with twelve fields of twelve values that its rules test (so every
// one of them varies: more than 2^40 kinds of case) and seven plans; plan p6's
// P1 target is `p6_p1` working hours.
std::string large_policy(int p6_p1, const std::string& p6_price = "free") {
  std::ostringstream out;
  out << "policy big \"Big\" {\n  currency USD\n  case {\n    channel: email | portal | chat\n"
      << "    priority: P1 > P2 > P3 > P4\n";
  for (int f = 0; f < 12; ++f) {
    out << "    f" << f << ":";
    for (int v = 0; v < 12; ++v) out << (v ? " | " : " ") << "v" << v;
    out << "\n";
  }
  out << "  }\n  urgency priority\n  hours week = Mon-Fri 09:00-18:00\n";
  for (int p = 0; p < 7; ++p) {
    out << "  plan p" << p << " {\n    price " << (p == 6 ? p6_price : "free") << "\n    registers email, portal, chat\n"
        << "    hours week\n    respond P1 within " << (p == 6 ? p6_p1 : 4 + p) << " working hours\n"
        << "    respond P2..P4 within 20 working hours\n  }\n";
  }
  out << "  rules {\n";
  for (int f = 0; f < 12; ++f) {
    out << "    not_covered r" << f << " \"R" << f << "\" when f" << f << " = v" << f << " and f" << (f + 1) % 12 << " = v"
        << (f + 5) % 12 << "\n";
  }
  out << "  }\n}\n";
  return out.str();
}

struct Run {
  int code = 0;
  std::string out, err;
};

Run diff_texts(const std::string& before, const std::string& after, diag::Format format = diag::Format::text) {
  testing_support::ScratchDir dir;
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir.path() / name) << text;
    return (dir.path() / name).string();
  };
  cli::DiffOptions options;
  options.before = write("old.policy", before);
  options.after = write("new.policy", after);
  options.format = format;
  std::istringstream in;
  std::ostringstream out, err;
  cli::Io io{in, out, err};
  Run run;
  run.code = cli::run_diff(options, io);
  run.out = out.str();
  run.err = err.str();
  return run;
}

}  // namespace

TEST_CASE("differ: a changed target of the last plan gets a witness in a space too large to try") {
  auto run = diff_texts(large_policy(7), large_policy(3));
  INFO(run.out << run.err);
  CHECK(run.code == 1);
  CHECK_THAT(run.out, Catch::Contains("plan p6 P1 response: within 7 working hours -> within 3 working hours"));
  CHECK_THAT(run.out, Catch::Contains("sampled from"));
  // The decision change itself, with a P1 case of plan p6 as its witness.
  CHECK_THAT(run.out, Catch::Contains("plan:p6, P1: response: within 7 working hours -> within 3 working hours"));
  CHECK_THAT(run.out, Catch::Contains("\"plan\":\"p6\""));
  CHECK_THAT(run.out, Catch::Contains("\"priority\":\"P1\""));
  CHECK_THAT(run.out, !Catch::Contains("No decision change"));
}

TEST_CASE("differ: a sample that finds no change does not claim there is none") {
  // A changed price decides no case differently, but the space is sampled:
  // the diff says so, and exits 1.
  auto run = diff_texts(large_policy(7), large_policy(7, "10% of p6_base"), diag::Format::text);
  // `p6_base` is not declared: the new version does not check.
  CHECK(run.code == 2);
  auto priced = [](const std::string& price) {
    std::string text = large_policy(7, price);
    return text.replace(text.find("  currency USD\n"), 15, "  currency USD\n  base licenses \"Licences\"\n");
  };
  run = diff_texts(priced("free"), priced("10% of licenses"));
  INFO(run.out << run.err);
  CHECK(run.code == 1);
  CHECK_THAT(run.out, Catch::Contains("plan p6 price: free -> 10% of licenses"));
  CHECK_THAT(run.out, Catch::Contains("No decision change found"));
  CHECK_THAT(run.out, Catch::Contains("so a changed decision is not ruled out"));
  auto json = diff_texts(priced("free"), priced("10% of licenses"), diag::Format::json);
  CHECK(json.code == 1);
  CHECK_THAT(json.out, Catch::Contains("\"sampled\":true"));
  CHECK_THAT(json.out, Catch::Contains("\"proven\":false"));
}

TEST_CASE("differ: an unchanged large policy is not a finding") {
  auto run = diff_texts(large_policy(7), large_policy(7));
  CHECK(run.code == 0);
  CHECK_THAT(run.out, Catch::Contains("No term changed."));
  CHECK_THAT(run.out, Catch::Contains("but no term changed"));
}

TEST_CASE("differ: a sampled space still tries every value of every dimension") {
  diag::Sink sink;
  auto unit = driver::load_text("big.policy", large_policy(7), driver::Stage::check, sink);
  REQUIRE(unit.ok);
  space::SpaceOptions options;
  options.limit = 5000;
  space::CaseSpace cases({&*unit.checked}, options);
  REQUIRE(cases.sampled());
  // Every plan and every value of the last field appear in the sample.
  std::set<std::string> seen;
  for (std::uint64_t i = 0; i < cases.size(); ++i) {
    std::string json = cases.case_json(i);
    for (int p = 0; p < 7; ++p) {
      if (json.find("\"plan\":\"p" + std::to_string(p) + "\"") != std::string::npos) seen.insert("p" + std::to_string(p));
    }
    auto at = json.find("\"f11\":\"");
    if (at != std::string::npos) seen.insert("f11=" + json.substr(at + 7, json.find('"', at + 7) - at - 7));
  }
  for (int p = 0; p < 7; ++p) CHECK(seen.count("p" + std::to_string(p)));
  for (int v = 0; v < 12; ++v) CHECK(seen.count("f11=v" + std::to_string(v)));
}
