#pragma once

// Helm charts as a source of the design import: the chart engine
// (libs/helm) bound to a user's value overrides, in the shape the import
// pipeline (libs/design) takes.

#include <nlohmann/json.hpp>

#include "meshery/design/import.hpp"
#include "meshery/helm/release.hpp"

namespace meshery::api {

/// The value overrides of an import request: `values` (one values file as a
/// YAML/JSON string or an object, or a list of them, applied as -f files in
/// order), `set`, `set_string` and `set_json` (a string or a list of them,
/// each as Helm's flag of that name). Throws Error(kInvalidArgument) naming
/// the member of the wrong type.
helm::ValueOverrides valueOverridesOf(const nlohmann::json& body);

/// A renderer for the import pipeline: the chart loaded from its files,
/// rendered as `helm template` with `overrides` (release name
/// `release_name`), its CRDs and manifests as resources; hooks are left
/// out with a warning each. Throws Error(kInvalidArgument) for overrides
/// that do not parse.
design::ChartRenderer chartRenderer(const helm::ValueOverrides& overrides,
                                    std::string release_name = "release-name");

}  // namespace meshery::api
