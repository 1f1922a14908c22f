#include "meshery/helm/values.hpp"

#include <algorithm>
#include <set>

#include "meshery/core/error.hpp"
#include "meshery/gotmpl/sprig.hpp"

namespace meshery::helm {
namespace {

using Json = nlohmann::json;

bool isTable(const Json& value) {
  return value.is_object();
}

// coalesceTablesFullKey: `dst` is authoritative; `src` fills what it lacks.
void coalesceTables(Json& dst, const Json& src, bool merge) {
  for (const auto& [key, value] : src.items()) {
    const auto found = dst.find(key);
    if (found != dst.end() && !merge && found->is_null()) {
      dst.erase(found);
    } else if (found == dst.end()) {
      dst[key] = value;
    } else if (isTable(value) && isTable(*found)) {
      coalesceTables(*found, value, merge);
    }
    // A table over a scalar, or a scalar over a table: the destination stays.
  }
}

// Whether `key` names one of the chart's dependencies (their values merge,
// keeping nulls for the dependency's own coalescing).
bool isDependency(const Chart& chart, const std::string& key) {
  for (const auto& dependency : chart.dependencies) {
    if (dependency.name() == key) return true;
  }
  return false;
}

// coalesceValues: the chart's defaults under `values`.
void coalesceChartValues(const Chart& chart, Json& values, bool merge) {
  for (const auto& [key, defaults] : chart.values.items()) {
    const auto found = values.find(key);
    if (found == values.end()) {
      values[key] = defaults;
    } else if (found->is_null() && !merge) {
      values.erase(found);
    } else if (isTable(*found) && isTable(defaults)) {
      coalesceTables(*found, defaults, merge || isDependency(chart, key));
    }
  }
}

// coalesceGlobals: the parent's globals copied into the dependency's.
void coalesceGlobals(Json& dest, const Json& src) {
  Json globals =
      dest.contains("global") && dest["global"].is_object() ? dest["global"] : Json::object();
  if (dest.contains("global") && !dest["global"].is_object()) return;
  const Json source = src.contains("global") ? src["global"] : Json::object();
  if (!source.is_object()) return;
  for (const auto& [key, value] : source.items()) {
    if (isTable(value)) {
      Json copy = value;
      const auto existing = globals.find(key);
      if (existing == globals.end()) {
        globals[key] = copy;
      } else if (isTable(*existing)) {
        coalesceTables(copy, *existing, true);
        globals[key] = copy;
      }
    } else if (!(globals.contains(key) && isTable(globals[key]))) {
      globals[key] = value;
    }
  }
  dest["global"] = globals;
}

void coalesce(const Chart& chart, Json& values, bool merge) {
  coalesceChartValues(chart, values, merge);
  for (const auto& dependency : chart.dependencies) {
    const std::string name = dependency.name();
    if (!values.contains(name)) values[name] = Json::object();
    if (!values[name].is_object()) continue;
    coalesceGlobals(values[name], values);
    coalesce(dependency, values[name], merge);
  }
}

}  // namespace

namespace {

/// The value at a dotted path ("sub.enabled") of `values`, or null.
const nlohmann::json* pathValue(const nlohmann::json& values, const std::string& path) {
  const nlohmann::json* node = &values;
  std::size_t at = 0;
  for (;;) {
    const std::size_t dot = path.find('.', at);
    const std::string key =
        path.substr(at, dot == std::string::npos ? std::string::npos : dot - at);
    if (!node->is_object() || !node->contains(key)) return nullptr;
    node = &(*node)[key];
    if (dot == std::string::npos) return node;
    at = dot + 1;
  }
}

/// pathToMap: `data` under the dotted `path` ("." is the top).
Json underPath(const std::string& path, Json data) {
  if (path == ".") return data;
  std::vector<std::string> parts;
  std::size_t at = 0;
  for (;;) {
    const std::size_t dot = path.find('.', at);
    parts.push_back(path.substr(at, dot == std::string::npos ? std::string::npos : dot - at));
    if (dot == std::string::npos) break;
    at = dot + 1;
  }
  for (auto part = parts.rbegin(); part != parts.rend(); ++part) {
    Json level = Json::object();
    level[*part] = std::move(data);
    data = std::move(level);
  }
  return data;
}

/// Values.Table: the map at a dotted path, or nullptr.
const Json* tableAt(const Json& values, const std::string& path) {
  const Json* found = pathValue(values, path);
  return found != nullptr && found->is_object() ? found : nullptr;
}

/// processImportValues (merge mode, as install and template use it).
void importValues(Chart& chart) {
  for (Chart& dependency : chart.dependencies) importValues(dependency);
  const auto declared = chart.metadata.find("dependencies");
  if (declared == chart.metadata.end() || !declared->is_array()) return;
  Json values = Json::object();
  coalesce(chart, values, true);
  Json imported = Json::object();
  for (const auto& declaration : *declared) {
    if (!declaration.is_object() || !declaration.contains("import-values")) continue;
    const std::string name = declaration.value("name", "");
    for (const auto& entry : declaration["import-values"]) {
      std::string child;
      std::string parent = ".";
      if (entry.is_string()) {
        child = "exports." + entry.get<std::string>();
      } else if (entry.is_object() && entry.value("child", Json()).is_string() &&
                 entry.value("parent", Json()).is_string()) {
        child = entry["child"].get<std::string>();
        parent = entry["parent"].get<std::string>();
      } else {
        continue;
      }
      // A missing table is a warning in Helm, and nothing is imported.
      if (const Json* table = tableAt(values, name + "." + child)) {
        coalesceTables(imported, underPath(parent, *table), true);
      }
    }
  }
  // The parent's own values win over what it imports.
  coalesceTables(values, imported, true);
  chart.values = std::move(values);
}

}  // namespace

Chart importDependencyValues(Chart chart) {
  importValues(chart);
  return chart;
}

nlohmann::json coalesceValues(const Chart& chart, const nlohmann::json& user) {
  Json values = user.is_object() ? user : Json::object();
  coalesce(chart, values, false);
  return values;
}

namespace {

/// Whether one declared dependency stays: its tags (any true keeps it; only
/// false ones drop it), then the first of its conditions holding a bool.
bool dependencyEnabled(const nlohmann::json& declaration, const nlohmann::json& values,
                       const std::string& prefix) {
  bool enabled = true;
  const nlohmann::json* tags = pathValue(values, "tags");
  if (tags != nullptr && declaration.contains("tags") && declaration["tags"].is_array()) {
    bool any_true = false;
    bool any_false = false;
    for (const auto& tag : declaration["tags"]) {
      if (!tag.is_string()) continue;
      const auto value = tags->is_object() ? tags->find(tag.get<std::string>()) : tags->end();
      if (value != tags->end() && value->is_boolean())
        (value->get<bool>() ? any_true : any_false) = true;
    }
    enabled = any_true || !any_false;
  }
  const std::string conditions = declaration.value("condition", "");
  std::size_t at = 0;
  while (!conditions.empty() && at <= conditions.size()) {
    const std::size_t comma = conditions.find(',', at);
    std::string condition =
        conditions.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    condition.erase(0, condition.find_first_not_of(' '));
    condition.erase(condition.find_last_not_of(' ') + 1);
    const nlohmann::json* value =
        condition.empty() ? nullptr : pathValue(values, prefix + condition);
    if (value != nullptr && value->is_boolean()) return value->get<bool>();
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return enabled;
}

/// chartutil.processDependencyEnabled: the charts under charts/ that
/// Chart.yaml does not declare, then one copy per declaration (renamed to
/// its alias, so one chart can be used twice), less the disabled ones; then
/// the same one level down.
void prune(Chart& chart, const nlohmann::json& values, const std::string& prefix) {
  nlohmann::json declared = chart.metadata.value("dependencies", nlohmann::json::array());
  if (!declared.is_array()) declared = nlohmann::json::array();
  // A declaration names a chart of charts/ whose version meets its range.
  const auto declares = [](const nlohmann::json& declaration, const Chart& dependency) {
    if (!declaration.is_object() || declaration.value("name", "") != dependency.name())
      return false;
    const auto range = declaration.find("version");
    return range == declaration.end() || !range->is_string() || range->get<std::string>().empty() ||
           gotmpl::semverSatisfies(range->get<std::string>(), dependency.version());
  };
  std::vector<Chart> charts;
  for (const Chart& dependency : chart.dependencies) {
    if (std::none_of(declared.begin(), declared.end(), [&](const nlohmann::json& declaration) {
          return declares(declaration, dependency);
        })) {
      charts.push_back(dependency);
    }
  }
  std::set<std::string> disabled;
  nlohmann::json kept_declarations = nlohmann::json::array();
  for (nlohmann::json& declaration : declared) {
    if (!declaration.is_object()) continue;
    const std::string name = declaration.value("name", "");
    const std::string alias = declaration.value("alias", "");
    for (const Chart& dependency : chart.dependencies) {
      if (!declares(declaration, dependency)) continue;
      charts.push_back(dependency);
      if (!alias.empty()) charts.back().metadata["name"] = alias;
      break;
    }
    if (!alias.empty()) declaration["name"] = alias;
    if (dependencyEnabled(declaration, values, prefix)) {
      kept_declarations.push_back(declaration);
    } else {
      disabled.insert(declaration["name"].get<std::string>());
    }
  }
  std::erase_if(charts, [&disabled](const Chart& dependency) {
    return disabled.count(dependency.name()) > 0;
  });
  if (chart.metadata.contains("dependencies")) chart.metadata["dependencies"] = kept_declarations;
  chart.dependencies = std::move(charts);
  for (Chart& dependency : chart.dependencies)
    prune(dependency, values, prefix + dependency.name() + ".");
}

}  // namespace

Chart enabledDependencies(Chart chart, const nlohmann::json& user) {
  const nlohmann::json values = coalesceValues(chart, user);
  prune(chart, values, "");
  return chart;
}

void mergeValues(nlohmann::json& base, const nlohmann::json& overrides) {
  if (!overrides.is_object()) return;
  if (!base.is_object()) base = nlohmann::json::object();
  for (const auto& [key, value] : overrides.items()) {
    if (value.is_object() && base.contains(key) && base[key].is_object()) {
      mergeValues(base[key], value);
    } else {
      base[key] = value;
    }
  }
}

nlohmann::json parseSetValues(std::string_view text, bool as_strings) {
  nlohmann::json out = nlohmann::json::object();
  parseSetInto(text, out, as_strings ? SetForm::kString : SetForm::kTyped);
  return out;
}

nlohmann::json parseSetJsonValue(std::string_view text) {
  nlohmann::json out = nlohmann::json::object();
  parseSetInto(text, out, SetForm::kJson);
  return out;
}

}  // namespace meshery::helm
