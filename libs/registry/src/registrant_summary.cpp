#include <map>

#include "document_fields.hpp"
#include "meshery/registry/registry_snapshot.hpp"

namespace meshery::registry {
namespace {

using Summaries = std::map<std::string, RegistrantSummary>;

RegistrantSummary& summaryFor(Summaries& summaries, const std::string& kind) {
  auto [entry, inserted] = summaries.try_emplace(detail::toLower(kind));
  if (inserted) entry->second.registrant.kind = kind;
  return entry->second;
}

}  // namespace

std::vector<RegistrantSummary> RegistrySnapshot::registrants() const {
  Summaries summaries;
  for (const ModelPtr& model : models_.items) {
    if (model->registrant.kind.empty()) continue;
    RegistrantSummary& summary = summaryFor(summaries, model->registrant.kind);
    if (summary.models == 0) summary.registrant = model->registrant;
    ++summary.models;
  }
  // An entity counts for the registrant its model reference names, else for
  // the registrant of the model it belongs to.
  auto registrantOf = [this](const ModelRef& ref) -> std::string {
    if (!ref.registrant_kind.empty()) return ref.registrant_kind;
    std::vector<ModelPtr> models = modelsFor(ref);
    return models.empty() ? std::string() : models.front()->registrant.kind;
  };
  auto count = [&](const auto& entities, std::size_t RegistrantSummary::*counter) {
    for (const auto& entity : entities) {
      std::string kind = registrantOf(entity->model);
      if (!kind.empty()) ++(summaryFor(summaries, kind).*counter);
    }
  };
  count(components_.items, &RegistrantSummary::components);
  count(relationships_.items, &RegistrantSummary::relationships);
  count(policies_.items, &RegistrantSummary::policies);
  std::vector<RegistrantSummary> result;
  result.reserve(summaries.size());
  for (auto& [kind, summary] : summaries) result.push_back(std::move(summary));
  return result;
}

}  // namespace meshery::registry
