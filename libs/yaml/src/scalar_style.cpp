#include "scalar_style.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "scalar_resolution.hpp"
#include "text_encoding.hpp"
#include "timestamp.hpp"

namespace meshery::yaml::detail {
namespace {

// What libyaml's analyze_scalar learns about a string, reduced to what the
// style decision needs.
struct TextTraits {
  bool needs_escape = false;  // non-printable, CR, NEL, U+2028/9, BOM
  bool has_tab = false;
  bool has_line_break = false;
  bool space_before_break = false;  // a space or tab ends a line
  bool only_line_breaks = true;
};

bool printableWithoutEscape(char32_t value) {
  return (value >= 0x20 && value <= 0x7E) ||
         (value >= 0xA0 && value <= 0xD7FF && value != 0x2028 && value != 0x2029) ||
         (value >= 0xE000 && value <= 0xFFFD && value != 0xFEFF) ||
         (value >= 0x10000 && value <= 0x10FFFF);
}

TextTraits analyze(std::string_view text) {
  TextTraits traits;
  std::size_t offset = 0;
  char previous = '\0';
  while (offset < text.size()) {
    const auto byte = static_cast<unsigned char>(text[offset]);
    const CodePoint point = byte < 0x80 ? CodePoint{byte, 1, true} : decodeUtf8(text, offset);
    if (point.value == '\n') {
      traits.has_line_break = true;
      if (previous == ' ' || previous == '\t') traits.space_before_break = true;
    } else {
      traits.only_line_breaks = false;
      if (point.value == '\t') {
        traits.has_tab = true;
      } else if (!point.valid || !printableWithoutEscape(point.value)) {
        traits.needs_escape = true;
      }
    }
    previous = text[offset];
    offset += point.length;
  }
  if (previous == ' ' || previous == '\t') traits.space_before_break = true;
  return traits;
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// go-yaml quotes YAML 1.1 base-60 numbers ("1:20") for other parsers:
// ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
bool isBase60Float(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  if (i >= text.size() || !isDigit(text[i])) return false;
  while (i < text.size() && (isDigit(text[i]) || text[i] == '_')) ++i;
  int groups = 0;
  while (i < text.size() && text[i] == ':') {
    ++i;
    const std::size_t start = i;
    while (i < text.size() && isDigit(text[i]) && i - start < 2) ++i;
    const std::size_t length = i - start;
    if (length == 0 || (length == 2 && text[start] > '5')) return false;
    ++groups;
  }
  if (groups == 0) return false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && (isDigit(text[i]) || text[i] == '_')) ++i;
  }
  return i == text.size();
}

bool readsAsAnotherType(std::string_view text) {
  // Timestamps and base-60 numbers start with a digit or a sign, as numbers do.
  const char first = text.front();
  const bool numeric = isDigit(first) || first == '+' || first == '-';
  return resolvesToNonString(text) ||
         (numeric && (isGoYamlTimestamp(text) || isBase60Float(text))) || text == "<<";
}

// Whether the text survives as a plain scalar in block context. "-", "?"
// and ":" only act as indicators before a space ("--port" stays plain, as
// go-yaml writes it); document markers must not start a plain scalar.
bool plainSafe(std::string_view text) {
  static constexpr std::string_view kIndicators = ",[]{}#&*!|>'\"%@`";
  const char first = text.front();
  if (first == '-' || first == '?' || first == ':') {
    if (text.size() == 1 || text[1] == ' ') return false;
  } else if (kIndicators.find(first) != std::string_view::npos) {
    return false;
  }
  if (first == ' ' || text.back() == ' ' || text.back() == ':') return false;
  if (text.starts_with("---") || text.starts_with("...")) return false;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {  // no ": " and no " #"
    if ((text[i] == ':' && text[i + 1] == ' ') || (text[i] == ' ' && text[i + 1] == '#'))
      return false;
  }
  return true;
}

std::string escapeFor(char32_t value) {
  switch (value) {
    case 0x00:
      return "\\0";
    case 0x07:
      return "\\a";
    case 0x08:
      return "\\b";
    case 0x09:
      return "\\t";
    case 0x0A:
      return "\\n";
    case 0x0B:
      return "\\v";
    case 0x0C:
      return "\\f";
    case 0x0D:
      return "\\r";
    case 0x1B:
      return "\\e";
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case 0x85:
      return "\\N";
    case 0x2028:
      return "\\L";
    case 0x2029:
      return "\\P";
    default:
      break;
  }
  if (value <= 0xFF) return "\\x" + hexDigits(value, 2);
  if (value <= 0xFFFF) return "\\u" + hexDigits(value, 4);
  return "\\U" + hexDigits(value, 8);
}

}  // namespace

ScalarStyle chooseStringStyle(std::string_view text, bool is_key) {
  if (text.empty()) return ScalarStyle::kDoubleQuoted;
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c <= 0x7E; }))
    return choosePrintableAsciiStyle(text);
  const TextTraits traits = analyze(text);
  if (traits.needs_escape) return ScalarStyle::kDoubleQuoted;
  if (traits.has_line_break) {
    const bool literal = !is_key && !traits.space_before_break && !traits.only_line_breaks;
    return literal ? ScalarStyle::kLiteral : ScalarStyle::kDoubleQuoted;
  }
  if (traits.has_tab || readsAsAnotherType(text)) return ScalarStyle::kDoubleQuoted;
  return plainSafe(text) ? ScalarStyle::kPlain : ScalarStyle::kSingleQuoted;
}

ScalarStyle choosePrintableAsciiStyle(std::string_view text) {
  if (readsAsAnotherType(text)) return ScalarStyle::kDoubleQuoted;
  return plainSafe(text) ? ScalarStyle::kPlain : ScalarStyle::kSingleQuoted;
}

std::string singleQuoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  out += '\'';
  return out;
}

std::string doubleQuoted(std::string_view text) {
  std::string out = "\"";
  std::size_t offset = 0;
  while (offset < text.size()) {
    const CodePoint point = decodeUtf8(text, offset);
    const char32_t value = point.valid ? point.value : 0xFFFD;
    if (value != '"' && value != '\\' && printableWithoutEscape(value)) {
      out.append(text.substr(offset, point.length));
    } else {
      out += escapeFor(value);
    }
    offset += point.length;
  }
  out += '"';
  return out;
}

std::string literalBlock(std::string_view text, std::size_t indent) {
  std::string out = "|";
  if (text.front() == ' ' || text.front() == '\n') out += '2';
  const std::size_t last_content = text.find_last_not_of('\n');
  const std::size_t trailing_breaks = text.size() - 1 - last_content;
  if (trailing_breaks == 0) out += '-';
  if (trailing_breaks >= 2) out += '+';
  std::string_view body = text;
  if (trailing_breaks > 0) body.remove_suffix(1);
  const std::string margin(indent, ' ');
  std::size_t start = 0;
  while (true) {
    const std::size_t end = body.find('\n', start);
    const std::string_view line =
        body.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    out += '\n';
    if (!line.empty()) {
      out += margin;
      out.append(line);
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string formatFloat(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value > 0 ? ".inf" : "-.inf";
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  std::string out(buffer, result.ptr);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

}  // namespace meshery::yaml::detail
