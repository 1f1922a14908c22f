#include "meshery/helm/render.hpp"

#include <algorithm>
#include <memory>

#include "meshery/core/error.hpp"
#include "meshery/gotmpl/format.hpp"
#include "meshery/gotmpl/json_value.hpp"
#include "meshery/gotmpl/sprig.hpp"
#include "meshery/helm/functions.hpp"

namespace meshery::helm {
namespace {

using gotmpl::CallContext;
using gotmpl::Function;
using gotmpl::Param;
using gotmpl::Value;
using Args = std::vector<Value>;

constexpr int kMaxIncludeRecursion = 1000;

/// *chart.Metadata: Chart.yaml's keys as Go struct fields.
class ChartMetadata : public gotmpl::Object {
 public:
  explicit ChartMetadata(const nlohmann::json& metadata) {
    const auto string = [&](const char* key) {
      const auto found = metadata.find(key);
      return Value::string(found != metadata.end() && found->is_string() ? found->get<std::string>()
                                                                         : "");
    };
    const auto list = [&](const char* key) {
      const auto found = metadata.find(key);
      if (found == metadata.end() || !found->is_array())
        return Value::nilList(gotmpl::ElemType::kString);
      return gotmpl::fromJson(*found);
    };
    fields_ = {{"Name", string("name")},
               {"Home", string("home")},
               {"Sources", list("sources")},
               {"Version", string("version")},
               {"Description", string("description")},
               {"Keywords", list("keywords")},
               {"Maintainers", list("maintainers")},
               {"Icon", string("icon")},
               {"APIVersion", string("apiVersion")},
               {"Condition", string("condition")},
               {"Tags", string("tags")},
               {"AppVersion", string("appVersion")},
               {"Deprecated", Value::boolean(metadata.value("deprecated", false))},
               {"KubeVersion", string("kubeVersion")},
               {"Dependencies", list("dependencies")},
               {"Type", string("type")}};
    const auto annotations = metadata.find("annotations");
    auto map = std::make_shared<gotmpl::MapData>();
    map->elem = gotmpl::ElemType::kString;
    if (annotations != metadata.end() && annotations->is_object()) {
      for (const auto& [key, value] : annotations->items()) {
        map->entries.emplace(
            key, Value::string(value.is_string() ? value.get<std::string>() : value.dump()));
      }
    } else {
      map->is_nil = true;
    }
    fields_.emplace("Annotations", Value::sharedMap(std::move(map)));
  }
  [[nodiscard]] std::string typeName() const override { return "*chart.Metadata"; }
  [[nodiscard]] std::optional<Value> field(std::string_view name) const override {
    const auto found = fields_.find(name);
    if (found == fields_.end()) return std::nullopt;
    return found->second;
  }
  [[nodiscard]] std::string text() const override {
    return "&{" + fields_.at("Name").asString() + " " + fields_.at("Version").asString() + "}";
  }

