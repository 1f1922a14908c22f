// Sprig's list functions (list.go), with their must* variants: the plain
// ones fail through Go's panic, the must* ones return the error; to a
// template both read "error calling NAME: message".

#include <algorithm>

#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;

Value anyList(std::vector<Value> items) {
  return Value::list(std::move(items));
}

// Sprig's mustSlice over a list (nil for an empty one).
Value sliceOf(const Value& list, const Args& indices) {
  const auto& items = listItems(list, "list should be type of slice or array but ");
  if (items.empty()) return Value::nil();
  const auto length = static_cast<std::int64_t>(items.size());
  const std::int64_t start = indices.empty() ? 0 : toInt64(indices[0]);
  const std::int64_t end = indices.size() < 2 ? length : toInt64(indices[1]);
  if (start < 0 || end < start || end > length) {
    throw FunctionError("reflect.Value.Slice: slice index out of bounds");
  }
  return Value::list(std::vector<Value>(items.begin() + start, items.begin() + end),
                     list.asList().elem);
}

bool contains(const std::vector<Value>& haystack, const Value& needle) {
  return std::any_of(haystack.begin(), haystack.end(),
                     [&](const Value& v) { return deepEqual(needle, v); });
}

}  // namespace

void addLists(FunctionMap& f) {
  const auto make_list = variadic({P::kAny}, [](CallContext&, Args& a) { return anyList(a); });
  f["list"] = make_list;
  f["tuple"] = make_list;

  // Each list function in its plain and its must* form.
  const auto both = [&f](const std::string& name, std::vector<Param> params, bool is_variadic,
                         Body body) {
    const Function function{params, is_variadic, body};
    f[name] = function;
    f["must" + std::string(1, static_cast<char>(name[0] - 32)) + name.substr(1)] = function;
  };
  const auto push = [](CallContext&, Args& a) {
    std::vector<Value> items = listItems(a[0], "Cannot push on type ");
    items.push_back(a[1]);
    return anyList(std::move(items));
  };
  both("push", {P::kAny, P::kAny}, false, push);
  both("append", {P::kAny, P::kAny}, false, push);
  both("prepend", {P::kAny, P::kAny}, false, [](CallContext&, Args& a) {
    std::vector<Value> items = listItems(a[0], "Cannot prepend on type ");
    items.insert(items.begin(), a[1]);
    return anyList(std::move(items));
  });
  both("first", {P::kAny}, false, [](CallContext&, Args& a) {
    const auto& items = listItems(a[0], "Cannot find first on type ");
    return items.empty() ? Value::nil() : items.front();
  });
  both("last", {P::kAny}, false, [](CallContext&, Args& a) {
    const auto& items = listItems(a[0], "Cannot find last on type ");
    return items.empty() ? Value::nil() : items.back();
  });
  both("rest", {P::kAny}, false, [](CallContext&, Args& a) {
    const auto& items = listItems(a[0], "Cannot find rest on type ");
    if (items.empty()) return Value::nilList();
    return anyList(std::vector<Value>(items.begin() + 1, items.end()));
  });
  both("initial", {P::kAny}, false, [](CallContext&, Args& a) {
    const auto& items = listItems(a[0], "Cannot find initial on type ");
    if (items.empty()) return Value::nilList();
    return anyList(std::vector<Value>(items.begin(), items.end() - 1));
  });
  both("reverse", {P::kAny}, false, [](CallContext&, Args& a) {
    std::vector<Value> items = listItems(a[0], "Cannot find reverse on type ");
    std::reverse(items.begin(), items.end());
    return anyList(std::move(items));
  });
  both("compact", {P::kAny}, false, [](CallContext&, Args& a) {
    std::vector<Value> out;
    for (const Value& item : listItems(a[0], "Cannot compact on type ")) {
      if (!isEmpty(item)) out.push_back(item);
    }
    return anyList(std::move(out));
  });
  both("uniq", {P::kAny}, false, [](CallContext&, Args& a) {
    std::vector<Value> out;
    for (const Value& item : listItems(a[0], "Cannot find uniq on type ")) {
      if (!contains(out, item)) out.push_back(item);
    }
    return anyList(std::move(out));
  });
  both("without", {P::kAny, P::kAny}, true, [](CallContext&, Args& a) {
    const std::vector<Value> omit(a.begin() + 1, a.end());
    std::vector<Value> out;
    for (const Value& item : listItems(a[0], "Cannot find without on type ")) {
      if (!contains(omit, item)) out.push_back(item);
    }
    return anyList(std::move(out));
  });
  both("has", {P::kAny, P::kAny}, false, [](CallContext&, Args& a) {
    if (a[1].isNil()) return Value::boolean(false);
    return Value::boolean(contains(listItems(a[1], "Cannot find has on type "), a[0]));
  });
  both("slice", {P::kAny, P::kAny}, true,
       [](CallContext&, Args& a) { return sliceOf(a[0], Args(a.begin() + 1, a.end())); });
  both("chunk", {P::kInt, P::kAny}, false, [](CallContext&, Args& a) {
    const auto& items = listItems(a[1], "Cannot chunk type ");
    const std::int64_t size = a[0].asInt();
    if (size <= 0) throw FunctionError("runtime error: integer divide by zero");
    std::vector<Value> chunks;
    for (std::size_t i = 0; i < items.size(); i += static_cast<std::size_t>(size)) {
      const std::size_t end = std::min(items.size(), i + static_cast<std::size_t>(size));
      chunks.push_back(
          anyList(std::vector<Value>(items.begin() + static_cast<std::ptrdiff_t>(i),
                                     items.begin() + static_cast<std::ptrdiff_t>(end))));
    }
    return Value::list(std::move(chunks), ElemType::kInterfaceList);
  });
  f["concat"] = variadic({P::kAny}, [](CallContext&, Args& a) {
    std::vector<Value> out;
    for (const Value& part : a) {
      if (part.isNil()) throw FunctionError(kNilDereference);
      if (!part.isList())
        throw FunctionError("Cannot concat type " + std::string(part.kindName()) + " as list");
      for (const Value& item : part.asList().items) out.push_back(item);
    }
    return out.empty() ? Value::nilList() : anyList(std::move(out));
  });
}

}  // namespace meshery::gotmpl::sprig
