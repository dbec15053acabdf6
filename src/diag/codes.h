// The table of diagnostic codes. A code is stable: tools and acknowledgements
// refer to it, so codes are never reused for a different mistake.
#pragma once

#include <span>
#include <string_view>

namespace clause::diag {

enum class Severity { error, warning, note };
std::string_view severity_name(Severity severity);

struct CodeInfo {
  std::string_view id;        // "E0101"
  std::string_view name;      // "unknown-name"
  std::string_view summary;   // one sentence for rule metadata (SARIF, docs)
  Severity default_severity;
};

using Code = const CodeInfo*;

namespace codes {
// Reading and syntax
extern const CodeInfo syntax;
extern const CodeInfo nesting;
extern const CodeInfo bad_text;
extern const CodeInfo unreadable;
// Checks
extern const CodeInfo unknown_name;
extern const CodeInfo duplicate;
extern const CodeInfo not_in_enum;
extern const CodeInfo bad_range;
extern const CodeInfo type_mismatch;
extern const CodeInfo inheritance_cycle;
extern const CodeInfo bad_time;
extern const CodeInfo window_order;
extern const CodeInfo window_overlap;
extern const CodeInfo unknown_zone;
extern const CodeInfo percent_range;
extern const CodeInfo missing_target;
extern const CodeInfo unknown_field;
extern const CodeInfo missing_declaration;
extern const CodeInfo duplicate_target;
extern const CodeInfo no_open_hours;
extern const CodeInfo bad_test;
extern const CodeInfo currency;
extern const CodeInfo bad_date;
extern const CodeInfo duplicate_policy;
extern const CodeInfo bad_value;
extern const CodeInfo misplaced;
extern const CodeInfo import_cycle;
extern const CodeInfo bad_import;
}  // namespace codes

// Every code, in id order (for SARIF rule metadata and the docs test).
std::span<const Code> all_codes();
Code find_code(std::string_view id_or_name);

}  // namespace clause::diag
