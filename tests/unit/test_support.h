// Helpers shared by the unit tests: parse or check policy text in memory.
#pragma once

#include <string>

#include "diag/diagnostic.h"
#include "diag/render.h"
#include "driver/driver.h"

namespace clause::testing_support {

// A minimal valid policy with `body` appended inside it.
inline std::string policy_with(const std::string& body) {
  return "policy t \"T\" {\n"
         "  currency USD\n"
         "  case {\n"
         "    channel: email | portal\n"
         "    priority: P1 > P2 > P3\n"
         "    category: request | incident\n"
         "  }\n"
         "  urgency priority\n"
         "  hours weekdays = Mon-Fri 09:00-18:00\n" +
         body + "\n}\n";
}

struct Checked {
  driver::Unit unit;
  diag::Sink sink;
  std::string text() const { return diag::render_all(sink.diagnostics(), diag::Format::text, "test"); }
  bool has(std::string_view code) const {
    for (const auto& d : sink.diagnostics()) {
      if (d.code->id == code || d.code->name == code) return true;
    }
    return false;
  }
  // The text under the first diagnostic's caret.
  std::string underlined() const {
    const auto& d = sink.diagnostics().front();
    return std::string(d.file->slice(d.span));
  }
};

inline Checked check_text(const std::string& text, driver::Stage until = driver::Stage::lower) {
  Checked out;
  out.unit = driver::load_text("t.policy", text, until, out.sink);
  out.sink.finish();
  return out;
}

}  // namespace clause::testing_support
