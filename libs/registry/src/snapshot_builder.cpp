#include <algorithm>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "component_text.hpp"
#include "document_fields.hpp"
#include "meshery/registry/registry_snapshot.hpp"
#include "model_membership.hpp"

namespace meshery::registry {
namespace {

Error unknownId(const Uuid& id) {
  return Error(ErrorCode::kNotFound, "no registry entity has the id " + id.toString(),
               "The model, component, relationship or policy was removed or never registered.",
               "List the registry to find the entity's current id.");
}

template <typename Pointer>
using EntityOf = std::remove_const_t<typename Pointer::element_type>;

template <typename Items, typename Pointers>
void assignAll(Items& items, const Pointers& pointers) {
  items.items.assign(pointers.begin(), pointers.end());
  for (std::size_t i = 0; i < items.items.size(); ++i) items.by_id.emplace(items.items[i]->id, i);
}

template <typename Items, typename T>
void upsert(Items& items, T entity) {
  auto shared = std::make_shared<const T>(std::move(entity));
  auto found = items.by_id.find(shared->id);
  if (found != items.by_id.end()) {
    items.items[found->second] = std::move(shared);
    return;
  }
  items.by_id.emplace(shared->id, items.items.size());
  items.items.push_back(std::move(shared));
}

template <typename Items>
bool erase(Items& items, const Uuid& id) {
  auto found = items.by_id.find(id);
  if (found == items.by_id.end()) return false;
  items.items[found->second] = nullptr;
  items.by_id.erase(found);
  return true;
}

/// Replaces the shared entity with a modified copy (entities are immutable
/// once shared: an older snapshot may still hold them).
template <typename Pointer, typename Change>
void modify(Pointer& slot, Change change) {
  auto copy = std::make_shared<EntityOf<Pointer>>(*slot);
  change(*copy);
  slot = std::move(copy);
}

template <typename Items>
bool setStatusIn(Items& items, const Uuid& id, EntityStatus status) {
  auto found = items.by_id.find(id);
  if (found == items.by_id.end()) return false;
  modify(items.items[found->second], [status](auto& entity) {
    entity.status = status;
    if constexpr (requires { entity.status_before_duplicate; }) {
      entity.status_before_duplicate.reset();
    }
  });
  return true;
}

/// Restores what earlier builds marked, then marks every entity whose key an
/// earlier, non-duplicate entity already holds.
template <typename Items, typename KeyOf>
void markDuplicatesIn(Items& items, KeyOf key_of) {
  for (auto& slot : items.items) {
    if (!slot || !slot->status_before_duplicate) continue;
    modify(slot, [](auto& entity) {
      entity.status = *entity.status_before_duplicate;
      entity.status_before_duplicate.reset();
    });
  }
  std::unordered_set<std::string> canonical;
  for (auto& slot : items.items) {
    if (!slot || slot->status == EntityStatus::kDuplicate) continue;
    if (canonical.insert(key_of(*slot)).second) continue;
    modify(slot, [](auto& entity) {
      entity.status_before_duplicate = entity.status;
      entity.status = EntityStatus::kDuplicate;
    });
  }
}

/// How many entities of `items` belong to each model (by position in `models`).
template <typename Items, typename Models>
std::vector<std::size_t> countPerModel(const Items& items, const Models& models) {
  std::unordered_map<std::string, std::vector<std::size_t>> models_by_name;
  for (std::size_t i = 0; i < models.size(); ++i) {
    if (models[i]) models_by_name[models[i]->name].push_back(i);
  }
  std::vector<std::size_t> counts(models.size(), 0);
  for (const auto& entity : items.items) {
    if (!entity) continue;
    auto named = models_by_name.find(entity->model.name);
    if (named == models_by_name.end()) continue;
    for (std::size_t position : named->second) {
      if (detail::belongsTo(entity->model, *models[position])) ++counts[position];
    }
  }
  return counts;
}

template <typename Items>
void removeBelongingTo(Items& items, const Model& model) {
  for (auto& slot : items.items) {
    if (!slot || slot->model.name != model.name) continue;
    if (!slot->model.upstream_version.empty() &&
        slot->model.upstream_version != model.upstream_version) {
      continue;
    }
    items.by_id.erase(slot->id);
    slot = nullptr;
  }
}

/// The table's per-position facts: status, annotation and the dense rank
/// of the display name, which queries sort on by default.
template <typename Table>
void fillFacts(Table& table) {
  auto& facts = table.facts;
  const std::size_t count = table.items.size();
  std::size_t text_bytes = 0;
  for (const std::string& text : table.search_text) text_bytes += text.size();
  facts.search_blob.reserve(text_bytes);
  facts.search_offsets.reserve(count + 1);
  for (const std::string& text : table.search_text) {
    facts.search_offsets.push_back(static_cast<std::uint32_t>(facts.search_blob.size()));
    facts.search_blob += text;
  }
  facts.search_offsets.push_back(static_cast<std::uint32_t>(facts.search_blob.size()));
  facts.status.reserve(count);
  facts.annotation.reserve(count);
  for (const auto& item : table.items) {
    facts.status.push_back(item->status);
    bool annotation = false;
    if constexpr (requires { item->is_annotation; }) annotation = item->is_annotation;
    facts.annotation.push_back(annotation ? 1 : 0);
  }
  if constexpr (requires { table.items.front()->display_name; }) {
    std::vector<std::uint32_t> order(count);
    for (std::size_t i = 0; i < count; ++i) order[i] = static_cast<std::uint32_t>(i);
    auto name = [&](std::uint32_t i) -> std::string_view { return table.items[i]->display_name; };
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t left, std::uint32_t right) { return name(left) < name(right); });
    facts.display_name_rank.resize(count);
    std::uint32_t rank = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0 && name(order[i]) != name(order[i - 1])) ++rank;
      facts.display_name_rank[order[i]] = rank;
    }
  }
}

