// SIGINT and SIGTERM as a request to stop: a command that streams (eval)
// installs the handler, checks interrupted() between cases, finishes the
// line it is writing and exits with 128 + the signal (130, 143). Signals are
// process-wide, so this is the one piece of global state.
#pragma once

namespace clause {

// Installs the handlers (without SA_RESTART: a blocking read returns).
void stop_on_interrupt();
// Whether SIGINT or SIGTERM came since stop_on_interrupt().
bool interrupted();
// The exit status for it: 130 for SIGINT, 143 for SIGTERM (0 when none came).
int interrupted_status();

}  // namespace clause
