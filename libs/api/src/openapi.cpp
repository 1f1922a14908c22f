#include <yaml-cpp/yaml.h>

#include "meshery/api/routes.hpp"

namespace meshery::api {

extern const std::string_view kOpenApiYaml;

namespace {

nlohmann::json scalarToJson(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return text;  // quoted: always a string
  if (text == "true") return true;
  if (text == "false") return false;
  if (text == "null" || text == "~") return nullptr;
  if (!text.empty() && text.find_first_not_of("-0123456789") == std::string::npos &&
      text != "-") {
    try {
      return std::stoll(text);
    } catch (const std::exception&) {
      return text;
    }
  }
  return text;
}

nlohmann::json toJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& entry : node) object[entry.first.as<std::string>()] = toJson(entry.second);
      return object;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& item : node) array.push_back(toJson(item));
      return array;
    }
    case YAML::NodeType::Scalar: return scalarToJson(node);
    default: return nullptr;
  }
}

}  // namespace

nlohmann::json loadOpenApi() {
  try {
    return toJson(YAML::Load(std::string(kOpenApiYaml)));
  } catch (const YAML::Exception& error) {
    throw Error(ErrorCode::kInternal, "the embedded REST contract does not parse", error.what(),
                "fix api/openapi.yaml and rebuild");
  }
}

}  // namespace meshery::api
