// text/template's builtin functions (Go's text/template/funcs.go).

#include <optional>

#include "escape.hpp"
#include "exec.hpp"
#include "meshery/gotmpl/format.hpp"

namespace meshery::gotmpl::detail {
namespace {

using Args = std::vector<Value>;

Function fixed(std::vector<Param> params, std::function<Value(CallContext&, Args&)> body) {
  return Function{std::move(params), false, std::move(body)};
}

Function variadic(std::vector<Param> params, std::function<Value(CallContext&, Args&)> body) {
  return Function{std::move(params), true, std::move(body)};
}

// Go's indirectInterface: a nil interface is no value.
Value concrete(const Value& value) {
  return value.kind() == Kind::kNil ? Value() : value.unboxed();
}

// ---- comparison ----

enum class BasicKind { kInvalid, kBool, kInt, kUint, kFloat, kString };

BasicKind basicKind(const Value& value) {
  switch (value.kind()) {
    case Kind::kBool:
      return BasicKind::kBool;
    case Kind::kInt:
      return value.isUnsigned() ? BasicKind::kUint : BasicKind::kInt;
    case Kind::kFloat:
      return BasicKind::kFloat;
    case Kind::kString:
      return BasicKind::kString;
    default:
      return BasicKind::kInvalid;
  }
}

std::string formatWith(std::string_view verb, const Value& value) {
  const Value args[] = {value};
  return sprintf(verb, args);
}

bool equalPair(const Value& a, const Value& b) {
  const BasicKind k1 = basicKind(a);
  const BasicKind k2 = basicKind(b);
  if (k1 != k2) {
    if (k1 == BasicKind::kInt && k2 == BasicKind::kUint)
      return a.asInt() >= 0 && a.asUint() == b.asUint();
    if (k1 == BasicKind::kUint && k2 == BasicKind::kInt)
      return b.asInt() >= 0 && a.asUint() == b.asUint();
    if (!a.isInvalid() && !b.isInvalid()) throw FunctionError("incompatible types for comparison");
    return false;
  }
  switch (k1) {
    case BasicKind::kBool:
      return a.asBool() == b.asBool();
    case BasicKind::kFloat:
      return a.asFloat() == b.asFloat();
    case BasicKind::kInt:
      return a.asInt() == b.asInt();
    case BasicKind::kUint:
      return a.asUint() == b.asUint();
    case BasicKind::kString:
      return a.asString() == b.asString();
    case BasicKind::kInvalid:
      break;
  }
  if (a.isInvalid() || b.isInvalid()) return a.isInvalid() == b.isInvalid();
  if (a.kind() != b.kind()) {
    throw FunctionError("non-comparable types " + formatWith("%s", a) + ": " + a.typeName() + ", " +
                        b.typeName() + ": " + formatWith("%v", b));
  }
  if (a.kind() == Kind::kMap || a.kind() == Kind::kList || a.kind() == Kind::kFunction) {
    throw FunctionError("non-comparable type " + formatWith("%s", b) + ": " + b.typeName());
  }
  return a.sameAs(b);
}

Value eq(CallContext&, Args& args) {
  const Value first = concrete(args[0]);
  if (args.size() < 2) throw FunctionError("missing argument for comparison");
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (equalPair(first, concrete(args[i]))) return Value::boolean(true);
  }
  return Value::boolean(false);
}

bool lessThan(const Value& raw_a, const Value& raw_b) {
  const Value a = concrete(raw_a);
  const Value b = concrete(raw_b);
  const BasicKind k1 = basicKind(a);
  const BasicKind k2 = basicKind(b);
  if (k1 == BasicKind::kInvalid || k2 == BasicKind::kInvalid) {
    throw FunctionError("invalid type for comparison");
  }
  if (k1 != k2) {
    if (k1 == BasicKind::kInt && k2 == BasicKind::kUint)
      return a.asInt() < 0 || a.asUint() < b.asUint();
    if (k1 == BasicKind::kUint && k2 == BasicKind::kInt)
      return b.asInt() >= 0 && a.asUint() < b.asUint();
    throw FunctionError("incompatible types for comparison");
  }
  switch (k1) {
    case BasicKind::kFloat:
      return a.asFloat() < b.asFloat();
    case BasicKind::kInt:
      return a.asInt() < b.asInt();
    case BasicKind::kUint:
      return a.asUint() < b.asUint();
    case BasicKind::kString:
      return a.asString() < b.asString();
    default:
      throw FunctionError("invalid type for comparison");
  }
}

bool equalTwo(const Value& a, const Value& b) {
  return equalPair(concrete(a), concrete(b));
}

// ---- index and slice ----

// Go's indexArg: an integer index no greater than `cap`.
std::int64_t indexArg(const Value& raw, std::size_t cap) {
  const Value index = concrete(raw);
  std::int64_t x = 0;
  if (index.kind() == Kind::kInt) {
    x = index.asInt();
    if (index.isUnsigned() && index.asUint() > static_cast<std::uint64_t>(INT64_MAX)) x = -1;
  } else if (index.isInvalid()) {
    throw FunctionError("cannot index slice/array with nil");
  } else {
    throw FunctionError("cannot index slice/array with type " + index.typeName());
  }
  if (x < 0 || static_cast<std::uint64_t>(x) > cap) {
    throw FunctionError("index out of range: " + std::to_string(x));
  }
  return x;
}

Value indexValue(CallContext&, Args& args) {
  Value item = concrete(args[0]);
  if (item.isInvalid()) throw FunctionError("index of untyped nil");
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (item.kind() == Kind::kNil) throw FunctionError("index of nil pointer");
    const Value& index = args[i];
    switch (item.kind()) {
      case Kind::kList: {
        const ListData& list = item.asList();
        const auto x = static_cast<std::size_t>(indexArg(index, list.items.size()));
        if (x == list.items.size()) throw FunctionError("reflect: slice index out of range");
        const Value& element = list.items[x];
        item = list.elem == ElemType::kInterface
                   ? (element.isNil() ? Value::nil() : element.asBoxed())
                   : element;
        break;
      }
      case Kind::kString: {
        const std::string& text = item.asString();
        const auto x = static_cast<std::size_t>(indexArg(index, text.size()));
        if (x == text.size()) throw FunctionError("reflect: string index out of range");
        item = Value::integer(static_cast<unsigned char>(text[x]), IntType::kUint8);
        break;
      }
      case Kind::kMap: {
        const Value key = concrete(index);
        const MapData& map = item.asMap();
        if (key.isInvalid()) throw FunctionError("value is nil; should be of type string");
        if (!key.isString())
          throw FunctionError("value has type " + key.typeName() + "; should be string");
        const auto found = map.entries.find(key.asString());
        if (found != map.entries.end()) {
          const Value& element = found->second;
          item = map.elem == ElemType::kInterface
                     ? (element.isNil() ? Value::nil() : element.asBoxed())
                     : element;
        } else if (map.elem == ElemType::kString) {
          item = Value::string("");
        } else if (map.elem == ElemType::kInt) {
          item = Value::integer(0);
        } else {
          item = Value::nil();
        }
        break;
      }
      default:
        throw FunctionError("can't index item of type " + item.typeName());
    }
  }
  return item;
}

