#pragma once

// Private: text/template's executor (Go's text/template/exec.go): walks a
// tree with a dot and variables, evaluates pipelines, fields and calls.

#include <string>

#include "meshery/gotmpl/templates.hpp"
#include "nodes.hpp"

namespace meshery::gotmpl::detail {

/// Executes `tree` (a template of `templates`) with `data`, appending to
/// `out`. Throws ExecError.
void executeTree(const Templates& templates, const Tree& tree, const Value& data, std::string& out,
                 Budget& budget);

/// Builtin function names that the executor implements itself ("and", "or":
/// their arguments are evaluated lazily).
bool isLazyBuiltin(std::string_view name);

/// The builtins: and, or, not, len, index, slice, print, printf, println,
/// html, js, urlquery, call, eq, ne, lt, le, gt, ge.
const FunctionMap& builtinFunctions();

}  // namespace meshery::gotmpl::detail
