#include "document_fields.hpp"

namespace meshery::design::detail {

std::string describeType(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object:
      return "a map";
    case nlohmann::json::value_t::array:
      return "a list";
    case nlohmann::json::value_t::string:
      return "a string";
    case nlohmann::json::value_t::boolean:
      return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return "an integer";
    case nlohmann::json::value_t::number_float:
      return "a number";
    case nlohmann::json::value_t::null:
      return "nothing (null)";
    default:
      return "a binary value";
  }
}

const Uuid& designNamespace() {
  static const Uuid kNamespace = Uuid::v5(kUuidNamespaceDns, "designs.meshery.io");
  return kNamespace;
}

Uuid componentId(std::string_view design_name, std::string_view kind, std::string_view api_version,
                 std::string_view name_space, std::string_view name) {
  std::string key(design_name);
  for (std::string_view part : {kind, api_version, name_space, name}) {
    key += '\x1f';
    key += part;
  }
  return Uuid::v5(designNamespace(), key);
}

}  // namespace meshery::design::detail
