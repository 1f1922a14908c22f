#include "meshery/registry/model_entities.hpp"

namespace meshery::registry {
namespace {

/// The rule SnapshotBuilder::remove() applies to a removed model's entities.
template <typename Ptr>
std::vector<Ptr> belongingTo(std::vector<Ptr> candidates, const Model& model) {
  std::erase_if(candidates, [&](const Ptr& entity) {
    const std::string& version = entity->model.upstream_version;
    return !version.empty() && version != model.upstream_version;
  });
  return candidates;
}

}  // namespace

ModelEntities entitiesOfModel(const RegistrySnapshot& snapshot, const Model& model) {
  return {belongingTo(snapshot.componentsOfModel(model.name), model),
          belongingTo(snapshot.relationshipsOfModel(model.name), model),
          belongingTo(snapshot.policiesOfModel(model.name), model)};
}

}  // namespace meshery::registry
