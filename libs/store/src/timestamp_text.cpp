#include "timestamp_text.hpp"

#include <chrono>
#include <cstdio>

namespace meshery::store {
namespace {

using std::chrono::microseconds;
using std::chrono::nanoseconds;

/// Reads fixed-width decimal fields and single characters left to right.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::optional<int> digits(std::size_t count) {
    if (text_.size() - position_ < count) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      char c = text_[position_ + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    position_ += count;
    return value;
  }

  bool take(char expected) {
    if (position_ < text_.size() && text_[position_] == expected) {
      ++position_;
      return true;
    }
    return false;
  }

  [[nodiscard]] bool done() const { return position_ == text_.size(); }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
};

/// Fraction digits after the decimal point, as nanoseconds (at most 9 digits).
std::optional<nanoseconds> fraction(Scanner& scanner) {
  if (!scanner.take('.')) return nanoseconds(0);
  long long value = 0;
  int count = 0;
  while (auto digit = scanner.digits(1)) {
    if (++count > 9) return std::nullopt;
    value = value * 10 + *digit;
  }
  if (count == 0) return std::nullopt;
  for (int i = count; i < 9; ++i) value *= 10;
  return nanoseconds(value);
}

/// "Z", "+HH", "+HHMM" or "+HH:MM" (and the same with '-'), as an offset east of UTC.
std::optional<std::chrono::minutes> utcOffset(Scanner& scanner) {
  if (scanner.take('Z')) return std::chrono::minutes(0);
  int sign = scanner.take('+') ? 1 : (scanner.take('-') ? -1 : 0);
  if (sign == 0) return std::nullopt;
  auto hours = scanner.digits(2);
  if (!hours) return std::nullopt;
  int minutes = 0;
  if (!scanner.done()) {
    scanner.take(':');
    auto parsed = scanner.digits(2);
    if (!parsed) return std::nullopt;
    minutes = *parsed;
  }
  return std::chrono::minutes(sign * (*hours * 60 + minutes));
}

}  // namespace

std::string formatTimestamp(Timestamp time) {
  auto micros = std::chrono::floor<microseconds>(time);
  auto day = std::chrono::floor<std::chrono::days>(micros);
  std::chrono::year_month_day date{day};
  std::chrono::hh_mm_ss<microseconds> clock{micros - day};
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%06lldZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()),
                static_cast<long long>(clock.subseconds().count()));
  return buffer;
}

std::optional<Timestamp> parseTimestamp(std::string_view text) {
  Scanner scanner(text);
  auto year = scanner.digits(4);
  if (!year || !scanner.take('-')) return std::nullopt;
  auto month = scanner.digits(2);
  if (!month || !scanner.take('-')) return std::nullopt;
  auto day = scanner.digits(2);
  if (!day || !(scanner.take('T') || scanner.take(' '))) return std::nullopt;
  auto hour = scanner.digits(2);
  if (!hour || !scanner.take(':')) return std::nullopt;
  auto minute = scanner.digits(2);
  if (!minute || !scanner.take(':')) return std::nullopt;
  auto second = scanner.digits(2);
  if (!second) return std::nullopt;
  auto subsecond = fraction(scanner);
  auto offset = subsecond ? utcOffset(scanner) : std::nullopt;
  if (!offset || !scanner.done()) return std::nullopt;

  std::chrono::year_month_day date{std::chrono::year(*year),
                                   std::chrono::month(static_cast<unsigned>(*month)),
                                   std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  auto local = std::chrono::sys_days(date) + std::chrono::hours(*hour) +
               std::chrono::minutes(*minute) + std::chrono::seconds(*second) + *subsecond;
  return std::chrono::time_point_cast<Timestamp::duration>(local - *offset);
}

}  // namespace meshery::store
