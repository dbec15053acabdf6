#include "testing/case_files.h"

#include <simdjson.h>

#include <fstream>

#include "caseio/evaluate.h"
#include "support/text.h"

namespace clause::testing {
namespace {

namespace dom = simdjson::dom;

std::string to_json(dom::element e) { return simdjson::minify(e); }

// Whether `actual` has every field `expected` gives, with the same value.
void compare(std::string_view path, dom::element expected, dom::element actual, std::vector<Mismatch>& out) {
  if (expected.type() == dom::element_type::OBJECT && actual.type() == dom::element_type::OBJECT) {
    for (auto [key, value] : dom::object(expected)) {
      dom::element field;
      std::string sub = path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
      if (dom::object(actual).at_key(key).get(field)) {
        out.push_back({sub, to_json(value), "(missing)"});
        continue;
      }
      compare(sub, value, field, out);
    }
    return;
  }
  std::string want = to_json(expected), got = to_json(actual);
  if (want != got) out.push_back({std::string(path), want, got});
}

}  // namespace

std::vector<CaseFileResult> run_case_file(const std::string& path,
                                          const std::vector<std::shared_ptr<const ir::Program>>& programs) {
  std::vector<CaseFileResult> results;
  std::ifstream in(path, std::ios::binary);
  caseio::Evaluator evaluator(programs);
  dom::parser parser;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    CaseFileResult r;
    r.file = path;
    r.line = number;
    r.result.name = "line " + std::to_string(number);
    auto broken = [&](std::string why) {
      r.result.mismatches.push_back({"line", "{\"case\": {...}, \"expect\": {...}}", std::move(why)});
      results.push_back(std::move(r));
    };
    dom::element doc;
    if (parser.parse(line).get(doc) || doc.type() != dom::element_type::OBJECT) {
      broken("not a JSON object");
      continue;
    }
    dom::element case_value, expect;
    if (doc["case"].get(case_value) || doc["expect"].get(expect) || expect.type() != dom::element_type::OBJECT) {
      broken("it needs the keys \"case\" and \"expect\" (an object)");
      continue;
    }
    std::string case_text = to_json(case_value);
    if (case_value.type() == dom::element_type::OBJECT) {
      std::string_view id;
      if (!case_value["id"].get(id)) r.result.name = std::string(id);
    }
    note_reached(r.result, evaluator.decide(case_text, &r.result.decision));
    if (!r.result.decision.empty() && r.result.decision.back() == '\n') r.result.decision.pop_back();
    dom::parser decision_parser;
    dom::element decision = decision_parser.parse(r.result.decision);
    for (auto [key, value] : dom::object(expect)) {
      if (key == "rule") {
        std::string_view wanted;
        bool found = false;
        std::string ids;
        if (!value.get(wanted)) {
          for (dom::element reason : dom::array(decision["reasons"])) {
            std::string_view id = reason["rule"];
            found = found || id == wanted;
            ids += (ids.empty() ? "" : ", ") + std::string(id);
          }
        }
        if (!found) r.result.mismatches.push_back({"rule", to_json(value), ids.empty() ? "no rule" : ids});
        continue;
      }
      dom::element actual;
      if (decision[key].get(actual)) {
        r.result.mismatches.push_back({std::string(key), to_json(value), "(no such field in a decision)"});
        continue;
      }
      compare(key, value, actual, r.result.mismatches);
    }
    dom::array reasons;
    if (!decision["reasons"].get(reasons)) {
      for (dom::element reason : reasons) r.result.reasons.push_back(std::string(std::string_view(reason["rule"])));
      if (!r.result.reasons.empty()) r.result.decided_by = r.result.reasons.back();
    }
    r.result.passed = r.result.mismatches.empty();
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace clause::testing
