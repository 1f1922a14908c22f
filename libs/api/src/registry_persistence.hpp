#pragma once

// Private to libs/api: changes to the registry that must outlive a restart go
// to the store first, then to the in-memory snapshot, so that a failed store
// write publishes nothing.

#include <nlohmann/json.hpp>

#include "handler.hpp"
#include "meshery/registry/model_import.hpp"
#include "meshery/registry/types.hpp"

namespace meshery::api {

/// Stores every definition of `imported` (one transaction) and publishes them.
void registerDefinitions(Services& services, const Principal& principal,
                         const registry::ImportResult& imported);

/// What deleting a model removed.
struct ModelRemoval {
  std::size_t components = 0;
  std::size_t relationships = 0;
  std::size_t policies = 0;
};

/// Removes the model with this id and its components, relationships and
/// policies from the store and the registry. Error(kNotFound) when no model
/// has this id.
ModelRemoval deleteModel(Services& services, const Uuid& id);

/// The entity types of POST /api/registry/{entityType}/status.
enum class RegistryEntity { kModel, kComponent, kRelationship, kPolicy };

/// Records and publishes a user's status for an entity. Error(kNotFound) when
/// no entity of `type` has this id.
void setEntityStatus(Services& services, RegistryEntity type, const Uuid& id,
                     registry::EntityStatus status);

}  // namespace meshery::api
