// tests/eval/EXPECTED-BY-HAND.md holds the answers worked out by hand from
// the contract and the published page, before the program existed. This test
// reads its tables and holds the program's decisions against them, so that
// regenerating the golden files cannot silently move a hand-checked answer.
#include <catch2/catch.hpp>

#include <simdjson.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.h"

using clause::testing_support::read_file;

namespace {

// One row of a hand-worked table: column name -> cell text, as written.
using Row = std::map<std::string, std::string>;

struct Section {
  std::string cases_file;   // tests/eval/NAME.jsonl, or policies/examples/cases.jsonl
  std::vector<Row> rows;
};

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  // After the leading '|'; getline gives no cell after the trailing one.
  std::stringstream in(line.substr(1));
  std::string cell;
  while (std::getline(in, cell, '|')) {
    auto first = cell.find_first_not_of(' ');
    auto last = cell.find_last_not_of(' ');
    out.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
  }
  return out;
}

// The sections `## NAME.jsonl (N cases)` and their tables.
std::vector<Section> hand_tables(const std::string& markdown) {
  static const std::regex heading(R"(^## (?:Appendix: )?(\S+\.jsonl) \((\d+) cases\)$)");
  std::vector<Section> out;
  std::vector<std::string> header;
  std::istringstream in(markdown);
  std::string line;
  std::size_t declared = 0;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, heading)) {
      std::string name = m[1];
      out.push_back({name.find('/') == std::string::npos ? "tests/eval/" + name : name, {}});
      declared = std::stoul(m[2]);
      header.clear();
      continue;
    }
    if (out.empty() || !line.starts_with("|") || line.starts_with("|---")) continue;
    auto row = cells(line);
    if (header.empty()) {
      header = row;
      continue;
    }
    REQUIRE(row.size() == header.size());
    Row r;
    for (std::size_t i = 0; i < row.size(); ++i) r[header[i]] = row[i];
    out.back().rows.push_back(r);
    if (out.back().rows.size() == declared) header.clear();
  }
  return out;
}

std::string text_or_null(simdjson::dom::element e) {
  if (e.is_null()) return "null";
  return std::string(std::string_view(e.get_string()));
}

// "8 / working / `2026-11-25T18:00:00+03:00`", as the tables write a response.
std::string response_cell(simdjson::dom::element response) {
  if (response.is_null()) return "null";
  std::ostringstream out;
  double hours = response["within_hours"].get_double();
  out << hours << " / " << std::string_view(response["clock"].get_string()) << " / `"
      << std::string_view(response["due"].get_string()) << "`";
  return out.str();
}

// The field paths of an invalid decision's errors; the tables call the
// decision's `$` (the line as a whole) `(whole line)`.
std::vector<std::string> error_fields(simdjson::dom::element errors) {
  std::vector<std::string> out;
  for (auto e : errors.get_array()) {
    std::string field(std::string_view(e["field"].get_string()));
    out.push_back(field == "$" ? "(whole line)" : field);
  }
  return out;
}

// A table names a path; an error may be about a part of it (`facts` names
// `facts[0]`).
bool names(const std::string& table_path, const std::string& field) {
  return field == table_path ||
         (field.starts_with(table_path) && (field[table_path.size()] == '[' || field[table_path.size()] == '.'));
}

// Every path the table names has an error, and every error is about a path
// the table names.
bool same_fields(const std::vector<std::string>& fields, const std::set<std::string>& table) {
  for (const auto& path : table) {
    if (std::none_of(fields.begin(), fields.end(), [&](const std::string& f) { return names(path, f); })) return false;
  }
  for (const auto& field : fields) {
    if (std::none_of(table.begin(), table.end(), [&](const std::string& p) { return names(p, field); })) return false;
  }
  return true;
}

