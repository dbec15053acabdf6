// Result<T>: a value or an error message, for the leaf libraries (money,
// calendar, caseio) whose callers turn the message into a diagnostic or an
// `invalid` decision. Passes over policies report to a diag::Sink instead.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace clause {

struct Error {
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(state_); }
  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const std::string& error() const { assert(!ok()); return std::get<1>(state_).message; }

 private:
  std::variant<T, Error> state_;
};

inline Error fail(std::string message) { return Error{std::move(message)}; }

}  // namespace clause
