#include "yaml_json.hpp"

#include <charconv>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <regex>
#include <string_view>

#include "meshery/core/error.hpp"

namespace meshery::cli {
namespace {

constexpr int kMaxDepth = 64;

bool isNullWord(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::optional<bool> boolWord(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

std::optional<std::int64_t> integerWord(std::string_view text) {
  static const std::regex kInteger("[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+");
  if (!std::regex_match(text.begin(), text.end(), kInteger)) return std::nullopt;
  int base = 10;
  if (text.starts_with("0x") || text.starts_with("0o")) {
    base = text[1] == 'x' ? 16 : 8;
    text.remove_prefix(2);
  } else if (text.starts_with('+')) {
    text.remove_prefix(1);
  }
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

bool isFiniteFloatWord(std::string_view text) {
  static const std::regex kFloat(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  return std::regex_match(text.begin(), text.end(), kFloat);
}

/// Infinity and NaN have no JSON form: they stay strings (and are quoted
/// when written back).
bool isSpecialFloatWord(std::string_view text) {
  static const std::regex kSpecial(R"([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))");
  return std::regex_match(text.begin(), text.end(), kSpecial);
}

nlohmann::json resolvePlainScalar(const std::string& text) {
  if (isNullWord(text)) return nullptr;
  if (auto flag = boolWord(text)) return *flag;
  if (auto number = integerWord(text)) return *number;
  if (isFiniteFloatWord(text)) {
    try {
      return std::stod(text);
    } catch (const std::out_of_range&) {
      return text;
    }
  }
  return text;
}

bool readsAsNonString(const std::string& text) {
  static const std::regex kAnyInteger("[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+");
  return isNullWord(text) || boolWord(text) || std::regex_match(text, kAnyInteger) ||
         isFiniteFloatWord(text) || isSpecialFloatWord(text);
}

nlohmann::json convert(const YAML::Node& node, int depth, bool text_scalars) {
  if (depth > kMaxDepth) {
    throw Error(ErrorCode::kMalformedInput, "the YAML document is nested too deeply",
                "It nests more than 64 levels or contains an alias that refers to itself.",
                "Flatten the document and remove recursive aliases.");
  }
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return nullptr;
    case YAML::NodeType::Scalar: {
      const std::string& tag = node.Tag();
      if (tag == "!" || tag == "tag:yaml.org,2002:str") return node.Scalar();
      if (text_scalars) return isNullWord(node.Scalar()) ? nlohmann::json() : nlohmann::json(node.Scalar());
      return resolvePlainScalar(node.Scalar());
    }
    case YAML::NodeType::Sequence: {
      auto out = nlohmann::json::array();
      for (const auto& item : node) out.push_back(convert(item, depth + 1, text_scalars));
      return out;
    }
    case YAML::NodeType::Map: {
      auto out = nlohmann::json::object();
      for (const auto& entry : node) {
        out[entry.first.as<std::string>()] = convert(entry.second, depth + 1, text_scalars);
      }
      return out;
    }
  }
  return nullptr;
}

void emit(YAML::Emitter& out, const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object:
      if (value.empty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        return;
      }
      out << YAML::BeginMap;
      for (const auto& [key, item] : value.items()) {
        out << YAML::Key;
        if (readsAsNonString(key)) out << YAML::DoubleQuoted;
        out << key << YAML::Value;
        emit(out, item);
      }
      out << YAML::EndMap;
      return;
    case nlohmann::json::value_t::array:
      if (value.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
      }
      out << YAML::BeginSeq;
      for (const auto& item : value) emit(out, item);
      out << YAML::EndSeq;
      return;
    case nlohmann::json::value_t::string: {
      const auto& text = value.get_ref<const std::string&>();
      if (readsAsNonString(text)) out << YAML::DoubleQuoted;
      out << text;
      return;
    }
    case nlohmann::json::value_t::null:
      out << YAML::Null;
      return;
    default:
      out << value.dump();
      return;
  }
}

}  // namespace

nlohmann::json yamlToJson(const YAML::Node& node) { return convert(node, 0, false); }

nlohmann::json yamlToJsonText(const YAML::Node& node) { return convert(node, 0, true); }

std::string jsonToYaml(const nlohmann::json& value) {
  YAML::Emitter out;
  out.SetIndent(2);
  emit(out, value);
  std::string text = out.c_str();
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

}  // namespace meshery::cli
