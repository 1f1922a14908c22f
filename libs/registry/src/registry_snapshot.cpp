#include "meshery/registry/registry_snapshot.hpp"

#include <algorithm>
#include <map>

#include "document_fields.hpp"
#include "model_membership.hpp"

namespace meshery::registry {
namespace {

template <typename Table>
auto findIn(const Table& table, const Uuid& id) -> decltype(table.items.front()) {
  static const typename std::decay_t<decltype(table.items.front())> kNone;
  auto found = table.by_id.find(id);
  return found == table.by_id.end() ? kNone : table.items[found->second];
}

template <typename Table, typename Index>
auto select(const Table& table, const Index& index, const std::string& key) {
  std::decay_t<decltype(table.items)> result;
  auto found = index.find(key);
  if (found == index.end()) return result;
  result.reserve(found->second.size());
  for (std::size_t position : found->second) result.push_back(table.items[position]);
  return result;
}

template <typename Table, typename Entity>
const std::string& textOf(const Table& table, const Entity& entity) {
  static const std::string kEmpty;
  auto found = table.by_id.find(entity.id);
  return found == table.by_id.end() ? kEmpty : table.search_text[found->second];
}

template <typename Pointers>
Pointers ofUpstreamVersion(Pointers entities, std::string_view upstream_version) {
  if (upstream_version.empty()) return entities;
  std::erase_if(entities, [&](const auto& entity) {
    return entity->model.upstream_version != upstream_version;
  });
  return entities;
}

/// True when `left` is a better resolution of a resource than `right`.
bool preferable(const ComponentDefinition& left, const ComponentDefinition& right) {
  const bool left_enabled = left.status == EntityStatus::kEnabled;
  const bool right_enabled = right.status == EntityStatus::kEnabled;
  if (left_enabled != right_enabled) return left_enabled;
  return detail::compareVersions(left.model.upstream_version, right.model.upstream_version) > 0;
}

}  // namespace

std::shared_ptr<const RegistrySnapshot> RegistrySnapshot::empty() {
  static const std::shared_ptr<const RegistrySnapshot> kEmpty =
      std::make_shared<const RegistrySnapshot>();
  return kEmpty;
}

ModelPtr RegistrySnapshot::findModel(const Uuid& id) const {
  return findIn(models_, id);
}

ComponentPtr RegistrySnapshot::findComponent(const Uuid& id) const {
  return findIn(components_, id);
}

RelationshipPtr RegistrySnapshot::findRelationship(const Uuid& id) const {
  return findIn(relationships_, id);
}

PolicyPtr RegistrySnapshot::findPolicy(const Uuid& id) const {
  return findIn(policies_, id);
}

std::vector<ModelPtr> RegistrySnapshot::modelsNamed(std::string_view name) const {
  return select(models_, models_.by_model, std::string(name));
}

std::vector<ModelPtr> RegistrySnapshot::modelsInCategory(std::string_view category) const {
  return select(models_, models_by_category_, std::string(category));
}

std::vector<ModelPtr> RegistrySnapshot::modelsByRegistrant(std::string_view registrant) const {
  return select(models_, models_by_registrant_, detail::toLower(registrant));
}

std::vector<ModelPtr> RegistrySnapshot::modelsFor(const ModelRef& ref) const {
  std::vector<ModelPtr> models = modelsNamed(ref.name);
  std::erase_if(models, [&](const ModelPtr& model) { return !detail::belongsTo(ref, *model); });
  return models;
}

std::vector<ComponentPtr> RegistrySnapshot::componentsFor(std::string_view kind,
                                                          std::string_view api_version) const {
  std::string key(kind);
  key += '\x1f';
  key += api_version;
  return select(components_, components_by_kind_api_, key);
}

std::vector<ComponentPtr> RegistrySnapshot::componentsOfKind(std::string_view kind) const {
  return select(components_, components_by_kind_, std::string(kind));
}

std::vector<ComponentPtr> RegistrySnapshot::componentsOfModel(
    std::string_view model_name, std::string_view upstream_version) const {
  return ofUpstreamVersion(select(components_, components_.by_model, std::string(model_name)),
                           upstream_version);
}

ComponentPtr RegistrySnapshot::preferredComponent(std::string_view kind,
                                                  std::string_view api_version,
                                                  std::string_view model_name) const {
  ComponentPtr best;
  for (const ComponentPtr& candidate : componentsFor(kind, api_version)) {
    if (!model_name.empty() && candidate->model.name != model_name) continue;
    if (!best || preferable(*candidate, *best)) best = candidate;
  }
  return best;
}

std::vector<RelationshipPtr> RegistrySnapshot::relationshipsOfModel(
    std::string_view model_name, std::string_view upstream_version) const {
  return ofUpstreamVersion(select(relationships_, relationships_.by_model, std::string(model_name)),
                           upstream_version);
}

std::vector<PolicyPtr> RegistrySnapshot::policiesOfModel(std::string_view model_name,
                                                         std::string_view upstream_version) const {
  return ofUpstreamVersion(select(policies_, policies_.by_model, std::string(model_name)),
                           upstream_version);
}

std::vector<Category> RegistrySnapshot::categories() const {
  std::map<std::string, Category> by_name;
  for (const ModelPtr& model : models_.items)
    by_name.emplace(model->category.name, model->category);
  std::vector<Category> result;
  result.reserve(by_name.size());
  for (auto& [name, category] : by_name) result.push_back(std::move(category));
  return result;
}

const std::string& RegistrySnapshot::searchText(const Model& model) const {
  return textOf(models_, model);
}

const std::string& RegistrySnapshot::searchText(const ComponentDefinition& component) const {
  return textOf(components_, component);
}

const std::string& RegistrySnapshot::searchText(const RelationshipDefinition& relationship) const {
  return textOf(relationships_, relationship);
}

const std::string& RegistrySnapshot::searchText(const PolicyDefinition& policy) const {
  return textOf(policies_, policy);
}

namespace {

template <typename Table, typename Items>
const std::vector<std::string>* alignedTexts(const Table& table, const Items& items) {
  return &items == &table.items ? &table.search_text : nullptr;
}

/// The shortest posting list among the needle's trigrams: every match is in it.
template <typename Table, typename Items>
std::optional<std::span<const std::uint32_t>> candidatesIn(const Table& table, const Items& items,
                                                           std::string_view needle) {
  if (&items != &table.items || needle.size() < 3) return std::nullopt;
  std::span<const std::uint32_t> shortest;
  bool first = true;
  for (std::size_t i = 0; i + 3 <= needle.size(); ++i) {
    auto found = table.search_trigrams.find(detail::trigramAt(needle, i));
    if (found == table.search_trigrams.end()) return std::span<const std::uint32_t>();
    if (first || found->second.size() < shortest.size()) shortest = found->second;
    first = false;
  }
  return shortest;
}

}  // namespace

const std::vector<std::string>* RegistrySnapshot::alignedSearchTexts(
    const std::vector<ModelPtr>& items) const {
  return alignedTexts(models_, items);
}

const std::vector<std::string>* RegistrySnapshot::alignedSearchTexts(
    const std::vector<ComponentPtr>& items) const {
  return alignedTexts(components_, items);
}

const std::vector<std::string>* RegistrySnapshot::alignedSearchTexts(
    const std::vector<RelationshipPtr>& items) const {
  return alignedTexts(relationships_, items);
}

const std::vector<std::string>* RegistrySnapshot::alignedSearchTexts(
    const std::vector<PolicyPtr>& items) const {
  return alignedTexts(policies_, items);
}

std::optional<std::span<const std::uint32_t>> RegistrySnapshot::searchCandidates(
    const std::vector<ModelPtr>& items, std::string_view needle) const {
  return candidatesIn(models_, items, needle);
}

std::optional<std::span<const std::uint32_t>> RegistrySnapshot::searchCandidates(
    const std::vector<ComponentPtr>& items, std::string_view needle) const {
  return candidatesIn(components_, items, needle);
}

std::optional<std::span<const std::uint32_t>> RegistrySnapshot::searchCandidates(
    const std::vector<RelationshipPtr>& items, std::string_view needle) const {
  return candidatesIn(relationships_, items, needle);
}

std::optional<std::span<const std::uint32_t>> RegistrySnapshot::searchCandidates(
    const std::vector<PolicyPtr>& items, std::string_view needle) const {
  return candidatesIn(policies_, items, needle);
}

namespace {

template <typename Table, typename Items>
const RegistrySnapshot::PositionFacts* factsOf(const Table& table, const Items& items) {
  return &items == &table.items ? &table.facts : nullptr;
}

}  // namespace

const RegistrySnapshot::PositionFacts* RegistrySnapshot::positionFacts(
    const std::vector<ModelPtr>& items) const {
  return factsOf(models_, items);
}

const RegistrySnapshot::PositionFacts* RegistrySnapshot::positionFacts(
    const std::vector<ComponentPtr>& items) const {
  return factsOf(components_, items);
}

const RegistrySnapshot::PositionFacts* RegistrySnapshot::positionFacts(
    const std::vector<RelationshipPtr>& items) const {
  return factsOf(relationships_, items);
}

const RegistrySnapshot::PositionFacts* RegistrySnapshot::positionFacts(
    const std::vector<PolicyPtr>& items) const {
  return factsOf(policies_, items);
}

void RegistrySnapshot::indexRegistrants() {
  for (std::size_t i = 0; i < models_.items.size(); ++i) {
    const Registrant& registrant = models_.items[i]->registrant;
    const std::string kind = detail::toLower(registrant.kind);
    const std::string name = detail::toLower(registrant.name);
    if (!kind.empty()) models_by_registrant_[kind].push_back(i);
    if (!name.empty() && name != kind) models_by_registrant_[name].push_back(i);
  }
}

}  // namespace meshery::registry
