// Sprig's defaults and flow functions (defaults.go, fail) and its JSON
// functions.

#include "meshery/core/error.hpp"
#include "meshery/gotmpl/go_json.hpp"
#include "meshery/gotmpl/json_value.hpp"
#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;

Value parseJson(const std::string& text) {
  const nlohmann::json document = nlohmann::json::parse(text);
  return fromJson(document);
}

}  // namespace

void addDefaults(FunctionMap& f) {
  f["default"] = variadic({P::kAny, P::kAny}, [](CallContext&, Args& a) {
    if (a.size() < 2 || isEmpty(a[1])) return a[0];
    return a[1];
  });
  f["empty"] =
      fixed({P::kAny}, [](CallContext&, Args& a) { return Value::boolean(isEmpty(a[0])); });
  f["coalesce"] = variadic({P::kAny}, [](CallContext&, Args& a) {
    for (const Value& v : a) {
      if (!isEmpty(v)) return v;
    }
    return Value::nil();
  });
  f["all"] = variadic({P::kAny}, [](CallContext&, Args& a) {
    for (const Value& v : a) {
      if (isEmpty(v)) return Value::boolean(false);
    }
    return Value::boolean(true);
  });
  f["any"] = variadic({P::kAny}, [](CallContext&, Args& a) {
    for (const Value& v : a) {
      if (!isEmpty(v)) return Value::boolean(true);
    }
    return Value::boolean(false);
  });
  f["ternary"] = fixed({P::kAny, P::kAny, P::kBool},
                       [](CallContext&, Args& a) { return a[2].asBool() ? a[0] : a[1]; });
  f["fail"] = fixed({P::kString},
                    [](CallContext&, Args& a) -> Value { throw FunctionError(a[0].asString()); });

  f["toJson"] = fixed({P::kAny}, [](CallContext&, Args& a) {
    try {
      return Value::string(goJson(a[0]));
    } catch (const FunctionError&) {
      return Value::string("");
    }
  });
  f["mustToJson"] =
      fixed({P::kAny}, [](CallContext&, Args& a) { return Value::string(goJson(a[0])); });
  f["toPrettyJson"] = fixed({P::kAny}, [](CallContext&, Args& a) {
    try {
      return Value::string(goJson(a[0], {.escape_html = true, .indent = "  "}));
    } catch (const FunctionError&) {
      return Value::string("");
    }
  });
  f["mustToPrettyJson"] = fixed({P::kAny}, [](CallContext&, Args& a) {
    return Value::string(goJson(a[0], {.escape_html = true, .indent = "  "}));
  });
  const auto raw = fixed({P::kAny}, [](CallContext&, Args& a) {
    return Value::string(goJson(a[0], {.escape_html = false, .indent = ""}));
  });
  f["toRawJson"] = raw;
  f["mustToRawJson"] = raw;
  f["fromJson"] = fixed({P::kString}, [](CallContext&, Args& a) {
    try {
      return parseJson(a[0].asString());
    } catch (const nlohmann::json::exception&) {
      return Value::nil();
    }
  });
  f["mustFromJson"] = fixed({P::kString}, [](CallContext&, Args& a) {
    try {
      return parseJson(a[0].asString());
    } catch (const nlohmann::json::exception& error) {
      throw FunctionError(std::string("invalid JSON: ") + error.what());
    }
  });
}

}  // namespace meshery::gotmpl::sprig
