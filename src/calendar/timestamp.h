// RFC 3339 timestamps and local calendar dates (CONTRACT 6).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <date/date.h>

#include "calendar/zone.h"
#include "support/result.h"

namespace clause::calendar {

// `YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)`: seconds required; a fraction
// of any length, kept to the microsecond (further digits truncated); `T`/`t`
// and `Z`/`z` in either case; the offset is required (up to 23:59 either way).
// Rejected: a second 60 (no leap seconds), dates that do not exist
// (2026-02-30), years outside 0000..9999 (they need more than four digits).
Result<Instant> parse_rfc3339(std::string_view text);

// `2026-11-28T12:30:00+03:00`: floored to the second, local time at
// `offset`; a zero offset is written `+00:00`. An offset with seconds (old
// LMT offsets) is written truncated to the minute, with the local time that
// matches the written offset, so the text still names the same second.
// Precondition: the local year is within 0000..9999.
std::string format_rfc3339(Instant t, std::chrono::seconds offset);
// The same, appended to `out` (no allocation when `out` has room).
void append_rfc3339(std::string& out, Instant t, std::chrono::seconds offset);
// The same, with the offset `zone` has at `t`.
std::string format_rfc3339(Instant t, const Zone& zone);

// The local calendar date of `t` in `zone`.
date::local_days local_date(const Zone& zone, Instant t);

// `YYYY-MM-DD`, a date that exists, year 0000..9999.
Result<date::local_days> parse_date(std::string_view text);
// `YYYY-MM-DD`; precondition: year 0000..9999.
std::string format_date(date::local_days day);
// The same, appended to `out` without allocating.
void append_date(std::string& out, date::local_days day);

}  // namespace clause::calendar
