// Time zones of cases: fixed UTC offsets and IANA zones (CONTRACT 1 and 6).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "support/result.h"

namespace date {
class time_zone;  // from <date/tz.h>, kept out of this header on purpose
}

namespace clause::calendar {

// An instant on the UTC timeline. Microseconds keep fractions of a second and
// still cover the years 0000..9999 (and far beyond) in 64 bits.
using Instant = std::chrono::sys_time<std::chrono::microseconds>;

class Zone {
 public:
  // UTC+00:00.
  Zone() = default;

  // Fixed offsets: `GMT` or `UTC`, optionally followed by a sign, one or two
  // hour digits and an optional `:MM` ("GMT+3", "GMT+03", "UTC+03:00",
  // "UTC-02", "GMT", "UTC"), at most 14:00 either way. Anything else is looked
  // up as an IANA name ("Europe/Kyiv", "Etc/GMT-3") in the OS tz database.
  // IANA names are names, not offsets: "Etc/GMT-3" is not equal to GMT+3.
  // The machine-dependent alias "localtime" is refused.
  static Result<Zone> parse(std::string_view text);

  // A fixed offset; precondition |offset| <= 14:00 is not checked here.
  static Zone fixed(std::chrono::minutes offset);

  bool is_fixed() const { return tz_ == nullptr; }

  // "UTC+03:00", "UTC-02:00", "UTC+00:00" for fixed zones; the IANA name otherwise.
  std::string canonical() const;

  // Fixed zones are equal when their offsets are; IANA zones when their names
  // are (so "Europe/Kiev" and "Europe/Kyiv" differ); fixed never equals IANA.
  friend bool operator==(const Zone& a, const Zone& b) {
    return a.tz_ == b.tz_ && (a.tz_ != nullptr || a.offset_ == b.offset_);
  }

  // The offset (local minus UTC) in force at `t` and the half-open span of
  // instants [begin, end) over which it holds. Fixed zones: one segment,
  // [Instant::min(), Instant::max()). IANA zones: begin/end are the zone's
  // transitions, with Instant::min()/max() for the open-ended first and last
  // segments. Debian's tz files list transitions only up to 2037; after the
  // last one its offset holds forever (date's OS database does not apply the
  // files' POSIX rule for later years).
  struct Segment {
    Instant begin;
    Instant end;
    std::chrono::seconds offset;
  };
  Segment segment_at(Instant t) const;
  std::chrono::seconds offset_at(Instant t) const;

 private:
  const date::time_zone* tz_ = nullptr;  // null: fixed offset
  std::chrono::minutes offset_{0};       // meaningful only when fixed
};

}  // namespace clause::calendar
