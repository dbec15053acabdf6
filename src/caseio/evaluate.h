// One case text in, one decision line out: reading, deciding and writing
// together, as `clause eval`, the test runner, lint, diff and the benchmarks
// use them. The one place that knows the JSON parser's padding.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "caseio/read.h"
#include "caseio/write.h"
#include "eval/decide.h"

namespace clause::caseio {

// What deciding one case gave; valid until the evaluator's next call.
struct Decided {
  const ReadResult* read = nullptr;        // errors empty: the case is valid
  const ir::Program* program = nullptr;    // the policy that read it; null when it named none loaded
  const eval::Case* c = nullptr;           // the typed case, when valid
  eval::Decision decision;                 // when valid

  bool valid() const { return read->errors.empty(); }
};

class Evaluator {
 public:
  Evaluator(std::vector<std::shared_ptr<const ir::Program>> programs, std::string forced_policy = "");

  const std::string& setup_error() const { return reader_.setup_error(); }

  // Reads and decides one case held anywhere (it is copied with the slack the
  // JSON parser needs), and appends its decision line to `out` when given.
  const Decided& decide(std::string_view text, std::string* out = nullptr, eval::Trace* trace = nullptr);

  // The same for a stream's line that already has `capacity` readable bytes
  // from text.data() (at least text.size() + CaseReader::padding()): no copy.
  // Appends exactly one decision line to `out`.
  const Decided& decide_in_place(std::string_view text, std::size_t capacity, std::string& out,
                                 eval::Trace* trace = nullptr);

  // The last case decided.
  const Decided& last() const { return last_; }

 private:
  const Decided& run(std::string_view text, std::size_t capacity, std::string* out, eval::Trace* trace);

  CaseReader reader_;
  std::vector<DecisionWriter> writers_;   // one per program
  std::string padded_;                    // decide()'s copy of its text
  Decided last_;
};

}  // namespace clause::caseio
