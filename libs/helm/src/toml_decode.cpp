// Helm's fromToml: BurntSushi/toml's (v1.4) Unmarshal into a
// map[string]interface{}. Tables, arrays and inline tables are read here,
// single tokens by toml_lexemes.cpp. The tree is built as BurntSushi's
// parser builds it (implicit tables, redefinition rules, the parser's
// "current key"), so that documents it accepts decode to the same values
// and documents it refuses fail with its message, line and last key.
#include <unordered_set>
#include <stdexcept>
#include <vector>

#include "meshery/gotmpl/go_text.hpp"
#include "toml.hpp"
#include "toml_lexemes.hpp"
#include "toml_values.hpp"

namespace meshery::helm::detail {
namespace {

using gotmpl::ElemType;
using gotmpl::Kind;
using gotmpl::Value;
using toml::kEof;
using toml::Lexeme;
using Key = std::vector<std::string>;

/// BurntSushi's ParseError.
struct ParseFailure {
  std::string message;
  int line;
  std::string last_key;

  [[nodiscard]] std::string text() const {
    const std::string where = "toml: line " + std::to_string(line);
    if (last_key.empty()) return where + ": " + message;
    return where + " (last key " + gotmpl::goQuote(last_key) + "): " + message;
  }
};

/// A parsed value and whether BurntSushi types it as an array.
struct Parsed {
  Value value;
  bool array = false;
};

bool isTableArray(const Value& value) {
  return value.kind() == Kind::kList && value.asList().elem == ElemType::kInterfaceMap;
}

/// Moves `hash` into `entry` when it is a table, or an array of tables'
/// last one; false for any other value.
bool enter(Value& hash, const Value& entry) {
  if (isTableArray(entry)) {
    hash = entry.asList().items.back();
  } else if (entry.kind() == Kind::kMap) {
    hash = entry;
  } else {
    return false;
  }
  return true;
}

Key joined(Key key, const std::string& part) {
  key.push_back(part);
  return key;
}

class Decoder {
 public:
  explicit Decoder(std::string_view input) : in_(input), lexer_(in_) {}

  Value decode() {
    try {
      topLevel();
    } catch (const toml::LexFailure& failure) {
      throw ParseFailure{failure.message, failure.line, current()};
    }
    return mapping_;
  }

 private:
  // --- Structure: what the lexer's state machine reads between tokens. ---

  /// Passes over a space, tab, comment or newline: true when `r` was one.
  /// Inside an inline table (`newlines` false) a newline fails.
  bool passedOver(char32_t r, bool newlines) {
    if (toml::isNewline(r) && !newlines)
      in_.failPreviousLine("newlines not allowed within inline tables");
    if (toml::isWhitespace(r) || toml::isNewline(r)) {
      in_.ignore();
      return true;
    }
    if (r == '#') {
      lexer_.comment();
      return true;
    }
    return false;
  }

  void topLevel() {
    for (;;) {
      const char32_t r = in_.next();
      if (passedOver(r, true)) continue;
      if (r == kEof) {
        if (!in_.current().empty()) in_.fail("unexpected EOF");
        return;
      }
      if (r == '[') {
        tableHeader();
      } else {
        in_.backup();
        keyValue();
      }
      if (!topEnd()) return;
    }
  }

  /// After a table header or key/value: false at the end of the input.
  bool topEnd() {
    for (;;) {
      const char32_t r = in_.next();
      if (r == '#') {
        lexer_.comment();
        return true;
      }
      if (toml::isWhitespace(r)) continue;
      if (toml::isNewline(r)) {
        in_.ignore();
        return true;
      }
      if (r == kEof) return false;
      in_.fail("expected a top-level item to end with a newline, comment, or EOF, but got " +
               gotmpl::goQuoteRune(r) + " instead");
    }
  }

