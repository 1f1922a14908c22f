#include "meshery/helm/functions.hpp"

#include "meshery/core/error.hpp"
#include "meshery/gotmpl/go_json.hpp"
#include "meshery/gotmpl/json_value.hpp"
#include "meshery/yaml/yaml.hpp"

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
  const std::vector<nlohmann::json> documents = yaml::parseAll(text);
  return documents.empty() ? nlohmann::json() : documents.front();
}

Value errorMap(const std::string& message) {
  Value map = Value::map();
  map.asMap().entries["Error"] = Value::string(message);
  return map;
}

Value mapOrError(const nlohmann::json& document) {
  if (document.is_null()) return Value::map();
  if (!document.is_object()) {
    return errorMap("error unmarshaling JSON: json: cannot unmarshal " +
                    std::string(document.is_array()    ? "array"
                                : document.is_string() ? "string"
                                                       : "number") +
                    " into Go value of type map[string]interface {}");
  }
  return gotmpl::fromJson(document);
}

Value listOrError(const nlohmann::json& document) {
  if (document.is_null()) return Value::list({});
  if (!document.is_array()) {
    return Value::list({Value::string("error unmarshaling JSON: json: cannot unmarshal " +
                                      std::string(document.is_object() ? "object" : "string") +
                                      " into Go value of type []interface {}")});
  }
  return gotmpl::fromJson(document);
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
  f["fromYaml"] = fixed({Param::kString}, [](CallContext&, Args& a) {
    try {
      return mapOrError(firstDocument(a[0].asString()));
    } catch (const Error& error) {
      return errorMap("error converting YAML to JSON: " + error.message());
    }
  });
  f["fromYamlArray"] = fixed({Param::kString}, [](CallContext&, Args& a) {
    try {
      return listOrError(firstDocument(a[0].asString()));
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
    try {
      return mapOrError(nlohmann::json::parse(a[0].asString()));
    } catch (const nlohmann::json::exception& error) {
      return errorMap(error.what());
    }
  });
  f["fromJsonArray"] = fixed({Param::kString}, [](CallContext&, Args& a) {
    try {
      return listOrError(nlohmann::json::parse(a[0].asString()));
    } catch (const nlohmann::json::exception& error) {
      return Value::list({Value::string(error.what())});
    }
  });
  f["required"] = fixed({Param::kString, Param::kAny}, [](CallContext&, Args& a) {
    if (a[1].isNil() || (a[1].isString() && a[1].asString().empty())) {
      throw FunctionError(std::string(kErrorStart) + a[0].asString() + kErrorEnd);
    }
    return a[1];
  });
  f["lookup"] = fixed({Param::kString, Param::kString, Param::kString, Param::kString},
                      [](CallContext&, Args&) { return Value::map(); });
  return f;
}

}  // namespace meshery::helm
