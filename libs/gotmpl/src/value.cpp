#include "meshery/gotmpl/value.hpp"

#include "meshery/gotmpl/function.hpp"

namespace meshery::gotmpl {

std::optional<Function> Object::method(std::string_view /*name*/) const {
  return std::nullopt;
}

Value Value::nil() {
  Value value;
  value.kind_ = Kind::kNil;
  return value;
}

Value Value::boolean(bool b) {
  Value value;
  value.kind_ = Kind::kBool;
  value.data_ = b;
  return value;
}

Value Value::integer(std::int64_t i, IntType type) {
  Value value;
  value.kind_ = Kind::kInt;
  value.int_type_ = type;
  if (type == IntType::kUint64) {
    value.data_ = static_cast<std::uint64_t>(i);
  } else {
    value.data_ = i;
  }
  return value;
}

Value Value::unsignedInteger(std::uint64_t u) {
  Value value;
  value.kind_ = Kind::kInt;
  value.int_type_ = IntType::kUint64;
  value.data_ = u;
  return value;
}

Value Value::number(double d) {
  Value value;
  value.kind_ = Kind::kFloat;
  value.data_ = d;
  return value;
}

Value Value::string(std::string s) {
  Value value;
  value.kind_ = Kind::kString;
  value.data_ = std::move(s);
  return value;
}

Value Value::list(std::vector<Value> items, ElemType elem) {
  auto data = std::make_shared<ListData>();
  data->items = std::move(items);
  data->elem = elem;
  return sharedList(std::move(data));
}

Value Value::sharedList(std::shared_ptr<ListData> data) {
  Value value;
  value.kind_ = Kind::kList;
  value.data_ = std::move(data);
  return value;
}

Value Value::nilList(ElemType elem) {
  auto data = std::make_shared<ListData>();
  data->elem = elem;
  data->is_nil = true;
  return sharedList(std::move(data));
}

Value Value::nilMap() {
  auto data = std::make_shared<MapData>();
  data->is_nil = true;
  return sharedMap(std::move(data));
}

Value Value::map() {
  return sharedMap(std::make_shared<MapData>());
}

Value Value::sharedMap(std::shared_ptr<MapData> data) {
  Value value;
  value.kind_ = Kind::kMap;
  value.data_ = std::move(data);
  return value;
}

Value Value::object(std::shared_ptr<const Object> object) {
  Value value;
  value.kind_ = Kind::kObject;
  value.data_ = std::move(object);
  return value;
}

Value Value::function(std::shared_ptr<const Function> function) {
  Value value;
  value.kind_ = Kind::kFunction;
  value.data_ = std::move(function);
  return value;
}

std::int64_t Value::asInt() const {
  if (const auto* u = std::get_if<std::uint64_t>(&data_)) return static_cast<std::int64_t>(*u);
  return std::get<std::int64_t>(data_);
}

std::uint64_t Value::asUint() const {
  if (const auto* u = std::get_if<std::uint64_t>(&data_)) return *u;
  return static_cast<std::uint64_t>(std::get<std::int64_t>(data_));
}

bool Value::truthy() const {
  switch (kind_) {
    case Kind::kInvalid:
    case Kind::kNil:
      return false;
    case Kind::kBool:
      return asBool();
    case Kind::kInt:
      return asUint() != 0;
    case Kind::kFloat:
      return asFloat() != 0;
    case Kind::kString:
      return !asString().empty();
    case Kind::kList:
      return !asList().items.empty();
    case Kind::kMap:
      return !asMap().entries.empty();
    case Kind::kObject:
    case Kind::kFunction:
      return true;
  }
  return false;
}

std::optional<std::size_t> Value::length() const {
  switch (kind_) {
    case Kind::kString:
      return asString().size();
    case Kind::kList:
      return asList().items.size();
    case Kind::kMap:
      return asMap().entries.size();
    default:
      return std::nullopt;
  }
}

namespace {

std::string_view intTypeName(IntType type) {
  switch (type) {
    case IntType::kInt:
      return "int";
    case IntType::kInt64:
      return "int64";
    case IntType::kInt32:
      return "int32";
    case IntType::kUint8:
      return "uint8";
    case IntType::kUint64:
      return "uint64";
  }
  return "int";
}

std::string_view elemTypeName(ElemType elem) {
  switch (elem) {
    case ElemType::kInterface:
      return "interface {}";
    case ElemType::kString:
      return "string";
    case ElemType::kInt:
      return "int";
    case ElemType::kInterfaceList:
      return "[]interface {}";
    case ElemType::kInterfaceMap:
      return "map[string]interface {}";
  }
  return "interface {}";
}

}  // namespace

std::string Value::typeName() const {
  switch (kind_) {
    case Kind::kInvalid:
    case Kind::kNil:
      return "<nil>";
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
      return std::string(intTypeName(int_type_));
    case Kind::kFloat:
      return "float64";
    case Kind::kString:
      return "string";
    case Kind::kList:
      if (!asList().type_name.empty()) return asList().type_name;
      return "[]" + std::string(elemTypeName(asList().elem));
    case Kind::kMap: {
      const MapData& map = asMap();
      if (!map.type_name.empty()) return map.type_name;
      return "map[string]" + std::string(elemTypeName(map.elem));
    }
    case Kind::kObject:
      return asObject().typeName();
    case Kind::kFunction:
      return "func(...interface {}) (interface {}, error)";
  }
  return "<nil>";
}

std::string_view Value::kindName() const {
  switch (kind_) {
    case Kind::kInvalid:
    case Kind::kNil:
      return "invalid";
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
      return intTypeName(int_type_);
    case Kind::kFloat:
      return "float64";
    case Kind::kString:
      return "string";
    case Kind::kList:
      return "slice";
    case Kind::kMap:
      return "map";
    case Kind::kObject:
      return asObject().typeName().starts_with("*") ? "ptr" : "struct";
    case Kind::kFunction:
      return "func";
  }
  return "invalid";
}

bool Value::sameAs(const Value& other) const {
  if (kind_ != other.kind_) return false;
  switch (kind_) {
    case Kind::kInvalid:
    case Kind::kNil:
      return true;
    case Kind::kInt:
      return int_type_ == other.int_type_ && asUint() == other.asUint();
    default:
      return data_ == other.data_;
  }
}

Value makeMap(std::map<std::string, Value, std::less<>> entries) {
  auto data = std::make_shared<MapData>();
  data->entries = std::move(entries);
  return Value::sharedMap(std::move(data));
}

}  // namespace meshery::gotmpl
