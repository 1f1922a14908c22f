#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace meshery::cli {

/// How a command prints data: its own human form, or a document.
enum class OutputFormat { kText, kJson, kYaml };

/// Parses the value of `-o/--output`: "" or "text"/"table" → kText, "json",
/// "yaml" (also "yml"). Throws Error(kInvalidArgument) otherwise.
OutputFormat parseOutputFormat(std::string_view text);

/// JSON indented by two spaces, with a final newline.
std::string renderJson(const nlohmann::json& value);

/// YAML in go-yaml's block style (keys sorted, strings that would read back
/// as another type are quoted), with a final newline.
std::string renderYaml(const nlohmann::json& value);

/// Renders `value` as JSON or YAML; kText is not a document format and
/// throws Error(kInternal).
std::string renderDocument(const nlohmann::json& value, OutputFormat format);

/// An aligned text table: upper-case headers, columns separated by at least
/// two spaces, no trailing spaces; each row must have headers.size() cells.
std::string renderTable(const std::vector<std::string>& headers,
                        const std::vector<std::vector<std::string>>& rows);

}  // namespace meshery::cli
