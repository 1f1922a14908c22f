#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "meshery/core/uuid.hpp"
#include "meshery/registry/registry_snapshot.hpp"
#include "meshery/registry/types.hpp"

namespace meshery::registry {

/// A new status for the entity with this id.
struct StatusChange {
  Uuid id;
  EntityStatus status = EntityStatus::kEnabled;
};

/// One atomic change to the registry: definitions to add (or replace, by id),
/// ids to remove, then statuses to set — applied in that order.
struct RegistryChanges {
  std::vector<Model> models;
  std::vector<ComponentDefinition> components;
  std::vector<RelationshipDefinition> relationships;
  std::vector<PolicyDefinition> policies;
  std::vector<Uuid> removals;  ///< see SnapshotBuilder::remove for models
  std::vector<StatusChange> status_changes;
};

/// Holds the current registry snapshot and publishes new ones atomically.
/// Readers call current() from any thread and keep the returned snapshot as
/// long as they need a consistent view; writers call apply(), which builds a
/// new snapshot from the current one off to the side and swaps it in, so
/// readers never wait for a build. Thread-safe.
class Registry {
 public:
  /// Starts with an empty snapshot.
  Registry();
  explicit Registry(std::shared_ptr<const RegistrySnapshot> initial);

  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  /// The snapshot in effect now. Never null.
  [[nodiscard]] std::shared_ptr<const RegistrySnapshot> current() const;

  /// Builds a snapshot from the current one plus `changes` and publishes it.
  /// Concurrent apply() calls are serialised, so none loses another's changes.
  /// Throws Error(kNotFound) for an unknown id to remove or to change; the
  /// current snapshot is then left as it was. Returns the new snapshot.
  std::shared_ptr<const RegistrySnapshot> apply(RegistryChanges changes);

  /// Publishes `snapshot` in place of the current one (null publishes an empty one).
  void replace(std::shared_ptr<const RegistrySnapshot> snapshot);

 private:
  void publish(std::shared_ptr<const RegistrySnapshot> snapshot);

  mutable std::mutex snapshot_mutex_;  ///< guards only the pointer copy
  std::shared_ptr<const RegistrySnapshot> snapshot_;
  std::mutex writer_mutex_;  ///< serialises apply() and replace()
};

}  // namespace meshery::registry
