#include "meshery/api/chart_import.hpp"

#include "meshery/core/error.hpp"
#include "meshery/helm/chart.hpp"

namespace meshery::api {
namespace {

/// A member that is one string or a list of strings.
std::vector<std::string> stringsOf(const nlohmann::json& body, const char* name) {
  const auto member = body.find(name);
  if (member == body.end() || member->is_null()) return {};
  if (member->is_string()) return {member->get<std::string>()};
  std::vector<std::string> out;
  if (member->is_array()) {
    for (const auto& item : *member) {
      if (!item.is_string()) break;
      out.push_back(item.get<std::string>());
    }
    if (out.size() == member->size()) return out;
  }
  throw Error(ErrorCode::kInvalidArgument,
              std::string(name) + " must be a string or a list of strings",
              std::string("got a JSON ") + member->type_name(),
              std::string("send e.g. \"") + name + "\": [\"image.tag=1.27\"]");
}

}  // namespace

helm::ValueOverrides valueOverridesOf(const nlohmann::json& body) {
  helm::ValueOverrides overrides;
  if (const auto values = body.find("values"); values != body.end() && !values->is_null()) {
    const nlohmann::json files = values->is_array() ? *values : nlohmann::json::array({*values});
    for (const auto& file : files) {
      if (file.is_string()) {
        overrides.value_files.push_back(file.get<std::string>());
      } else if (file.is_object()) {
        overrides.value_files.push_back(file.dump());  // JSON is YAML
      } else {
        throw Error(ErrorCode::kInvalidArgument,
                    "values must be a values file (YAML text or an object) or a list of them",
                    std::string("got a JSON ") + file.type_name(),
                    R"(send e.g. "values": {"replicaCount": 2} or "values": "replicaCount: 2")");
      }
    }
  }
  overrides.set = stringsOf(body, "set");
  overrides.set_string = stringsOf(body, "set_string");
  overrides.set_json = stringsOf(body, "set_json");
  overrides.set_literal = stringsOf(body, "set_literal");
  return overrides;
}

design::ChartRenderer chartRenderer(const helm::ValueOverrides& overrides,
                                    std::string release_name) {
  helm::RenderOptions options;
  options.release_name = std::move(release_name);
  return [user = helm::userValues(overrides),
          options = std::move(options)](std::vector<archive::Entry> files) {
    helm::Release release = helm::renderRelease(helm::loadChart(std::move(files)), user, options);
    helm::ReleaseResources resources = helm::releaseResources(release);
    design::RenderedChart chart{release.chart.name(), std::move(resources.documents), {}};
    for (auto& note : resources.left_out) {
      chart.warnings.push_back({std::move(note.subject), std::move(note.message)});
    }
    return chart;
  };
}

}  // namespace meshery::api
