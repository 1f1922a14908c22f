#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "meshery/core/error.hpp"

namespace meshery::yaml::detail {

/// Collections may nest this deep. yaml-cpp's own recursion guard stops at
/// about 500 levels with an unhelpful message, so ours must trigger first.
inline constexpr std::size_t kMaxNestingDepth = 400;

/// Alias expansion may add at most this many nodes to a stream's result.
inline constexpr std::uint64_t kMaxAliasNodes = 1'000'000;

/// ... and at most this many bytes of scalar text.
inline constexpr std::uint64_t kMaxAliasBytes = 32ULL * 1024 * 1024;

/// `text` cut to a few dozen characters (at a UTF-8 boundary, "..." added)
/// for quoting a scalar in an error message.
std::string excerpt(std::string_view text);

/// Error(kMalformedInput) whose message reads "yaml: line L, column C:
/// <detail>" (go-yaml's "yaml: line L: ..." plus the column) and which
/// carries the position.
Error malformedAt(SourcePosition position, const std::string& detail, std::string cause,
                  std::string remedy);

/// The error for collections nested deeper than kMaxNestingDepth.
Error nestingTooDeep(SourcePosition position);

}  // namespace meshery::yaml::detail
