#include "calendar/timestamp.h"

#include "calendar/detail.h"

#include <optional>

namespace clause::calendar {

namespace {

using std::chrono::hours;
using std::chrono::microseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// Reads `width` digits at `pos`; -1 when any is not a digit or the text ends.
int digits_at(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (!detail::is_digit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

void append_padded(std::string& out, long long value, int width) {
  if (value < 0) {
    out += '-';
    value = -value;
  }
  // Digits right to left into a small buffer: no allocation, no division
  // by more than one power of ten per digit.
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = n; i < width; ++i) out += '0';
  while (n > 0) out += digits[--n];
}

Error bad_timestamp(std::string_view text) {
  return fail("expected a timestamp like 2026-11-27T17:30:00+03:00, got " + detail::quoted(text));
}

// The calendar date in the first 10 characters of `text`, or why it is not one.
Result<date::local_days> date_at(std::string_view text, Error (*shape_error)(std::string_view)) {
  int y = digits_at(text, 0, 4);
  int m = digits_at(text, 5, 2);
  int d = digits_at(text, 8, 2);
  if (y < 0 || m < 0 || d < 0 || text[4] != '-' || text[7] != '-') return shape_error(text);
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return fail("expected a date that exists, got " + detail::quoted(text.substr(0, 10)));
  return date::local_days{ymd};
}

Error bad_date(std::string_view text) { return fail("expected a date like 2026-11-27, got " + detail::quoted(text)); }

// The shape nearly every case writes, 2026-11-27T17:30:00+03:00 or
// 2026-11-27T14:30:00Z, read in one pass. Anything else, or any part out of
// range, is left to the general path below, which also words the errors.
std::optional<Instant> common_rfc3339(std::string_view text) {
  const bool zulu = text.size() == 20 && text[19] == 'Z';
  if (text.size() != 25 && !zulu) return std::nullopt;
  const char* p = text.data();
  unsigned not_digit = 0;
  const auto two = [&](int at) {
    const unsigned tens = static_cast<unsigned char>(p[at]) - unsigned{'0'};
    const unsigned ones = static_cast<unsigned char>(p[at + 1]) - unsigned{'0'};
    not_digit |= static_cast<unsigned>(tens > 9) | static_cast<unsigned>(ones > 9);
    return static_cast<int>(tens * 10 + ones);
  };
  const int year = two(0) * 100 + two(2), month = two(5), day = two(8);
  const int hh = two(11), mm = two(14), ss = two(17);
  int offset = 0;
  if (!zulu) {
    if ((p[19] != '+' && p[19] != '-') || p[22] != ':') return std::nullopt;
    const int oh = two(20), om = two(23);
    if (oh > 23 || om > 59) return std::nullopt;
    offset = (oh * 60 + om) * (p[19] == '-' ? -1 : 1);
  }
  if (not_digit || p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' || p[16] != ':' || hh > 23 ||
      mm > 59 || ss > 59) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Instant{date::sys_days{ymd}.time_since_epoch() + hours{hh} + minutes{mm - offset} + seconds{ss}};
}

}  // namespace

Result<Instant> parse_rfc3339(std::string_view text) {
  if (auto common = common_rfc3339(text)) [[likely]] return *common;
  // Fixed part: YYYY-MM-DDTHH:MM (16 characters).
  if (text.size() < 16) return bad_timestamp(text);
  auto day = date_at(text, &bad_timestamp);
  if (!day) return Error{day.error()};
  if (text[10] != 'T' && text[10] != 't') {
    return fail("expected `T` between the date and the time, got " + detail::quoted(text));
  }
  int hh = digits_at(text, 11, 2);
  int mm = digits_at(text, 14, 2);
  if (hh < 0 || mm < 0 || text[13] != ':') return bad_timestamp(text);
  int ss = text.size() > 16 && text[16] == ':' ? digits_at(text, 17, 2) : -1;
  if (ss < 0) return fail("expected seconds in the time (like 17:30:00), got " + detail::quoted(text));
  if (ss == 60) return fail("expected seconds 00 to 59 (leap seconds are not accepted), got " + detail::quoted(text));
  if (hh > 23 || mm > 59 || ss > 59) {
    return fail("expected a time of day from 00:00:00 to 23:59:59, got " + detail::quoted(text));
  }
  std::size_t pos = 19;
  long long fraction = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::size_t first = pos;
    long long scale = 100000;
    while (pos < text.size() && detail::is_digit(text[pos])) {
      fraction += (text[pos] - '0') * scale;
      scale /= 10;  // past the sixth digit the scale is 0: extra digits are truncated
      ++pos;
    }
    if (pos == first) return bad_timestamp(text);
  }
  if (pos == text.size()) {
    return fail("expected an offset like Z or +03:00 at the end of " + detail::quoted(text));
  }
  minutes offset{0};
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int oh = digits_at(text, pos + 1, 2);
    int om = digits_at(text, pos + 4, 2);
    if (oh < 0 || om < 0 || text[pos + 3] != ':' || oh > 23 || om > 59) {
      return fail("expected an offset like Z or +03:00 at the end of " + detail::quoted(text));
    }
    offset = minutes{oh * 60 + om};
    if (text[pos] == '-') offset = -offset;
    pos += 6;
  } else {
    return fail("expected an offset like Z or +03:00 at the end of " + detail::quoted(text));
  }
  if (pos != text.size()) return bad_timestamp(text);
  auto local = day->time_since_epoch() + hours{hh} + minutes{mm} + seconds{ss} + microseconds{fraction};
  return Instant{local - offset};
}

