#pragma once

// Go's text/template: a set of named templates sharing functions, parsed and
// executed with Go's grammar, semantics and error messages.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/gotmpl/function.hpp"
#include "meshery/gotmpl/value.hpp"

namespace meshery::gotmpl {

namespace detail {
struct Tree;
}

/// What a field lookup on a map yields for a missing key (Go's
/// Option("missingkey=...")).
enum class MissingKey : std::uint8_t {
  kDefault,  ///< no value: prints "<no value>"
  kZero,     ///< the zero value of the map's element type (nil for interface{})
  kError,    ///< execution stops: map has no entry for key "x"
};

/// Bounds on one execution, nested executions (template calls, Helm's
/// include and tpl) included. Passing one stops the execution with an error
/// saying which.
struct Limits {
  std::size_t max_output_bytes = 64U << 20U;
  /// Actions, text nodes and loop iterations executed.
  std::uint64_t max_steps = 20'000'000;
  /// Nested template calls. Go allows 100,000; native stack frames are
  /// larger than goroutine ones, so the bound is lower.
  std::uint32_t max_depth = 1000;
};

/// The running count against Limits, shared by nested executions.
struct Budget {
  Limits limits;
  std::uint64_t steps = 0;
  std::size_t output_bytes = 0;
  std::uint32_t depth = 0;
};

/// An execution failure. message() is Go's text, e.g.
/// `template: web:3:10: executing "web" at <.Values.a.b>: nil pointer
/// evaluating interface {}.b`. When a function failed, function() names it
/// and functionMessage() is its own message (Helm rewrites those of
/// `required` and `fail`).
class ExecError : public Error {
 public:
  ExecError(std::string message, std::string template_name, std::string location,
            std::string function = {}, std::string function_message = {});
  [[nodiscard]] const std::string& templateName() const { return template_name_; }
  /// "NAME:LINE:COL" of the failing node (empty when unknown).
  [[nodiscard]] const std::string& location() const { return location_; }
  [[nodiscard]] const std::string& function() const { return function_; }
  [[nodiscard]] const std::string& functionMessage() const { return function_message_; }

 private:
  std::string template_name_;
  std::string location_;
  std::string function_;
  std::string function_message_;
};

/// A set of named templates with their functions and options: Go's
/// *template.Template with its associated templates. Copying clones it (Go's
/// Clone): parsed templates are shared, functions and later parses are not.
/// Execution is const and may run on several threads at once with distinct
/// data (functions such as Sprig's `set` change the maps they are given);
/// parse and the setters are not thread-safe.
class Templates {
 public:
  /// The builtins (and, or, not, len, index, slice, print, printf, println,
  /// html, js, urlquery, call, eq, ne, lt, le, gt, ge) plus `functions`.
  explicit Templates(FunctionMap functions = {});
  Templates(const Templates& other);
  Templates& operator=(const Templates& other);
  Templates(Templates&&) noexcept;
  Templates& operator=(Templates&&) noexcept;
  ~Templates();

  /// Adds or replaces functions (Go's Funcs). Templates parsed before keep
  /// working; parsing checks names against the functions known then.
  void addFunctions(const FunctionMap& functions);
  void setMissingKey(MissingKey mode) { missing_key_ = mode; }
  [[nodiscard]] MissingKey missingKey() const { return missing_key_; }
  /// Action delimiters for later parses (Go's Delims); empty means "{{"/"}}".
  void setDelimiters(std::string left, std::string right);

  /// Parses `text` as the template `name` (Go's t.New(name).Parse(text)):
  /// its {{define}}s and {{block}}s join the set. A later non-empty
  /// definition replaces an earlier one; an empty one never replaces.
  /// Throws Error(kMalformedInput) with Go's message, e.g.
  /// `template: web:3: unexpected "}" in operand`, and the line.
  void parse(std::string_view name, std::string_view text);

  [[nodiscard]] bool defined(std::string_view name) const;
  /// The names of the templates with a body, sorted.
  [[nodiscard]] std::vector<std::string> names() const;
  /// The function `name` (added ones first, then builtins), or nullptr.
  [[nodiscard]] const Function* function(std::string_view name) const;
  /// The parsed template `name`, or nullptr (for the executor).
  [[nodiscard]] const detail::Tree* tree(std::string_view name) const;
  /// The set's own name, used in Go's "no template ... associated with
  /// template NAME" error; Helm names its set "gotpl".
  void setName(std::string name) { name_ = std::move(name); }

  /// Executes the template `name` with `data` as dot and `$`. Throws
  /// ExecError (kInvalidArgument) with Go's message, and Error(kNotFound)
  /// when no such template exists.
  [[nodiscard]] std::string execute(std::string_view name, const Value& data,
                                    const Limits& limits = {}) const;
  /// The same, appending to `out` and counting against `budget` (for
  /// functions that execute templates: include, tpl).
  void execute(std::string_view name, const Value& data, std::string& out, Budget& budget) const;

 private:
  // The functions given at construction, shared by every clone (Helm's tpl
  // clones the set on each call), and those added since, per set.
  std::shared_ptr<const FunctionMap> shared_functions_;
  FunctionMap added_functions_;
  std::map<std::string, std::shared_ptr<const detail::Tree>, std::less<>> trees_;
  MissingKey missing_key_ = MissingKey::kDefault;
  std::string left_delimiter_ = "{{";
  std::string right_delimiter_ = "}}";
  std::string name_;
};

}  // namespace meshery::gotmpl
