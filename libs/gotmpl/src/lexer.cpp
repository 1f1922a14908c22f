#include "lexer.hpp"

#include <algorithm>
#include <map>

#include "go_text.hpp"

namespace meshery::gotmpl::detail {
namespace {

constexpr char32_t kEof = static_cast<char32_t>(-1);
constexpr std::string_view kSpaceChars = " \t\r\n";
constexpr std::size_t kTrimMarkerLength = 2;  // the marker and the space beside it
constexpr std::string_view kLeftComment = "/*";
constexpr std::string_view kRightComment = "*/";

const std::map<std::string_view, ItemType>& keywords() {
  static const std::map<std::string_view, ItemType> table = {
      {".", ItemType::kDot},
      {"block", ItemType::kBlock},
      {"break", ItemType::kBreak},
      {"continue", ItemType::kContinue},
      {"define", ItemType::kDefine},
      {"else", ItemType::kElse},
      {"end", ItemType::kEnd},
      {"if", ItemType::kIf},
      {"range", ItemType::kRange},
      {"nil", ItemType::kNil},
      {"template", ItemType::kTemplate},
      {"with", ItemType::kWith},
  };
  return table;
}

bool isSpace(char32_t r) {
  return r == ' ' || r == '\t' || r == '\r' || r == '\n';
}

bool hasLeftTrimMarker(std::string_view s) {
  return s.size() >= 2 && s[0] == '-' && isSpace(static_cast<unsigned char>(s[1]));
}

bool hasRightTrimMarker(std::string_view s) {
  return s.size() >= 2 && isSpace(static_cast<unsigned char>(s[0])) && s[1] == '-';
}

std::size_t rightTrimLength(std::string_view s) {
  const std::size_t end = s.find_last_not_of(kSpaceChars);
  return end == std::string_view::npos ? s.size() : s.size() - end - 1;
}

std::size_t leftTrimLength(std::string_view s) {
  const std::size_t start = s.find_first_not_of(kSpaceChars);
  return start == std::string_view::npos ? s.size() : start;
}

int countNewlines(std::string_view s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

std::string Item::describe() const {
  if (type == ItemType::kEof) return "EOF";
  if (type == ItemType::kError) return value;
  if (type > ItemType::kKeyword) return "<" + value + ">";
  if (value.size() > 10) return goQuote(value.substr(0, 10)) + "...";
  return goQuote(value);
}

Lexer::Lexer(std::string_view input, std::string left_delim, std::string right_delim, bool break_ok,
             bool continue_ok)
    : input_(input),
      left_delim_(left_delim.empty() ? "{{" : std::move(left_delim)),
      right_delim_(right_delim.empty() ? "}}" : std::move(right_delim)),
      break_ok_(break_ok),
      continue_ok_(continue_ok) {}

Item Lexer::next() {
  while (items_.empty()) {
    if (state_ == State::kDone) return Item{ItemType::kEof, input_.size(), "", line_};
    step();
  }
  Item item = std::move(items_.front());
  items_.pop_front();
  return item;
}

void Lexer::step() {
  switch (state_) {
    case State::kText:
      lexText();
      return;
    case State::kLeftDelim:
      lexLeftDelim();
      return;
    case State::kInsideAction:
      lexInsideAction();
      return;
    case State::kRightDelim:
      lexRightDelim();
      return;
    case State::kDone:
      return;
  }
}

char32_t Lexer::nextRune() {
  if (pos_ >= input_.size()) {
    at_eof_ = true;
    return kEof;
  }
  const auto [rune, width] = decodeRune(input_.substr(pos_));
  pos_ += width;
  if (rune == '\n') ++line_;
  return rune;
}

char32_t Lexer::peekRune() {
  const char32_t rune = nextRune();
  backup();
  return rune;
}

void Lexer::backup() {
  if (at_eof_ || pos_ == 0) return;
  const auto [rune, width] = decodeLastRune(input_.substr(0, pos_));
  pos_ -= width;
  if (rune == '\n') --line_;
}

void Lexer::emit(ItemType type) {
  items_.push_back(
      Item{type, start_, std::string(input_.substr(start_, pos_ - start_)), start_line_});
  start_ = pos_;
  start_line_ = line_;
}

void Lexer::ignore() {
  line_ += countNewlines(input_.substr(start_, pos_ - start_));
  start_ = pos_;
  start_line_ = line_;
}

bool Lexer::accept(std::string_view valid) {
  const char32_t rune = nextRune();
  if (rune != kEof && rune < 0x80 &&
      valid.find(static_cast<char>(rune)) != std::string_view::npos) {
    return true;
  }
  backup();
  return false;
}

void Lexer::acceptRun(std::string_view valid) {
  while (accept(valid)) {
  }
}

void Lexer::error(std::string message) {
  items_.push_back(Item{ItemType::kError, start_, std::move(message), start_line_});
  state_ = State::kDone;
}

void Lexer::lexText() {
  const std::size_t found = input_.find(left_delim_, pos_);
  if (found != std::string_view::npos) {
    const std::size_t delim_length = left_delim_.size();
    pos_ = found;
    std::size_t trim_length = 0;
    if (hasLeftTrimMarker(input_.substr(pos_ + delim_length))) {
      trim_length = rightTrimLength(input_.substr(start_, pos_ - start_));
    }
    pos_ -= trim_length;
    if (pos_ > start_) {
      line_ += countNewlines(input_.substr(start_, pos_ - start_));
      emit(ItemType::kText);
    }
    pos_ += trim_length;
    ignore();
    state_ = State::kLeftDelim;
    return;
  }
  pos_ = input_.size();
  if (pos_ > start_) {
    line_ += countNewlines(input_.substr(start_, pos_ - start_));
    emit(ItemType::kText);
  }
  emit(ItemType::kEof);
  state_ = State::kDone;
}

std::pair<bool, bool> Lexer::atRightDelim() const {
  const std::string_view rest = input_.substr(pos_);
  if (hasRightTrimMarker(rest) && rest.substr(kTrimMarkerLength).starts_with(right_delim_)) {
    return {true, true};
  }
  return {rest.starts_with(right_delim_), false};
}

void Lexer::lexLeftDelim() {
  pos_ += left_delim_.size();
  const bool trim_space = hasLeftTrimMarker(input_.substr(pos_));
  const std::size_t after_marker = trim_space ? kTrimMarkerLength : 0;
  if (input_.substr(pos_ + after_marker).starts_with(kLeftComment)) {
    pos_ += after_marker;
    ignore();
    lexComment();
    return;
  }
  emit(ItemType::kLeftDelim);
  pos_ += after_marker;
  ignore();
  paren_depth_ = 0;
  state_ = State::kInsideAction;
}

void Lexer::lexComment() {
  pos_ += kLeftComment.size();
  const std::size_t end = input_.find(kRightComment, pos_);
  if (end == std::string_view::npos) return error("unclosed comment");
  pos_ = end + kRightComment.size();
  const auto [delim, trim_space] = atRightDelim();
  if (!delim) return error("comment ends before closing delimiter");
  if (trim_space) pos_ += kTrimMarkerLength;
  pos_ += right_delim_.size();
  if (trim_space) pos_ += leftTrimLength(input_.substr(pos_));
  ignore();
  state_ = State::kText;
}

void Lexer::lexRightDelim() {
  const bool trim_space = hasRightTrimMarker(input_.substr(pos_));
  if (trim_space) {
    pos_ += kTrimMarkerLength;
    ignore();
  }
  pos_ += right_delim_.size();
  emit(ItemType::kRightDelim);
  if (trim_space) {
    pos_ += leftTrimLength(input_.substr(pos_));
    ignore();
  }
  state_ = State::kText;
}

void Lexer::lexInsideAction() {
  if (atRightDelim().first) {
    if (paren_depth_ == 0) {
      state_ = State::kRightDelim;
      return;
    }
    return error("unclosed left paren");
  }
  const char32_t r = nextRune();
  if (r == kEof) return error("unclosed action");
  if (isSpace(r)) {
    backup();  // the space may belong to " -}}"
    lexSpace();
    return;
  }
  switch (r) {
    case '=':
      emit(ItemType::kAssign);
      return;
    case ':':
      if (nextRune() != '=') return error("expected :=");
      emit(ItemType::kDeclare);
      return;
    case '|':
      emit(ItemType::kPipe);
      return;
    case '"':
      lexQuote();
      return;
    case '`':
      lexRawQuote();
      return;
    case '$':
      if (atTerminator()) {
        emit(ItemType::kVariable);
        return;
      }
      lexFieldOrVariable(ItemType::kVariable);
      return;
    case '\'':
      lexChar();
      return;
    case '(':
      emit(ItemType::kLeftParen);
      ++paren_depth_;
      return;
    case ')':
      emit(ItemType::kRightParen);
      --paren_depth_;
      if (paren_depth_ < 0) return error("unexpected right paren " + describeRune(r));
      return;
    default:
      break;
  }
  if (r == '.') {
    if (pos_ < input_.size()) {
      const char following = input_[pos_];
      if (following < '0' || following > '9') {
        lexFieldOrVariable(ItemType::kField);
        return;
      }
    }
    backup();  // '.' can start a number
    lexNumber();
    return;
  }
  if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
    backup();
    lexNumber();
    return;
  }
  if (isAlphaNumeric(r)) {
    backup();
    lexIdentifier();
    return;
  }
  if (r < 0x80 && r >= 0x20 && r != 0x7F) {
    emit(ItemType::kChar);
    return;
  }
  error("unrecognized character in action: " + describeRune(r));
}

void Lexer::lexSpace() {
  int spaces = 0;
  while (isSpace(peekRune())) {
    nextRune();
    ++spaces;
  }
  // " -}}": the space belongs to the trim marker.
  if (pos_ > 0 && hasRightTrimMarker(input_.substr(pos_ - 1)) &&
      input_.substr(pos_ - 1 + kTrimMarkerLength).starts_with(right_delim_)) {
    backup();
    if (spaces == 1) {
      state_ = State::kRightDelim;
      return;
    }
  }
  emit(ItemType::kSpace);
}

void Lexer::lexIdentifier() {
  for (;;) {
    const char32_t r = nextRune();
    if (isAlphaNumeric(r)) continue;
    backup();
    const std::string_view word = input_.substr(start_, pos_ - start_);
    if (!atTerminator()) return error("bad character " + describeRune(r));
    const auto keyword = keywords().find(word);
    if (keyword != keywords().end() && keyword->second > ItemType::kKeyword) {
      const ItemType item = keyword->second;
      if ((item == ItemType::kBreak && !break_ok_) ||
          (item == ItemType::kContinue && !continue_ok_)) {
        emit(ItemType::kIdentifier);
      } else {
        emit(item);
      }
    } else if (word[0] == '.') {
      emit(ItemType::kField);
    } else if (word == "true" || word == "false") {
      emit(ItemType::kBool);
    } else {
      emit(ItemType::kIdentifier);
    }
    return;
  }
}

void Lexer::lexFieldOrVariable(ItemType type) {
  if (atTerminator()) {
    emit(type == ItemType::kVariable ? ItemType::kVariable : ItemType::kDot);
    return;
  }
  char32_t r = 0;
  for (;;) {
    r = nextRune();
    if (!isAlphaNumeric(r)) {
      backup();
      break;
    }
  }
  if (!atTerminator()) return error("bad character " + describeRune(r));
  emit(type);
}

bool Lexer::atTerminator() {
  const char32_t r = peekRune();
  if (isSpace(r)) return true;
  switch (r) {
    case kEof:
    case '.':
    case ',':
    case '|':
    case ':':
    case ')':
    case '(':
      return true;
    default:
      break;
  }
  return input_.substr(pos_).starts_with(right_delim_);
}

void Lexer::lexChar() {
  for (;;) {
    char32_t r = nextRune();
    if (r == '\\') {
      r = nextRune();
      if (r != kEof && r != '\n') continue;
    }
    if (r == kEof || r == '\n') return error("unterminated character constant");
    if (r == '\'') break;
  }
  emit(ItemType::kCharConstant);
}

void Lexer::lexNumber() {
  if (!scanNumber()) {
    return error("bad number syntax: " + goQuote(input_.substr(start_, pos_ - start_)));
  }
  const char32_t sign = peekRune();
  if (sign == '+' || sign == '-') {
    if (!scanNumber() || input_[pos_ - 1] != 'i') {
      return error("bad number syntax: " + goQuote(input_.substr(start_, pos_ - start_)));
    }
    emit(ItemType::kComplex);
    return;
  }
  emit(ItemType::kNumber);
}

bool Lexer::scanNumber() {
  accept("+-");
  std::string_view digits = "0123456789_";
  if (accept("0")) {
    if (accept("xX")) {
      digits = "0123456789abcdefABCDEF_";
    } else if (accept("oO")) {
      digits = "01234567_";
    } else if (accept("bB")) {
      digits = "01_";
    }
  }
  acceptRun(digits);
  if (accept(".")) acceptRun(digits);
  if (digits.size() == 11 && accept("eE")) {
    accept("+-");
    acceptRun("0123456789_");
  }
  if (digits.size() == 23 && accept("pP")) {
    accept("+-");
    acceptRun("0123456789_");
  }
  accept("i");
  if (isAlphaNumeric(peekRune())) {
    nextRune();
    return false;
  }
  return true;
}

void Lexer::lexQuote() {
  for (;;) {
    char32_t r = nextRune();
    if (r == '\\') {
      r = nextRune();
      if (r != kEof && r != '\n') continue;
    }
    if (r == kEof || r == '\n') return error("unterminated quoted string");
    if (r == '"') break;
  }
  emit(ItemType::kString);
}

void Lexer::lexRawQuote() {
  for (;;) {
    const char32_t r = nextRune();
    if (r == kEof) return error("unterminated raw quoted string");
    if (r == '`') break;
  }
  emit(ItemType::kRawString);
}

}  // namespace meshery::gotmpl::detail
