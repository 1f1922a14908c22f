#include "identify_support.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "meshery/core/uuid.hpp"
#include "meshery/policy/component_refs.hpp"

namespace meshery::policy {
namespace {

using registry::SelectorItem;

/// The namespace of relationship declaration ids.
const Uuid& declarationNamespace() {
  static const Uuid id =
      Uuid::v5(kUuidNamespaceUrl, "https://meshery.io/relationships/declarations");
  return id;
}

/// A selector item of the definition's document bound to a component; a
/// binding's match entries name the component ("self") and the binding.
nlohmann::json boundItem(const nlohmann::json& item, const std::string& id,
                         const std::string& binding_id) {
  nlohmann::json bound = item;
  bound["id"] = id;
  if (binding_id.empty() || !bound.contains("match") || !bound["match"].is_object()) return bound;
  for (const char* side : {"from", "to"}) {
    if (!bound["match"].contains(side) || !bound["match"][side].is_array()) continue;
    for (nlohmann::json& entry : bound["match"][side]) {
      entry["id"] = entry.value("kind", "") == "self" ? id : binding_id;
    }
  }
  return bound;
}

}  // namespace

namespace detail {

bool sameWord(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string idOf(const nlohmann::json& component) {
  const auto found = component.find("id");
  return found != component.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool denied(const registry::Selector& selector, const nlohmann::json& from,
            const nlohmann::json& to) {
  const auto any = [](const std::vector<SelectorItem>& items, const nlohmann::json& component) {
    return std::any_of(items.begin(), items.end(),
                       [&](const SelectorItem& item) { return admits(item, component); });
  };
  return any(selector.deny.from, from) && any(selector.deny.to, to);
}

std::string equalKey(const nlohmann::json& value) {
  if (value.is_number()) {
    const double number = value.get<double>();
    if (number == static_cast<double>(static_cast<long long>(number)))
      return "n" + std::to_string(static_cast<long long>(number));
    return "n" + value.dump();
  }
  return value.dump();
}

nlohmann::json declarationBase(const registry::RelationshipDefinition& definition) {
  nlohmann::json declaration = nlohmann::json::object();
  for (const auto& [key, value] : definition.document.items()) {
    if (key != "selectors") declaration[key] = value;
  }
  return declaration;
}

nlohmann::json boundSelector(const nlohmann::json& selector, nlohmann::json from,
                             nlohmann::json to) {
  nlohmann::json allow = nlohmann::json::object();
  allow["from"] = std::move(from);
  allow["to"] = std::move(to);
  nlohmann::json bound = nlohmann::json::object();
  bound["allow"] = std::move(allow);
  bound["deny"] = selector.contains("deny") ? selector.at("deny") : nlohmann::json::object();
  return bound;
}

const std::vector<std::string>& Direction::strategies(std::size_t i) const {
  static const std::vector<std::string> kEqual;
  return i < matrix->size() ? (*matrix)[i] : kEqual;
}

std::optional<Direction> directionOf(const registry::SelectorItem& from_item,
                                     const registry::SelectorItem& to_item) {
  if (!from_item.patch || !to_item.patch) return std::nullopt;
  const registry::SelectorPatch& from_patch = *from_item.patch;
  const registry::SelectorPatch& to_patch = *to_item.patch;
  Direction direction;
  direction.from_mutates = !from_patch.mutator_ref.empty() && !to_patch.mutated_ref.empty();
  const bool to_mutates = !to_patch.mutator_ref.empty() && !from_patch.mutated_ref.empty();
  if (!direction.from_mutates && !to_mutates) return std::nullopt;
  direction.mutators = direction.from_mutates ? &from_patch.mutator_ref : &to_patch.mutator_ref;
  direction.mutateds = direction.from_mutates ? &to_patch.mutated_ref : &from_patch.mutated_ref;
  direction.matrix = !from_item.match_strategy_matrix.empty() ? &from_item.match_strategy_matrix
                                                              : &to_item.match_strategy_matrix;
  direction.count = std::min(direction.mutators->size(), direction.mutateds->size());
  if (direction.count == 0) return std::nullopt;
  return direction;
}

void sortFound(std::vector<FoundRelationship>& found) {
  std::sort(found.begin(), found.end(), [](const FoundRelationship& a, const FoundRelationship& b) {
    return std::tie(a.from_id, a.to_id, a.binding_id, a.selector, a.from_item, a.to_item) <
           std::tie(b.from_id, b.to_id, b.binding_id, b.selector, b.from_item, b.to_item);
  });
}

ComponentIndex::ComponentIndex(const nlohmann::json& design) {
  const auto components = design.find("components");
  if (components == design.end() || !components->is_array()) return;
  for (const nlohmann::json& component : *components) {
    if (idOf(component).empty()) continue;
    all_.push_back(&component);
    by_kind_[std::string(componentKind(component))].push_back(&component);
  }
}

const std::vector<const nlohmann::json*>& ComponentIndex::candidates(
    const SelectorItem& item) const {
  return item.kind == "*" ? all_ : ofKind(item.kind);
}

const std::vector<const nlohmann::json*>& ComponentIndex::ofKind(const std::string& kind) const {
  const auto found = by_kind_.find(kind);
  return found == by_kind_.end() ? none_ : found->second;
}

}  // namespace detail

bool admits(const SelectorItem& item, const nlohmann::json& component) {
  if (item.kind != "*" && item.kind != componentKind(component)) return false;
  return item.model.name.empty() || item.model.name == "*" ||
         item.model.name == componentModel(component);
}

nlohmann::json declarationOf(const FoundRelationship& found) {
  const registry::RelationshipDefinition& definition = *found.definition;
  nlohmann::json declaration = detail::declarationBase(definition);
  const nlohmann::json& selector = definition.document.at("selectors").at(found.selector);
  const nlohmann::json& allow = selector.at("allow");
  // Built with moves: nlohmann's initializer lists copy every element.
  nlohmann::json from = nlohmann::json::array();
  from.push_back(boundItem(allow.at("from").at(found.from_item), found.from_id, found.binding_id));
  nlohmann::json to = nlohmann::json::array();
  to.push_back(boundItem(allow.at("to").at(found.to_item), found.to_id, found.binding_id));
  nlohmann::json bound = detail::boundSelector(selector, std::move(from), std::move(to));
  // The canonical JSON of {"relationship": id, "selector": bound}.
  const std::string name =
      "{\"relationship\":\"" + definition.id.toString() + "\",\"selector\":" + bound.dump() + "}";
  declaration["id"] = Uuid::v5(declarationNamespace(), name).toString();
  nlohmann::json selectors = nlohmann::json::array();
  selectors.push_back(std::move(bound));
  declaration["selectors"] = std::move(selectors);
  const bool approved =
      detail::sameWord(definition.kind, "hierarchical") || relatesThroughBinding(definition);
  declaration["status"] = approved ? "approved" : "identified";
  return declaration;
}

}  // namespace meshery::policy
