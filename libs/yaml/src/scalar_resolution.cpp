#include "scalar_resolution.hpp"

#include <array>
#include <limits>
#include <string>

#include "go_number.hpp"
#include "meshery/core/base64.hpp"
#include "parse_error.hpp"
#include "text_encoding.hpp"
#include "timestamp.hpp"

namespace meshery::yaml::detail {
namespace {

using Kind = ResolvedScalar::Kind;

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

ResolvedScalar makeString(std::string_view text) {
  ResolvedScalar scalar;
  scalar.kind = Kind::kString;
  scalar.text = std::string(text);
  return scalar;
}

ResolvedScalar makeBool(std::string_view text, bool value) {
  ResolvedScalar scalar;
  scalar.kind = Kind::kBool;
  scalar.boolean = value;
  scalar.text = std::string(text);
  return scalar;
}

ResolvedScalar makeFloat(std::string_view text, double value) {
  ResolvedScalar scalar;
  scalar.kind = Kind::kFloat;
  scalar.floating = value;
  scalar.text = std::string(text);
  return scalar;
}

// go-yaml's table of words (resolve.go): YAML 1.1 booleans, nulls, and the
// special floats.
std::optional<ResolvedScalar> lookupWord(std::string_view text) {
  static constexpr std::array<std::string_view, 11> kTrue = {
      "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
  static constexpr std::array<std::string_view, 11> kFalse = {
      "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
  static constexpr std::array<std::string_view, 5> kNull = {"", "~", "null", "Null", "NULL"};
  for (const auto word : kTrue) {
    if (text == word) return makeBool(text, true);
  }
  for (const auto word : kFalse) {
    if (text == word) return makeBool(text, false);
  }
  for (const auto word : kNull) {
    if (text == word) {
      ResolvedScalar scalar;
      scalar.text = std::string(text);
      return scalar;
    }
  }
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  if (text == ".inf" || text == ".Inf" || text == ".INF" || text == "+.inf" || text == "+.Inf" ||
      text == "+.INF") {
    return makeFloat(text, kInfinity);
  }
  if (text == "-.inf" || text == "-.Inf" || text == "-.INF") return makeFloat(text, -kInfinity);
  if (text == ".nan" || text == ".NaN" || text == ".NAN") {
    return makeFloat(text, std::numeric_limits<double>::quiet_NaN());
  }
  return std::nullopt;
}

// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` (yamlStyleFloat).
bool isYamlStyleFloat(std::string_view text) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && isDigit(text[i])) ++i;
    return i - start;
  };
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < text.size() && text[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == text.size();
}

// Go's ParseFloat on text starting with '.': decimal digits, an optional
// exponent, and "_" only between two digits.
std::optional<double> parseDotFloat(std::string_view text) {
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '_') {
      plain += text[i];
      continue;
    }
    if (i == 0 || i + 1 == text.size() || !isDigit(text[i - 1]) || !isDigit(text[i + 1])) {
      return std::nullopt;
    }
  }
  if (plain.size() < 2 || plain[0] != '.' || !isYamlStyleFloat(plain)) return std::nullopt;
  return parseDecimalFloat(plain);
}

// Integers first, then floats, as go-yaml's resolve() does for text that
// starts with a digit or a sign.
ResolvedScalar resolveNumber(std::string_view text) {
  std::string plain;
  plain.reserve(text.size());
  for (const char c : text) {
    if (c != '_') plain += c;
  }
  ResolvedScalar scalar;
  scalar.text = std::string(text);
  if (const auto value = parseGoInt(plain)) {
    scalar.kind = Kind::kInt;
    scalar.integer = *value;
    return scalar;
  }
  if (const auto value = parseGoUint(plain)) {
    scalar.kind = Kind::kUint;
    scalar.unsigned_integer = *value;
    return scalar;
  }
  if (isYamlStyleFloat(plain)) {
    if (const auto value = parseDecimalFloat(plain)) return makeFloat(text, *value);
  }
  return makeString(text);
}

}  // namespace

ResolvedScalar resolvePlain(std::string_view text) {
  if (auto word = lookupWord(text)) return *word;
  const char first = text.front();
  if (first == '.') {
    if (const auto value = parseDotFloat(text)) return makeFloat(text, *value);
    return makeString(text);
  }
  if (isDigit(first) || first == '+' || first == '-') return resolveNumber(text);
  return makeString(text);
}

namespace {

std::string_view tagName(const ResolvedScalar& scalar) {
  switch (scalar.kind) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
    case Kind::kUint:
      return "int";
    case Kind::kFloat:
      return "float";
    case Kind::kString:
      break;
  }
  return "str";
}

// go-yaml's check that a scalar fits its !!bool/!!int/!!float/!!null/
// !!timestamp tag; !!float also takes a (signed, 64-bit) integer.
TaggedResolution resolveCoreTag(std::string_view name, std::string_view text) {
  const bool timestamp = isGoYamlTimestamp(text);
  if (name == "timestamp" && timestamp) return {makeString(text), {}};
  ResolvedScalar scalar = resolvePlain(text);
  const std::string_view resolved = timestamp ? "timestamp" : tagName(scalar);
  if (resolved == name) return {std::move(scalar), {}};
  if (name == "float" && scalar.kind == Kind::kInt) {
    scalar.kind = Kind::kFloat;
    scalar.floating = static_cast<double>(scalar.integer);
    return {std::move(scalar), {}};
  }
  return {std::nullopt, "cannot decode !!" + std::string(resolved) + " `" + excerpt(text) +
                            "` as a !!" + std::string(name)};
}

}  // namespace

TaggedResolution resolveTagged(std::string_view tag, std::string_view text) {
  if (tag == "?") return {resolvePlain(text), {}};
  if (!tag.starts_with(kCoreTagPrefix)) return {makeString(text), {}};
  const std::string_view name = tag.substr(kCoreTagPrefix.size());
  if (name == "binary") {
    const auto decoded = meshery::decodeBase64(text);
    if (!decoded) return {std::nullopt, "!!binary value contains invalid base64 data"};
    return {makeString(toValidUtf8(*decoded)), {}};
  }
  if (name == "bool" || name == "int" || name == "float" || name == "null" || name == "timestamp") {
    return resolveCoreTag(name, text);
  }
  return {makeString(text), {}};
}

bool resolvesToNonString(std::string_view text) {
  if (text.empty()) return true;
  // Numbers start with a digit, a sign or '.'; otherwise only the table's
  // words resolve, and most strings start with none of their letters.
  const char first = text.front();
  if (first == '.' || first == '+' || first == '-' || isDigit(first))
    return resolvePlain(text).kind != Kind::kString;
  static constexpr std::string_view kWordFirsts = "yYnNtTfFoO~";
  return kWordFirsts.find(first) != std::string_view::npos && lookupWord(text).has_value();
}

}  // namespace meshery::yaml::detail
