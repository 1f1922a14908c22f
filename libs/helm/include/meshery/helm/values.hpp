#pragma once

// Helm's values: a chart's defaults coalesced with what the user gives, for
// the chart and each chart it depends on (chartutil.CoalesceValues).

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

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

/// Helm's processDependencyImportValues, children first: a chart whose
/// Chart.yaml dependencies have `import-values` gets, as its values, its
/// defaults merged with its dependencies' (under their names), plus each
/// import — `- data` copies the dependency's `exports.data` map to the top,
/// `- {child: a.b, parent: x.y}` copies its `a.b` map under `x.y` — where
/// its own values win. Call after enabledDependencies.
Chart importDependencyValues(Chart chart);

/// Helm's mergeMaps for user values (-f files left to right, then --set):
/// maps merge key by key, anything else in `overrides` replaces.
void mergeValues(nlohmann::json& base, const nlohmann::json& overrides);

/// Which flag's syntax parseSetInto reads: --set (typed), --set-string,
/// --set-json, --set-file (the value is a path; the file's text is set),
/// --set-literal (one key, its value all the rest of the text, verbatim).
enum class SetForm { kTyped, kString, kJson, kFile, kLiteral };

/// Reads the file a --set-file value names (the caller does the I/O).
using FileReader = std::function<std::string(const std::string& path)>;

/// Helm's strvals.ParseInto and its siblings: `text` ("a.b=c,list[0].x=1,
/// tags={a,b}") parsed into `values` in place, so an index changes a list
/// already there. Dotted keys nest (at most 30 levels); `key[i]` sets list
/// item i (at most 65536), padding with nulls; `{a,b}` is a list; '\'
/// escapes the next character. --set types true/false/null (any case) and
/// base-10 integers not starting with '0' (as int64); --set-json decodes
/// each value as Go does (numbers float64). Throws Error(kInvalidArgument)
/// with strvals' message ("key \"a\" has no value", "unable to parse key:
/// interface conversion: interface {} is string, not map[string]interface
/// {}").
void parseSetInto(std::string_view text, nlohmann::json& values, SetForm form,
                  const FileReader& read_file = {});

/// parseSetInto over an empty map (`as_strings`: --set-string).
nlohmann::json parseSetValues(std::string_view text, bool as_strings = false);

/// parseSetInto over an empty map with --set-json's syntax.
nlohmann::json parseSetJsonValue(std::string_view text);

/// Go decodes YAML and JSON numbers as float64: every integer of `value`
/// becomes a float, so that only --set integers stay int64 in templates.
void numbersAsFloat64(nlohmann::json& value);

}  // namespace meshery::helm