/// Moves the non-null entities into the snapshot's table (dropping removed
/// slots) and indexes them by id, model name and search text.
template <typename Table, typename Items, typename TextOf>
void fillTable(Table& table, Items& items, TextOf text_of) {
  for (auto& slot : items.items) {
    if (!slot) continue;
    const std::size_t position = table.items.size();
    table.by_id.emplace(slot->id, position);
    table.search_text.push_back(detail::toLower(text_of(*slot)));
    table.items.push_back(std::move(slot));
  }
  items = {};
  for (std::size_t position = 0; position < table.search_text.size(); ++position) {
    const std::string& text = table.search_text[position];
    for (std::size_t i = 0; i + 3 <= text.size(); ++i) {
      auto& positions = table.search_trigrams[detail::trigramAt(text, i)];
      // Positions ascend, so a repeat within one text is the last entry.
      if (positions.empty() || positions.back() != position) {
        positions.push_back(static_cast<std::uint32_t>(position));
      }
    }
  }
  fillFacts(table);
}

template <typename Table, typename Index, typename KeyOf>
void indexBy(const Table& table, Index& index, KeyOf key_of) {
  for (std::size_t i = 0; i < table.items.size(); ++i) {
    index[key_of(*table.items[i])].push_back(i);
  }
}

}  // namespace

SnapshotBuilder::SnapshotBuilder(const RegistrySnapshot& base)
    : generation_(base.generation() + 1) {
  assignAll(models_, base.models());
  assignAll(components_, base.components());
  assignAll(relationships_, base.relationships());
  assignAll(policies_, base.policies());
  for (std::size_t i = 0; i < base.component_texts_.size(); ++i) {
    const ComponentPtr& component = base.components_.items[i];
    base_texts_.emplace(component.get(), BaseText{component, base.component_texts_[i]});
  }
}

SnapshotBuilder& SnapshotBuilder::add(Model model) {
  upsert(models_, std::move(model));
  return *this;
}

SnapshotBuilder& SnapshotBuilder::add(ComponentDefinition component) {
  upsert(components_, std::move(component));
  return *this;
}

SnapshotBuilder& SnapshotBuilder::add(RelationshipDefinition relationship) {
  upsert(relationships_, std::move(relationship));
  return *this;
}

SnapshotBuilder& SnapshotBuilder::add(PolicyDefinition policy) {
  upsert(policies_, std::move(policy));
  return *this;
}

