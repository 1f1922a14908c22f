#include "meshery/helm/ignore.hpp"

#include "meshery/core/error.hpp"

namespace meshery::helm {
namespace {

/// One character class of Go's filepath.Match ("[a-z]", "[^0-9]") at
/// `pattern` (past its '['); advances `pattern` past the ']'.
bool matchClass(std::string_view& pattern, char c) {
  bool negate = !pattern.empty() && pattern[0] == '^';
  if (negate) pattern.remove_prefix(1);
  bool matched = false;
  bool first = true;
  while (!pattern.empty() && (first || pattern[0] != ']')) {
    first = false;
    char low = pattern[0];
    if (low == '\\' && pattern.size() > 1) {
      pattern.remove_prefix(1);
      low = pattern[0];
    }
    pattern.remove_prefix(1);
    char high = low;
    if (pattern.size() > 1 && pattern[0] == '-' && pattern[1] != ']') {
      high = pattern[1] == '\\' && pattern.size() > 2 ? pattern[2] : pattern[1];
      pattern.remove_prefix(pattern[1] == '\\' ? 3 : 2);
    }
    matched = matched || (low <= c && c <= high);
  }
  if (!pattern.empty()) pattern.remove_prefix(1);  // ']'
  return matched != negate;
}

/// Go's filepath.Match with '/' as the separator.
bool pathMatch(std::string_view pattern, std::string_view name) {
  while (!pattern.empty()) {
    if (pattern[0] == '*') {
      pattern.remove_prefix(1);
      for (std::size_t i = 0; i <= name.size(); ++i) {
        if (pathMatch(pattern, name.substr(i))) return true;
        if (i < name.size() && name[i] == '/') return false;
      }
      return false;
    }
    if (name.empty() || (name[0] == '/' && pattern[0] != '/')) return false;
    if (pattern[0] == '?') {
      pattern.remove_prefix(1);
    } else if (pattern[0] == '[') {
      pattern.remove_prefix(1);
      if (!matchClass(pattern, name[0])) return false;
    } else {
      if (pattern[0] == '\\' && pattern.size() > 1) pattern.remove_prefix(1);
      if (pattern[0] != name[0]) return false;
      pattern.remove_prefix(1);
    }
    name.remove_prefix(1);
  }
  return name.empty();
}

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

IgnoreRules IgnoreRules::parse(std::string_view helmignore) {
  IgnoreRules rules;
  rules.rules_.push_back({"templates/.?*", false, false, true});
  std::size_t at = 0;
  while (at <= helmignore.size()) {
    const std::size_t end = helmignore.find('\n', at);
    std::string_view line = trimmed(
        helmignore.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
    at = end == std::string_view::npos ? helmignore.size() + 1 : end + 1;
    if (line.empty() || line[0] == '#') continue;
    if (line.find("**") != std::string_view::npos) {
      throw Error(ErrorCode::kInvalidArgument,
                  "double-star (**) syntax is not supported in .helmignore",
                  "Helm's .helmignore rules match one path level per '*'.",
                  "Write the rule with single stars, or one rule per level.");
    }
    Rule rule;
    if (line[0] == '!') {
      rule.negate = true;
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      rule.directory_only = true;
      line.remove_suffix(1);
    }
    // "/rule" and "a/rule" match the whole path; "rule" the base name.
    rule.whole_path = line.find('/') != std::string_view::npos;
    if (!line.empty() && line[0] == '/') line.remove_prefix(1);
    rule.pattern = std::string(line);
    rules.rules_.push_back(std::move(rule));
  }
  return rules;
}

bool IgnoreRules::ignores(std::string_view path, bool is_directory) const {
  if (path.empty() || path == "." || path == "./") return false;
  const std::size_t slash = path.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (const Rule& rule : rules_) {
    const bool matched = pathMatch(rule.pattern, rule.whole_path ? path : base);
    // Helm's negative rules ignore what they do not match.
    if (rule.negate) {
      if (rule.directory_only && !is_directory) return true;
      if (!matched) return true;
      continue;
    }
    if (rule.directory_only && !is_directory) continue;
    if (matched) return true;
  }
  return false;
}

}  // namespace meshery::helm
