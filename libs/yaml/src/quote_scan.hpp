#pragma once

#include <cstddef>
#include <string_view>

namespace meshery::yaml::detail {

/// Whether the quoted scalar whose node starts at byte `offset` of `source`
/// (at its tag or anchor, if it has any) has its closing quote. yaml-cpp
/// accepts a double- or single-quoted scalar left open until the end of the
/// stream, which go-yaml rejects. True for nodes that are not quoted.
bool quotedScalarIsClosed(std::string_view source, std::size_t offset);

}  // namespace meshery::yaml::detail