  void tableHeader() {
    const bool array = in_.peek() == '[';
    if (array) in_.next();
    in_.ignore();
    Key key;
    for (;;) {
      in_.skipWhitespace();
      const char32_t r = in_.peek();
      if (r == ']' || r == kEof)
        in_.fail("unexpected end of table name (table names cannot be empty)");
      if (r == '.') in_.fail("unexpected table separator (table names cannot be empty)");
      key.push_back(keyPart(key.empty(), r));
      in_.skipWhitespace();
      const char32_t end = in_.next();
      if (end == '.') {
        in_.ignore();
        continue;
      }
      if (end == ']') break;
      in_.fail("expected '.' or ']' to end table name, but got " + gotmpl::goQuoteRune(end) +
               " instead");
    }
    if (array) {
      if (const char32_t r = in_.next(); r != ']') {
        in_.fail("expected end of table array name delimiter ']', but got " +
                 gotmpl::goQuoteRune(r) + " instead");
      }
    }
    in_.ignore();
    addContext(key, array);
    setType("", false);
  }

  /// A key's parts up to its '='.
  Key keyName() {
    in_.skipWhitespace();
    const char32_t first = in_.peek();
    if (first == '=' || first == kEof) in_.fail("unexpected '=': key name appears blank");
    if (first == '.') in_.fail("unexpected '.': keys cannot start with a '.'");
    in_.ignore();
    Key key;
    for (;;) {
      in_.skipWhitespace();
      const char32_t r = in_.peek();
      if (r == '=' || r == kEof) in_.fail("unexpected '='");
      if (r == '.') in_.fail("unexpected '.'");
      key.push_back(keyPart(key.empty(), r));
      in_.skipWhitespace();
      const char32_t end = in_.next();
      if (end == kEof) in_.fail("unexpected EOF; expected key separator '='");
      if (end == '.') {
        in_.ignore();
        continue;
      }
      if (end == '=') {
        in_.ignore();
        return key;
      }
      in_.fail("expected '.' or '=', but got " + gotmpl::goQuoteRune(end) + " instead");
    }
  }

  /// One part of a key or table name, `next` its first rune; the first
  /// part's line is where redefinition errors point.
  std::string keyPart(bool first, char32_t next) {
    Lexeme part;
    if (next == '"' || next == '\'') {
      in_.ignore();
      part = lexer_.quotedName();
    } else {
      part = lexer_.bareName();
    }
    if (first) line_ = part.line;
    return scalar(part).asString();
  }

  void keyValue() {
    const Key outer_context = context_;
    const Key key = keyName();
    bindKey(key);
    const Parsed parsed = value(false);
    setValue(current_key_, parsed.value);
    setType(current_key_, parsed.array);
    context_ = outer_context;
    current_key_.clear();
  }

  /// The key's last part becomes the current key; its parents become
  /// implicit tables, entered one by one.
  void bindKey(const Key& key) {
    current_key_ = key.back();
    for (std::size_t i = 0; i + 1 < key.size(); ++i) {
      const Key parent = joined(context_, key[i]);
      implicits_.insert(dottedKey(parent));
      addContext(parent, false);
    }
  }

  Parsed value(bool parent_is_array) {
    char32_t r = in_.next();
    while (toml::isWhitespace(r)) {
      in_.ignore();
      r = in_.next();
    }
    if (toml::isDigit(r)) {
      in_.backup();
      return {scalar(lexer_.numberOrDate())};
    }
    switch (r) {
      case '[':
        in_.ignore();
        return array();
      case '{':
        in_.ignore();
        return inlineTable(parent_is_array);
      case '"':
      case '\'': {
        if (in_.accept(r)) {
          if (in_.accept(r)) {
            in_.ignore();
            return {scalar(r == '"' ? lexer_.multilineBasic() : lexer_.multilineLiteral())};
          }
          in_.backup();
        }
        in_.ignore();
        return {scalar(r == '"' ? lexer_.basicString() : lexer_.literalString())};
      }
      case '.':
        in_.fail("floats must start with a digit, not '.'");
      case 'i':
      case 'n':
        if (lexer_.acceptSpecialFloat()) return {scalar(lexer_.emit(Lexeme::Kind::kFloat))};
        break;
      case '-':
      case '+':
        return {scalar(lexer_.signedNumber())};
      default:
        break;
    }
    if (toml::isLetter(r)) {
      in_.backup();
      return {scalar(lexer_.boolean())};
    }
    if (r == kEof) in_.fail("unexpected EOF; expected value");
    in_.fail("expected value but found " + gotmpl::goQuoteRune(r) + " instead");
  }

