#include <string>
#include <string_view>

#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"
#include "parse_error.hpp"
#include "scalar_style.hpp"
#include "text_encoding.hpp"

namespace meshery::yaml {
namespace {

// libyaml (and so go-yaml) writes longer keys in the explicit "? key" form.
constexpr std::size_t kMaxSimpleKeyLength = 128;

bool isBlockCollection(const nlohmann::json& value) {
  return value.is_structured() && !value.empty();
}

// Printable ASCII only (no tab, line break or control character): valid
// UTF-8 that needs no escape, so the style follows from the text alone.
bool isPlainAscii(std::string_view text) {
  for (const char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

void appendStringScalar(std::string& out, std::string_view raw, std::size_t indent, bool is_key) {
  std::string repaired;
  std::string_view text = raw;
  if (!isPlainAscii(raw)) {
    repaired = detail::toValidUtf8(raw);
    text = repaired;
  }
  switch (detail::chooseStringStyle(text, is_key)) {
    case detail::ScalarStyle::kPlain:
      out.append(text);
      return;
    case detail::ScalarStyle::kSingleQuoted:
      out += detail::singleQuoted(text);
      return;
    case detail::ScalarStyle::kDoubleQuoted:
      out += detail::doubleQuoted(text);
      return;
    case detail::ScalarStyle::kLiteral:
      out += detail::literalBlock(text, indent);
      return;
  }
}

// A scalar or empty collection; block scalars put their lines at `indent`.
void appendScalar(std::string& out, const nlohmann::json& value, std::size_t indent) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      out += "null";
      return;
    case nlohmann::json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case nlohmann::json::value_t::number_integer:
      out += std::to_string(value.get<std::int64_t>());
      return;
    case nlohmann::json::value_t::number_unsigned:
      out += std::to_string(value.get<std::uint64_t>());
      return;
    case nlohmann::json::value_t::number_float:
      out += detail::formatFloat(value.get<double>());
      return;
    case nlohmann::json::value_t::string:
      appendStringScalar(out, value.get_ref<const std::string&>(), indent, false);
      return;
    case nlohmann::json::value_t::object:
      out += "{}";
      return;
    case nlohmann::json::value_t::array:
      out += "[]";
      return;
    case nlohmann::json::value_t::binary:
    case nlohmann::json::value_t::discarded:
      break;
  }
  throw Error(ErrorCode::kInvalidArgument, "binary JSON values cannot be written as YAML",
              "The document holds a nlohmann::json binary value, which has no JSON text form.",
              "Encode the bytes as a base64 string first.");
}

// Writes block YAML in go-yaml's layout: two-space indentation, sequences
// compact under their key ("key:\n- a"), maps inside sequences inline
// ("- name: x").
class BlockWriter {
 public:
  std::string write(const nlohmann::json& value) {
    if (isBlockCollection(value)) {
      node(value, 0, 1);
    } else {
      appendScalar(out_, value, 2);
      out_ += '\n';
    }
    return std::move(out_);
  }

 private:
  // The cursor stands at column `indent`, where the collection starts.
  void node(const nlohmann::json& value, std::size_t indent, std::size_t depth) {
    if (depth > detail::kMaxNestingDepth) {
      throw Error(ErrorCode::kInvalidArgument,
                  "the document nests deeper than " + std::to_string(detail::kMaxNestingDepth) +
                      " levels and would not read back",
                  "YAML output is limited to the nesting the parser accepts.",
                  "Flatten the document.");
    }
    if (value.is_object()) {
      mapping(value, indent, depth);
    } else {
      sequence(value, indent, depth);
    }
  }

  void mapping(const nlohmann::json& object, std::size_t indent, std::size_t depth) {
    bool first = true;
    for (const auto& [key, value] : object.items()) {
      if (!first) out_.append(indent, ' ');
      first = false;
      if (key.size() > kMaxSimpleKeyLength) {
        out_ += "? ";
        appendStringScalar(out_, key, indent, true);
        out_ += '\n';
        out_.append(indent, ' ');
        out_ += ':';
        inlineValue(value, indent + 2, depth);
        continue;
      }
      appendStringScalar(out_, key, indent, true);
      out_ += ':';
      if (value.is_object() && !value.empty()) {
        out_ += '\n';
        out_.append(indent + 2, ' ');
        node(value, indent + 2, depth + 1);
      } else if (value.is_array() && !value.empty()) {
        out_ += '\n';
        out_.append(indent, ' ');
        node(value, indent, depth + 1);
      } else {
        out_ += ' ';
        appendScalar(out_, value, indent + 2);
        out_ += '\n';
      }
    }
  }

  void sequence(const nlohmann::json& array, std::size_t indent, std::size_t depth) {
    bool first = true;
    for (const auto& item : array) {
      if (!first) out_.append(indent, ' ');
      first = false;
      out_ += '-';
      inlineValue(item, indent + 2, depth);
    }
  }

  // After "-" or ":" of an explicit key: the value starts on the same line.
  void inlineValue(const nlohmann::json& value, std::size_t indent, std::size_t depth) {
    out_ += ' ';
    if (isBlockCollection(value)) {
      node(value, indent, depth + 1);
    } else {
      appendScalar(out_, value, indent);
      out_ += '\n';
    }
  }

  std::string out_;
};

}  // namespace

std::string emit(const nlohmann::json& value) {
  return BlockWriter().write(value);
}

}  // namespace meshery::yaml
