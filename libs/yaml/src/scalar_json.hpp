#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "meshery/core/error.hpp"
#include "scalar_resolution.hpp"

// What a resolved scalar becomes in JSON, as sigs.k8s.io/yaml converts it.
namespace meshery::yaml::detail {

/// The JSON value of a scalar in value position. Throws Error
/// (kMalformedInput) for infinities and NaN, which JSON cannot hold
/// (sigs.k8s.io/yaml fails the same way in json.Marshal).
nlohmann::json scalarValue(const ResolvedScalar& scalar, SourcePosition position);

/// The JSON object key for a scalar used as a mapping key: strings as they
/// are, integers in decimal, booleans as "true"/"false", floats with Go's
/// FormatFloat(f, 'g', -1, 32). Throws Error(kMalformedInput) for a null key.
std::string scalarKey(const ResolvedScalar& scalar, SourcePosition position);

}  // namespace meshery::yaml::detail
