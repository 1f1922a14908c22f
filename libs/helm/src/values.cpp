#include "meshery/helm/values.hpp"

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

nlohmann::json coalesceValues(const Chart& chart, const nlohmann::json& user) {
  Json values = user.is_object() ? user : Json::object();
  coalesce(chart, values, false);
  return values;
}

}  // namespace meshery::helm
