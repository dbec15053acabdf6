// The trace `--explain` prints: each rule tried, in order, with its source
// line and why it held or not, and how the deadline was counted.
#pragma once

#include <string>
#include <vector>

#include "eval/decide.h"

namespace clause::eval {

class ExplainTrace : public Trace {
 public:
  struct Step {
    enum class Kind { rule, guarantee, clause } kind;
    std::size_t index = 0;
    bool result = false;
    bool covers = false;
    int days = 0, end_day = 0, local_day = 0;
  };
  void rule(std::size_t index, bool matched) override;
  void guarantee(bool inside, int days, int end_day, int local_day) override;
  void clause(bool covers, std::size_t index, bool matched) override;

  const std::vector<Step>& steps() const { return steps_; }
  void clear() { steps_.clear(); }

 private:
  std::vector<Step> steps_;
};

// The facts a condition looked at, for a case holding `plan` (-1: none):
// "category is incident; contact.authorized is true".
std::string describe_condition(const ir::Program& program, std::uint32_t node, const Case& c, int plan);

// The warning a decision carries when a deadline passes the last date the
// hours' holidays list (they list literal dates only).
std::string holiday_warning(const ir::Hours& hours);

// The whole explanation of one decision, several lines of text.
std::string explain(const ir::Program& program, const Case& c, const Decision& d, const ExplainTrace& trace,
                    std::string_view label);

}  // namespace clause::eval
