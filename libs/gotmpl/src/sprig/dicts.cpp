// Sprig's dict functions (dict.go): maps are shared, so set, unset, merge
// and mergeOverwrite change the map they are given, as in Go.

#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;
using Entries = std::map<std::string, Value, std::less<>>;

Entries& entries(const Value& map) {
  return map.asMap().entries;
}

// The entries of a map about to be written: Go panics on a nil map.
Entries& writable(const Value& map) {
  if (map.asMap().is_nil) throw FunctionError("assignment to entry in nil map");
  return map.asMap().entries;
}

// mergo's deep merge of map[string]interface{} as Sprig calls it: without
// overwrite a non-empty destination value stays; nested maps merge into the
// destination's own map; with overwrite every source value wins, empty ones
// too, except over a non-empty destination when the source is a map or list.
void mergeInto(Entries& dst, const Entries& src, bool overwrite) {
  for (const auto& [key, source] : src) {
    const auto found = dst.find(key);
    const bool has = found != dst.end();
    if (source.isNil()) {
      if (overwrite) dst[key] = Value::nil();
      continue;
    }
    if (source.isMap() && has && found->second.isMap()) {
      mergeInto(entries(found->second), entries(source), overwrite);
    }
    const bool destination_empty = !has || isEmpty(found->second);
    if (source.isList() && overwrite) {
      dst[key] = source;
      continue;
    }
    if (has && !destination_empty && (source.isMap() || source.isList())) continue;
    if (overwrite || destination_empty) dst[key] = source;
  }
}

Value deepCopy(const Value& value) {
  switch (value.kind()) {
    case Kind::kList: {
      std::vector<Value> items;
      for (const Value& item : value.asList().items) items.push_back(deepCopy(item));
      return Value::list(std::move(items), value.asList().elem);
    }
    case Kind::kMap: {
      auto data = std::make_shared<MapData>();
      data->elem = value.asMap().elem;
      data->type_name = value.asMap().type_name;
      for (const auto& [key, item] : value.asMap().entries)
        data->entries.emplace(key, deepCopy(item));
      return Value::sharedMap(std::move(data));
    }
    default:
      return value.unboxed();
  }
}

[[noreturn]] void notAMap(const Value& value, std::string_view wanted) {
  throw FunctionError("interface conversion: interface {} is " +
                      (value.isNil() ? std::string("nil") : value.typeName()) + ", not " +
                      std::string(wanted));
}

}  // namespace

void addDicts(FunctionMap& f) {
  f["dict"] = variadic({P::kAny}, [](CallContext&, Args& a) {
    Value map = Value::map();
    for (std::size_t i = 0; i < a.size(); i += 2) {
      entries(map)[strval(a[i])] = i + 1 < a.size() ? a[i + 1] : Value::string("");
    }
    return map;
  });
  f["get"] = fixed({P::kMap, P::kString}, [](CallContext&, Args& a) {
    const auto found = entries(a[0]).find(a[1].asString());
    return found == entries(a[0]).end() ? Value::string("") : found->second;
  });
  f["set"] = fixed({P::kMap, P::kString, P::kAny}, [](CallContext&, Args& a) {
    writable(a[0])[a[1].asString()] = a[2];
    return a[0];
  });
  f["unset"] = fixed({P::kMap, P::kString}, [](CallContext&, Args& a) {
    if (!a[0].asMap().is_nil) entries(a[0]).erase(a[1].asString());
    return a[0];
  });
  f["hasKey"] = fixed({P::kMap, P::kString}, [](CallContext&, Args& a) {
    return Value::boolean(entries(a[0]).contains(a[1].asString()));
  });
  f["pluck"] = variadic({P::kString, P::kMap}, [](CallContext&, Args& a) {
    std::vector<Value> out;
    for (std::size_t i = 1; i < a.size(); ++i) {
      const auto found = entries(a[i]).find(a[0].asString());
      if (found != entries(a[i]).end()) out.push_back(found->second);
    }
    return Value::list(std::move(out));
  });
  f["keys"] = variadic({P::kMap}, [](CallContext&, Args& a) {
    std::vector<std::string> out;
    for (const Value& map : a) {
      for (const auto& [key, value] : entries(map)) out.push_back(key);
    }
    return stringList(std::move(out));
  });
  f["values"] = fixed({P::kMap}, [](CallContext&, Args& a) {
    std::vector<Value> out;
    for (const auto& [key, value] : entries(a[0])) out.push_back(value);
    return Value::list(std::move(out));
  });
  f["pick"] = variadic({P::kMap, P::kString}, [](CallContext&, Args& a) {
    Value out = Value::map();
    for (std::size_t i = 1; i < a.size(); ++i) {
      const auto found = entries(a[0]).find(a[i].asString());
      if (found != entries(a[0]).end()) entries(out)[found->first] = found->second;
    }
    return out;
  });
  f["omit"] = variadic({P::kMap, P::kString}, [](CallContext&, Args& a) {
    Value out = Value::map();
    entries(out) = entries(a[0]);
    for (std::size_t i = 1; i < a.size(); ++i) entries(out).erase(a[i].asString());
    return out;
  });
  const auto merge = [](bool overwrite) {
    return variadic({P::kMap, P::kMap}, [overwrite](CallContext&, Args& a) {
      // A nil destination becomes a new map, as mergo makes one.
      Value destination = a[0].asMap().is_nil ? Value::map() : a[0];
      for (std::size_t i = 1; i < a.size(); ++i)
        mergeInto(entries(destination), entries(a[i]), overwrite);
      return destination;
    });
  };
  f["merge"] = merge(false);
  f["mustMerge"] = merge(false);
  f["mergeOverwrite"] = merge(true);
  f["mustMergeOverwrite"] = merge(true);
  const auto copy = [](CallContext&, Args& a) {
    if (a[0].isNil()) throw FunctionError("reflect: call of reflect.Value.Type on zero Value");
    return deepCopy(a[0]);
  };
  f["deepCopy"] = fixed({P::kAny}, copy);
  f["mustDeepCopy"] = fixed({P::kAny}, copy);
  f["dig"] = variadic({P::kAny}, [](CallContext&, Args& a) {
    if (a.size() < 3) throw FunctionError("dig needs at least three arguments");
    Value current = a.back();
    if (!current.isMap() || current.asMap().elem != ElemType::kInterface) {
      notAMap(current, "map[string]interface {}");
    }
    const Value fallback = a[a.size() - 2];
    for (std::size_t i = 0; i + 2 < a.size(); ++i) {
      if (!a[i].isString()) notAMap(a[i], "string");
      if (!current.isMap()) notAMap(current, "map[string]interface {}");
      const auto found = entries(current).find(a[i].asString());
      if (found == entries(current).end()) return fallback;
      current = found->second;
    }
    return current;
  });
}

}  // namespace meshery::gotmpl::sprig
