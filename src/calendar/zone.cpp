#include "calendar/zone.h"

#include <date/tz.h>

#include <exception>

#include "calendar/detail.h"

namespace clause::calendar {

namespace {

using std::chrono::microseconds;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::string_view kExpected = "expected a zone like GMT+3, UTC+03:00 or Europe/Kyiv, got ";

Error malformed(std::string_view text) { return fail(std::string(kExpected) + detail::quoted(text)); }

// `rest` is what follows "GMT"/"UTC": empty, or sign, 1-2 hour digits, optional ":MM".
Result<Zone> parse_offset(std::string_view text, std::string_view rest) {
  if (rest.empty()) return Zone::fixed(minutes{0});
  std::size_t i = 1;
  int hours = 0;
  std::size_t digits = 0;
  while (i < rest.size() && detail::is_digit(rest[i]) && digits < 2) {
    hours = hours * 10 + (rest[i] - '0');
    ++i;
    ++digits;
  }
  if (digits == 0) return malformed(text);
  int mins = 0;
  if (i < rest.size() && rest[i] == ':') {
    if (i + 3 != rest.size() || !detail::is_digit(rest[i + 1]) || !detail::is_digit(rest[i + 2])) return malformed(text);
    mins = (rest[i + 1] - '0') * 10 + (rest[i + 2] - '0');
    i += 3;
    if (mins > 59) return fail("expected minutes 00 to 59 in a zone offset, got " + detail::quoted(text));
  }
  if (i != rest.size()) return malformed(text);
  int total = hours * 60 + mins;
  if (total > 14 * 60) return fail("expected a zone offset from -14:00 to +14:00, got " + detail::quoted(text));
  return Zone::fixed(minutes{rest[0] == '-' ? -total : total});
}

// Saturating conversion: the first and last segments of a zone reach to
// date's sentinels (years -32767 and 32767), which read as "no bound".
Instant to_instant(date::sys_seconds s) {
  static const date::sys_seconds far_past{date::sys_days{date::year{-32766} / 1 / 1}};
  static const date::sys_seconds far_future{date::sys_days{date::year{32766} / 1 / 1}};
  if (s <= far_past) return Instant::min();
  if (s >= far_future) return Instant::max();
  return Instant{std::chrono::duration_cast<microseconds>(s.time_since_epoch())};
}

}  // namespace

Result<Zone> Zone::parse(std::string_view text) {
  if (text.starts_with("GMT") || text.starts_with("UTC")) {
    std::string_view rest = text.substr(3);
    if (rest.empty() || rest[0] == '+' || rest[0] == '-') return parse_offset(text, rest);
  }
  if (text.empty()) return malformed(text);
  if (text == "localtime") {
    return fail(std::string(kExpected) + "\"localtime\", which follows this machine's setting rather than naming a zone");
  }
  try {
    (void)date::get_tzdb();
  } catch (const std::exception& e) {
    return fail(std::string("could not read the IANA time zone database: ") + e.what());
  }
  Zone zone;
  try {
    zone.tz_ = date::locate_zone(text);
  } catch (const std::exception&) {
    return fail(std::string(kExpected) + detail::quoted(text) + ", which is not in the IANA time zone database");
  }
  return zone;
}

Zone Zone::fixed(minutes offset) {
  Zone zone;
  zone.offset_ = offset;
  return zone;
}

std::string Zone::canonical() const {
  if (tz_ != nullptr) return tz_->name();
  auto total = offset_.count();
  std::string out = total < 0 ? "UTC-" : "UTC+";
  if (total < 0) total = -total;
  auto two = [&out](long long v) {
    out += static_cast<char>('0' + v / 10 % 10);
    out += static_cast<char>('0' + v % 10);
  };
  two(total / 60);
  out += ':';
  two(total % 60);
  return out;
}

Zone::Segment Zone::segment_at(Instant t) const {
  if (tz_ == nullptr) return {Instant::min(), Instant::max(), offset_};
  auto info = tz_->get_info(std::chrono::floor<seconds>(t));
  return {to_instant(info.begin), to_instant(info.end), info.offset};
}

seconds Zone::offset_at(Instant t) const {
  if (tz_ == nullptr) return offset_;
  return tz_->get_info(std::chrono::floor<seconds>(t)).offset;
}

}  // namespace clause::calendar
