#include "timestamp.hpp"

#include <cstddef>

namespace meshery::yaml::detail {
namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// A cursor over the text that reads Go's "1 or 2 digit" layout fields.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool atEnd() const { return position_ == text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[position_]; }

  bool consume(char expected) {
    if (peek() != expected) return false;
    ++position_;
    return true;
  }

  // Reads exactly `count` digits when `fixed`, else one or two digits.
  bool number(int& value, std::size_t count, bool fixed) {
    value = 0;
    std::size_t read = 0;
    while (read < count && isDigit(peek())) {
      value = value * 10 + (peek() - '0');
      ++position_;
      ++read;
    }
    return fixed ? read == count : read >= 1;
  }

  // ".123" or ",123" after the seconds; absent is fine.
  bool fraction() {
    if (peek() != '.' && peek() != ',') return true;
    if (position_ + 1 >= text_.size() || !isDigit(text_[position_ + 1])) return true;
    ++position_;
    while (isDigit(peek())) ++position_;
    return true;
  }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
};

int daysIn(int month, int year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool readDate(Reader& reader) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (!reader.number(year, 4, true) || !reader.consume('-')) return false;
  if (!reader.number(month, 2, false) || !reader.consume('-')) return false;
  if (!reader.number(day, 2, false)) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

bool readTime(Reader& reader) {
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!reader.number(hour, 2, false) || !reader.consume(':')) return false;
  if (!reader.number(minute, 2, false) || !reader.consume(':')) return false;
  if (!reader.number(second, 2, false)) return false;
  return hour < 24 && minute < 60 && second < 60 && reader.fraction();
}

// "Z" or "+hh:mm" / "-hh:mm" (Go's Z07:00).
bool readZone(Reader& reader) {
  if (reader.consume('Z')) return true;
  if (!reader.consume('+') && !reader.consume('-')) return false;
  int hours = 0;
  int minutes = 0;
  if (!reader.number(hours, 2, true) || !reader.consume(':')) return false;
  return reader.number(minutes, 2, true) && hours <= 24 && minutes <= 60;
}

}  // namespace

bool isGoYamlTimestamp(std::string_view text) {
  if (text.size() < 5 || text[4] != '-') return false;
  Reader reader(text);
  if (!readDate(reader)) return false;
  if (reader.atEnd()) return true;
  if (reader.consume('T') || reader.consume('t')) {
    return readTime(reader) && readZone(reader) && reader.atEnd();
  }
  return reader.consume(' ') && readTime(reader) && reader.atEnd();
}

}  // namespace meshery::yaml::detail
