#include "caseio/names.h"

#include <utility>

namespace clause::caseio {

void NameTable::add(std::string_view name, int value) {
  if (find(name) >= 0) return;
  if ((count_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 8 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (Slot& slot : old) {
      if (slot.value >= 0) insert(std::move(slot));
    }
  }
  insert(Slot{words_of(name), std::string(name), value});
  ++count_;
}

void NameTable::insert(Slot slot) {
  std::size_t i = hash(slot.words, slot.name.size()) & mask_;
  while (slots_[i].value >= 0) i = (i + 1) & mask_;
  slots_[i] = std::move(slot);
}

}  // namespace clause::caseio
