#pragma once

// Reading a component declaration the way relationship selectors address it:
// reference paths such as ["configuration", "spec", "selector"] or
// ["configuration", "subjects", "_", "name"].

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/registry/relationship.hpp"

namespace meshery::policy {

/// One value a reference path reaches, and the concrete path to it ("_"
/// replaced by the element's index).
struct RefValue {
  registry::RefPath path;
  const nlohmann::json* value;
};

/// Every value `path` reaches in `component`: keys of objects, digits
/// indexing arrays, "_" visiting every element of an array. A path through
/// a missing key, a null or a scalar reaches nothing.
std::vector<RefValue> resolveRef(const nlohmann::json& component, const registry::RefPath& path);

/// The component's kind (`component.kind`) and model name (`model.name`, or
/// `modelReference.name` as Meshery's UI writes it); "" when absent. Views
/// into `component`, valid while it is unchanged.
std::string_view componentKind(const nlohmann::json& component);
std::string_view componentModel(const nlohmann::json& component);

}  // namespace meshery::policy
