#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace meshery::archive {

/// Normalises an entry path: drops "./" and "." segments, repeated and
/// trailing slashes. Returns nullopt when the path is absolute or has a ".."
/// segment (it would escape the extraction root). An empty result means the
/// path named the root itself (".", "./").
std::optional<std::string> normaliseEntryPath(std::string_view path);

}  // namespace meshery::archive
