#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>

#include "caseio/evaluate.h"
#include "caseio/lines.h"
#include "cli/commands.h"
#include "driver/driver.h"
#include "eval/explain.h"

namespace clause::cli {
namespace {

constexpr std::size_t flush_at = 1 << 16;

// Writes what is buffered; false when standard output is gone or full.
bool flush(std::string& buffer, std::ostream& out) {
  if (buffer.empty()) return true;
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.flush();
  buffer.clear();
  return static_cast<bool>(out);
}

// Loads the policies for eval-like commands; prints diagnostics to `err`.
std::vector<std::shared_ptr<const ir::Program>> load_programs(const std::vector<std::string>& paths, Io& io) {
  diag::Sink sink;
  auto units = driver::load_all(paths, driver::Stage::lower, sink);
  sink.finish();
  report(sink.diagnostics(), diag::Format::text, io.err);
  std::vector<std::shared_ptr<const ir::Program>> programs;
  if (sink.has_errors()) return programs;
  for (auto& unit : units) programs.push_back(unit.program);
  return programs;
}


// Cases in order through worker threads. The input is cut into batches of
// lines; each worker decides whole batches with its own evaluator; batches
// are written in the order they were read, so the output is the same byte
// for byte as with one job.
struct Batch {
  std::string text;                  // whole lines, each ending in '\n' (the input's last may not), then padding
  std::size_t size = 0;              // bytes of lines in `text`
  std::string out;
  bool any_invalid = false;
  bool done = false;
};

class Pool {
 public:
  Pool(int jobs, const std::vector<std::shared_ptr<const ir::Program>>& programs, const std::string& policy) {
    for (int i = 0; i < jobs; ++i) {
      workers_.emplace_back([this, programs, policy] { work(programs, policy); });
    }
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& w : workers_) w.join();
  }

  void submit(Batch* batch) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(batch);
    }
    wake_.notify_one();
  }

  void wait(Batch* batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [&] { return batch->done; });
  }

  bool ready(const Batch* batch) {
    std::lock_guard<std::mutex> lock(mutex_);
    return batch->done;
  }

 private:
  void work(const std::vector<std::shared_ptr<const ir::Program>>& programs, const std::string& policy) {
    caseio::Evaluator evaluator(programs, policy);
    while (true) {
      Batch* batch = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        batch = queue_.front();
        queue_.pop_front();
      }
      // Every line is one case, as LineSource::next() gives them.
      std::size_t offset = 0;
      while (offset < batch->size) {
        const char* start = batch->text.data() + offset;
        const void* newline = std::memchr(start, '\n', batch->size - offset);
        std::size_t length = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - start) : batch->size - offset;
        std::string_view line(start, length);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        bool valid = evaluator.evaluate(line, batch->text.size() - offset, batch->out);
        batch->any_invalid = batch->any_invalid || !valid;
        offset += length + 1;
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        batch->done = true;
      }
      finished_.notify_all();
    }
  }

  std::vector<std::thread> workers_;
  std::deque<Batch*> queue_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable finished_;
  bool stopping_ = false;
};

constexpr std::size_t batch_bytes = 256 << 10;

}  // namespace

