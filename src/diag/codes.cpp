#include "diag/codes.h"

#include <array>

namespace clause::diag {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

namespace codes {
constexpr auto E = Severity::error;
const CodeInfo syntax{"E0001", "syntax", "The text does not follow the policy grammar.", E};
const CodeInfo nesting{"E0002", "nesting-too-deep", "Brackets or blocks are nested deeper than the language allows.", E};
const CodeInfo bad_text{"E0003", "bad-text", "The file is not valid UTF-8 text or contains a NUL byte.", E};
const CodeInfo unreadable{"E0004", "unreadable", "A file or folder could not be read.", E};
const CodeInfo unknown_name{"E0101", "unknown-name", "A name is used that is not declared.", E};
const CodeInfo duplicate{"E0102", "duplicate", "A name or id is declared twice.", E};
const CodeInfo not_in_enum{"E0103", "not-in-enum", "A value is not one of the field's declared values.", E};
const CodeInfo bad_range{"E0104", "bad-range", "A range of an ordered field is reversed or names values outside it.", E};
const CodeInfo type_mismatch{"E0105", "type-mismatch", "A value has the wrong kind: money, days, hours, a percentage or an enum value.", E};
const CodeInfo inheritance_cycle{"E0106", "inheritance-cycle", "Plans extend each other in a cycle.", E};
const CodeInfo bad_time{"E0107", "bad-time", "A time of day is not between 00:00 and 24:00.", E};
const CodeInfo window_order{"E0108", "window-order", "A window of support hours ends before it starts.", E};
const CodeInfo window_overlap{"E0109", "window-overlap", "Two windows of support hours overlap on the same day.", E};
const CodeInfo unknown_zone{"E0110", "unknown-zone", "A time zone is neither a fixed offset nor a known IANA name.", E};
const CodeInfo percent_range{"E0111", "percent-range", "A percentage is outside 0..100.", E};
const CodeInfo missing_target{"E0112", "missing-target", "A plan gives no response target for some urgency value.", E};
const CodeInfo unknown_field{"E0113", "unknown-field", "A rule or declaration refers to a case field the schema does not declare.", E};
const CodeInfo missing_declaration{"E0114", "missing-declaration", "Something the policy uses needs a declaration it lacks.", E};
const CodeInfo duplicate_target{"E0115", "duplicate-target", "A plan gives two response targets for the same urgency value.", E};
const CodeInfo no_open_hours{"E0116", "no-open-hours", "Support hours that are never open.", E};
const CodeInfo bad_test{"E0117", "bad-test", "A test block's case or expectation is malformed.", E};
const CodeInfo currency{"E0118", "currency", "An amount is in a currency other than the policy's.", E};
const CodeInfo bad_date{"E0119", "bad-date", "A date does not exist.", E};
const CodeInfo duplicate_policy{"E0120", "duplicate-policy", "Two files define a policy with the same name.", E};
const CodeInfo bad_value{"E0121", "bad-value", "A number is out of the range the declaration allows.", E};
const CodeInfo misplaced{"E0122", "misplaced", "A declaration is used where it has no meaning.", E};
const CodeInfo import_cycle{"E0123", "import-cycle", "Files import each other in a cycle.", E};
const CodeInfo bad_import{"E0124", "bad-import", "An imported file cannot be read or does not check.", E};
}  // namespace codes

namespace {
constexpr std::array<Code, 28> table = {
    &codes::syntax, &codes::nesting, &codes::bad_text, &codes::unreadable,
    &codes::unknown_name, &codes::duplicate, &codes::not_in_enum, &codes::bad_range,
    &codes::type_mismatch, &codes::inheritance_cycle, &codes::bad_time, &codes::window_order,
    &codes::window_overlap, &codes::unknown_zone, &codes::percent_range, &codes::missing_target,
    &codes::unknown_field, &codes::missing_declaration, &codes::duplicate_target, &codes::no_open_hours,
    &codes::bad_test, &codes::currency, &codes::bad_date, &codes::duplicate_policy,
    &codes::bad_value, &codes::misplaced, &codes::import_cycle, &codes::bad_import};
}  // namespace

std::span<const Code> all_codes() { return table; }

Code find_code(std::string_view id_or_name) {
  for (Code code : table) {
    if (code->id == id_or_name || code->name == id_or_name) return code;
  }
  return nullptr;
}

}  // namespace clause::diag
