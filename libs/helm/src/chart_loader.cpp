#include <map>

#include "helm_yaml.hpp"
#include "meshery/core/error.hpp"
#include "meshery/gotmpl/sprig.hpp"
#include "meshery/helm/chart.hpp"
#include "meshery/helm/values.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::helm {
namespace {

[[noreturn]] void fail(const std::string& message) {
  throw Error(ErrorCode::kInvalidArgument, message, "The chart's files are not a valid Helm chart.",
              "Fix the chart (see https://helm.sh/docs/topics/charts/) and try again.");
}

nlohmann::json yamlDocument(const std::string& text, const std::string& what) {
  try {
    const std::vector<nlohmann::json> documents = yaml::parseAll(text, detail::kHelmYaml);
    return documents.empty() ? nlohmann::json::object() : documents.front();
  } catch (const Error& error) {
    fail("cannot load " + what + ": error converting YAML to JSON: " + error.message());
  }
}

std::string stringField(const nlohmann::json& metadata, const char* key) {
  const auto found = metadata.find(key);
  if (found == metadata.end() || found->is_null()) return "";
  return found->is_string() ? found->get<std::string>() : found->dump();
}

// Helm's Metadata.Validate.
void validate(const nlohmann::json& metadata) {
  const auto invalid = [](const std::string& message) { fail("validation: " + message); };
  if (stringField(metadata, "apiVersion").empty()) invalid("chart.metadata.apiVersion is required");
  const std::string name = stringField(metadata, "name");
  if (name.empty()) invalid("chart.metadata.name is required");
  if (name.find('/') != std::string::npos)
    invalid("chart.metadata.name \"" + name + "\" is invalid");
  const std::string version = stringField(metadata, "version");
  if (version.empty()) invalid("chart.metadata.version is required");
  if (!gotmpl::isSemver(version)) invalid("chart.metadata.version \"" + version + "\" is invalid");
  const std::string type = stringField(metadata, "type");
  if (!type.empty() && type != "application" && type != "library") {
    invalid("chart.metadata.type must be application or library");
  }
  std::map<std::string, bool> seen;
  for (const auto& dependency : metadata.value("dependencies", nlohmann::json::array())) {
    std::string key = stringField(dependency, "alias");
    if (key.empty()) key = stringField(dependency, "name");
    if (seen[key]) invalid("more than one dependency with name or alias \"" + key + "\"");
    seen[key] = true;
  }
}

}  // namespace

std::string Chart::name() const {
  return stringField(metadata, "name");
}
std::string Chart::version() const {
  return stringField(metadata, "version");
}
std::string Chart::type() const {
  const std::string type = stringField(metadata, "type");
  return type.empty() ? "application" : type;
}

std::vector<ChartFile> Chart::crds() const {
  std::vector<ChartFile> out;
  for (const auto& file : files) {
    if (file.name.starts_with("crds/")) out.push_back(file);
  }
  return out;
}

Chart loadChart(std::vector<archive::Entry> files) {
  Chart chart;
  bool has_metadata = false;
  std::map<std::string, std::vector<archive::Entry>> subcharts;
  for (auto& file : files) {
    const std::string& name = file.path;
    if (name == "Chart.yaml") {
      const nlohmann::json metadata = yamlDocument(file.bytes, "Chart.yaml");
      if (!metadata.is_object()) fail("cannot load Chart.yaml: not a mapping");
      for (const auto& [key, value] : metadata.items()) chart.metadata[key] = value;
      has_metadata = true;
    } else if (name == "values.yaml") {
      chart.values = yamlDocument(file.bytes, "values.yaml");
      if (chart.values.is_null()) chart.values = nlohmann::json::object();
      if (!chart.values.is_object()) fail("cannot load values.yaml: not a mapping");
      numbersAsFloat64(chart.values);
    } else if (name == "values.schema.json") {
      try {
        chart.schema = nlohmann::json::parse(file.bytes);
      } catch (const nlohmann::json::exception& error) {
        fail(std::string("cannot load values.schema.json: ") + error.what());
      }
    } else if (name == "requirements.yaml") {
      const nlohmann::json requirements = yamlDocument(file.bytes, "requirements.yaml");
      if (requirements.is_object() && requirements.contains("dependencies")) {
        chart.metadata["dependencies"] = requirements["dependencies"];
      }
    } else if (name == "Chart.lock" || name == "requirements.lock") {
      // Locks pin repositories; rendering needs nothing from them.
    } else if (name.starts_with("templates/")) {
      chart.templates.push_back({name, std::move(file.bytes)});
    } else if (name.starts_with("charts/") && !name.ends_with(".prov")) {
      const std::string rest = name.substr(7);
      const std::size_t slash = rest.find('/');
      const std::string subchart = rest.substr(0, slash);
      subcharts[subchart].push_back(
          {slash == std::string::npos ? rest : rest.substr(slash + 1), std::move(file.bytes)});
    } else {
      chart.files.push_back({name, std::move(file.bytes)});
    }
  }
  if (!has_metadata) fail("Chart.yaml file is missing");
  validate(chart.metadata);
  for (auto& [name, entries] : subcharts) {
    try {
      if (entries.size() == 1 && (name.ends_with(".tgz") || name.ends_with(".tar.gz"))) {
        chart.dependencies.push_back(loadChartArchive(entries.front().bytes));
      } else {
        chart.dependencies.push_back(loadChart(std::move(entries)));
      }
    } catch (const Error& error) {
      fail("error unpacking subchart " + name + " in " + chart.name() + ": " + error.message());
    }
  }
  return chart;
}

Chart loadChartArchive(std::string_view bytes) {
  std::vector<archive::Entry> entries = archive::readArchive(bytes);
  std::vector<archive::Entry> files;
  std::string top;
  for (auto& entry : entries) {
    const std::size_t slash = entry.path.find('/');
    if (slash == std::string::npos)
      fail("chart archive file " + entry.path + " is not in a chart directory");
    const std::string directory = entry.path.substr(0, slash);
    if (top.empty()) top = directory;
    if (directory != top)
      fail("chart archive has more than one top-level directory: " + top + ", " + directory);
    files.push_back({entry.path.substr(slash + 1), std::move(entry.bytes)});
  }
  if (files.empty()) fail("no files in chart archive");
  return loadChart(std::move(files));
}

}  // namespace meshery::helm
