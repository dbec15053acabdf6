#include <algorithm>

#include "sema/messages.h"
#include "sema/steps.h"

namespace clause::sema {

void check_names(Context& context) {
  Checked& out = context.out;
  Scope entitlements("entitlement");
  for (const auto* decl : context.every<syntax::EntitlementsDecl>()) {
    for (const auto& item : decl->items) {
      if (!entitlements.declare(context, item.id)) continue;
      out.entitlements.push_back(
          {item.id.text, item.text ? item.text->value : item.id.text, context.import_of(&item.id) != nullptr, item.id.span});
    }
  }
  Scope channels("communication channel");
  for (const auto* decl : context.every<syntax::CommunicationDecl>()) {
    for (const auto& name : decl->names) {
      if (channels.declare(context, name)) out.communication.push_back(name.text);
    }
  }
  Scope bases("base");
  for (const auto* decl : context.every<syntax::BaseDecl>()) {
    if (bases.declare(context, decl->name)) out.bases.push_back(decl->name.text);
  }
}

void check_registers(Context& context) {
  if (!context.registers) return;
  context.out.registers = resolve_channels(context, context.registers->channels);
  context.out.has_registers = true;
}

std::vector<std::string> entitlement_ids(const Context& context) {
  std::vector<std::string> ids;
  for (const auto& e : context.out.entitlements) ids.push_back(e.id);
  return ids;
}

std::vector<std::string> plan_ids(const Context& context) {
  std::vector<std::string> ids;
  for (const auto& p : context.out.plans) ids.push_back(p.id);
  return ids;
}

std::vector<int> resolve_entitlements(Context& context, const std::vector<syntax::Name>& names) {
  std::vector<int> out;
  for (const auto& name : names) {
    int index = context.out.entitlement_index(name.text);
    if (index < 0) {
      messages::unknown(context, "entitlement", name, entitlement_ids(context));
    } else if (std::find(out.begin(), out.end(), index) == out.end()) {
      out.push_back(index);
    }
  }
  return out;
}

std::vector<int> resolve_channels(Context& context, const std::vector<syntax::Name>& names) {
  std::vector<int> out;
  if (context.out.channel_field < 0) return out;
  const Field& channel = context.out.fields[static_cast<std::size_t>(context.out.channel_field)];
  for (const auto& name : names) {
    int index = channel.value_index(name.text);
    if (index < 0) {
      messages::not_a_value(context, channel, name);
    } else if (std::find(out.begin(), out.end(), index) == out.end()) {
      out.push_back(index);
    }
  }
  return out;
}

}  // namespace clause::sema
