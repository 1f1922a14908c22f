#pragma once

// Private: text/template's lexer (Go's text/template/parse/lex.go): text,
// actions with trim markers, comments, and the tokens inside actions.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace meshery::gotmpl::detail {

enum class ItemType : std::uint8_t {
  kError,
  kBool,
  kChar,  // a printable ASCII character: ',' and the like
  kCharConstant,
  kComment,
  kComplex,
  kAssign,
  kDeclare,
  kEof,
  kField,
  kIdentifier,
  kLeftDelim,
  kLeftParen,
  kNumber,
  kPipe,
  kRawString,
  kRightDelim,
  kRightParen,
  kSpace,
  kString,
  kText,
  kVariable,
  kKeyword,  // only delimits the keywords below
  kBlock,
  kBreak,
  kContinue,
  kDot,
  kDefine,
  kElse,
  kEnd,
  kIf,
  kNil,
  kRange,
  kTemplate,
  kWith,
};

struct Item {
  ItemType type = ItemType::kEof;
  std::size_t pos = 0;
  std::string value;
  int line = 1;

  /// Go's item.String(): EOF, the error text, <keyword>, or a quoted value
  /// (shortened past 10 bytes).
  [[nodiscard]] std::string describe() const;
};

/// Yields the items of a template text one at a time.
class Lexer {
 public:
  Lexer(std::string_view input, std::string left_delim, std::string right_delim, bool break_ok,
        bool continue_ok);

  Item next();

 private:
  enum class State : std::uint8_t { kText, kLeftDelim, kInsideAction, kRightDelim, kDone };

  // One step of the state machine; may emit items.
  void step();
  void lexText();
  void lexLeftDelim();
  void lexComment();
  void lexRightDelim();
  void lexInsideAction();
  void lexSpace();
  void lexIdentifier();
  void lexFieldOrVariable(ItemType type);
  void lexChar();
  void lexNumber();
  void lexQuote();
  void lexRawQuote();
  bool scanNumber();

  char32_t nextRune();
  char32_t peekRune();
  void backup();
  void emit(ItemType type);
  void ignore();
  bool accept(std::string_view valid);
  void acceptRun(std::string_view valid);
  void error(std::string message);
  bool atTerminator();
  // Whether a right delimiter starts here, and whether with a trim marker.
  std::pair<bool, bool> atRightDelim() const;

  std::string_view input_;
  std::string left_delim_;
  std::string right_delim_;
  bool break_ok_;
  bool continue_ok_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;
  std::size_t last_width_ = 0;
  bool at_eof_ = false;
  int paren_depth_ = 0;
  int line_ = 1;
  int start_line_ = 1;
  State state_ = State::kText;
  std::deque<Item> items_;
};

}  // namespace meshery::gotmpl::detail