Value sliceValue(CallContext&, Args& args) {
  const Value item = concrete(args[0]);
  if (item.isInvalid()) throw FunctionError("slice of untyped nil");
  const std::size_t count = args.size() - 1;
  if (count > 3) throw FunctionError("too many slice indexes: " + std::to_string(count));
  std::size_t cap = 0;
  if (item.isString()) {
    if (count == 3) throw FunctionError("cannot 3-index slice a string");
    cap = item.asString().size();
  } else if (item.isList()) {
    cap = item.asList().items.size();
  } else {
    throw FunctionError("can't slice item of type " + item.typeName());
  }
  std::size_t idx[3] = {0, cap, cap};
  for (std::size_t i = 0; i < count; ++i)
    idx[i] = static_cast<std::size_t>(indexArg(args[i + 1], cap));
  if (idx[0] > idx[1]) {
    throw FunctionError("invalid slice index: " + std::to_string(idx[0]) + " > " +
                        std::to_string(idx[1]));
  }
  if (count == 3 && idx[1] > idx[2]) {
    throw FunctionError("invalid slice index: " + std::to_string(idx[1]) + " > " +
                        std::to_string(idx[2]));
  }
  if (item.isString()) return Value::string(item.asString().substr(idx[0], idx[1] - idx[0]));
  const ListData& list = item.asList();
  return Value::list(std::vector<Value>(list.items.begin() + static_cast<std::ptrdiff_t>(idx[0]),
                                        list.items.begin() + static_cast<std::ptrdiff_t>(idx[1])),
                     list.elem);
}

