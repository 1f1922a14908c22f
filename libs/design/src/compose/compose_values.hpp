#pragma once
// Readers for Compose's loosely typed values (sizes, durations, CPU counts,
// shell words, key=value lists) and the Kubernetes forms kompose writes them
// in. Pure functions; no state.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshery::design::compose {

/// A scalar as text: strings as they are, numbers and booleans as written
/// ("1", "true"), null as "". Containers give nothing.
std::optional<std::string> scalarText(const nlohmann::json& value);

/// An integer from a number or a numeric string ("3" after interpolation).
std::optional<std::int64_t> integerOf(const nlohmann::json& value);

/// A boolean from a bool or "true"/"false" (any case).
std::optional<bool> booleanOf(const nlohmann::json& value);

/// Words of a command line as a POSIX shell splits them: blanks separate,
/// single quotes are literal, double quotes and backslashes escape.
std::vector<std::string> shellWords(std::string_view line);

/// Whole seconds of a Go duration ("1m30s", "500ms", "10s"); nothing when
/// it does not read as one.
std::optional<std::int64_t> durationSeconds(std::string_view text);

/// Bytes of a Docker size (10000, "512m", "1.5GB"; units are binary).
std::optional<std::int64_t> byteSize(const nlohmann::json& value);

/// A byte count as Kubernetes prints a DecimalExponent quantity ("10e3").
std::string decimalExponentQuantity(std::int64_t value);

/// A CPU count ("0.5", 2) as a Kubernetes quantity ("500m", "2").
std::optional<std::string> cpuQuantity(const nlohmann::json& value);

/// A Compose name as a Kubernetes name: lower case, '_' and '.' as '-'.
std::string kubernetesName(std::string_view name);

/// Entries of a Compose map or a "KEY=VALUE" list (labels, environment,
/// build args); a list entry without '=' or a map entry with null has no
/// value. Order: the map's (sorted) or the list's.
std::vector<std::pair<std::string, std::optional<std::string>>> keyValues(
    const nlohmann::json& value);

/// The last path element ("a/b.txt" → "b.txt", Windows separators too).
std::string baseName(std::string_view path);

/// A relative path without "./" steps and duplicate separators.
std::string cleanRelativePath(std::string_view path);

/// True when `text` is valid UTF-8 without NUL bytes (ConfigMap `data`).
bool isText(std::string_view text);

}  // namespace meshery::design::compose
