// Fuzz target: any bytes as a line of cases against the seed policies. Every
// input gives exactly one decision line, valid or `invalid`.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "caseio/evaluate.h"
#include "driver/driver.h"

namespace {

clause::caseio::Evaluator& evaluator() {
  static std::unique_ptr<clause::caseio::Evaluator> instance = [] {
    std::vector<std::shared_ptr<const clause::ir::Program>> programs;
    for (const char* name : {"beesender", "aimaras"}) {
      std::ifstream in(std::string(CLAUSE_SOURCE_DIR) + "/policies/" + name + ".policy");
      std::stringstream text;
      text << in.rdbuf();
      clause::diag::Sink sink;
      auto unit = clause::driver::load_text(name, text.str(), clause::driver::Stage::lower, sink);
      if (!unit.ok) std::abort();
      programs.push_back(unit.program);
    }
    return std::make_unique<clause::caseio::Evaluator>(programs);
  }();
  return *instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  // One case per line: the fuzzer's bytes up to the first newline.
  line = line.substr(0, line.find('\n'));
  std::size_t length = line.size();
  line.resize(length + clause::caseio::CaseReader::padding());
  std::string out;
  evaluator().evaluate(std::string_view(line.data(), length), line.size(), out);
  // INVARIANT: one decision, one line.
  if (out.empty() || out.back() != '\n' || out.find('\n') != out.size() - 1) std::abort();
  return 0;
}
