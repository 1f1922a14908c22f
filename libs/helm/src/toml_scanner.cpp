#include "toml_scanner.hpp"

#include <cstdio>
#include <stdexcept>
#include <utility>

#include "meshery/gotmpl/go_text.hpp"

namespace meshery::helm::detail::toml {
namespace {

bool inRange(char32_t rune, char32_t low, char32_t high) {
  return rune >= low && rune <= high;
}

/// Control characters but tab, newline and carriage return.
bool isControl(char32_t rune) {
  return rune != '\t' && rune != '\n' && rune != '\r' && (rune <= 0x1f || rune == 0x7f);
}

std::string hexByte(unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02x", value);
  return buffer;
}

}  // namespace

bool isWhitespace(char32_t rune) {
  return rune == ' ' || rune == '\t';
}

bool isNewline(char32_t rune) {
  return rune == '\n' || rune == '\r';
}

bool isDigit(char32_t rune) {
  return rune >= '0' && rune <= '9';
}

bool isHex(char32_t rune) {
  return isDigit(rune) || inRange(rune | 0x20U, 'a', 'f');
}

bool isBareKeyChar(char32_t rune) {
  return inRange(rune, 'A', 'Z') || inRange(rune, 'a', 'z') || isDigit(rune) || rune == '_' ||
         rune == '-';
}

bool isLetter(char32_t rune) {
  if (rune < 0x80) return inRange(rune, 'A', 'Z') || inRange(rune, 'a', 'z');
  if (rune < 0x100) {
    return rune == 0xAA || rune == 0xB5 || rune == 0xBA ||
           (rune >= 0xC0 && rune != 0xD7 && rune != 0xF7);
  }
  return !(inRange(rune, 0x2000, 0x2BFF) || inRange(rune, 0x3000, 0x303F) ||
           inRange(rune, 0xE000, 0xF8FF) || inRange(rune, 0xFE00, 0xFE6F) ||
           inRange(rune, 0xFF00, 0xFF20) || inRange(rune, 0x1F000, 0x1FAFF) || rune >= 0xF0000);
}

std::string runeOrEof(char32_t rune) {
  if (rune == kEof) return "end of file";
  std::string out = "'";
  gotmpl::appendRune(out, rune);
  return out + "'";
}

char32_t Scanner::next() {
  if (at_eof_) throw std::logic_error("toml scanner: read past the end");
  if (pos_ >= input_.size()) {
    at_eof_ = true;
    return kEof;
  }
  if (input_[pos_] == '\n') ++line_;
  widths_[3] = widths_[2];
  widths_[2] = widths_[1];
  widths_[1] = widths_[0];
  if (widths_held_ < 4) ++widths_held_;
  const auto byte = static_cast<unsigned char>(input_[pos_]);
  const auto [rune, width] = byte < 0x80 ? std::pair<char32_t, std::size_t>{byte, 1}
                                         : gotmpl::decodeRune(input_.substr(pos_));
  if (rune == 0xFFFD) {
    throw LexFailure{"invalid UTF-8 byte: " + hexByte(static_cast<unsigned char>(input_[pos_])),
                     line_};
  }
  const bool lone_return = rune == '\r' && (pos_ + 1 == input_.size() || input_[pos_ + 1] != '\n');
  if (isControl(rune) || lone_return) {
    throw LexFailure{"TOML files cannot contain control characters: '" +
                         hexByte(static_cast<unsigned>(rune)) + "'",
                     line_};
  }
  widths_[0] = width;
  pos_ += width;
  return rune;
}

void Scanner::backup() {
  if (at_eof_) {
    at_eof_ = false;
    return;
  }
  if (widths_held_ < 1) throw std::logic_error("toml scanner: backed up too far");
  const std::size_t width = widths_[0];
  widths_[0] = widths_[1];
  widths_[1] = widths_[2];
  widths_[2] = widths_[3];
  --widths_held_;
  pos_ -= width;
  if (pos_ < input_.size() && input_[pos_] == '\n') --line_;
}

bool Scanner::accept(char32_t rune) {
  if (next() == rune) return true;
  backup();
  return false;
}

char32_t Scanner::peek() {
  const char32_t rune = next();
  backup();
  return rune;
}

void Scanner::skipWhitespace() {
  while (isWhitespace(next())) {
  }
  backup();
  ignore();
}

void Scanner::fail(std::string message) const {
  throw LexFailure{std::move(message), at_eof_ ? line_ - 1 : line_};
}

void Scanner::failPreviousLine(std::string message) const {
  throw LexFailure{std::move(message), line_ - 1};
}

}  // namespace meshery::helm::detail::toml
