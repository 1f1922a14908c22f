#include "design_envelope.hpp"

#include "handler.hpp"
#include "meshery/store/store.hpp"

namespace meshery::api {

Error designNotFound(const Uuid& id) {
  return Error(ErrorCode::kNotFound, "no design has the id " + id.toString(),
               "it was deleted, or belongs to another organisation",
               "list designs with GET /api/pattern");
}

store::StoredDesign findDesign(Services& services, const Principal& principal, const Uuid& id) {
  auto stored = services.store.designs().find(id);
  if (!stored || stored->meta.organization_id != principal.organization_id) {
    throw designNotFound(id);
  }
  return std::move(*stored);
}

nlohmann::json issuesJson(const std::vector<design::ValidationIssue>& issues) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& issue : issues) {
    out.push_back({{"component", issue.component},
                   {"path", issue.path},
                   {"message", issue.message},
                   {"text", issue.text()}});
  }
  return out;
}

design::Design designOf(const store::StoredDesign& stored) {
  return design::Design::fromJson(nlohmann::json::parse(stored.document));
}

nlohmann::json patternJson(const store::StoredDesign& stored) {
  return patternJson(stored, designOf(stored).toYaml());
}

nlohmann::json patternJson(const store::StoredDesign& stored, std::string pattern_file) {
  std::string created = formatTimestamp(stored.meta.created_at);
  std::string updated = formatTimestamp(stored.meta.updated_at);
  std::string owner = stored.meta.owner_id.toString();
  nlohmann::json out = {
      {"id", stored.meta.id.toString()},
      {"name", stored.name},
      {"user_id", owner},
      {"userId", owner},
      {"visibility", std::string(store::toString(stored.meta.visibility))},
      {"type", stored.source_type},
      {"designType", stored.source_type},
      {"source_name", stored.source_name},
      {"location", {{"branch", ""}, {"host", ""}, {"path", ""}, {"type", "local"}}},
      {"catalog_data", nlohmann::json::object()},
      {"revision", stored.revision},
      {"created_at", created},
      {"createdAt", created},
      {"updated_at", updated},
      {"updatedAt", updated}};
  out["pattern_file"] = std::move(pattern_file);  // not through an initializer list's copy
  return out;
}

}  // namespace meshery::api
