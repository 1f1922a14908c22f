#pragma once

// The template functions Helm adds to Sprig's, as `helm template` runs them:
// toYaml, fromYaml, fromYamlArray, toJson, fromJson, fromJsonArray, toToml,
// required, fail and lookup. include and tpl, which need the chart being
// rendered, come with the render engine.

#include "meshery/gotmpl/function.hpp"

namespace meshery::helm {

/// Helm's functions above, to add after Sprig's (they replace Sprig's
/// toJson and fromJson). `required` fails with Helm's delimited message
/// ("HELM_ERR_START<message>HELM_ERR_END") that the render engine unwraps;
/// `lookup` answers an empty map, as `helm template` does offline.
gotmpl::FunctionMap helmFunctions();

/// The delimiters around a `required` or `fail` message inside an error.
inline constexpr const char* kErrorStart = "HELM_ERR_START";
inline constexpr const char* kErrorEnd = "HELM_ERR_END";

}  // namespace meshery::helm
