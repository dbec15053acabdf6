#include "caseio/stream.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace clause::caseio {
namespace {

using Programs = std::vector<std::shared_ptr<const ir::Program>>;

// Output is handed to `write` in pieces of about this size.
constexpr std::size_t flush_at = 1 << 16;

struct Counter {
  StreamStats& stats;
  void add(std::uint64_t line, bool valid) {
    ++stats.cases;
    if (valid) return;
    ++stats.invalid;
    if (stats.invalid_lines.size() < max_invalid_lines_kept) stats.invalid_lines.push_back(line);
  }
};

// One thread: line by line, with the trace hook when asked.
void decide_alone(const Programs& programs, LineSource& source, const std::function<bool(std::string_view)>& write,
                  const StreamOptions& options, StreamStats& stats) {
  Evaluator evaluator(programs, options.policy);
  Counter counter{stats};
  std::string buffer;
  buffer.reserve(flush_at * 2);
  auto flush = [&] {
    if (buffer.empty()) return true;
    bool ok = write(buffer);
    buffer.clear();
    return ok;
  };
  std::string_view text;
  std::size_t capacity = 0;
  std::uint64_t line = 0;
  while (true) {
    if (options.stop && options.stop()) {
      stats.stopped = true;
      break;
    }
    // A caller feeding cases through a pipe gets each decision before we wait.
    if (!source.ready() && !flush()) {
      stats.output_lost = true;
      return;
    }
    if (!source.next(text, capacity)) break;
    ++line;
    const Decided& decided = evaluator.decide_in_place(text, capacity, buffer, options.each ? options.trace : nullptr);
    counter.add(line, decided.valid());
    if (options.each) options.each(line, decided);
    if (buffer.size() >= flush_at && !flush()) {
      stats.output_lost = true;
      return;
    }
  }
  if (!flush()) stats.output_lost = true;
}

struct Batch {
  std::string text;            // whole lines, each ending in '\n' (the input's last may not), then padding
  std::size_t size = 0;        // bytes of lines in `text`
  std::size_t lines = 0;
  std::uint64_t first_line = 0;
  std::string out;
  std::vector<std::uint32_t> invalid;   // lines of the batch (from 0) that were invalid, the first few
  std::uint64_t invalid_count = 0;
  bool done = false;

  void reset() {
    text.clear();
    out.clear();
    invalid.clear();
    size = lines = 0;
    invalid_count = 0;
    done = false;
  }
};

class Pool {
 public:
  Pool(int jobs, const Programs& programs, const std::string& policy) {
    for (int i = 0; i < jobs; ++i) workers_.emplace_back([this, programs, policy] { work(programs, policy); });
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
  void work(const Programs& programs, const std::string& policy) {
    Evaluator evaluator(programs, policy);
    while (true) {
      Batch* batch = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        batch = queue_.front();
        queue_.pop_front();
      }
      std::uint32_t index = 0;
      for_each_line(std::string_view(batch->text.data(), batch->size), batch->text.size(),
                    [&](std::string_view line, std::size_t capacity) {
                      if (!evaluator.decide_in_place(line, capacity, batch->out).valid()) {
                        ++batch->invalid_count;
                        if (batch->invalid.size() < max_invalid_lines_kept) batch->invalid.push_back(index);
                      }
                      ++index;
                    });
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

void decide_in_batches(const Programs& programs, LineSource& source, const std::function<bool(std::string_view)>& write,
                       const StreamOptions& options, StreamStats& stats) {
  Pool pool(options.jobs, programs, options.policy);
  std::deque<std::unique_ptr<Batch>> in_flight;
  const std::size_t max_in_flight = static_cast<std::size_t>(2 * options.jobs);
  // Batches are reused, so their buffers keep their size: memory stays flat
  // whatever the length of the input.
  std::vector<std::unique_ptr<Batch>> spare;
  std::uint64_t next_line = 1;
  auto fresh = [&] {
    std::unique_ptr<Batch> batch;
    if (spare.empty()) {
      batch = std::make_unique<Batch>();
    } else {
      batch = std::move(spare.back());
      spare.pop_back();
      batch->reset();
    }
    batch->first_line = next_line;
    return batch;
  };
  auto current = fresh();
  auto write_front = [&] {
    Batch& front = *in_flight.front();
    pool.wait(&front);
    stats.cases += front.lines;
    stats.invalid += front.invalid_count;
    for (std::uint32_t i : front.invalid) {
      if (stats.invalid_lines.size() < max_invalid_lines_kept) stats.invalid_lines.push_back(front.first_line + i);
    }
    if (!stats.output_lost && !front.out.empty() && !write(front.out)) stats.output_lost = true;
    spare.push_back(std::move(in_flight.front()));
    in_flight.pop_front();
  };
  auto submit = [&] {
    if (current->size == 0) return;
    next_line += current->lines;
    current->text.resize(current->size + CaseReader::padding());
    pool.submit(current.get());
    in_flight.push_back(std::move(current));
    current = fresh();
    while (in_flight.size() >= max_in_flight && !stats.output_lost) write_front();
  };
  std::string_view block;
  std::size_t block_lines = 0;
  while (!stats.output_lost) {
    if (options.stop && options.stop()) {
      stats.stopped = true;
      current->reset();   // read but not decided: dropped, so the output is a prefix of whole decisions
      break;
    }
    // Before waiting for more input, finish and write what was read.
    if (!source.ready()) {
      submit();
      while (!in_flight.empty() && !stats.output_lost) write_front();
    }
    // Write whatever is finished, in order, without waiting.
    while (!in_flight.empty() && pool.ready(in_flight.front().get()) && !stats.output_lost) write_front();
    if (!source.next_block(block, max_batch_lines - current->lines, block_lines)) break;
    current->text.append(block);
    current->size = current->text.size();
    current->lines += block_lines;
    if (current->size >= max_batch_bytes || current->lines >= max_batch_lines) submit();
  }
  submit();
  while (!in_flight.empty()) {
    if (stats.output_lost) {
      pool.wait(in_flight.front().get());
      in_flight.pop_front();
    } else {
      write_front();
    }
  }
}

}  // namespace

StreamStats decide_stream(const Programs& programs, LineSource& source, const std::function<bool(std::string_view)>& write,
                          const StreamOptions& options) {
  StreamStats stats;
  // A trace is written case by case, and a single object is one case: one thread.
  if (options.each || options.jobs <= 1 || source.single_object()) {
    decide_alone(programs, source, write, options, stats);
  } else {
    decide_in_batches(programs, source, write, options, stats);
  }
  if (source.failed()) {
    stats.input_failed = true;
    stats.input_error = source.error();
  }
  return stats;
}

}  // namespace clause::caseio
