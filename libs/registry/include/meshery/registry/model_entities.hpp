#pragma once

#include <vector>

#include "meshery/registry/model.hpp"
#include "meshery/registry/registry_snapshot.hpp"

namespace meshery::registry {

/// The definitions that belong to one model, in registration order.
struct ModelEntities {
  std::vector<ComponentPtr> components;
  std::vector<RelationshipPtr> relationships;
  std::vector<PolicyPtr> policies;
};

/// The components, relationships and policies whose model reference names
/// `model`: the same name and, when the reference gives one, the same upstream
/// version (a reference with only the name belongs to every version). These
/// are what removing the model from a snapshot takes with it.
ModelEntities entitiesOfModel(const RegistrySnapshot& snapshot, const Model& model);

}  // namespace meshery::registry