SnapshotBuilder& SnapshotBuilder::remove(const Uuid& id) {
  if (auto found = models_.by_id.find(id); found != models_.by_id.end()) {
    const ModelPtr model = models_.items[found->second];
    erase(models_, id);
    removeModelEntities(*model);
    return *this;
  }
  if (erase(components_, id) || erase(relationships_, id) || erase(policies_, id)) return *this;
  throw unknownId(id);
}

void SnapshotBuilder::removeModelEntities(const Model& model) {
  for (const auto& other : models_.items) {
    if (other && other->name == model.name && other->upstream_version == model.upstream_version) {
      return;
    }
  }
  removeBelongingTo(components_, model);
  removeBelongingTo(relationships_, model);
  removeBelongingTo(policies_, model);
}

SnapshotBuilder& SnapshotBuilder::setStatus(const Uuid& id, EntityStatus status) {
  if (setStatusIn(models_, id, status) || setStatusIn(components_, id, status) ||
      setStatusIn(relationships_, id, status) || setStatusIn(policies_, id, status)) {
    return *this;
  }
  throw unknownId(id);
}

void SnapshotBuilder::shareComponentTexts(RegistrySnapshot& snapshot) {
  const auto& components = snapshot.components_.items;
  snapshot.component_texts_.reserve(components.size());
  for (const ComponentPtr& component : components) {
    auto found = base_texts_.find(component.get());
    snapshot.component_texts_.push_back(found != base_texts_.end()
                                            ? found->second.text
                                            : std::make_shared<RegistrySnapshot::ComponentText>());
  }
  base_texts_.clear();
}

void SnapshotBuilder::markDuplicates() {
  markDuplicatesIn(models_, [](const Model& model) { return modelIdentityKey(model); });
  markDuplicatesIn(components_, [](const ComponentDefinition& component) {
    return componentIdentityKey(component);
  });
}

void SnapshotBuilder::fillCounts() {
  const std::vector<std::size_t> components = countPerModel(components_, models_.items);
  const std::vector<std::size_t> relationships = countPerModel(relationships_, models_.items);
  for (std::size_t i = 0; i < models_.items.size(); ++i) {
    auto& slot = models_.items[i];
    if (!slot) continue;
    if (slot->components_count == components[i] && slot->relationships_count == relationships[i]) {
      continue;
    }
    modify(slot, [&](Model& model) {
      model.components_count = components[i];
      model.relationships_count = relationships[i];
    });
  }
}

std::shared_ptr<const RegistrySnapshot> SnapshotBuilder::build() {
  markDuplicates();
  fillCounts();
  auto snapshot = std::make_shared<RegistrySnapshot>();
  snapshot->generation_ = generation_;
  fillTable(snapshot->models_, models_,
            [](const Model& model) { return model.name + '\n' + model.display_name; });
  fillTable(snapshot->components_, components_, [](const ComponentDefinition& component) {
    return component.kind + '\n' + component.display_name;
  });
  shareComponentTexts(*snapshot);
  fillTable(snapshot->relationships_, relationships_,
            [](const RelationshipDefinition& relationship) {
              return relationship.kind + '\n' + relationship.type + '\n' + relationship.sub_type;
            });
  fillTable(snapshot->policies_, policies_,
            [](const PolicyDefinition& policy) { return policy.kind + '\n' + policy.sub_type; });
  indexBy(snapshot->models_, snapshot->models_.by_model,
          [](const Model& model) { return model.name; });
  indexBy(snapshot->models_, snapshot->models_by_category_,
          [](const Model& model) { return model.category.name; });
  indexBy(snapshot->components_, snapshot->components_.by_model,
          [](const ComponentDefinition& component) { return component.model.name; });
  indexBy(snapshot->components_, snapshot->components_by_kind_api_,
          [](const ComponentDefinition& component) {
            return component.kind + '\x1f' + component.api_version;
          });
  indexBy(snapshot->components_, snapshot->components_by_kind_,
          [](const ComponentDefinition& component) { return component.kind; });
  indexBy(snapshot->relationships_, snapshot->relationships_.by_model,
          [](const RelationshipDefinition& relationship) { return relationship.model.name; });
  indexBy(snapshot->policies_, snapshot->policies_.by_model,
          [](const PolicyDefinition& policy) { return policy.model.name; });
  snapshot->indexRegistrants();
  generation_ = 0;
  return snapshot;
}

}  // namespace meshery::registry
