#include "meshery/gotmpl/go_json.hpp"

#include <cmath>

#include "go_text.hpp"
#include "meshery/gotmpl/format.hpp"
#include "meshery/gotmpl/function.hpp"

namespace meshery::gotmpl {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendString(std::string& out, std::string_view text, bool escape_html) {
  out += '"';
  while (!text.empty()) {
    const auto c = static_cast<unsigned char>(text[0]);
    if (c < 0x80) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c < 0x20 || (escape_html && (c == '<' || c == '>' || c == '&'))) {
        out += "\\u00";
        out += kHex[c >> 4U];
        out += kHex[c & 0xFU];
      } else {
        out += static_cast<char>(c);
      }
      text.remove_prefix(1);
      continue;
    }
    const auto [rune, width] = detail::decodeRune(text);
    if (rune == detail::kRuneError && width == 1) {
      out += "\\ufffd";
    } else if (rune == 0x2028 || rune == 0x2029) {
      out += rune == 0x2028 ? "\\u2028" : "\\u2029";
    } else {
      out += text.substr(0, width);
    }
    text.remove_prefix(width);
  }
  out += '"';
}

void appendFloat(std::string& out, double value) {
  if (std::isnan(value) || std::isinf(value)) {
    throw FunctionError("json: unsupported value: " + formatFloat(value, 'g', -1));
  }
  const double magnitude = std::fabs(value);
  const bool exponent = magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21);
  std::string text = formatFloat(value, exponent ? 'e' : 'f', -1);
  if (exponent) {
    const std::size_t n = text.size();
    if (n >= 4 && text[n - 4] == 'e' && text[n - 3] == '-' && text[n - 2] == '0')
      text.erase(n - 2, 1);
  }
  out += text;
}

void newline(std::string& out, const GoJsonOptions& options, int depth) {
  if (options.indent.empty()) return;
  out += '\n';
  for (int i = 0; i < depth; ++i) out += options.indent;
}

void appendValue(std::string& out, const Value& value, const GoJsonOptions& options, int depth) {
  switch (value.kind()) {
    case Kind::kInvalid:
    case Kind::kNil:
      out += "null";
      return;
    case Kind::kBool:
      out += value.asBool() ? "true" : "false";
      return;
    case Kind::kInt:
      out += value.isUnsigned() ? std::to_string(value.asUint()) : std::to_string(value.asInt());
      return;
    case Kind::kFloat:
      appendFloat(out, value.asFloat());
      return;
    case Kind::kString:
      appendString(out, value.asString(), options.escape_html);
      return;
    case Kind::kList: {
      const auto& items = value.asList().items;
      out += '[';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ',';
        newline(out, options, depth + 1);
        appendValue(out, items[i], options, depth + 1);
      }
      if (!items.empty()) newline(out, options, depth);
      out += ']';
      return;
    }
    case Kind::kMap: {
      const auto& entries = value.asMap().entries;
      out += '{';
      bool first = true;
      for (const auto& [key, item] : entries) {
        if (!first) out += ',';
        first = false;
        newline(out, options, depth + 1);
        appendString(out, key, options.escape_html);
        out += options.indent.empty() ? ":" : ": ";
        appendValue(out, item, options, depth + 1);
      }
      if (!entries.empty()) newline(out, options, depth);
      out += '}';
      return;
    }
    case Kind::kObject:
      if (auto json = value.asObject().marshalJson()) {
        out += *json;
      } else {
        appendString(out, value.asObject().text(), options.escape_html);
      }
      return;
    case Kind::kFunction:
      throw FunctionError("json: unsupported type: " + value.typeName());
  }
}

}  // namespace

std::string goJson(const Value& value, const GoJsonOptions& options) {
  std::string out;
  appendValue(out, value, options, 0);
  return out;
}

}  // namespace meshery::gotmpl
