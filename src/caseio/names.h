// The words a case may use (keys, enum values, plan ids, policy names), each
// mapped to a small integer. Built once per policy. A look-up reads the word
// as two machine words (its first and last eight bytes, or four, or three
// single bytes), hashes those, and compares them with the entry's: for words
// of up to 16 bytes that is the whole comparison. Scanning the declared names
// with string compares was the reader's largest cost per case.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace clause::caseio {

class NameTable {
 public:
  // `value` is 0 or more. A name already in the table keeps its first value.
  void add(std::string_view name, int value);

  // The value of `name`, or -1 when it is not in the table.
  // Always inlined: a call costs as much as the look-up itself.
  [[gnu::always_inline]] int find(std::string_view name) const {
    if (slots_.empty()) return -1;
    const Words words = words_of(name);
    for (std::size_t i = hash(words, name.size()) & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.value < 0) return -1;
      if (slot.words.head == words.head && slot.words.tail == words.tail && slot.name.size() == name.size() &&
          (name.size() <= 16 || slot.name == name)) {
        return slot.value;
      }
    }
  }

  std::size_t size() const { return count_; }

 private:
  // Together with the length, these are the whole word when it has at most 16 bytes.
  struct Words {
    std::uint64_t head = 0, tail = 0;
  };

  static Words words_of(std::string_view name) {
    const char* p = name.data();
    const std::size_t n = name.size();
    Words w;
    if (n >= 8) {
      std::memcpy(&w.head, p, 8);
      std::memcpy(&w.tail, p + n - 8, 8);
    } else if (n >= 4) {
      std::uint32_t head = 0, tail = 0;
      std::memcpy(&head, p, 4);
      std::memcpy(&tail, p + n - 4, 4);
      w.head = head;
      w.tail = tail;
    } else if (n > 0) {
      const auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
      w.head = byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
    }
    return w;
  }

  static std::size_t hash(Words w, std::size_t size) {
    std::uint64_t h = (w.head * 0x9E3779B97F4A7C15u) ^ (w.tail * 0xC2B2AE3D27D4EB4Fu) ^ size;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }

  struct Slot {
    Words words;
    std::string name;
    int value = -1;
  };

  void insert(Slot slot);

  std::vector<Slot> slots_;   // open addressing, at most half full
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace clause::caseio
