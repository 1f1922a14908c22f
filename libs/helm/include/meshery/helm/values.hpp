#pragma once

// Helm's values: a chart's defaults coalesced with what the user gives, for
// the chart and each chart it depends on (chartutil.CoalesceValues).

#include <nlohmann/json.hpp>

#include "meshery/helm/chart.hpp"

namespace meshery::helm {

/// chartutil.CoalesceValues: `user` over the chart's values.yaml, then each
/// dependency's values under its name, recursively. Higher levels win;
/// scalars and lists are replaced, maps merged; a null in `user` removes
/// the key; `global` is copied down into every dependency (the parent's
/// globals win). Returns the values a render of `chart` sees as .Values.
nlohmann::json coalesceValues(const Chart& chart, const nlohmann::json& user);

/// Helm's ProcessDependencies for rendering: dependencies named in
/// Chart.yaml take their alias as name, and those disabled by their
/// `condition` (the first of its comma-separated value paths that holds a
/// bool decides) or, without one, by their `tags` (under `tags:` in the
/// values) are removed, at every level. `user` are the user's values.
Chart enabledDependencies(Chart chart, const nlohmann::json& user);

/// Helm's mergeMaps for user values (-f files left to right, then --set):
/// maps merge key by key, anything else in `overrides` replaces.
void mergeValues(nlohmann::json& base, const nlohmann::json& overrides);

/// Helm's strvals for `--set a.b=c,d=e` (`as_strings` for --set-string):
/// dotted keys nest; true/false, null and decimal integers are typed unless
/// `as_strings`. Throws Error(kInvalidArgument) for a pair without "=".
nlohmann::json parseSetValues(std::string_view text, bool as_strings = false);

/// Helm's --set-json `a.b={"x":1}`: one dotted key, its value JSON (Go's
/// decoding: numbers float64 when rendered). Throws Error(kInvalidArgument)
/// for a pair without "=" or a value that is not JSON.
nlohmann::json parseSetJsonValue(std::string_view text);

}  // namespace meshery::helm
