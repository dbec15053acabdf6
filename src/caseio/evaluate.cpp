#include "caseio/evaluate.h"

#include "caseio/write.h"

namespace clause::caseio {

Evaluator::Evaluator(std::vector<std::shared_ptr<const ir::Program>> programs, std::string forced_policy)
    : reader_(std::move(programs), std::move(forced_policy)) {}

bool Evaluator::evaluate(std::string_view text, std::size_t capacity, std::string& out, eval::Trace* trace) {
  const ReadResult& read = reader_.read(text, capacity);
  last_read_ = &read;
  last_decision_ = eval::Decision{};
  if (!read.errors.empty()) {
    write_invalid(out, read.program >= 0 ? &reader_.program(read.program) : nullptr, read);
    return false;
  }
  const ir::Program& program = reader_.program(read.program);
  const eval::Case& c = reader_.case_for(read.program);
  last_decision_ = eval::decide(program, c, trace);
  write_decision(out, program, c, last_decision_);
  return true;
}

}  // namespace clause::caseio
