#include "caseio/evaluate.h"

#include "caseio/write.h"

namespace clause::caseio {

Evaluator::Evaluator(std::vector<std::shared_ptr<const ir::Program>> programs, std::string forced_policy)
    : reader_(std::move(programs), std::move(forced_policy)) {
  for (std::size_t i = 0; i < reader_.program_count(); ++i) writers_.emplace_back(reader_.program(static_cast<int>(i)));
}

const Decided& Evaluator::decide(std::string_view text, std::string* out, eval::Trace* trace) {
  padded_.assign(text);
  padded_.resize(text.size() + CaseReader::padding());
  return run(std::string_view(padded_.data(), text.size()), padded_.size(), out, trace);
}

const Decided& Evaluator::decide_in_place(std::string_view text, std::size_t capacity, std::string& out,
                                          eval::Trace* trace) {
  return run(text, capacity, &out, trace);
}

const Decided& Evaluator::run(std::string_view text, std::size_t capacity, std::string* out, eval::Trace* trace) {
  const ReadResult& read = reader_.read(text, capacity);
  last_.read = &read;
  last_.program = read.program >= 0 ? &reader_.program(read.program) : nullptr;
  last_.c = nullptr;
  last_.decision = eval::Decision{};
  if (!read.errors.empty()) {
    if (out) write_invalid(*out, last_.program, read);
    return last_;
  }
  last_.c = &reader_.case_for(read.program);
  last_.decision = eval::decide(*last_.program, *last_.c, trace);
  if (out) writers_[static_cast<std::size_t>(read.program)].write(*out, *last_.c, last_.decision);
  return last_;
}

}  // namespace clause::caseio
