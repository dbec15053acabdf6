// Fuzz target: any bytes as a line of cases against the seed policies. Every
// input gives exactly one decision line, valid or `invalid`.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "caseio/evaluate.h"
#include "driver/driver.h"

namespace {

clause::caseio::Evaluator& evaluator() {
  static std::unique_ptr<clause::caseio::Evaluator> instance = [] {
    std::vector<std::shared_ptr<const clause::ir::Program>> programs;
    for (const char* name : {"beesender", "aimaras"}) {
      clause::diag::Sink sink;
      auto unit = clause::driver::load(std::string(CLAUSE_SOURCE_DIR) + "/policies/" + name + ".policy",
                                       clause::driver::Stage::lower, sink);
      if (!unit.ok) std::abort();
      programs.push_back(unit.program);
    }
    return std::make_unique<clause::caseio::Evaluator>(programs);
  }();
  return *instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One case per line: the fuzzer's bytes up to the first newline, copied
  // once with the padding the reader needs.
  std::string_view input(reinterpret_cast<const char*>(data), size);
  input = input.substr(0, input.find('\n'));
  const std::size_t length = input.size();
  std::string line(input);
  line.resize(length + clause::caseio::CaseReader::padding());
  std::string out;
  evaluator().decide_in_place(std::string_view(line.data(), length), line.size(), out);
  // INVARIANT: one decision, one line.
  if (out.empty() || out.back() != '\n' || out.find('\n') != out.size() - 1) std::abort();
  return 0;
}
