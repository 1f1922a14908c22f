#pragma once

// The default a component's JSON schema gives a field, which relationship
// evaluation writes back when a relationship that set the field goes.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace meshery::registry {

/// The `default` the JSON schema `schema` gives the value at `path` (keys
/// through `properties`, digits and "_" through `items`, local "$ref"s
/// followed, allOf/anyOf/oneOf looked through), or nullopt when it gives
/// none.
std::optional<nlohmann::json> schemaDefaultAt(const nlohmann::json& schema,
                                              const std::vector<std::string>& path);

}  // namespace meshery::registry
