#pragma once

// The values a Go template sees. Go's templates work on reflected Go values;
// these carry just enough of Go's type system to behave the same way: the
// difference between "no value" and a nil interface, int versus int64
// versus float64, []interface{} versus []string, maps shared by reference,
// structs with fields and methods.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace meshery::gotmpl {

class Value;
struct Function;

/// What a value is, in reflect.Kind terms narrowed to what templates meet.
enum class Kind : std::uint8_t {
  kInvalid,  ///< no value at all (a missing map key, an untyped nil): prints "<no value>"
  kNil,      ///< a nil interface{} (a null stored in a map or list)
  kBool,
  kInt,    ///< any signed or unsigned integer type; see IntType
  kFloat,  ///< float64
  kString,
  kList,      ///< a slice
  kMap,       ///< a map with string keys
  kObject,    ///< a struct or pointer to struct: fields and methods
  kFunction,  ///< a func value (for `call`)
};

/// The Go integer type of a kInt value; it shows in %T, typeOf and in
/// which parameters accept the value.
enum class IntType : std::uint8_t { kInt, kInt64, kInt32, kUint8, kUint64 };

/// The element type of a list or map, for %T and for zero values.
enum class ElemType : std::uint8_t { kInterface, kString, kInt, kInterfaceList, kInterfaceMap };

/// The methods of a named slice or map type (Helm's chartutil.VersionSet
/// has Has, its files type Get and Glob): the method `name` bound to
/// `self`, or nullopt.
using MethodLookup =
    std::function<std::optional<Function>(const Value& self, std::string_view name)>;

/// A slice: items and their Go element type.
struct ListData {
  std::vector<Value> items;
  ElemType elem = ElemType::kInterface;
  bool is_nil = false;    ///< a nil slice: empty, and "[]T(nil)" for %#v
  std::string type_name;  ///< a named type's name for %T; empty: "[]T"
  MethodLookup methods;   ///< a named type's methods; empty: none
};

/// A map with string keys, iterated in sorted order as templates do. Shared
/// by reference like a Go map: a function that sets a key changes it for
/// every holder. `type_name` is what %T prints (a named type such as
/// "chartutil.Values" keeps its name).
struct MapData {
  std::map<std::string, Value, std::less<>> entries;
  ElemType elem = ElemType::kInterface;
  std::string type_name;  ///< empty: "map[string]interface {}" / "map[string]string"
  bool is_nil = false;    ///< a nil map: reads as empty, writes fail as in Go
  MethodLookup methods;   ///< a named type's methods, found before keys as Go does
};

/// A Go struct or pointer to struct as templates see it: named fields and
/// methods. Implementations are immutable once built.
class Object {
 public:
  virtual ~Object() = default;
  /// %T text, e.g. "*chart.Metadata".
  [[nodiscard]] virtual std::string typeName() const = 0;
  /// The field `name`, or nullopt when the type has none.
  [[nodiscard]] virtual std::optional<Value> field(std::string_view name) const = 0;
  /// The method `name` bound to this object, or nullopt.
  [[nodiscard]] virtual std::optional<Function> method(std::string_view name) const;
  /// What fmt's %v prints (Go: a String() method, else "&{field values}").
  [[nodiscard]] virtual std::string text() const = 0;
  /// What an action prints when it ends on this value. Go's printer takes
  /// the address of an addressable struct field, so a String method with a
  /// pointer receiver counts there, while functions receive a copy without
  /// it (Helm's `{{ .Capabilities.KubeVersion }}` prints "v1.20.0", `{{
  /// .Capabilities.KubeVersion | quote }}` "{v1.20.0 1 20}"). text() unless
  /// overridden.
  [[nodiscard]] virtual std::string printedText() const { return text(); }
  /// The JSON its MarshalJSON method writes (time.Time: an RFC 3339
  /// string), or nullopt when the type has none and encodes as its text.
  [[nodiscard]] virtual std::optional<std::string> marshalJson() const { return std::nullopt; }
};

/// One template value. Cheap to copy: lists, maps, objects and functions are
/// shared, as Go slices, maps and pointers are.
class Value {
 public:
  /// No value ("<no value>"), as a missing map key yields.
  Value() = default;

