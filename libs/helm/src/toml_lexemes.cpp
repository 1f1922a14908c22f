#include "toml_lexemes.hpp"

#include <optional>

#include "meshery/gotmpl/go_text.hpp"
#include "toml_values.hpp"

namespace meshery::helm::detail::toml {
namespace {

using gotmpl::goQuote;
using gotmpl::goQuoteRune;

bool isBinary(char32_t rune) {
  return rune == '0' || rune == '1';
}

bool isOctal(char32_t rune) {
  return rune >= '0' && rune <= '7';
}

std::string withRune(std::string_view text, char32_t rune) {
  std::string out(text);
  gotmpl::appendRune(out, rune);
  return out;
}

}  // namespace

gotmpl::Value scalarValue(const Lexeme& lexeme) {
  using Kind = Lexeme::Kind;
  switch (lexeme.kind) {
    case Kind::kBare:
    case Kind::kLiteral:
      return gotmpl::Value::string(lexeme.text);
    case Kind::kBasic:
      return gotmpl::Value::string(unescapeBasic(lexeme.text));
    case Kind::kMultilineBasic:
      return gotmpl::Value::string(unescapeMultiline(lexeme.text));
    case Kind::kMultilineLiteral:
      return gotmpl::Value::string(literalMultiline(lexeme.text));
    case Kind::kInteger:
      return integerValue(lexeme.text);
    case Kind::kFloat:
      return floatValue(lexeme.text);
    case Kind::kBool:
      return gotmpl::Value::boolean(lexeme.text == "true");
    case Kind::kDatetime:
      return datetimeValue(lexeme.text);
  }
  return {};
}

Lexeme Lexer::emit(Lexeme::Kind kind) {
  Lexeme lexeme{kind, std::string(in_.current()), in_.line()};
  in_.ignore();
  return lexeme;
}

Lexeme Lexer::bareName() {
  while (isBareKeyChar(in_.next())) {
  }
  in_.backup();
  return emit(Lexeme::Kind::kBare);
}

Lexeme Lexer::quotedName() {
  const char32_t quote = in_.next();
  in_.ignore();
  return quote == '"' ? basicString() : literalString();
}

Lexeme Lexer::basicString() {
  for (;;) {
    const char32_t r = in_.next();
    if (r == kEof) in_.fail("unexpected EOF; expected '\"'");
    if (isNewline(r)) in_.failPreviousLine("strings cannot contain newlines");
    if (r == '\\') {
      escape();
    } else if (r == '"') {
      in_.backup();
      Lexeme lexeme = emit(Lexeme::Kind::kBasic);
      in_.next();
      in_.ignore();
      return lexeme;
    }
  }
}

Lexeme Lexer::literalString() {
  for (;;) {
    const char32_t r = in_.next();
    if (r == kEof) in_.fail("unexpected EOF; expected \"'\"");
    if (isNewline(r)) in_.failPreviousLine("strings cannot contain newlines");
    if (r == '\'') {
      in_.backup();
      Lexeme lexeme = emit(Lexeme::Kind::kLiteral);
      in_.next();
      in_.ignore();
      return lexeme;
    }
  }
}

Lexeme Lexer::multilineBasic() {
  for (;;) {
    const char32_t r = in_.next();
    if (r == kEof) in_.fail("unexpected EOF; expected '\"\"\"'");
    if (r == '\\') {
      if (isNewline(in_.next())) continue;  // a line-ending backslash
      in_.backup();
      escape();
    } else if (r == '"') {
      if (auto lexeme = multilineEnd('"', Lexeme::Kind::kMultilineBasic)) return *lexeme;
    }
  }
}

Lexeme Lexer::multilineLiteral() {
  for (;;) {
    const char32_t r = in_.next();
    if (r == kEof) in_.fail("unexpected EOF; expected \"'''\"");
    if (r == '\'') {
      if (auto lexeme = multilineEnd('\'', Lexeme::Kind::kMultilineLiteral)) return *lexeme;
    }
  }
}

std::optional<Lexeme> Lexer::multilineEnd(char32_t quote, Lexeme::Kind kind) {
  if (!in_.accept(quote)) return std::nullopt;
  if (!in_.accept(quote)) {
    in_.backup();
    return std::nullopt;
  }
  if (in_.peek() == quote) {  // up to two quotes may end the content, not three
    const std::string_view text = in_.current();
    if (quote == '"' && text.ends_with("\"\"\"\"\"") && !text.ends_with("\\\"\"\"\"\""))
      in_.fail("unexpected '\"\"\"\"\"\"'");
    if (quote == '\'' && text.ends_with("'''''")) in_.fail("unexpected \"''''''\"");
    in_.backup();
    in_.backup();
    return std::nullopt;
  }
  for (int i = 0; i < 3; ++i) in_.backup();
  Lexeme lexeme = emit(kind);
  for (int i = 0; i < 3; ++i) in_.next();
  in_.ignore();
  return lexeme;
}

void Lexer::escape() {
  const char32_t r = in_.next();
  switch (r) {
    case 'b':
    case 't':
    case 'n':
    case 'f':
    case 'r':
    case '"':
    case ' ':  // kept for line-ending backslashes; a lone one fails on conversion
    case '\t':
    case '\\':
      return;
    case 'u':
      return hexDigits(4, "four", 'u');
    case 'U':
      return hexDigits(8, "eight", 'U');
    default:
      in_.fail(withRune("invalid escape in string '\\", r) + "'");
  }
}

void Lexer::hexDigits(int count, const char* word, char letter) {
  for (int i = 0; i < count; ++i) {
    if (!isHex(in_.next())) {
      in_.fail(std::string("expected ") + word + " hexadecimal digits after '\\" + letter +
               "', but got " + goQuote(in_.current()) + " instead");
    }
  }
}

Lexeme Lexer::numberOrDate() {
  return in_.next() == '0' ? afterZero() : digits();
}

Lexeme Lexer::digits() {
  for (;;) {
    const char32_t r = in_.next();
    if (isDigit(r)) continue;
    if (r == '-' || r == ':') return datetime();
    if (r == '_') return decimal();
    if (r == '.' || r == 'e' || r == 'E') return fraction();
    in_.backup();
    return emit(Lexeme::Kind::kInteger);
  }
}

Lexeme Lexer::datetime() {
  for (;;) {
    const char32_t r = in_.next();
    if (isDigit(r) || r == '-' || r == ':' || r == 'T' || r == 't' || r == ' ' || r == '.' ||
        r == 'Z' || r == 'z' || r == '+')
      continue;
    in_.backup();
    Lexeme lexeme = emit(Lexeme::Kind::kDatetime);
    while (lexeme.text.ends_with(' ')) lexeme.text.pop_back();
    return lexeme;
  }
}

Lexeme Lexer::decimal() {
  for (;;) {
    const char32_t r = in_.next();
    if (isDigit(r) || r == '_') continue;
    if (r == '.' || r == 'e' || r == 'E') return fraction();
    in_.backup();
    return emit(Lexeme::Kind::kInteger);
  }
}

Lexeme Lexer::radixInteger(bool (*digit)(char32_t)) {
  for (;;) {
    const char32_t r = in_.next();
    if (digit(r) || r == '_') continue;
    in_.backup();
    return emit(Lexeme::Kind::kInteger);
  }
}

Lexeme Lexer::fraction() {
  for (;;) {
    const char32_t r = in_.next();
    if (isDigit(r) || r == '_' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E')
      continue;
    in_.backup();
    return emit(Lexeme::Kind::kFloat);
  }
}

Lexeme Lexer::afterZero() {
  const char32_t r = in_.next();
  if (isDigit(r)) return digits();
  if (r == '_') return decimal();
  if (r == '.' || r == 'e' || r == 'E') return fraction();
  struct Radix {
    char32_t letter;
    bool (*digit)(char32_t);
    const char* name;
  };
  static constexpr Radix kRadixes[] = {{'b', isBinary, "not a binary number: '"},
                                       {'o', isOctal, "not an octal number: '"},
                                       {'x', isHex, "not a hexidecimal number: '"}};
  for (const Radix& radix : kRadixes) {
    if (r != radix.letter) continue;
    const char32_t first = in_.peek();
    if (!radix.digit(first)) in_.fail(radix.name + withRune(in_.current(), first) + "'");
    return radixInteger(radix.digit);
  }
  in_.backup();
  return emit(Lexeme::Kind::kInteger);
}

Lexeme Lexer::signedNumber() {
  const char32_t r = in_.next();
  if (r == 'i' || r == 'n') {
    const bool special = r == 'i' ? in_.accept('n') && in_.accept('f')  //
                                  : in_.accept('a') && in_.accept('n');
    if (!special) in_.fail("invalid float: '" + std::string(in_.current()) + "'");
    return emit(Lexeme::Kind::kFloat);
  }
  if (r == '0') {
    const char32_t p = in_.peek();
    if (p == 'b' || p == 'o' || p == 'x')
      in_.fail("cannot use sign with non-decimal numbers: '" + withRune(in_.current(), p) + "'");
  }
  if (r == '.') in_.fail("floats must start with a digit, not '.'");
  if (isDigit(r)) return decimal();
  in_.fail("expected a digit but got " + goQuoteRune(r));
}

bool Lexer::acceptSpecialFloat() {
  return (in_.accept('n') && in_.accept('f')) || (in_.accept('a') && in_.accept('n'));
}

Lexeme Lexer::boolean() {
  std::string word;
  for (;;) {
    const char32_t r = in_.next();
    if (!isLetter(r)) {
      in_.backup();
      break;
    }
    gotmpl::appendRune(word, r);
  }
  if (word != "true" && word != "false")
    in_.fail("expected value but found " + goQuote(word) + " instead");
  return emit(Lexeme::Kind::kBool);
}

void Lexer::comment() {
  in_.ignore();
  for (;;) {
    const char32_t r = in_.next();
    if (isNewline(r) || r == kEof) {
      in_.backup();
      in_.ignore();
      return;
    }
  }
}

}  // namespace meshery::helm::detail::toml
