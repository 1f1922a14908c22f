#include "meshery/gotmpl/sprig.hpp"

#include "support.hpp"

namespace meshery::gotmpl {

FunctionMap sprigFunctions(const SprigOptions& options) {
  FunctionMap functions;
  sprig::addStrings(functions);
  sprig::addLists(functions);
  sprig::addDicts(functions);
  sprig::addDefaults(functions);
  sprig::addNumeric(functions);
  sprig::addReflection(functions);
  sprig::addEncoding(functions);
  sprig::addRegex(functions);
  sprig::addPaths(functions);
  sprig::addSemver(functions);
  sprig::addUrls(functions);
  sprig::addCase(functions);
  sprig::addDates(functions, options);
  sprig::addCrypto(functions, options);
  sprig::addRandom(functions, options);
  functions["hello"] =
      sprig::fixed({}, [](CallContext&, sprig::Args&) { return Value::string("Hello!"); });
  return functions;
}

}  // namespace meshery::gotmpl
