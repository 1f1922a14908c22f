#pragma once

#include <string_view>

namespace meshery::yaml::detail {

/// Whether go-yaml v2 reads `text` as a timestamp: "2006-1-2",
/// "2006-1-2T15:4:5.999999999Z07:00" (also with a lower-case "t") or
/// "2006-1-2 15:4:5.999999999" in Go layout notation, with valid ranges.
/// go-yaml hands such scalars to sigs.k8s.io/yaml as the original string, so
/// this only matters for `!!timestamp` tags and for quoting on output.
bool isGoYamlTimestamp(std::string_view text);

}  // namespace meshery::yaml::detail
