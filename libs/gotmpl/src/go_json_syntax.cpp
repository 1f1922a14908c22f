// encoding/json's checkValid: its scanner's states, to report the first
// syntax error of a text in Go's words ("invalid character 'x' after object
// key", "unexpected end of JSON input").
#include <cstdio>
#include <variant>
#include <vector>

#include "meshery/gotmpl/go_json.hpp"

namespace meshery::gotmpl {
namespace {

/// encoding/json's quoteChar: the byte as a rune, quoted as strconv.Quote
/// would, between single quotes.
std::string quoteChar(unsigned char c) {
  if (c == '\'') return R"('\'')";
  if (c == '"') return R"('"')";
  std::string inner;
  switch (c) {
    case '\a':
      inner = "\\a";
      break;
    case '\b':
      inner = "\\b";
      break;
    case '\f':
      inner = "\\f";
      break;
    case '\n':
      inner = "\\n";
      break;
    case '\r':
      inner = "\\r";
      break;
    case '\t':
      inner = "\\t";
      break;
    case '\v':
      inner = "\\v";
      break;
    case '\\':
      inner = "\\\\";
      break;
    default: {
      char buffer[8];
      if (c < 0x20 || c == 0x7f) {
        std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
        inner = buffer;
      } else if (c < 0x80) {
        inner = std::string(1, static_cast<char>(c));
      } else if (c < 0xa1 || c == 0xad) {  // C1 controls, NBSP, soft hyphen: not printable
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        inner = buffer;
      } else {  // Latin-1, printable: the rune in UTF-8
        inner = {static_cast<char>(0xc0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3f))};
      }
    }
  }
  return "'" + inner + "'";
}

enum class State {
  kBeginValue,
  kBeginValueOrEmpty,
  kBeginStringOrEmpty,
  kBeginString,
  kEndValue,
  kEndTop,
  kInString,
  kInStringEsc,
  kInStringEscU,
  kNeg,
  kOne,
  kZero,
  kDot,
  kDot0,
  kE,
  kESign,
  kE0,
  kLiteral
};

enum class Parse { kObjectKey, kObjectValue, kArrayValue };

bool isSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool isDigit(unsigned char c) {
  return c >= '0' && c <= '9';
}
bool isHex(unsigned char c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

class Scanner {
 public:
  /// Feeds one byte; an error message when it is not valid there.
  std::optional<std::string> step(unsigned char c) {
    switch (state_) {
      case State::kBeginValueOrEmpty:
        if (isSpace(c)) return {};
        if (c == ']') return endValue(c);
        return beginValue(c);
      case State::kBeginValue:
        return beginValue(c);
      case State::kBeginStringOrEmpty:
        if (isSpace(c)) return {};
        if (c == '}') {
          stack_.back() = Parse::kObjectValue;
          return endValue(c);
        }
        return beginString(c);
      case State::kBeginString:
        return beginString(c);
      case State::kEndValue:
        return endValue(c);
      case State::kEndTop:
        if (isSpace(c)) return {};
        return error(c, "after top-level value");
      case State::kInString:
        if (c == '"') {
          state_ = State::kEndValue;
        } else if (c == '\\') {
          state_ = State::kInStringEsc;
        } else if (c < 0x20) {
          return error(c, "in string literal");
        }
        return {};
      case State::kInStringEsc:
        if (c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't' || c == '\\' || c == '/' ||
            c == '"') {
          state_ = State::kInString;
          return {};
        }
        if (c == 'u') {
          state_ = State::kInStringEscU;
          hex_left_ = 4;
          return {};
        }
        return error(c, "in string escape code");
      case State::kInStringEscU:
        if (!isHex(c)) return error(c, "in \\u hexadecimal character escape");
        if (--hex_left_ == 0) state_ = State::kInString;
        return {};
      case State::kNeg:
        if (c == '0') {
          state_ = State::kZero;
        } else if (c >= '1' && c <= '9') {
          state_ = State::kOne;
        } else {
          return error(c, "in numeric literal");
        }
        return {};
      case State::kOne:
        if (isDigit(c)) return {};
        return zero(c);
      case State::kZero:
        return zero(c);
      case State::kDot:
        if (!isDigit(c)) return error(c, "after decimal point in numeric literal");
        state_ = State::kDot0;
        return {};
      case State::kDot0:
        if (isDigit(c)) return {};
        if (c == 'e' || c == 'E') {
          state_ = State::kE;
          return {};
        }
        return endValue(c);
      case State::kE:
        if (c == '+' || c == '-') {
          state_ = State::kESign;
          return {};
        }
        return eSign(c);
      case State::kESign:
        return eSign(c);
      case State::kE0:
        if (isDigit(c)) return {};
        return endValue(c);
      case State::kLiteral:
        if (c != static_cast<unsigned char>(literal_[literal_at_])) {
          return error(c, "in literal " + literal_ + " (expecting " +
                              quoteChar(static_cast<unsigned char>(literal_[literal_at_])) + ")");
        }
        if (++literal_at_ == literal_.size()) state_ = State::kEndValue;
        return {};
    }
    return {};
  }

  /// A top-level value is complete and the next byte cannot extend it
  /// (a number continues with digits, '.', 'e').
  [[nodiscard]] bool endsBefore(unsigned char c) const {
    if (!stack_.empty()) return false;
    switch (state_) {
      case State::kEndValue:
        return true;
      case State::kOne:
        return !isDigit(c) && c != '.' && c != 'e' && c != 'E';
      case State::kZero:
        return c != '.' && c != 'e' && c != 'E';
      case State::kDot0:
        return !isDigit(c) && c != 'e' && c != 'E';
      case State::kE0:
        return !isDigit(c);
      default:
        return false;
    }
  }
  [[nodiscard]] bool closedTop() const { return state_ == State::kEndTop; }

  /// The end of input: Go feeds a space, then wants a complete value.
  std::optional<std::string> end() {
    if (state_ == State::kEndTop) return {};
    if (auto failure = step(' ')) return failure;
    if (state_ == State::kEndTop) return {};
    return "unexpected end of JSON input";
  }

 private:
  std::optional<std::string> error(unsigned char c, const std::string& context) {
    return "invalid character " + quoteChar(c) + " " + context;
  }

  std::optional<std::string> beginValue(unsigned char c) {
    if (isSpace(c)) return {};
    switch (c) {
      case '{':
        stack_.push_back(Parse::kObjectKey);
        state_ = State::kBeginStringOrEmpty;
        return {};
      case '[':
        stack_.push_back(Parse::kArrayValue);
        state_ = State::kBeginValueOrEmpty;
        return {};
      case '"':
        state_ = State::kInString;
        return {};
      case '-':
        state_ = State::kNeg;
        return {};
      case '0':
        state_ = State::kZero;
        return {};
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        if (c >= '1' && c <= '9') {
          state_ = State::kOne;
          return {};
        }
        return error(c, "looking for beginning of value");
    }
  }

  std::optional<std::string> literal(const char* word) {
    literal_ = word;
    literal_at_ = 1;
    state_ = State::kLiteral;
    return {};
  }

  std::optional<std::string> beginString(unsigned char c) {
    if (isSpace(c)) return {};
    if (c == '"') {
      state_ = State::kInString;
      return {};
    }
    return error(c, "looking for beginning of object key string");
  }

  std::optional<std::string> zero(unsigned char c) {
    if (c == '.') {
      state_ = State::kDot;
      return {};
    }
    if (c == 'e' || c == 'E') {
      state_ = State::kE;
      return {};
    }
    return endValue(c);
  }

  std::optional<std::string> eSign(unsigned char c) {
    if (!isDigit(c)) return error(c, "in exponent of numeric literal");
    state_ = State::kE0;
    return {};
  }

  std::optional<std::string> endValue(unsigned char c) {
    if (stack_.empty()) {
      state_ = State::kEndTop;
      return step(c);
    }
    if (isSpace(c)) {
      state_ = State::kEndValue;
      return {};
    }
    switch (stack_.back()) {
      case Parse::kObjectKey:
        if (c == ':') {
          stack_.back() = Parse::kObjectValue;
          state_ = State::kBeginValue;
          return {};
        }
        return error(c, "after object key");
      case Parse::kObjectValue:
        if (c == ',') {
          stack_.back() = Parse::kObjectKey;
          state_ = State::kBeginString;
          return {};
        }
        if (c == '}') return pop();
        return error(c, "after object key:value pair");
      case Parse::kArrayValue:
        if (c == ',') {
          state_ = State::kBeginValue;
          return {};
        }
        if (c == ']') return pop();
        return error(c, "after array element");
    }
    return {};
  }

  std::optional<std::string> pop() {
    stack_.pop_back();
    state_ = stack_.empty() ? State::kEndTop : State::kEndValue;
    return {};
  }

  State state_ = State::kBeginValue;
  std::vector<Parse> stack_;
  int hex_left_ = 0;
  std::string literal_;
  std::size_t literal_at_ = 0;
};

}  // namespace

std::optional<std::string> goJsonSyntaxError(std::string_view text) {
  Scanner scanner;
  for (const char c : text) {
    if (auto failure = scanner.step(static_cast<unsigned char>(c))) return failure;
  }
  return scanner.end();
}

std::variant<std::size_t, std::string> goJsonValueEnd(std::string_view text) {
  Scanner scanner;
  bool started = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (scanner.endsBefore(c)) return i;
    started = started || !isSpace(c);
    if (auto failure = scanner.step(c)) return *failure;
    if (scanner.closedTop()) return i + 1;
  }
  if (!started) return std::string("EOF");
  if (scanner.end()) return std::string("unexpected EOF");
  return text.size();
}

}  // namespace meshery::gotmpl
