#pragma once

// Private to libs/api: Meshery's MesheryPattern envelope of a stored design.

#include <nlohmann/json.hpp>

#include "meshery/design/design.hpp"
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

}  // namespace meshery::api