int run_eval(const EvalOptions& options, Io& io) {
  auto programs = load_programs(options.policy_paths, io);
  if (programs.empty()) {
    io.err << "clause eval: no policy loaded; nothing was evaluated\n";
    return exit_code::usage;
  }
  caseio::Evaluator evaluator(programs, options.policy);
  if (!evaluator.setup_error().empty()) {
    io.err << "clause eval: " << evaluator.setup_error() << "\n";
    return exit_code::usage;
  }
  if (options.jobs < 1) {
    io.err << "clause eval: --jobs must be at least 1\n";
    return exit_code::usage;
  }

  std::FILE* input = stdin;
  if (options.cases != "-") {
    input = std::fopen(options.cases.c_str(), "rb");
    if (!input) {
      io.err << "clause eval: cannot read the cases file `" << options.cases << "`: " << std::strerror(errno) << "\n";
      return exit_code::usage;
    }
  }
  caseio::LineSource source(input, caseio::CaseReader::padding());
  std::string buffer;
  buffer.reserve(flush_at * 2);
  eval::ExplainTrace trace;
  bool any_invalid = false;
  bool output_lost = false;
  std::size_t line = 0;
  std::string_view text;
  std::size_t capacity = 0;
  // A trace is written case by case: one job keeps it next to its case.
  int jobs = options.explain || source.single_object() ? 1 : options.jobs;
  if (jobs == 1) {
    while (true) {
      // A caller feeding cases through a pipe gets each decision before we wait.
      if (!source.ready() && !flush(buffer, io.out)) {
        output_lost = true;
        break;
      }
      if (!source.next(text, capacity)) break;
      ++line;
      trace.clear();
      bool valid = evaluator.evaluate(text, capacity, buffer, options.explain ? &trace : nullptr);
      any_invalid = any_invalid || !valid;
      if (options.explain) {
        const auto& read = evaluator.last_read();
        std::string label = "case " + std::string(read.has_id ? read.id : "(no id)") + " (line " + std::to_string(line) + ")";
        if (!valid) {
          io.err << label << ": invalid\n";
          for (const auto& e : read.errors) io.err << "  " << e.field << ": " << e.message << "\n";
        } else {
          io.err << eval::explain(evaluator.reader().program(read.program), evaluator.reader().case_for(read.program),
                                  evaluator.last_decision(), trace, label);
        }
        io.err << "\n";
      }
      if (buffer.size() >= flush_at && !flush(buffer, io.out)) {
        output_lost = true;
        break;
      }
    }
    if (!output_lost && !flush(buffer, io.out)) output_lost = true;
  } else {
    Pool pool(jobs, programs, options.policy);
    std::deque<std::unique_ptr<Batch>> in_flight;
    const std::size_t max_in_flight = static_cast<std::size_t>(2 * jobs);
    // Batches are reused, so their buffers keep their size: memory stays
    // flat whatever the length of the input.
    std::vector<std::unique_ptr<Batch>> spare;
    auto fresh = [&] {
      if (spare.empty()) return std::make_unique<Batch>();
      auto batch = std::move(spare.back());
      spare.pop_back();
      batch->text.clear();
      batch->out.clear();
      batch->size = 0;
      batch->any_invalid = false;
      batch->done = false;
      return batch;
    };
    auto current = fresh();
    auto write_front = [&] {
      Batch& front = *in_flight.front();
      pool.wait(&front);
      any_invalid = any_invalid || front.any_invalid;
      if (!output_lost && !flush(front.out, io.out)) output_lost = true;
      spare.push_back(std::move(in_flight.front()));
      in_flight.pop_front();
    };
    auto submit = [&] {
      if (current->size == 0) return;
      current->text.resize(current->size + caseio::CaseReader::padding());
      pool.submit(current.get());
      in_flight.push_back(std::move(current));
      current = fresh();
      while (in_flight.size() >= max_in_flight && !output_lost) write_front();
    };
    std::string_view block;
    while (!output_lost) {
      // Before waiting for more input, finish and write what was read.
      if (!source.ready()) {
        submit();
        while (!in_flight.empty() && !output_lost) write_front();
      }
      // Write whatever is finished, in order, without waiting.
      while (!in_flight.empty() && pool.ready(in_flight.front().get()) && !output_lost) write_front();
      if (!source.next_block(block)) break;
      current->text.append(block);
      current->size = current->text.size();
      if (current->size >= batch_bytes) submit();
    }
    submit();
    while (!in_flight.empty()) {
      if (output_lost) {
        pool.wait(in_flight.front().get());
        in_flight.pop_front();
      } else {
        write_front();
      }
    }
  }
  if (input != stdin) std::fclose(input);
  if (output_lost) {
    // A reader that went away (`clause eval ... | head -1`) is not an error;
    // a full disk is.
    if (errno == EPIPE) return exit_code::ok;
    io.err << "clause eval: cannot write the decisions: " << std::strerror(errno) << "\n";
    return exit_code::io_error;
  }
  if (source.failed()) {
    io.err << "clause eval: cannot read the cases: " << source.error() << "\n";
    return exit_code::io_error;
  }
  return any_invalid ? exit_code::findings : exit_code::ok;
}

}  // namespace clause::cli
