#pragma once

// Private to libs/helm: the rune reader under fromToml's decoder. It reads
// and steps back over runes as BurntSushi/toml's lexer (v1.4) does, so that
// every failure carries the line that decoder reports: the line of the last
// rune read, one less after reading past the end.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace meshery::helm::detail::toml {

/// What next() returns past the end (Go's lexer uses NUL as well).
constexpr char32_t kEof = 0;

/// A syntax failure: BurntSushi's message and line.
struct LexFailure {
  std::string message;
  int line;
};

bool isWhitespace(char32_t rune);
bool isNewline(char32_t rune);
bool isDigit(char32_t rune);
bool isHex(char32_t rune);
bool isBareKeyChar(char32_t rune);
/// unicode.IsLetter (outside Latin-1, approximated by excluding the
/// punctuation, symbol and private-use blocks).
bool isLetter(char32_t rune);
/// "'x'", or "end of file" for kEof, as the lexer names what it met.
std::string runeOrEof(char32_t rune);

class Scanner {
 public:
  explicit Scanner(std::string_view input) : input_(input) {}

  /// The next rune, or kEof. Invalid UTF-8, U+FFFD and control characters
  /// other than tab and newline (a carriage return only before a newline)
  /// fail at once.
  char32_t next();
  /// Steps back over the last rune read (up to four in a row), or over the end.
  void backup();
  /// Reads the next rune when it is `rune`.
  bool accept(char32_t rune);
  char32_t peek();
  /// Skips spaces and tabs and starts the current text after them.
  void skipWhitespace();
  /// Starts the current text at the read position.
  void ignore() { start_ = pos_; }
  /// The text read since the last ignore().
  [[nodiscard]] std::string_view current() const {
    return input_.substr(start_, pos_ > start_ ? pos_ - start_ : 0);
  }
  [[nodiscard]] int line() const { return line_; }

  /// Fails at the current line (the previous one after reading past the end).
  [[noreturn]] void fail(std::string message) const;
  /// Fails at the line before the current one (a string or inline table
  /// broken by a newline).
  [[noreturn]] void failPreviousLine(std::string message) const;

 private:
  std::string_view input_;
  std::size_t start_ = 0;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::array<std::size_t, 4> widths_{};
  int widths_held_ = 0;
  bool at_eof_ = false;
};

}  // namespace meshery::helm::detail::toml