std::set<std::string> table_fields(const std::string& cell) {
  std::set<std::string> out;
  static const std::regex quoted("`([^`]*)`");
  for (std::sregex_iterator it(cell.begin(), cell.end(), quoted), end; it != end; ++it) out.insert((*it)[1]);
  return out;
}

// Entitlements by basis, from the paragraph above the tables.
const std::map<std::string, std::vector<std::string>>& entitlements_by_basis(const std::string& policy) {
  static const std::map<std::string, std::map<std::string, std::vector<std::string>>> table = {
      {"beesender",
       {{"plan:basic", {"case_processing", "admin_questions"}},
        {"plan:business", {"case_processing", "admin_questions", "user_questions", "customer_success_manager"}},
        {"plan:premium",
         {"case_processing", "admin_questions", "user_questions", "customer_success_manager", "developer_meetings",
          "server_license_support"}}}},
      {"aimaras",
       {{"plan:basic", {"admin_questions"}},
        {"plan:business", {"admin_questions", "user_questions"}},
        {"plan:premium", {"admin_questions", "user_questions", "developer_consultations"}},
        {"guarantee", {}}}},
  };
  return table.at(policy);
}

}  // namespace

TEST_CASE("hand-checked: every decision agrees with tests/eval/EXPECTED-BY-HAND.md") {
  auto sections = hand_tables(read_file("tests/eval/EXPECTED-BY-HAND.md"));
  REQUIRE(sections.size() == 7);
  const auto programs = clause::testing_support::seed_programs();
  std::size_t rows_checked = 0;
  for (const auto& section : sections) {
    SECTION(section.cases_file) {
      clause::caseio::Evaluator evaluator(programs);
      std::istringstream cases(read_file(section.cases_file));
      std::vector<std::string> decisions;
      std::string line;
      while (std::getline(cases, line)) {
        if (line.starts_with("#")) continue;
        decisions.push_back(clause::testing_support::evaluate_line(evaluator, line));
      }
      // One row per case, in the file's order.
      REQUIRE(decisions.size() == section.rows.size());
      simdjson::dom::parser parser;
      for (std::size_t i = 0; i < decisions.size(); ++i) {
        const Row& row = section.rows[i];
        INFO(section.cases_file << " row " << i + 1 << ": " << row.at("id") << "\n" << decisions[i]);
        simdjson::dom::element d = parser.parse(decisions[i]);
        // "iv-70 (decision id: null)": the case has no readable id.
        std::string id = row.at("id");
        if (id.ends_with("(decision id: null)")) {
          CHECK(d["id"].is_null());
        } else {
          CHECK(text_or_null(d["id"]) == id);
        }
        if (row.count("policy")) CHECK(text_or_null(d["policy"]) == row.at("policy"));
        std::string outcome(std::string_view(d["outcome"].get_string()));
        CHECK(outcome == row.at("outcome"));
        CHECK(text_or_null(d["basis"]) == row.at("basis"));
        CHECK(text_or_null(d["priority"]) == row.at("priority"));
        CHECK(response_cell(d["response"]) == row.at("response (hours / clock / due)"));
        bool warned = simdjson::dom::array(d["warnings"].get_array()).size() > 0;
        CHECK(warned == (row.at("warn") == "yes"));
        INFO("errors about " << Catch::Detail::stringify(error_fields(d["errors"])));
        CHECK(same_fields(error_fields(d["errors"]), table_fields(row.at("errors"))));
        std::string basis = text_or_null(d["basis"]);
        if (basis != "null" && basis != "time_and_materials") {
          std::vector<std::string> entitlements;
          for (auto e : d["entitlements"].get_array()) entitlements.emplace_back(std::string_view(e.get_string()));
          CHECK(entitlements == entitlements_by_basis(text_or_null(d["policy"])).at(basis));
        } else {
          CHECK(simdjson::dom::array(d["entitlements"].get_array()).size() == 0);
        }
        ++rows_checked;
      }
    }
  }
  CHECK(rows_checked > 0);
}
