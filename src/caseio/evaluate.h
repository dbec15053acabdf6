// One case text in, one decision line out: reading, deciding and writing
// together, as `clause eval`, the test runner and the benchmarks use them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "caseio/read.h"
#include "caseio/write.h"
#include "eval/decide.h"

namespace clause::caseio {

class Evaluator {
 public:
  Evaluator(std::vector<std::shared_ptr<const ir::Program>> programs, std::string forced_policy = "");

  const std::string& setup_error() const { return reader_.setup_error(); }

  // Appends exactly one decision line for `text` (see CaseReader::read for
  // `capacity`). Returns false when the case was invalid.
  bool evaluate(std::string_view text, std::size_t capacity, std::string& out, eval::Trace* trace = nullptr);

  // The last case read and its decision, valid until the next call (for traces).
  const ReadResult& last_read() const { return *last_read_; }
  const eval::Decision& last_decision() const { return last_decision_; }
  const CaseReader& reader() const { return reader_; }

 private:
  CaseReader reader_;
  std::vector<DecisionWriter> writers_;   // one per program
  const ReadResult* last_read_ = nullptr;
  eval::Decision last_decision_;
};

}  // namespace clause::caseio
