#pragma once

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/gotmpl/value.hpp"

namespace meshery::gotmpl {

class Templates;
struct Budget;

/// The Go type of a function parameter. Arguments are converted and checked
/// as text/template checks them: a number literal fits an int parameter, a
/// float64 value does not ("wrong type for value; expected int; got
/// float64"), a missing value becomes nil where nil fits and fails where it
/// does not.
enum class Param : std::uint8_t {
  kValue,  ///< reflect.Value: the argument untouched, no value included
  kAny,    ///< interface{}: any value; no value becomes nil
  kString,
  kInt,
  kInt64,
  kFloat64,
  kBool,
  kList,        ///< []interface{}
  kStringList,  ///< []string
  kMap,         ///< map[string]interface{}
};

/// Go's name of a parameter type, as errors print it.
std::string_view paramTypeName(Param param);

/// What a function sees of the execution that calls it.
struct CallContext {
  const Templates& templates;  ///< the set of the executing template
  Budget& budget;              ///< limits shared by nested executions
};

/// A function callable from templates: its parameter types (the last one
/// repeats when `variadic`) and its body. A body reports failure by
/// throwing FunctionError, which the template reports as
/// "error calling NAME: message".
struct Function {
  std::vector<Param> params;
  bool variadic = false;
  std::function<Value(CallContext&, std::vector<Value>&)> body;
};

/// A failure inside a function, in the function's own words.
class FunctionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using FunctionMap = std::map<std::string, Function, std::less<>>;

}  // namespace meshery::gotmpl