 private:
  std::map<std::string, Value, std::less<>> fields_;
};

Value mapOf(std::map<std::string, Value, std::less<>> entries, std::string type_name = {}) {
  auto data = std::make_shared<gotmpl::MapData>();
  data->entries = std::move(entries);
  data->type_name = std::move(type_name);
  return Value::sharedMap(std::move(data));
}

struct Renderable {
  std::string text;
  Value values;  // the chart's scope, without .Template
  std::string base_path;
};

// Helm's recAllTpls: every template of `chart` and its dependencies with the
// scope it renders in. Returns the chart's own scope (for .Subcharts).
Value collect(const Chart& chart, const Value& parent, const std::string& path, bool root,
              std::map<std::string, Renderable>& out) {
  std::map<std::string, Value, std::less<>> next;
  next["Chart"] = Value::object(std::make_shared<ChartMetadata>(chart.metadata));
  std::map<std::string, std::string, std::less<>> files;
  for (const auto& file : chart.files) files.emplace(file.name, file.data);
  next["Files"] = filesValue(std::move(files));
  const auto& parent_entries = parent.asMap().entries;
  next["Release"] = parent_entries.at("Release");
  next["Capabilities"] = parent_entries.at("Capabilities");
  const Value& parent_values = parent_entries.at("Values");
  if (root) {
    next["Values"] = parent_values;
  } else {
    const auto found = parent_values.asMap().entries.find(chart.name());
    next["Values"] = found != parent_values.asMap().entries.end() && found->second.isMap()
                         ? found->second.unboxed()
                         : mapOf({}, "chartutil.Values");
  }
  Value scope = mapOf(std::move(next));
  std::map<std::string, Value, std::less<>> subcharts;
  for (const auto& dependency : chart.dependencies) {
    subcharts[dependency.name()] =
        collect(dependency, scope, path + "/charts/" + dependency.name(), false, out);
  }
  scope.asMap().entries["Subcharts"] = mapOf(std::move(subcharts));
  // A library chart lends its partials only (Helm's isTemplateValid).
  const bool library = chart.type() == "library";
  for (const auto& file : chart.templates) {
    const std::size_t slash = file.name.rfind('/');
    const bool partial = file.name.compare(slash == std::string::npos ? 0 : slash + 1, 1, "_") == 0;
    if (library && !partial) continue;
    out[path + "/" + file.name] = Renderable{file.data, scope, path + "/templates"};
  }
  return scope;
}

// Helm's sortTemplates: deeper paths first; at one depth, names in reverse.
std::vector<std::string> parseOrder(const std::map<std::string, Renderable>& templates) {
  std::vector<std::string> names;
  for (const auto& [name, renderable] : templates) names.push_back(name);
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    const auto depth_a = std::count(a.begin(), a.end(), '/');
    const auto depth_b = std::count(b.begin(), b.end(), '/');
    if (depth_a != depth_b) return depth_a > depth_b;
    return a > b;
  });
  return names;
}

std::string withoutNoValue(std::string text) {
  constexpr std::string_view kNoValue = "<no value>";
  for (std::size_t at = text.find(kNoValue); at != std::string::npos;
       at = text.find(kNoValue, at)) {
    text.erase(at, kNoValue.size());
  }
  return text;
}

[[noreturn]] void fail(const std::string& message) {
  throw Error(ErrorCode::kInvalidArgument, message,
              "A template of the chart failed to parse or render.",
              "Fix the template or the values at the place the message names.");
}

// Helm's cleanupParseError: "parse error at (FILE:LINE): MESSAGE".
[[noreturn]] void parseFailed(const std::string& filename, const std::string& message) {
  std::vector<std::string> tokens;
  for (std::size_t at = 0;;) {
    const std::size_t next = message.find(": ", at);
    tokens.push_back(message.substr(at, next == std::string::npos ? std::string::npos : next - at));
    if (next == std::string::npos) break;
    at = next + 2;
  }
  if (tokens.size() == 1) fail("parse error in (" + filename + "): " + message);
  fail("parse error at (" + tokens[1] + "): " + tokens.back());
}

// Helm's cleanupExecError: a required failure reads
// "execution error at (FILE:LINE:COL): MESSAGE"; other errors stay as Go wrote them.
[[noreturn]] void executionFailed(const gotmpl::ExecError& error) {
  const std::string& message = error.message();
  const std::size_t start = message.find(kErrorStart);
  const std::size_t end = message.find(kErrorEnd);
  if (start != std::string::npos && end != std::string::npos && end > start) {
    const std::size_t first = message.find(": ");
    const std::size_t second = first == std::string::npos ? first : message.find(": ", first + 2);
    const std::string location = second == std::string::npos
                                     ? error.location()
                                     : message.substr(first + 2, second - first - 2);
    const std::size_t text_start = start + std::string_view(kErrorStart).size();
    fail("execution error at (" + location + "): " + message.substr(text_start, end - text_start));
  }
  fail(message);
}

