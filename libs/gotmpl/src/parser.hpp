#pragma once

// Private: text/template's parser (Go's text/template/parse/parse.go):
// builds the trees of one template text, its {{define}}s and {{block}}s.

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexer.hpp"
#include "nodes.hpp"

namespace meshery::gotmpl::detail {

/// The trees one text defines, by name (Go's treeSet).
using TreeSet = std::map<std::string, std::shared_ptr<Tree>, std::less<>>;

struct ParseOptions {
  std::string left_delim;
  std::string right_delim;
  /// Whether a function of this name exists (names are checked at parse time).
  std::function<bool(std::string_view)> has_function;
};

/// Parses `text` as template `name`. Throws Error(kMalformedInput) with Go's
/// message ("template: NAME:LINE: ...") and the line.
TreeSet parseTemplate(std::string_view name, std::string_view text, const ParseOptions& options);

}  // namespace meshery::gotmpl::detail
