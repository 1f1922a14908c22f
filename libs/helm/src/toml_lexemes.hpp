#pragma once

// Private to libs/helm: the single tokens of TOML (keys' parts, strings,
// numbers, date-times, booleans, comments) read the way BurntSushi/toml's
// lexer (v1.4) reads them, failing with its messages. The structure around
// them (tables, arrays, inline tables) is toml_decode.cpp's.

#include <optional>
#include <string>

#include "meshery/gotmpl/value.hpp"
#include "toml_scanner.hpp"

namespace meshery::helm::detail::toml {

/// One token's text and the line the lexer reports for it.
struct Lexeme {
  enum class Kind {
    kBare,
    kBasic,
    kLiteral,
    kMultilineBasic,
    kMultilineLiteral,
    kInteger,
    kFloat,
    kBool,
    kDatetime
  };
  Kind kind;
  std::string text;
  int line;
};

/// The template value of a scalar token (kBare: its text). Throws
/// ValueFailure (toml_values.hpp) when it does not convert.
gotmpl::Value scalarValue(const Lexeme& lexeme);

class Lexer {
 public:
  explicit Lexer(Scanner& scanner) : in_(scanner) {}

  /// A bare key part (possibly empty: the caller then fails on what follows).
  Lexeme bareName();
  /// A quoted key part; the quote is next.
  Lexeme quotedName();
  /// The string after its opening quote.
  Lexeme basicString();
  Lexeme literalString();
  /// The string after an opening triple quote.
  Lexeme multilineBasic();
  Lexeme multilineLiteral();
  /// A number or date-time whose first digit is next.
  Lexeme numberOrDate();
  /// A number after its sign ("-1", "+inf").
  Lexeme signedNumber();
  /// Whether "inf" or "nan" is read, its first letter already read; when
  /// not, the scanner stays where BurntSushi's lexer leaves it.
  bool acceptSpecialFloat();
  /// A word that must be true or false; its first letter is next.
  Lexeme boolean();
  /// The rest of a comment after its '#'.
  void comment();

  /// The text read since the last ignore() as a token, and a new start.
  Lexeme emit(Lexeme::Kind kind);

 private:
  /// After a quote in a multi-line string: the string when this is its
  /// closing triple quote, nullopt to read on.
  std::optional<Lexeme> multilineEnd(char32_t quote, Lexeme::Kind kind);
  void escape();
  void hexDigits(int count, const char* word, char letter);
  Lexeme afterZero();
  Lexeme digits();
  Lexeme datetime();
  Lexeme decimal();
  Lexeme radixInteger(bool (*digit)(char32_t));
  Lexeme fraction();

  Scanner& in_;
};

}  // namespace meshery::helm::detail::toml
