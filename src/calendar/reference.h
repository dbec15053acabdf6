// A deliberately slow, obviously correct working-time clock, for tests and
// fuzzing only: it walks time minute by minute and shares no arithmetic with
// WorkingHours::due_after.
#pragma once

#include <chrono>

#include "calendar/working_hours.h"
#include "calendar/zone.h"

namespace clause::calendar {

// What WorkingHours::due_after promises, found by walking from `start` one
// step at a time and counting the steps whose local time is open. The step is
// a minute when `start` and `work` are whole minutes, else a second.
// Preconditions: `start` and `work` are whole seconds; the zone's offsets are
// whole minutes (true of every zone since the early 20th century). Time grows
// with work / (the share of the week that is open).
Instant due_after_reference(const WorkingHours& hours, const Zone& zone, Instant start, std::chrono::microseconds work);

}  // namespace clause::calendar
