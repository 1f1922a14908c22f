#pragma once

// JSON text written fast, byte for byte as
// nlohmann::json::dump(-1, ' ', false, error_handler_t::replace) writes it:
// plain runs of a string are copied whole and the tree is walked once, so a
// multi-megabyte design serialises several times faster than with dump().

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace meshery {

/// Appends `text` as a quoted JSON string: '"', '\\' and control characters
/// escaped, other bytes as they are; invalid UTF-8 is replaced by U+FFFD.
void appendJsonString(std::string& out, std::string_view text);

/// Appends the compact JSON text of `value`.
void appendJson(std::string& out, const nlohmann::json& value);

/// The compact JSON text of `value`.
std::string dumpJson(const nlohmann::json& value);

/// Members that many objects of a document have alike, kept once instead of
/// in each (a design's declarations all repeat their component definition's
/// capabilities and model): for an object at `depth` (0 for the document,
/// 1 for its members and items…), the object of members it is written with
/// besides its own, or nullptr. The pointee must outlive the write.
using SharedMembersLookup =
    std::function<const nlohmann::json*(const nlohmann::json& object, std::size_t depth)>;

/// appendJson() writing each object with the members `shared` names for it
/// that it lacks, all in key order, as if the object held them. Each shared
/// member is serialised once per call and copied where it recurs.
void appendJson(std::string& out, const nlohmann::json& value, const SharedMembersLookup& shared);
std::string dumpJson(const nlohmann::json& value, const SharedMembersLookup& shared);

}  // namespace meshery
