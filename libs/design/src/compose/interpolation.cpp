// Compose variable interpolation and env files, as docker compose (and so
// kompose) reads them.
#include <cctype>

#include "compose_project.hpp"
#include "meshery/core/error.hpp"

namespace meshery::design::compose {
namespace {

using Lookup = std::function<std::optional<std::string>(const std::string&)>;

bool isNameStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

[[noreturn]] void invalidTemplate(const std::string& text, const std::string& why) {
  throw Error(ErrorCode::kInvalidArgument, "invalid interpolation in \"" + text + "\": " + why,
              "A ${...} reference is not closed or does not name a variable.",
              "Write ${NAME}, ${NAME:-default} or $NAME, and $$ for a literal dollar sign.");
}

// The end of the braced reference that starts at `open` ("${"), nesting
// counted so that defaults may hold references themselves.
std::size_t closingBrace(const std::string& text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      ++depth;
      ++i;
    } else if (text[i] == '}') {
      if (--depth == 0) return i;
    }
  }
  invalidTemplate(text, "missing '}'");
}

std::string expandBraced(const std::string& text, const std::string& body, const Lookup& lookup,
                         std::vector<std::string>& unset) {
  std::size_t name_end = 0;
  while (name_end < body.size() && isNameChar(body[name_end])) ++name_end;
  const std::string name = body.substr(0, name_end);
  if (name.empty() || !isNameStart(name[0])) invalidTemplate(text, "no variable name");
  const auto value = lookup(name);
  if (name_end == body.size()) {
    if (!value) unset.push_back(name);
    return value.value_or("");
  }
  const bool colon = body[name_end] == ':';
  const std::size_t operator_at = colon ? name_end + 1 : name_end;
  if (operator_at >= body.size()) invalidTemplate(text, "incomplete modifier");
  const char op = body[operator_at];
  const std::string argument = body.substr(operator_at + 1);
  const bool present = value && (!colon || !value->empty());
  switch (op) {
    case '-':
      return present ? *value : interpolate(argument, lookup, unset);
    case '+':
      return present ? interpolate(argument, lookup, unset) : std::string();
    case '?':
      if (present) return *value;
      throw Error(ErrorCode::kInvalidArgument,
                  "required variable " + name + " is missing a value: " + argument,
                  "The Compose file requires the variable with ${" + name + ":?...}.",
                  "Set " + name + " in the environment given to the conversion.");
    default:
      invalidTemplate(text, std::string("unknown modifier '") + op + "'");
  }
}

std::string unquoteEnvValue(std::string value, const Lookup& lookup) {
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) {
    value.pop_back();
  }
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
    return value.substr(1, value.size() - 2);
  }
  std::vector<std::string> unset;
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    std::string inner;
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
      if (value[i] == '\\' && i + 2 < value.size()) {
        const char next = value[++i];
        inner += next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next;
      } else {
        inner += value[i];
      }
    }
    return interpolate(inner, lookup, unset);
  }
  // An unquoted value ends at a comment that follows a blank.
  for (std::size_t i = 1; i < value.size(); ++i) {
    if (value[i] == '#' && (value[i - 1] == ' ' || value[i - 1] == '\t')) {
      value.resize(i);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
      break;
    }
  }
  return interpolate(value, lookup, unset);
}

}  // namespace

std::string interpolate(const std::string& text, const Lookup& lookup,
                        std::vector<std::string>& unset) {
  if (text.find('$') == std::string::npos) return text;
  std::string result;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$' || i + 1 >= text.size()) {
      result += text[i];
      continue;
    }
    const char next = text[i + 1];
    if (next == '$') {
      result += '$';
      ++i;
    } else if (next == '{') {
      const std::size_t close = closingBrace(text, i);
      result += expandBraced(text, text.substr(i + 2, close - i - 2), lookup, unset);
      i = close;
    } else if (isNameStart(next)) {
      std::size_t end = i + 1;
      while (end < text.size() && isNameChar(text[end])) ++end;
      const std::string name = text.substr(i + 1, end - i - 1);
      const auto value = lookup(name);
      if (!value) unset.push_back(name);
      result += value.value_or("");
      i = end - 1;
    } else {
      result += '$';
    }
  }
  return result;
}

std::vector<std::pair<std::string, std::string>> readEnvFile(const std::string& text,
                                                             const Lookup& lookup) {
  std::vector<std::pair<std::string, std::string>> entries;
  std::map<std::string, std::string> read;
  const Lookup scoped = [&](const std::string& name) -> std::optional<std::string> {
    if (auto value = lookup(name)) return value;
    if (const auto found = read.find(name); found != read.end()) return found->second;
    return std::nullopt;
  };
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    line = line.substr(first);
    if (line.rfind("export ", 0) == 0) line = line.substr(7);
    const auto equals = line.find('=');
    std::string key = line.substr(0, equals);
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t' || key.back() == '\r')) {
      key.pop_back();
    }
    if (key.empty()) continue;
    std::optional<std::string> value;
    if (equals == std::string::npos) {
      value = lookup(key);
    } else {
      std::string raw = line.substr(equals + 1);
      const auto value_start = raw.find_first_not_of(" \t");
      value =
          unquoteEnvValue(value_start == std::string::npos ? "" : raw.substr(value_start), scoped);
    }
    if (!value) continue;
    read[key] = *value;
    entries.emplace_back(key, *value);
  }
  return entries;
}

}  // namespace meshery::design::compose