  static Value nil();
  static Value boolean(bool value);
  static Value integer(std::int64_t value, IntType type = IntType::kInt);
  static Value unsignedInteger(std::uint64_t value);
  static Value number(double value);
  static Value string(std::string value);
  static Value list(std::vector<Value> items, ElemType elem = ElemType::kInterface);
  static Value sharedList(std::shared_ptr<ListData> data);
  /// A nil slice ([]interface{} by default).
  static Value nilList(ElemType elem = ElemType::kInterface);
  /// A new, empty map[string]interface{}.
  static Value map();
  /// A nil map[string]interface{}.
  static Value nilMap();
  static Value sharedMap(std::shared_ptr<MapData> data);
  static Value object(std::shared_ptr<const Object> object);
  static Value function(std::shared_ptr<const Function> function);

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] bool isInvalid() const { return kind_ == Kind::kInvalid; }
  /// Invalid or a nil interface: no concrete value.
  [[nodiscard]] bool isNil() const { return kind_ == Kind::kInvalid || kind_ == Kind::kNil; }
  [[nodiscard]] bool isString() const { return kind_ == Kind::kString; }
  [[nodiscard]] bool isList() const { return kind_ == Kind::kList; }
  [[nodiscard]] bool isMap() const { return kind_ == Kind::kMap; }

  [[nodiscard]] bool asBool() const { return std::get<bool>(data_); }
  [[nodiscard]] IntType intType() const { return int_type_; }
  /// A signed view of an integer (uint64 values past INT64_MAX wrap).
  [[nodiscard]] std::int64_t asInt() const;
  [[nodiscard]] std::uint64_t asUint() const;
  [[nodiscard]] bool isUnsigned() const {
    return kind_ == Kind::kInt && (int_type_ == IntType::kUint8 || int_type_ == IntType::kUint64);
  }
  [[nodiscard]] double asFloat() const { return std::get<double>(data_); }
  [[nodiscard]] const std::string& asString() const { return std::get<std::string>(data_); }
  [[nodiscard]] const ListData& asList() const {
    return *std::get<std::shared_ptr<ListData>>(data_);
  }
  [[nodiscard]] const std::shared_ptr<ListData>& listData() const {
    return std::get<std::shared_ptr<ListData>>(data_);
  }
  [[nodiscard]] MapData& asMap() const { return *std::get<std::shared_ptr<MapData>>(data_); }
  [[nodiscard]] const std::shared_ptr<MapData>& mapData() const {
    return std::get<std::shared_ptr<MapData>>(data_);
  }
  [[nodiscard]] const Object& asObject() const {
    return *std::get<std::shared_ptr<const Object>>(data_);
  }
  [[nodiscard]] const Function& asFunction() const {
    return *std::get<std::shared_ptr<const Function>>(data_);
  }

  /// Go's template truth: false, 0, "", empty list or map, nil, no value.
  [[nodiscard]] bool truthy() const;
  /// len() of a string (bytes), list or map; nullopt for other kinds.
  [[nodiscard]] std::optional<std::size_t> length() const;
  /// The Go type name %T prints: "int", "float64", "[]interface {}",
  /// "map[string]interface {}", "<nil>" for nil and no value.
  [[nodiscard]] std::string typeName() const;
  /// reflect.Kind's name, as Sprig's kindOf gives it: "int", "slice",
  /// "map", "ptr", "invalid" for nil...
  [[nodiscard]] std::string_view kindName() const;
  /// The same reference (maps, lists, objects) or equal scalars.
  [[nodiscard]] bool sameAs(const Value& other) const;

  /// Whether the value was read out of an interface{} container (a map or
  /// list of interface{}); Go then reports its type as "interface {}" in
  /// field errors. A pipeline's result is never boxed.
  [[nodiscard]] bool boxed() const { return boxed_; }
  [[nodiscard]] Value asBoxed() const {
    Value copy = *this;
    copy.boxed_ = kind_ != Kind::kInvalid && kind_ != Kind::kNil;
    return copy;
  }
  [[nodiscard]] Value unboxed() const {
    Value copy = *this;
    copy.boxed_ = false;
    return copy;
  }

 private:
  using Data = std::variant<std::monostate, bool, std::int64_t, std::uint64_t, double, std::string,
                            std::shared_ptr<ListData>, std::shared_ptr<MapData>,
                            std::shared_ptr<const Object>, std::shared_ptr<const Function>>;
  Data data_;
  Kind kind_ = Kind::kInvalid;
  IntType int_type_ = IntType::kInt;
  bool boxed_ = false;
};

/// A map value built from `entries` (a map[string]interface{}).
Value makeMap(std::map<std::string, Value, std::less<>> entries);

}  // namespace meshery::gotmpl
