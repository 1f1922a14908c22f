#pragma once

// Private: Meshery v1beta1 documents for generated models and components.

#include <nlohmann/json.hpp>
#include <string>

#include "meshery/registry/generation.hpp"

namespace meshery::registry {

/// What a generated component needs besides its model.
struct GeneratedKind {
  std::string api_version;  ///< "apps/v1", or "v1" for the core group
  std::string kind;
  nlohmann::json schema;    ///< the JSON Schema of the resource's fields
  bool namespaced = true;
};

/// models.meshery.io/v1beta1 document of the model (counts left at 0).
nlohmann::json modelDocument(const GenerationModel& model);

/// components.meshery.io/v1beta1 document; `model_document` is embedded.
nlohmann::json componentDocument(const GenerationModel& model, const nlohmann::json& model_document,
                                 const GeneratedKind& generated);

/// "group/version", or "version" for the core group ("").
std::string apiVersionOf(const std::string& group, const std::string& version);

/// Removes the fields the API server owns from a resource schema.
void dropServerOwnedFields(nlohmann::json& schema);

}  // namespace meshery::registry
