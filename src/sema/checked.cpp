#include "sema/checked.h"

namespace clause::sema {

std::string_view Field::name() const {
  std::string_view p = path;
  auto dot = p.rfind('.');
  return dot == std::string_view::npos ? p : p.substr(dot + 1);
}

int Field::value_index(std::string_view value) const {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] == value) return static_cast<int>(i);
  }
  return -1;
}

int Checked::field_index(std::string_view path) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].path == path) return static_cast<int>(i);
  }
  return -1;
}

int Checked::plan_index(std::string_view id) const {
  if (plan_by_id.size() == plans.size()) {
    auto it = plan_by_id.find(std::string(id));
    return it == plan_by_id.end() ? -1 : it->second;
  }
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (plans[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

void Checked::index_plans() {
  plan_by_id.clear();
  for (std::size_t i = 0; i < plans.size(); ++i) plan_by_id.emplace(plans[i].id, static_cast<int>(i));
}

int Checked::entitlement_index(std::string_view id) const {
  for (std::size_t i = 0; i < entitlements.size(); ++i) {
    if (entitlements[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace clause::sema
