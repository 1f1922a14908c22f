#pragma once

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <string>

namespace meshery::cli {

/// Converts a parsed YAML node to JSON, resolving plain scalars with the
/// YAML 1.2 core schema (as go-yaml v3 does): null, booleans, integers and
/// floats; quoted or !!str scalars stay strings. Throws Error(kMalformedInput)
/// for nesting deeper than 64 levels (which also stops alias cycles).
nlohmann::json yamlToJson(const YAML::Node& node);

/// Like yamlToJson, but every plain scalar other than null stays the text
/// it was written as: for files of strings (mesheryctl's config.yaml), so
/// that rewriting them never turns "007" into 7 or "1.10" into 1.1.
nlohmann::json yamlToJsonText(const YAML::Node& node);

/// Emits JSON as block-style YAML, quoting strings that would otherwise be
/// read back as another type.
std::string jsonToYaml(const nlohmann::json& value);

}  // namespace meshery::cli
