// A finite set of cases that stands for every case of one or two versions of
// a policy: each field takes every value that can make a difference to a
// decision (every value of a listed field, every subset of a small set,
// amounts and dates at each limit either version names and just beside it),
// and opening times at the edges of periods and working hours. Lint and diff
// look for witnesses in it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sema/checked.h"

namespace clause::space {

struct SpaceOptions {
  bool vary_times = true;        // opening times and guarantee days (diff); one fixed time (lint)
  std::uint64_t limit = 2'000'000;   // every case when there are at most this many
  std::uint64_t sample = 250'000;    // else this many, sampled (see case_json)
  // Dimensions held to one value: path ("@plan", "priority") -> its JSON text.
  std::map<std::string, std::string> pins;
};

class CaseSpace {
 public:
  // The space for `versions` (one policy, or the old and new version of one).
  CaseSpace(const std::vector<const sema::Checked*>& versions, const SpaceOptions& options = {});

  std::uint64_t size() const { return count_; }   // cases visited (after sampling)
  std::uint64_t full_size() const { return full_; }
  bool sampled() const { return count_ < full_; }

  // The i-th case, as a single-line JSON object a help desk could send.
  // When the space is sampled, the first cases sweep every dimension's
  // values together and the rest draw each dimension's value from a fixed
  // hash of i: every value of every dimension is tried, none is stuck at its
  // first value, and the same i gives the same case.
  std::string case_json(std::uint64_t i) const;

  struct Dimension {
    std::string path;                  // "priority", "contact.role", "project.budget", "@time"
    std::vector<std::string> json;     // the JSON text of each value
    std::vector<std::string> extra;    // "@time": the completed_on that goes with each opened_at
  };
  const std::vector<Dimension>& dimensions() const { return dims_; }

 private:
  std::string render(const std::vector<std::size_t>& choice) const;
  std::vector<std::size_t> choose(std::uint64_t i) const;

  std::vector<Dimension> dims_;
  std::string policy_;
  std::string zone_;
  std::string start_field_;          // the guarantee's start date field, set from "@time"
  std::uint64_t full_ = 1;
  std::uint64_t count_ = 1;
};

}  // namespace clause::space
