#include "toml.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "meshery/gotmpl/format.hpp"

namespace meshery::helm::detail {
namespace {

using gotmpl::Kind;
using gotmpl::Value;

/// An encoder failure, carrying BurntSushi's message.
struct TomlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool isTable(const Value& value) {
  return value.kind() == Kind::kMap;
}

/// A non-empty list whose every element is a table; a nil element fails.
bool isTableArray(const Value& value) {
  if (value.kind() != Kind::kList || value.asList().items.empty()) return false;
  bool all = true;
  for (const auto& item : value.asList().items) {
    if (item.isNil()) throw TomlError("toml: cannot encode array with nil element");
    all = all && isTable(item);
  }
  return all;
}

bool isBareKey(const std::string& key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (byte < 0x20 || byte == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", byte);
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string keyPart(const std::string& key) {
  return isBareKey(key) ? key : quoted(key);
}

class Encoder {
 public:
  std::string encode(const Value& value) {
    encode({}, value);
    return std::move(out_);
  }

 private:
  using Key = std::vector<std::string>;

  void write(const std::string& text) {
    out_ += text;
    written_ = written_ || !text.empty();
  }
  void newline() {
    if (written_) out_ += '\n';
  }
  static std::string indent(const Key& key) {
    return key.size() > 1 ? std::string(2 * (key.size() - 1), ' ') : std::string();
  }

  void encode(const Key& key, const Value& value) {
    switch (value.kind()) {
      case Kind::kInvalid:
      case Kind::kNil:
        return;
      case Kind::kMap:
        table(key, value);
        return;
      case Kind::kList:
        if (isTableArray(value)) {
          arrayOfTables(key, value);
        } else {
          keyValue(key, value);
        }
        return;
      case Kind::kObject:
      case Kind::kFunction:
        throw TomlError("toml: unsupported type for key '" + dottedKey(key) +
                        "': " + std::string(value.kind() == Kind::kObject ? "ptr" : "func"));
      default:
        keyValue(key, value);
    }
  }

  void table(const Key& key, const Value& value) {
    if (key.size() == 1) newline();
    if (!key.empty()) {
      write(indent(key) + "[" + dottedKey(key) + "]");
      newline();
    }
    entries(key, value);
  }

  void arrayOfTables(const Key& key, const Value& value) {
    if (key.empty()) throw TomlError("toml: top-level values must be Go maps or structs");
    for (const auto& item : value.asList().items) {
      newline();
      write(indent(key) + "[[" + dottedKey(key) + "]]");
      newline();
      entries(key, item);
    }
  }

  /// A table's keys: plain values first, then tables, each group sorted.
  void entries(const Key& key, const Value& value) {
    std::vector<const std::pair<const std::string, Value>*> direct;
    std::vector<const std::pair<const std::string, Value>*> tables;
    for (const auto& entry : value.asMap().entries) {
      (isTable(entry.second) || isTableArray(entry.second) ? tables : direct).push_back(&entry);
    }
    for (const auto* group : {&direct, &tables}) {
      for (const auto* entry : *group) {
        Key child = key;
        child.push_back(entry->first);
        encode(child, entry->second);
      }
    }
  }

  void keyValue(const Key& key, const Value& value) {
    if (key.empty()) {
      write(element(value));
      return;
    }
    write(indent(key) + keyPart(key.back()) + " = " + element(value));
    newline();
  }

  std::string element(const Value& value) {
    switch (value.kind()) {
      case Kind::kBool:
        return value.asBool() ? "true" : "false";
      case Kind::kInt:
        return value.isUnsigned() ? std::to_string(value.asUint()) : std::to_string(value.asInt());
      case Kind::kFloat: {
        const double number = value.asFloat();
        if (std::isnan(number)) return "nan";
        if (std::isinf(number)) return number > 0 ? "inf" : "-inf";
        std::string text = gotmpl::formatFloat(number, 'f', -1);
        if (text.find('.') == std::string::npos) text += ".0";
        return text;
      }
      case Kind::kString:
        return quoted(value.asString());
      case Kind::kList: {
        std::string out = "[";
        bool first = true;
        for (const auto& item : value.asList().items) {
          if (item.isNil()) throw TomlError("toml: cannot encode array with nil element");
          out += (first ? "" : ", ") + element(item);
          first = false;
        }
        return out + "]";
      }
      case Kind::kMap: {  // an inline table: plain values first, then tables
        std::string out = "{";
        bool first = true;
        for (const bool tables : {false, true}) {
          for (const auto& [name, item] : value.asMap().entries) {
            if (item.isNil() || (isTable(item) || isTableArray(item)) != tables) continue;
            out += (first ? "" : ", ") + keyPart(name) + " = " + element(item);
            first = false;
          }
        }
        return out + "}";
      }
      default:
        throw TomlError("toml: cannot encode a value of type " + value.typeName());
    }
  }

  std::string out_;
  bool written_ = false;
};

}  // namespace

std::string dottedKey(const std::vector<std::string>& key) {
  std::string out;
  for (const auto& part : key) out += (out.empty() ? "" : ".") + keyPart(part);
  return out;
}

std::string toToml(const Value& value) {
  try {
    return Encoder().encode(value);
  } catch (const TomlError& error) {
    return error.what();
  }
}

}  // namespace meshery::helm::detail
