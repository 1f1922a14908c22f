#include "meshery/registry/registry.hpp"

#include <utility>

namespace meshery::registry {

Registry::Registry() : snapshot_(RegistrySnapshot::empty()) {}

Registry::Registry(std::shared_ptr<const RegistrySnapshot> initial)
    : snapshot_(initial ? std::move(initial) : RegistrySnapshot::empty()) {}

std::shared_ptr<const RegistrySnapshot> Registry::current() const {
  std::lock_guard lock(snapshot_mutex_);
  return snapshot_;
}

std::shared_ptr<const RegistrySnapshot> Registry::apply(RegistryChanges changes) {
  std::lock_guard writer(writer_mutex_);
  // Built outside snapshot_mutex_: readers keep getting the old snapshot
  // while the new one is indexed.
  SnapshotBuilder builder(*current());
  for (Model& model : changes.models) builder.add(std::move(model));
  for (ComponentDefinition& component : changes.components) builder.add(std::move(component));
  for (RelationshipDefinition& relationship : changes.relationships) {
    builder.add(std::move(relationship));
  }
  for (PolicyDefinition& policy : changes.policies) builder.add(std::move(policy));
  for (const Uuid& id : changes.removals) builder.remove(id);
  for (const StatusChange& change : changes.status_changes) {
    builder.setStatus(change.id, change.status);
  }
  std::shared_ptr<const RegistrySnapshot> next = builder.build();
  publish(next);
  return next;
}

void Registry::replace(std::shared_ptr<const RegistrySnapshot> snapshot) {
  std::lock_guard writer(writer_mutex_);
  publish(snapshot ? std::move(snapshot) : RegistrySnapshot::empty());
}

void Registry::publish(std::shared_ptr<const RegistrySnapshot> snapshot) {
  std::shared_ptr<const RegistrySnapshot> previous;
  {
    std::lock_guard lock(snapshot_mutex_);
    previous = std::exchange(snapshot_, std::move(snapshot));
  }
  // `previous` is released here, outside the lock: destroying a large
  // snapshot must not stall readers.
}

}  // namespace meshery::registry
