// JSON cases in: one JSON object per call, typed against the program of the
// policy it names. A case that breaks the contract (bad JSON, unknown field,
// wrong type, missing field, value not listed) gives errors that name the
// field and say what was expected; it never throws and never stops a stream.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/decide.h"
#include "ir/program.h"

namespace clause::caseio {

struct FieldError {
  std::string field;     // "zone", "contact.role", "facts[1]", "$" for the case as a whole
  std::string message;
};

// What reading one case gave.
struct ReadResult {
  int program = -1;               // index of the policy the case is decided by; -1 if unknown
  std::vector<FieldError> errors; // empty: the case is valid
  bool has_id = false;            // a string id, echoed also for invalid cases
  std::string_view id;            // valid until the next read
  std::string policy;             // the policy name the case asked for, when no program matched
  bool policy_given = false;      // the case has its own `policy`
  int policy_named = -1;          // the program it names, or -1
  std::string policy_seen;        // its text, kept only when it names no loaded policy
};

class CaseReader {
 public:
  // `forced_policy` (from --policy) overrides the cases' own `policy` field.
  explicit CaseReader(std::vector<std::shared_ptr<const ir::Program>> programs, std::string forced_policy = "");
  ~CaseReader();
  CaseReader(const CaseReader&) = delete;
  CaseReader& operator=(const CaseReader&) = delete;

  // An error to report before reading anything (--policy names no loaded policy).
  const std::string& setup_error() const { return setup_error_; }

  // Reads one case from `text`. `capacity` is how many bytes from text.data()
  // are allocated (at least text.size() + padding(): the JSON parser reads
  // ahead). The typed case is `case_for(result.program)` until the next call.
  const ReadResult& read(std::string_view text, std::size_t capacity);
  const eval::Case& case_for(int program) const { return cases_[static_cast<std::size_t>(program)]; }
  const ir::Program& program(int index) const { return *programs_[static_cast<std::size_t>(index)]; }
  std::size_t program_count() const { return programs_.size(); }

  static std::size_t padding();

 private:
  int program_named(std::string_view name) const;
  // The value of the first `"policy": "..."` in the text, if it is plain
  // text: the fast path's guess, which the reading confirms.
  static std::optional<std::string_view> guess_policy(std::string_view text);
  void clear_result();
  // The program the case's own `policy` (as read so far) asks for; -1 when none.
  int wanted_program() const;
  // The steps of read() that see the JSON document (read.cpp).
  friend struct ReadSteps;

  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<std::shared_ptr<const ir::Program>> programs_;
  std::vector<eval::Case> cases_;
  int forced_ = -1;
  std::string setup_error_;
  ReadResult result_;
};

}  // namespace clause::caseio
