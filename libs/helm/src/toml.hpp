#pragma once

// Private to libs/helm: Helm's toToml and fromToml, BurntSushi/toml's
// encoder and decoder (v1.4).

#include <string>
#include <string_view>
#include <vector>

#include "meshery/gotmpl/value.hpp"

namespace meshery::helm::detail {

/// toml.NewEncoder(...).Encode(value): keys holding plain values first,
/// sorted, then tables and arrays of tables, sorted, nested tables indented
/// two spaces per level; nil values skipped. Returns the encoder's error
/// text ("toml: cannot encode array with nil element") when it fails, as
/// Helm's toToml does.
std::string toToml(const gotmpl::Value& value);

/// toml.Unmarshal into a map[string]interface{}: tables as maps, arrays of
/// tables as []map[string]interface{}, integers as int64, floats as
/// float64, date-times as time.Time. On failure, a map holding only
/// "Error": BurntSushi's message ("toml: line 1: expected '.' or '=', but
/// got ',' instead"), as Helm's fromToml returns it.
gotmpl::Value fromToml(std::string_view text);

/// A TOML key's parts joined by '.', each quoted when it is not bare
/// (BurntSushi's Key.String).
std::string dottedKey(const std::vector<std::string>& key);

}  // namespace meshery::helm::detail
