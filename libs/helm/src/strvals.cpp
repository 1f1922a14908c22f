// Helm's strvals (pkg/strvals/parser.go): the --set, --set-string,
// --set-json and --set-file syntax parsed into a values map in place.
#include <cctype>
#include <charconv>
#include <cstdio>
#include <string>

#include "meshery/core/error.hpp"
#include "meshery/gotmpl/go_json.hpp"
#include "meshery/helm/values.hpp"

namespace meshery::helm {
namespace {

using Json = nlohmann::json;

constexpr int kMaxNestedNameLevel = 30;
constexpr long kMaxIndex = 65536;

/// A parse failure, with strvals' message.
struct StrvalsError {
  std::string message;
};

enum class Status { kOk, kEof };

/// The Go type an interface conversion names.
std::string goTypeOf(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "nil";
    case Json::value_t::boolean:
      return "bool";
    case Json::value_t::string:
      return "string";
    case Json::value_t::number_float:
      return "float64";
    case Json::value_t::array:
      return "[]interface {}";
    case Json::value_t::object:
      return "map[string]interface {}";
    default:
      return "int64";
  }
}

[[noreturn]] void conversionPanic(const Json& value, const char* wanted) {
  throw StrvalsError{"unable to parse key: interface conversion: interface {} is " +
                     goTypeOf(value) + ", not " + wanted};
}

/// Go's %q of a []rune: each character as a rune literal, "['a' 'b']".
std::string quotedRunes(const std::string& text) {
  std::string out = "[";
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0) out += ' ';
    const char c = text[i];
    if (c == '\'' || c == '\\') {
      out += std::string("'\\") + c + "'";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "'\\x%02x'", static_cast<unsigned char>(c));
      out += buffer;
    } else {
      // A multi-byte character stays whole.
      std::size_t length = 1;
      while (i + length < text.size() &&
             (static_cast<unsigned char>(text[i + length]) & 0xc0) == 0x80) {
        ++length;
      }
      out += "'" + text.substr(i, length) + "'";
      i += length - 1;
    }
  }
  return out + "]";
}

bool equalFold(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i]) return false;
  }
  return true;
}

/// strvals.typedVal: true/false/null in any case, then base-10 int64 unless
/// the text starts with '0'.
Json typedValue(const std::string& value) {
  if (equalFold(value, "true")) return true;
  if (equalFold(value, "false")) return false;
  if (equalFold(value, "null")) return nullptr;
  if (value == "0") return std::int64_t{0};
  if (!value.empty() && value[0] != '0') {
    std::string_view digits = value;
    if (digits[0] == '+') digits.remove_prefix(1);
    std::int64_t number = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (!digits.empty() && digits[0] != '+' && result.ec == std::errc() &&
        result.ptr == digits.data() + digits.size()) {
      return number;
    }
  }
  return value;
}

class Parser {
 public:
  Parser(std::string_view text, SetForm form, const FileReader* read_file)
      : text_(text), form_(form), read_file_(read_file) {}

  void parse(Json& data) {
    while (key(data, 0) == Status::kOk) {
    }
  }

 private:
  struct Runes {
    std::string text;
    char last = 0;
    bool eof = false;
  };

  /// Characters up to one of `stop` (consumed), '\' escaping the next one.
  Runes until(std::string_view stop) {
    Runes out;
    while (at_ < text_.size()) {
      const char c = text_[at_++];
      if (stop.find(c) != std::string_view::npos) {
        out.last = c;
        return out;
      }
      if (c == '\\' && form_ != SetForm::kLiteral) {
        if (at_ == text_.size()) break;
        out.text += text_[at_++];
      } else {
        out.text += c;
      }
    }
    out.eof = true;
    return out;
  }

  Json read(const std::string& value) const {
    switch (form_) {
      case SetForm::kTyped:
        return typedValue(value);
      case SetForm::kFile:
        return Json((*read_file_)(value));
      default:
        return value;
    }
  }

