#pragma once

// Private to libs/helm: Helm's toToml, BurntSushi/toml's encoder (v1.4).

#include <string>

#include "meshery/gotmpl/value.hpp"

namespace meshery::helm::detail {

/// toml.NewEncoder(...).Encode(value): keys holding plain values first,
/// sorted, then tables and arrays of tables, sorted, nested tables indented
/// two spaces per level; nil values skipped. Returns the encoder's error
/// text ("toml: cannot encode array with nil element") when it fails, as
/// Helm's toToml does.
std::string toToml(const gotmpl::Value& value);

}  // namespace meshery::helm::detail