  Parsed array() {
    setType(current_key_, true);
    std::vector<Value> items;
    for (;;) {
      const char32_t r = in_.next();
      if (passedOver(r, true)) continue;
      if (r == ',') in_.fail("unexpected comma");
      if (r == ']') break;
      in_.backup();
      items.push_back(value(true).value);
      if (!arrayContinues()) break;
    }
    in_.ignore();
    return {Value::list(std::move(items)), true};
  }

  /// After an array's value: true at ',', false at ']'.
  bool arrayContinues() {
    for (;;) {
      const char32_t r = in_.next();
      if (passedOver(r, true)) continue;
      if (r != ',' && r != ']') {
        in_.fail("expected a comma (',') or array terminator (']'), but got " + toml::runeOrEof(r));
      }
      in_.ignore();
      return r == ',';
    }
  }

  Parsed inlineTable(bool parent_is_array) {
    const Key outer_context = context_;
    const std::string outer_key = current_key_;
    context_.push_back(current_key_);
    const Key table_context = context_;
    current_key_.clear();
    implicits_.insert(dottedKey(context_));
    addContext(context_, parent_is_array);
    Value table = Value::map();
    for (bool more = true; more;) {
      const char32_t r = in_.next();
      if (passedOver(r, false)) continue;
      if (r == ',') in_.fail("unexpected comma");
      if (r == '}') break;
      in_.backup();
      const Key key = keyName();
      bindKey(key);
      const Parsed parsed = value(false);
      setValue(current_key_, parsed.value);
      setType(current_key_, parsed.array);
      placeInTable(table, key, parsed.value);
      context_ = table_context;
      more = inlineTableContinues();
    }
    in_.ignore();
    context_ = outer_context;
    current_key_ = outer_key;
    return {table};
  }

  /// The inline table's own copy of a (dotted) key's value.
  void placeInTable(const Value& table, const Key& key, const Value& value) {
    Value hash = table;
    for (std::size_t i = 0; i + 1 < key.size(); ++i) {
      auto& entries = hash.asMap().entries;
      auto found = entries.find(key[i]);
      if (found == entries.end()) found = entries.emplace(key[i], Value::map()).first;
      if (found->second.kind() != Kind::kMap)
        failAt(line_, gotmpl::goQuote(dottedKey(context_)) + " is not a table");
      hash = found->second;
    }
    hash.asMap().entries[key.back()] = value;
  }

  /// After an inline table's pair: true at ',', false at '}'.
  bool inlineTableContinues() {
    for (;;) {
      const char32_t r = in_.next();
      if (passedOver(r, false)) continue;
      if (r == '}') return false;
      if (r != ',') {
        in_.fail("expected a comma or an inline table terminator '}', but got " +
                 toml::runeOrEof(r) + " instead");
      }
      in_.ignore();
      in_.skipWhitespace();
      if (in_.peek() == '}') in_.fail("trailing comma not allowed in inline tables");
      return true;
    }
  }

  // --- The tree, with BurntSushi's parser's rules. ---

