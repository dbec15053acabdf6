#include "support/interrupt.h"

#include <csignal>
#include <initializer_list>

namespace clause {
namespace {

volatile std::sig_atomic_t received = 0;

extern "C" void on_signal(int signal) { received = signal; }

}  // namespace

void stop_on_interrupt() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  for (int signal : {SIGINT, SIGTERM}) {
    // A signal ignored by whoever started us (a background job, nohup) stays ignored.
    struct sigaction current {};
    if (sigaction(signal, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    sigaction(signal, &action, nullptr);
  }
}

bool interrupted() { return received != 0; }

int interrupted_status() { return received == 0 ? 0 : 128 + received; }

}  // namespace clause
