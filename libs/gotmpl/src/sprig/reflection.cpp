// Sprig's reflection functions (reflect.go) and deepEqual.

#include "support.hpp"

namespace meshery::gotmpl::sprig {

void addReflection(FunctionMap& f) {
  using P = Param;
  f["typeOf"] =
      fixed({P::kAny}, [](CallContext&, Args& a) { return Value::string(a[0].typeName()); });
  f["typeIs"] = fixed({P::kString, P::kAny}, [](CallContext&, Args& a) {
    return Value::boolean(a[0].asString() == a[1].typeName());
  });
  f["typeIsLike"] = fixed({P::kString, P::kAny}, [](CallContext&, Args& a) {
    const std::string type = a[1].typeName();
    return Value::boolean(a[0].asString() == type || "*" + a[0].asString() == type);
  });
  f["kindOf"] = fixed(
      {P::kAny}, [](CallContext&, Args& a) { return Value::string(std::string(a[0].kindName())); });
  f["kindIs"] = fixed({P::kString, P::kAny}, [](CallContext&, Args& a) {
    return Value::boolean(a[0].asString() == a[1].kindName());
  });
  f["deepEqual"] = fixed({P::kAny, P::kAny}, [](CallContext&, Args& a) {
    return Value::boolean(deepEqual(a[0], a[1]));
  });
}

}  // namespace meshery::gotmpl::sprig
