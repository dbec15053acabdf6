#include "caseio/evaluate.h"

#include "caseio/write.h"

namespace clause::caseio {

Evaluator::Evaluator(std::vector<std::shared_ptr<const ir::Program>> programs, std::string forced_policy)
    : reader_(std::move(programs), std::move(forced_policy)) {
  for (std::size_t i = 0; i < reader_.program_count(); ++i) writers_.emplace_back(reader_.program(static_cast<int>(i)));
}

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
  writers_[static_cast<std::size_t>(read.program)].write(out, c, last_decision_);
  return true;
}

}  // namespace clause::caseio
