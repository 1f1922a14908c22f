#include "registry_persistence.hpp"

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "meshery/api/registry_restore.hpp"
#include "meshery/core/json_text.hpp"
#include "meshery/core/log.hpp"
#include "meshery/registry/model_entities.hpp"
#include "meshery/registry/registry.hpp"
#include "meshery/store/store.hpp"

namespace meshery::api {
namespace {

using store::RegistryEntityType;

/// Serialises store-then-publish sequences, so that two writers cannot
/// interleave their store writes and snapshot swaps in different orders.
std::mutex& writeMutex() {
  static std::mutex mutex;
  return mutex;
}

store::RegistryDocument documentOf(const Principal& principal, RegistryEntityType type,
                                   const Uuid& id, const nlohmann::json& document) {
  store::RegistryDocument stored;
  auto now = std::chrono::system_clock::now();
  stored.meta = {id, principal.user_id, principal.organization_id, store::Visibility::kPublic,
                 now, now};
  stored.type = type;
  stored.document = dumpJson(document);
  return stored;
}

RegistryEntityType storedType(RegistryEntity type) {
  switch (type) {
    case RegistryEntity::kModel:
      return RegistryEntityType::kModel;
    case RegistryEntity::kComponent:
      return RegistryEntityType::kComponent;
    case RegistryEntity::kRelationship:
      return RegistryEntityType::kRelationship;
    case RegistryEntity::kPolicy:
      return RegistryEntityType::kPolicy;
  }
  return RegistryEntityType::kModel;
}

bool exists(const registry::RegistrySnapshot& snapshot, RegistryEntityType type, const Uuid& id) {
  switch (type) {
    case RegistryEntityType::kModel:
      return snapshot.findModel(id) != nullptr;
    case RegistryEntityType::kComponent:
      return snapshot.findComponent(id) != nullptr;
    case RegistryEntityType::kRelationship:
      return snapshot.findRelationship(id) != nullptr;
    case RegistryEntityType::kPolicy:
      return snapshot.findPolicy(id) != nullptr;
  }
  return false;
}

/// Adds a stored document to `changes`; false when it cannot be read.
bool addStored(const store::RegistryDocument& stored, registry::RegistryChanges& changes) {
  try {
    nlohmann::json document = nlohmann::json::parse(stored.document);
    switch (stored.type) {
      case RegistryEntityType::kModel:
        changes.models.push_back(registry::Model::fromJson(document));
        break;
      case RegistryEntityType::kComponent:
        changes.components.push_back(registry::ComponentDefinition::fromJson(document));
        break;
      case RegistryEntityType::kRelationship:
        changes.relationships.push_back(registry::RelationshipDefinition::fromJson(document));
        break;
      case RegistryEntityType::kPolicy:
        changes.policies.push_back(registry::PolicyDefinition::fromJson(document));
        break;
    }
    return true;
  } catch (const std::exception& error) {
    log::warn("stored registry definition skipped: it cannot be read",
              {{"id", stored.meta.id.toString()},
               {"type", std::string(toString(stored.type))},
               {"error", error.what()}});
    return false;
  }
}

}  // namespace

RestoredRegistry restoreRegistry(store::Store& store, registry::Registry& registry) {
  RestoredRegistry restored;
  registry::RegistryChanges changes;
  store.registry().scan([&](store::RegistryDocument&& stored) {
    if (addStored(stored, changes)) {
      ++restored.definitions;
    } else {
      ++restored.damaged;
    }
  });
  if (restored.definitions > 0) registry.apply(std::move(changes));

  registry::RegistryChanges statuses;
  auto snapshot = registry.current();
  for (const store::RegistryStatus& status : store.registry().statuses()) {
    auto parsed = registry::parseEntityStatus(status.status);
    // A status of an entity no longer loaded (a bundled model removed from
    // the models directory) is kept for when it comes back.
    if (!parsed || !exists(*snapshot, status.type, status.id)) continue;
    statuses.status_changes.push_back({status.id, *parsed});
  }
  restored.statuses = statuses.status_changes.size();
  if (restored.statuses > 0) registry.apply(std::move(statuses));
  return restored;
}

void registerDefinitions(Services& services, const Principal& principal,
                         const registry::ImportResult& imported) {
  std::vector<store::RegistryDocument> documents;
  registry::RegistryChanges changes;
  for (const auto& model : imported.models) {
    documents.push_back(documentOf(principal, RegistryEntityType::kModel, model.id, model.toJson()));
    changes.models.push_back(model);
  }
  for (const auto& component : imported.components) {
    documents.push_back(
        documentOf(principal, RegistryEntityType::kComponent, component.id, component.toJson()));
    changes.components.push_back(component);
  }
  for (const auto& relationship : imported.relationships) {
    documents.push_back(documentOf(principal, RegistryEntityType::kRelationship, relationship.id,
                                   relationship.toJson()));
    changes.relationships.push_back(relationship);
  }
  for (const auto& policy : imported.policies) {
    documents.push_back(
        documentOf(principal, RegistryEntityType::kPolicy, policy.id, policy.toJson()));
    changes.policies.push_back(policy);
  }
  std::lock_guard lock(writeMutex());
  services.store.registry().save(documents);
  services.registry.apply(std::move(changes));
}

ModelRemoval deleteModel(Services& services, const Uuid& id) {
  std::lock_guard lock(writeMutex());
  auto snapshot = services.registry.current();
  auto model = snapshot->findModel(id);
  if (!model) {
    throw Error(ErrorCode::kNotFound, "no model has the id " + id.toString(),
                "the model was deleted already, or the id belongs to another entity",
                "list models with GET /api/registry/models to find the id");
  }
  // As the snapshot does: the entities go with the last model of their name
  // and upstream version.
  bool shared = false;
  for (const auto& other : snapshot->modelsNamed(model->name)) {
    if (other->id != id && other->upstream_version == model->upstream_version) shared = true;
  }
  ModelRemoval removal;
  std::vector<Uuid> ids{id};
  if (!shared) {
    registry::ModelEntities entities = registry::entitiesOfModel(*snapshot, *model);
    for (const auto& component : entities.components) ids.push_back(component->id);
    for (const auto& relationship : entities.relationships) ids.push_back(relationship->id);
    for (const auto& policy : entities.policies) ids.push_back(policy->id);
    removal = {entities.components.size(), entities.relationships.size(), entities.policies.size()};
  }
  services.store.registry().remove(ids);
  registry::RegistryChanges changes;
  changes.removals.push_back(id);
  services.registry.apply(std::move(changes));
  return removal;
}

void setEntityStatus(Services& services, RegistryEntity type, const Uuid& id,
                     registry::EntityStatus status) {
  std::lock_guard lock(writeMutex());
  RegistryEntityType stored_type = storedType(type);
  if (!exists(*services.registry.current(), stored_type, id)) {
    throw Error(ErrorCode::kNotFound,
                "no " + std::string(toString(stored_type)) + " has the id " + id.toString(),
                "the entity was deleted, or the id belongs to another kind of entity",
                "check the id and the entity type in the path (models, components, "
                "relationships or policies)");
  }
  services.store.registry().setStatus(
      {id, stored_type, std::string(registry::toString(status)), std::chrono::system_clock::now()});
  registry::RegistryChanges changes;
  changes.status_changes.push_back({id, status});
  services.registry.apply(std::move(changes));
}

}  // namespace meshery::api