  /// Enters the table `key` (a new element when `array`), creating its
  /// missing parents as implicit tables.
  void addContext(Key key, bool array) {  // by value: `key` may be context_ itself
    Value hash = mapping_;
    Key path;
    for (std::size_t i = 0; i + 1 < key.size(); ++i) {
      path.push_back(key[i]);
      auto& entries = hash.asMap().entries;
      auto found = entries.find(key[i]);
      if (found == entries.end()) {
        implicits_.insert(dottedKey(path));
        found = entries.emplace(key[i], Value::map()).first;
      }
      if (!enter(hash, found->second))
        failAt(line_, "Key '" + dottedKey(path) + "' was already created as a hash.");
    }
    context_ = path;
    if (array) {
      auto& entries = hash.asMap().entries;
      auto found = entries.find(key.back());
      if (found == entries.end()) {
        found = entries.emplace(key.back(), Value::list({}, ElemType::kInterfaceMap)).first;
      }
      if (!isTableArray(found->second)) {
        failAt(line_,
               "Key '" + dottedKey(key) + "' was already created and cannot be used as an array.");
      }
      found->second.listData()->items.push_back(Value::map());
    } else {
      setValue(key.back(), Value::map());
    }
    context_.push_back(key.back());
  }

  /// Sets `key` in the current table. A key defined before fails, unless it
  /// was an implicit table (kept) or an array (replaced).
  void setValue(const std::string& key, const Value& value) {
    Value hash = mapping_;
    for (std::size_t i = 0; i < context_.size(); ++i) {
      const auto found = hash.asMap().entries.find(context_[i]);
      const auto path = [&] {
        return dottedKey({context_.begin(), context_.begin() + static_cast<std::ptrdiff_t>(i) + 1});
      };
      if (found == hash.asMap().entries.end())
        throw std::logic_error("toml: context for key '" + path() + "' not established");
      if (!enter(hash, found->second))
        failAt(line_, "Key '" + path() + "' has already been defined.");
    }
    auto& entries = hash.asMap().entries;
    const auto found = entries.find(key);
    if (found == entries.end()) {
      entries.emplace(key, value);
      return;
    }
    const std::string name = dottedKey(joined(context_, key));
    if (arrays_.contains(name)) {
      implicits_.erase(name);
      found->second = value;
      return;
    }
    if (implicits_.erase(name) > 0) return;
    failAt(line_, "Key '" + name + "' has already been defined.");
  }

  /// Records whether the key (the current table when empty) holds an array.
  void setType(const std::string& key, bool array) {
    if (!array && arrays_.empty()) return;
    Key path = context_;
    if (!key.empty()) path.push_back(key);
    if (path.empty()) path.emplace_back();
    const std::string name = dottedKey(path);
    if (array) {
      arrays_.insert(name);
    } else {
      arrays_.erase(name);
    }
  }

  /// What BurntSushi reports as the last key: the table, then the key.
  [[nodiscard]] std::string current() const {
    if (current_key_.empty()) return dottedKey(context_);
    if (context_.empty()) return current_key_;
    return dottedKey(context_) + "." + current_key_;
  }

  Value scalar(const Lexeme& lexeme) {
    try {
      return toml::scalarValue(lexeme);
    } catch (const toml::ValueFailure& failure) {
      failAt(lexeme.line, failure.message);
    }
  }

  [[noreturn]] void failAt(int line, const std::string& message) const {
    throw ParseFailure{message, line, current()};
  }

  toml::Scanner in_;
  toml::Lexer lexer_;
  Value mapping_ = Value::map();
  Key context_;
  std::string current_key_;
  int line_ = 0;  ///< the line of the last key or table name's first part
  std::unordered_set<std::string> implicits_;
  std::unordered_set<std::string> arrays_;
};

/// The text BurntSushi decodes: byte-order marks dropped.
std::string_view withoutByteOrderMark(std::string_view text) {
  if (text.starts_with("\xff\xfe") || text.starts_with("\xfe\xff")) return text.substr(2);
  if (text.starts_with("\xef\xbb\xbf")) return text.substr(3);
  return text;
}

}  // namespace

Value fromToml(std::string_view text) {
  Value result = Value::map();
  try {
    text = withoutByteOrderMark(text);
    if (text.substr(0, 6).find('\0') != std::string_view::npos) {
      throw ParseFailure{
          "files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8", 1,
          ""};
    }
    return Decoder(text).decode();
  } catch (const ParseFailure& failure) {
    result.asMap().entries["Error"] = Value::string(failure.text());
  }
  return result;
}

}  // namespace meshery::helm::detail