void append_rfc3339(std::string& out, Instant t, seconds offset) {
  auto written = std::chrono::duration_cast<minutes>(offset);  // truncates toward zero
  auto local = std::chrono::floor<seconds>(t).time_since_epoch() + written;
  auto days = std::chrono::floor<date::days>(local);
  date::year_month_day ymd{date::sys_days{days}};
  auto in_day = (local - days).count();
  int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    // Outside four digits: the general path (callers do not write these).
    append_padded(out, year, 4);
    out += "-01-01T00:00:00+00:00";
    return;
  }
  auto total = written.count();
  long long off = total < 0 ? -total : total;
  // One fixed-width pattern, filled in place: no division by more than ten.
  char text[25] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0',
                   total < 0 ? '-' : '+', '0', '0', ':', '0', '0'};
  auto two = [&](int at, long long v) {
    text[at] = static_cast<char>('0' + v / 10);
    text[at + 1] = static_cast<char>('0' + v % 10);
  };
  two(0, year / 100);
  two(2, year % 100);
  two(5, static_cast<unsigned>(ymd.month()));
  two(8, static_cast<unsigned>(ymd.day()));
  two(11, in_day / 3600);
  two(14, in_day / 60 % 60);
  two(17, in_day % 60);
  two(20, off / 60);
  two(23, off % 60);
  out.append(text, sizeof text);
}

std::string format_rfc3339(Instant t, seconds offset) {
  std::string out;
  out.reserve(25);
  append_rfc3339(out, t, offset);
  return out;
}

std::string format_rfc3339(Instant t, const Zone& zone) { return format_rfc3339(t, zone.offset_at(t)); }

date::local_days local_date(const Zone& zone, Instant t) {
  auto local = t.time_since_epoch() + zone.offset_at(t);
  return date::local_days{std::chrono::floor<date::days>(local)};
}

Result<date::local_days> parse_date(std::string_view text) {
  if (text.size() != 10) return bad_date(text);
  return date_at(text, &bad_date);
}

void append_date(std::string& out, date::local_days day) {
  date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {   // outside the precondition: the general path
    append_padded(out, year, 4);
    out += '-';
    append_padded(out, static_cast<unsigned>(ymd.month()), 2);
    out += '-';
    append_padded(out, static_cast<unsigned>(ymd.day()), 2);
    return;
  }
  // One fixed-width pattern, filled in place, as append_rfc3339 does.
  char text[10] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0'};
  auto two = [&](int at, unsigned v) {
    text[at] = static_cast<char>('0' + v / 10);
    text[at + 1] = static_cast<char>('0' + v % 10);
  };
  two(0, static_cast<unsigned>(year / 100));
  two(2, static_cast<unsigned>(year % 100));
  two(5, static_cast<unsigned>(ymd.month()));
  two(8, static_cast<unsigned>(ymd.day()));
  out.append(text, sizeof text);
}

std::string format_date(date::local_days day) {
  std::string out;
  append_date(out, day);
  return out;
}

}  // namespace clause::calendar
