#pragma once

#include <cstddef>

namespace meshery::store {
class Store;
}

namespace meshery::registry {
class Registry;
}

namespace meshery::api {

/// What restoreRegistry() brought back.
struct RestoredRegistry {
  std::size_t definitions = 0;  ///< stored models, components, relationships, policies
  std::size_t statuses = 0;     ///< status changes applied
  std::size_t damaged = 0;      ///< stored documents that could not be read (skipped, logged)
};

/// Publishes what the store holds on top of the registry's current snapshot
/// (the bundled models, loaded first): every imported definition (replacing a
/// bundled one with the same id), then every status a user set on an entity
/// that exists. Called once at boot; restarting adds nothing twice because
/// definitions are keyed by id. Throws what the store throws.
RestoredRegistry restoreRegistry(store::Store& store, registry::Registry& registry);

}  // namespace meshery::api
