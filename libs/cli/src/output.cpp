#include "meshery/cli/output.hpp"

#include <algorithm>
#include <cctype>

#include "meshery/core/error.hpp"
#include "yaml_json.hpp"

namespace meshery::cli {
namespace {

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

void appendRow(std::string& out, const std::vector<std::string>& cells,
               const std::vector<std::size_t>& widths) {
  std::string line;
  for (std::size_t column = 0; column < cells.size(); ++column) {
    line += cells[column];
    if (column + 1 < cells.size()) line.append(widths[column] - cells[column].size() + 2, ' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out += line;
  out += '\n';
}

}  // namespace

OutputFormat parseOutputFormat(std::string_view text) {
  if (text.empty() || text == "text" || text == "table") return OutputFormat::kText;
  if (text == "json") return OutputFormat::kJson;
  if (text == "yaml" || text == "yml") return OutputFormat::kYaml;
  throw Error(ErrorCode::kInvalidArgument, "unknown output format '" + std::string(text) + "'",
              "-o/--output accepts json or yaml.", "Use -o json or -o yaml, or omit -o for text.");
}

std::string renderJson(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string renderYaml(const nlohmann::json& value) { return jsonToYaml(value); }

std::string renderDocument(const nlohmann::json& value, OutputFormat format) {
  switch (format) {
    case OutputFormat::kJson:
      return renderJson(value);
    case OutputFormat::kYaml:
      return renderYaml(value);
    case OutputFormat::kText:
      break;
  }
  throw Error(ErrorCode::kInternal, "text is not a document format");
}

std::string renderTable(const std::vector<std::string>& headers,
                        const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::string> titles;
  std::vector<std::size_t> widths;
  for (const auto& header : headers) {
    titles.push_back(upper(header));
    widths.push_back(header.size());
  }
  for (const auto& row : rows) {
    if (row.size() != headers.size()) throw Error(ErrorCode::kInternal, "table row has the wrong width");
    for (std::size_t column = 0; column < row.size(); ++column) {
      widths[column] = std::max(widths[column], row[column].size());
    }
  }
  std::string out;
  appendRow(out, titles, widths);
  for (const auto& row : rows) appendRow(out, row, widths);
  return out;
}

}  // namespace meshery::cli
