#pragma once

// What a writer given a SharedMembersLookup must write: the document with
// the shared members written into every object that lacks them.

#include <cstddef>
#include <nlohmann/json.hpp>

#include "meshery/core/json_text.hpp"

namespace meshery::testing {

/// `document` with each object's shared members (looked up on the object as
/// it is, at its depth) added where it lacks them, expanded in turn.
inline nlohmann::json expandShared(nlohmann::json document, const SharedMembersLookup& shared,
                                   std::size_t depth = 0) {
  if (document.is_object()) {
    const nlohmann::json* extra = shared(document, depth);
    for (auto& [key, value] : document.items()) value = expandShared(value, shared, depth + 1);
    if (extra != nullptr) {
      for (const auto& [key, value] : extra->items()) {
        if (!document.contains(key)) document[key] = expandShared(value, shared, depth + 1);
      }
    }
  } else if (document.is_array()) {
    for (auto& item : document) item = expandShared(item, shared, depth + 1);
  }
  return document;
}

}  // namespace meshery::testing