  static void set(Json& data, const std::string& key, Json value) {
    if (!key.empty()) data[key] = std::move(value);
  }

  static void setIndex(Json& list, long index, Json value) {
    if (index < 0) throw StrvalsError{"negative " + std::to_string(index) + " index not allowed"};
    if (index > kMaxIndex) {
      throw StrvalsError{"index of " + std::to_string(index) +
                         " is greater than maximum supported index of " +
                         std::to_string(kMaxIndex)};
    }
    while (static_cast<long>(list.size()) <= index) list.push_back(nullptr);
    list[static_cast<std::size_t>(index)] = std::move(value);
  }

  long keyIndex() {
    const Runes index = until("]");
    if (index.eof) throw StrvalsError{"error parsing index: EOF"};
    long value = 0;
    const char* end = index.text.data() + index.text.size();
    const char* begin = index.text.data() + (!index.text.empty() && index.text[0] == '+' ? 1 : 0);
    const auto result = std::from_chars(begin, end, value);
    if (index.text.empty() || result.ec != std::errc() || result.ptr != end ||
        (begin != index.text.data() && *begin == '-')) {
      throw StrvalsError{"error parsing index: strconv.Atoi: parsing \"" + index.text +
                         "\": invalid syntax"};
    }
    return value;
  }

  /// Blanks and one comma after a value; true at the end or a comma.
  bool emptyValue() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      ++at_;
      if (c == ',') return true;
      if (std::isspace(static_cast<unsigned char>(c)) == 0) {
        --at_;
        return false;
      }
    }
    return true;
  }

  /// json.Decoder.Decode of the rest: the first JSON value, consumed.
  Json jsonValue() {
    const std::string_view rest = text_.substr(at_);
    const auto end = gotmpl::goJsonValueEnd(rest);
    if (const auto* failure = std::get_if<std::string>(&end)) throw StrvalsError{*failure};
    const std::size_t length = std::get<std::size_t>(end);
    Json value = Json::parse(rest.substr(0, length), nullptr, false);
    if (value.is_discarded())
      throw StrvalsError{"invalid JSON value " + std::string(rest.substr(0, length))};
    numbersAsFloat64(value);
    at_ += length;
    return value;
  }

  /// valList: "{a,b}" as a list; nullopt when the value is not a list; the
  /// end of input gives an empty string value.
  std::optional<Json> valueList(bool& eof) {
    if (at_ == text_.size()) {
      eof = true;
      return Json("");
    }
    if (text_[at_] != '{') return std::nullopt;
    ++at_;
    Json list = Json::array();
    for (;;) {
      const Runes item = until(",}");
      if (item.eof) throw StrvalsError{"list must terminate with '}'"};
      list.push_back(read(item.text));
      if (item.last == '}') {
        if (at_ < text_.size() && text_[at_] == ',') ++at_;
        return list;
      }
    }
  }

  /// A value after '=': (JSON,) a list, or text up to ',' (--set-literal:
  /// all the rest, as a string).
  Json value(Status& status) {
    if (form_ == SetForm::kLiteral) {
      Json rest = std::string(text_.substr(at_));
      at_ = text_.size();
      return rest;
    }
    if (form_ == SetForm::kJson) {
      if (emptyValue()) return nullptr;
      Json parsed = jsonValue();
      emptyValue();
      return parsed;
    }
    bool eof = false;
    if (auto list = valueList(eof)) {
      if (eof) status = Status::kEof;
      return std::move(*list);
    }
    const Runes text = until(",");
    if (text.eof) status = Status::kEof;
    return read(text.text);
  }

  Status key(Json& data, int level) {
    // --set-literal keys end at '=', '[' or '.' only: no ',' lists, no escapes.
    const Runes name = until(form_ == SetForm::kLiteral ? "=[." : "=[,.");
    if (name.eof) {
      if (name.text.empty()) return Status::kEof;
      throw StrvalsError{"key \"" + name.text + "\" has no value"};
    }
    switch (name.last) {
      case '[': {
        const long index = keyIndex();
        Json list = Json::array();
        if (data.contains(name.text)) {
          if (!data[name.text].is_array()) conversionPanic(data[name.text], "[]interface {}");
          list = data[name.text];
        }
        const Status status = listItem(list, index, level);
        set(data, name.text, std::move(list));
        return status;
      }
      case '=': {
        Status status = Status::kOk;
        Json parsed = value(status);
        set(data, name.text, std::move(parsed));
        return status;
      }
      case ',':
        set(data, name.text, "");
        throw StrvalsError{"key \"" + name.text + "\" has no value (cannot end with ,)"};
      default: {  // '.'
        if (++level > kMaxNestedNameLevel) {
          throw StrvalsError{
              "value name nested level is greater than maximum supported nested "
              "level of " +
              std::to_string(kMaxNestedNameLevel)};
        }
        Json inner = Json::object();
        if (data.contains(name.text)) {
          if (!data[name.text].is_object())
            conversionPanic(data[name.text], "map[string]interface {}");
          inner = data[name.text];
        }
        const Status status = key(inner, level);
        if (status == Status::kOk && inner.empty()) {
          throw StrvalsError{"key map \"" + name.text + "\" has no value"};
        }
        if (!inner.empty()) set(data, name.text, std::move(inner));
        return status;
      }
    }
  }

  Status listItem(Json& list, long index, int level) {
    if (index < 0) throw StrvalsError{"negative " + std::to_string(index) + " index not allowed"};
    const Runes next = until("[.=");
    if (form_ == SetForm::kLiteral && !next.text.empty()) {
      throw StrvalsError{"unexpected data at end of array index: " + quotedRunes(next.text)};
    }
    if (next.eof) throw StrvalsError{"error parsing index: EOF"};
    switch (next.last) {
      case '=': {
        Status status = Status::kOk;
        Json parsed = value(status);
        setIndex(list, index, std::move(parsed));
        return Status::kOk;  // strvals drops the end of input here; the next key sees it
      }
      case '[': {
        const long next_index = keyIndex();
        Json current = Json::array();
        if (static_cast<long>(list.size()) > index && !list[index].is_null()) {
          if (!list[index].is_array()) conversionPanic(list[index], "[]interface {}");
          current = list[index];
        }
        const Status status = listItem(current, next_index, level);
        setIndex(list, index, std::move(current));
        return status;
      }
      default: {  // '.'
        Json inner = Json::object();
        if (static_cast<long>(list.size()) > index) {
          if (list[index].is_object()) {
            inner = list[index];
          } else {
            list[index] = Json::object();
          }
        }
        const Status status = key(inner, level);
        setIndex(list, index, std::move(inner));
        return status;
      }
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
  SetForm form_;
  const FileReader* read_file_;
};

}  // namespace

void parseSetInto(std::string_view text, nlohmann::json& values, SetForm form,
                  const FileReader& read_file) {
  if (!values.is_object()) values = Json::object();
  try {
    Parser(text, form, &read_file).parse(values);
  } catch (const StrvalsError& error) {
    throw Error(ErrorCode::kInvalidArgument, error.message,
                "Helm's --set syntax: key=value pairs separated by ',', dotted keys for maps, "
                "key[0] for list items, {a,b} for lists, '\\' before a literal ',' '.' '=' '['.",
                "Fix the value, e.g. --set image.tag=1.27,hosts[0]=example.com.");
  }
}

void numbersAsFloat64(nlohmann::json& value) {
  if (value.is_number_integer()) {
    value = value.is_number_unsigned() ? static_cast<double>(value.get<std::uint64_t>())
                                       : static_cast<double>(value.get<std::int64_t>());
  } else if (value.is_structured()) {
    for (auto& item : value) numbersAsFloat64(item);
  }
}

}  // namespace meshery::helm
