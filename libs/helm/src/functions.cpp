#include "meshery/helm/functions.hpp"

#include <variant>

#include "helm_yaml.hpp"
#include "meshery/core/error.hpp"
#include "meshery/gotmpl/format.hpp"
#include "meshery/gotmpl/go_json.hpp"
#include "meshery/gotmpl/json_value.hpp"
#include "meshery/yaml/yaml.hpp"
#include "toml.hpp"

namespace meshery::helm {
namespace {

using gotmpl::CallContext;
using gotmpl::Function;
using gotmpl::FunctionError;
using gotmpl::Param;
using gotmpl::Value;
using Args = std::vector<Value>;

Function fixed(std::vector<Param> params, std::function<Value(CallContext&, Args&)> body) {
  return Function{std::move(params), false, std::move(body)};
}

// sigs.k8s.io/yaml's Marshal: the value's JSON, then that JSON as go-yaml
// writes it; Helm drops the final newline.
std::string toYaml(const Value& value) {
  std::string text = yaml::emit(nlohmann::json::parse(gotmpl::goJson(value)));
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// sigs.k8s.io/yaml's Unmarshal of the first document, numbers as float64.
nlohmann::json firstDocument(const std::string& text) {
  const std::vector<nlohmann::json> documents = yaml::parseAll(text, detail::kHelmYaml);
  return documents.empty() ? nlohmann::json() : documents.front();
}

Value errorMap(const std::string& message) {
  Value map = Value::map();
  map.asMap().entries["Error"] = Value::string(message);
  return map;
}

/// What sigs.k8s.io/yaml (v1.4, as Helm 3.17 ships it) puts before
/// encoding/json's complaint about a document of the wrong shape.
constexpr const char* kYamlShapeError = "error unmarshaling JSON: while decoding JSON: ";

std::string kindOfJson(const nlohmann::json& document) {
  if (document.is_object()) return "object";
  if (document.is_array()) return "array";
  if (document.is_string()) return "string";
  if (document.is_boolean()) return "bool";
  return "number";
}

Value mapOrError(const nlohmann::json& document, const std::string& prefix) {
  if (document.is_null()) return Value::map();
  if (!document.is_object()) {
    return errorMap(prefix + "json: cannot unmarshal " + kindOfJson(document) +
                    " into Go value of type map[string]interface {}");
  }
  return gotmpl::fromJson(document);
}

Value listOrError(const nlohmann::json& document, const std::string& prefix) {
  if (document.is_null()) return Value::list({});
  if (!document.is_array()) {
    return Value::list({Value::string(prefix + "json: cannot unmarshal " + kindOfJson(document) +
                                      " into Go value of type []interface {}")});
  }
  return gotmpl::fromJson(document);
}

/// json.Unmarshal's document, or its syntax error in Go's words.
std::variant<nlohmann::json, std::string> unmarshalJson(const std::string& text) {
  if (auto failure = gotmpl::goJsonSyntaxError(text)) return *failure;
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& error) {
    return std::string(error.what());  // valid for Go (e.g. invalid UTF-8), not for the parser
  }
}

}  // namespace

gotmpl::FunctionMap helmFunctions() {
  gotmpl::FunctionMap f;
  f["toYaml"] = fixed({Param::kAny}, [](CallContext&, Args& a) {
    try {
      return Value::string(toYaml(a[0]));
    } catch (const std::exception&) {
      return Value::string("");
    }
  });
  // go-yaml v3's encoder with SetIndent(2): sequences indented, keys in
  // its natural order, floats as strconv's 'g' writes them.
  f["toYamlPretty"] = fixed({Param::kAny}, [](CallContext&, Args& a) {
    static const yaml::EmitOptions kPretty{
        true, true, [](double number) { return gotmpl::formatFloat(number, 'g', -1); }};
    try {
      std::string text = yaml::emit(gotmpl::toJson(a[0]), kPretty);
      if (!text.empty() && text.back() == '\n') text.pop_back();
      return Value::string(std::move(text));
    } catch (const std::exception&) {
      return Value::string("");
    }
  });
  f["toToml"] = fixed({Param::kAny},
                      [](CallContext&, Args& a) { return Value::string(detail::toToml(a[0])); });
  f["fromToml"] = fixed({Param::kString},
                        [](CallContext&, Args& a) { return detail::fromToml(a[0].asString()); });
  f["fromYaml"] = fixed({Param::kString}, [](CallContext&, Args& a) {
    try {
      return mapOrError(firstDocument(a[0].asString()), kYamlShapeError);
    } catch (const Error& error) {
      return errorMap("error converting YAML to JSON: " + error.message());
    }
  });
  f["fromYamlArray"] = fixed({Param::kString}, [](CallContext&, Args& a) {
    try {
      return listOrError(firstDocument(a[0].asString()), kYamlShapeError);
    } catch (const Error& error) {
      return Value::list({Value::string("error converting YAML to JSON: " + error.message())});
    }
  });
  f["toJson"] = fixed({Param::kAny}, [](CallContext&, Args& a) {
    try {
      return Value::string(gotmpl::goJson(a[0]));
    } catch (const FunctionError&) {
      return Value::string("");
    }
  });
  f["fromJson"] = fixed({Param::kString}, [](CallContext&, Args& a) {
    auto document = unmarshalJson(a[0].asString());
    if (auto* failure = std::get_if<std::string>(&document)) return errorMap(*failure);
    return mapOrError(std::get<nlohmann::json>(document), "");
  });
  f["fromJsonArray"] = fixed({Param::kString}, [](CallContext&, Args& a) {
    auto document = unmarshalJson(a[0].asString());
    if (auto* failure = std::get_if<std::string>(&document)) {
      return Value::list({Value::string(*failure)});
    }
    return listOrError(std::get<nlohmann::json>(document), "");
  });
  f["required"] = fixed({Param::kString, Param::kAny}, [](CallContext&, Args& a) {
    if (a[1].isNil() || (a[1].isString() && a[1].asString().empty())) {
      throw FunctionError(std::string(kErrorStart) + a[0].asString() + kErrorEnd);
    }
    return a[1];
  });
  // Helm replaces Sprig's fail so that its message is reported as
  // required's is: "execution error at (FILE:LINE:COL): message".
  f["fail"] = fixed({Param::kString}, [](CallContext&, Args& a) -> Value {
    throw FunctionError(std::string(kErrorStart) + a[0].asString() + kErrorEnd);
  });
  f["lookup"] = fixed({Param::kString, Param::kString, Param::kString, Param::kString},
                      [](CallContext&, Args&) { return Value::map(); });
  return f;
}

}  // namespace meshery::helm
