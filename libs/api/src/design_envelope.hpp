#pragma once

// Private to libs/api: Meshery's MesheryPattern envelope of a stored design.

#include <nlohmann/json.hpp>
#include <vector>

#include "meshery/api/routes.hpp"
#include "meshery/design/design.hpp"
#include "meshery/design/import.hpp"
#include "meshery/store/design_repository.hpp"

namespace meshery::api {

/// The stored design as Meshery answers it: legacy snake_case keys (`id`,
/// `name`, `user_id`, `pattern_file` — the design as YAML —, `visibility`,
/// `type`, `location`, `catalog_data`, timestamps) plus the v1beta3 names
/// (`designType`, `userId`, `createdAt`, `updatedAt`) and our `revision`.
nlohmann::json patternJson(const store::StoredDesign& stored);
/// The same with the design's YAML at hand (not parsed again from the stored text).
nlohmann::json patternJson(const store::StoredDesign& stored, std::string pattern_file);

/// The design of a stored row (its document parsed).
design::Design designOf(const store::StoredDesign& stored);

/// Error(kNotFound) for a design id.
Error designNotFound(const Uuid& id);
/// The stored design with this id in the caller's organisation; designNotFound otherwise.
store::StoredDesign findDesign(Services& services, const Principal& principal, const Uuid& id);

/// Validation issues as the API answers them: component, path, message, text.
nlohmann::json issuesJson(const std::vector<design::ValidationIssue>& issues);

}  // namespace meshery::api