Value lengthOf(CallContext&, Args& args) {
  const Value& item = args[0];
  if (item.kind() == Kind::kNil) throw FunctionError("len of nil pointer");
  if (item.isInvalid()) throw FunctionError("reflect: call of reflect.Value.Type on zero Value");
  if (const auto length = item.length()) return Value::integer(static_cast<std::int64_t>(*length));
  throw FunctionError("len of type " + item.typeName());
}

Value callValue(CallContext& context, Args& args) {
  const Value fn = concrete(args[0]);
  if (fn.isInvalid()) throw FunctionError("call of nil");
  if (fn.kind() != Kind::kFunction) throw FunctionError("non-function of type " + fn.typeName());
  const Function& function = fn.asFunction();
  const std::size_t given = args.size() - 1;
  const std::size_t declared = function.params.size();
  if (function.variadic ? given < declared - 1 : given != declared) {
    throw FunctionError("wrong number of args: got " + std::to_string(given) + " want " +
                        (function.variadic ? "at least " + std::to_string(declared - 1)
                                           : std::to_string(declared)));
  }
  std::vector<Value> call_args;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const Value arg = concrete(args[i]);
    call_args.push_back(arg.isInvalid() ? Value::nil() : arg);
  }
  return function.body(context, call_args);
}

// Go's evalArgs for html, js and urlquery.
std::string escaperText(const Args& args) {
  if (args.size() == 1 && args[0].isString()) return args[0].asString();
  std::vector<Value> printable;
  printable.reserve(args.size());
  for (const Value& arg : args)
    printable.push_back(arg.isNil() ? Value::string("<no value>") : arg);
  return sprint(printable);
}

FunctionMap makeBuiltins() {
  FunctionMap functions;
  const auto lazy = [](CallContext&, Args&) -> Value { return {}; };  // evaluated by the executor
  functions["and"] = variadic({Param::kValue, Param::kValue}, lazy);
  functions["or"] = variadic({Param::kValue, Param::kValue}, lazy);
  functions["not"] = fixed({Param::kValue}, [](CallContext&, Args& args) {
    return Value::boolean(!concrete(args[0]).truthy());
  });
  functions["len"] = fixed({Param::kValue}, lengthOf);
  functions["index"] = variadic({Param::kValue, Param::kValue}, indexValue);
  functions["slice"] = variadic({Param::kValue, Param::kValue}, sliceValue);
  functions["call"] = variadic({Param::kValue, Param::kValue}, callValue);
  functions["print"] =
      variadic({Param::kAny}, [](CallContext&, Args& args) { return Value::string(sprint(args)); });
  functions["println"] = variadic(
      {Param::kAny}, [](CallContext&, Args& args) { return Value::string(sprintln(args)); });
  functions["printf"] = variadic({Param::kString, Param::kAny}, [](CallContext&, Args& args) {
    return Value::string(sprintf(args[0].asString(), std::span<const Value>(args).subspan(1)));
  });
  functions["html"] = variadic({Param::kAny}, [](CallContext&, Args& args) {
    return Value::string(htmlEscape(escaperText(args)));
  });
  functions["js"] = variadic({Param::kAny}, [](CallContext&, Args& args) {
    return Value::string(jsEscape(escaperText(args)));
  });
  functions["urlquery"] = variadic({Param::kAny}, [](CallContext&, Args& args) {
    return Value::string(urlQueryEscape(escaperText(args)));
  });
  functions["eq"] = variadic({Param::kValue, Param::kValue}, eq);
  functions["ne"] = fixed({Param::kValue, Param::kValue}, [](CallContext&, Args& args) {
    return Value::boolean(!equalTwo(args[0], args[1]));
  });
  functions["lt"] = fixed({Param::kValue, Param::kValue}, [](CallContext&, Args& args) {
    return Value::boolean(lessThan(args[0], args[1]));
  });
  functions["le"] = fixed({Param::kValue, Param::kValue}, [](CallContext&, Args& args) {
    return Value::boolean(lessThan(args[0], args[1]) || equalTwo(args[0], args[1]));
  });
  functions["gt"] = fixed({Param::kValue, Param::kValue}, [](CallContext&, Args& args) {
    const bool less = lessThan(args[0], args[1]);
    return Value::boolean(!(less || equalTwo(args[0], args[1])));
  });
  functions["ge"] = fixed({Param::kValue, Param::kValue}, [](CallContext&, Args& args) {
    return Value::boolean(!lessThan(args[0], args[1]));
  });
  return functions;
}

}  // namespace

const FunctionMap& builtinFunctions() {
  static const FunctionMap functions = makeBuiltins();
  return functions;
}

}  // namespace meshery::gotmpl::detail