gotmpl::FunctionMap engineFunctions(bool strict) {
  gotmpl::FunctionMap functions = gotmpl::sprigFunctions();
  functions.erase("env");
  functions.erase("expandenv");
  for (auto& [name, function] : helmFunctions()) functions[name] = std::move(function);
  auto included = std::make_shared<std::map<std::string, int>>();
  functions["include"] = Function{
      {Param::kString, Param::kAny}, false, [included](CallContext& context, Args& a) {
        const std::string& name = a[0].asString();
        int& depth = (*included)[name];
        if (depth > kMaxIncludeRecursion) {
          throw gotmpl::FunctionError("rendering template has a nested reference name: " + name +
                                      ": unable to execute template");
        }
        ++depth;
        std::string out;
        try {
          context.templates.execute(name, a[1], out, context.budget);
        } catch (...) {
          --(*included)[name];
          throw;
        }
        --(*included)[name];
        return Value::string(std::move(out));
      }};
  functions["tpl"] = Function{
      {Param::kString, Param::kAny}, false, [strict](CallContext& context, Args& a) {
        gotmpl::Templates clone = context.templates;
        clone.setMissingKey(strict ? gotmpl::MissingKey::kError : gotmpl::MissingKey::kZero);
        const std::string& text = a[0].asString();
        try {
          clone.parse("gotpl", text);
        } catch (const Error& error) {
          throw gotmpl::FunctionError(
              "cannot parse template " +
              gotmpl::sprintf("%q", std::vector<Value>{Value::string(text)}) + ": " +
              error.message());
        }
        std::string out;
        try {
          clone.execute("gotpl", a[1], out, context.budget);
        } catch (const Error& error) {
          throw gotmpl::FunctionError(
              "error during tpl function execution for " +
              gotmpl::sprintf("%q", std::vector<Value>{Value::string(text)}) + ": " +
              error.message());
        }
        return Value::string(withoutNoValue(std::move(out)));
      }};
  return functions;
}

}  // namespace

std::map<std::string, std::string> renderChart(const Chart& chart, const nlohmann::json& values,
                                               const RenderOptions& options) {
  // Integers left in the values came from --set (int64); YAML and JSON
  // numbers were made float64 when read (numbersAsFloat64), as Go reads them.
  Value chart_values = gotmpl::fromJson(values.is_object() ? values : nlohmann::json::object(),
                                        gotmpl::JsonNumbers::kTyped);
  chart_values.asMap().type_name = "chartutil.Values";
  const Value top =
      mapOf({{"Values", chart_values},
             {"Release", mapOf({{"Name", Value::string(options.release_name)},
                                {"Namespace", Value::string(options.release_namespace)},
                                {"IsUpgrade", Value::boolean(options.is_upgrade)},
                                {"IsInstall", Value::boolean(!options.is_upgrade)},
                                {"Revision", Value::integer(options.revision)},
                                {"Service", Value::string("Helm")}})},
             {"Capabilities", capabilitiesValue(options.kube_version, options.api_versions,
                                                options.helm_version)}});
  std::map<std::string, Renderable> templates;
  collect(chart, top, chart.name(), true, templates);

  gotmpl::Templates set(engineFunctions(options.strict));
  set.setName("gotpl");
  set.setMissingKey(options.strict ? gotmpl::MissingKey::kError : gotmpl::MissingKey::kZero);
  const std::vector<std::string> order = parseOrder(templates);
  for (const auto& name : order) {
    try {
      set.parse(name, templates.at(name).text);
    } catch (const Error& error) {
      parseFailed(name, error.message());
    }
  }
  gotmpl::Budget budget{options.limits};
  std::map<std::string, std::string> rendered;
  for (const auto& name : order) {
    const std::size_t slash = name.rfind('/');
    if (name.compare(slash + 1, 1, "_") == 0) continue;  // partials only serve include
    const Renderable& renderable = templates.at(name);
    auto scope = std::make_shared<gotmpl::MapData>();
    scope->entries = renderable.values.asMap().entries;
    scope->entries["Template"] =
        mapOf({{"Name", Value::string(name)}, {"BasePath", Value::string(renderable.base_path)}});
    std::string out;
    try {
      set.execute(name, Value::sharedMap(std::move(scope)), out, budget);
    } catch (const gotmpl::ExecError& error) {
      executionFailed(error);
    }
    rendered[name] = withoutNoValue(std::move(out));
  }
  return rendered;
}

}  // namespace meshery::helm
