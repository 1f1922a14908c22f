#include "meshery/gotmpl/json_value.hpp"

#include "meshery/gotmpl/format.hpp"

namespace meshery::gotmpl {

Value fromJson(const nlohmann::json& json, JsonNumbers numbers) {
  switch (json.type()) {
    case nlohmann::json::value_t::null:
      return Value::nil();
    case nlohmann::json::value_t::boolean:
      return Value::boolean(json.get<bool>());
    case nlohmann::json::value_t::number_integer:
      if (numbers == JsonNumbers::kTyped)
        return Value::integer(json.get<std::int64_t>(), IntType::kInt64);
      return Value::number(static_cast<double>(json.get<std::int64_t>()));
    case nlohmann::json::value_t::number_unsigned:
      if (numbers == JsonNumbers::kTyped) return Value::unsignedInteger(json.get<std::uint64_t>());
      return Value::number(static_cast<double>(json.get<std::uint64_t>()));
    case nlohmann::json::value_t::number_float:
      return Value::number(json.get<double>());
    case nlohmann::json::value_t::string:
      return Value::string(json.get<std::string>());
    case nlohmann::json::value_t::array: {
      std::vector<Value> items;
      items.reserve(json.size());
      for (const auto& item : json) items.push_back(fromJson(item, numbers));
      return Value::list(std::move(items));
    }
    case nlohmann::json::value_t::object: {
      auto data = std::make_shared<MapData>();
      for (const auto& [key, item] : json.items())
        data->entries.emplace(key, fromJson(item, numbers));
      return Value::sharedMap(std::move(data));
    }
    default:
      return Value::nil();
  }
}

nlohmann::json toJson(const Value& value) {
  switch (value.kind()) {
    case Kind::kInvalid:
    case Kind::kNil:
      return nullptr;
    case Kind::kBool:
      return value.asBool();
    case Kind::kInt:
      if (value.isUnsigned()) return value.asUint();
      return value.asInt();
    case Kind::kFloat:
      return value.asFloat();
    case Kind::kString:
      return value.asString();
    case Kind::kList: {
      nlohmann::json array = nlohmann::json::array();
      for (const Value& item : value.asList().items) array.push_back(toJson(item));
      return array;
    }
    case Kind::kMap: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& [key, item] : value.asMap().entries) object[key] = toJson(item);
      return object;
    }
    case Kind::kObject:
    case Kind::kFunction:
      return formatValue(value);
  }
  return nullptr;
}

}  // namespace meshery::gotmpl
