#include "meshery/api/routes.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::api {

extern const std::string_view kOpenApiYaml;

nlohmann::json loadOpenApi() {
  try {
    return yaml::parse(kOpenApiYaml);
  } catch (const Error& error) {
    throw Error(ErrorCode::kInternal, "the embedded REST contract does not parse",
                error.message() + ": " + error.cause(), "fix api/openapi.yaml and rebuild",
                error.position());
  }
}

}  // namespace meshery::api
