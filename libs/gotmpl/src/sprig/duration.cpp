// Go's time.ParseDuration and Duration.String.

#include <cstdlib>
#include <limits>
#include <string>

#include "go_time.hpp"

namespace meshery::gotmpl::sprig {

std::optional<std::int64_t> parseDuration(std::string_view original, std::string* error) {
  std::string_view text = original;
  const auto invalid = [&](std::string message) -> std::optional<std::int64_t> {
    if (error != nullptr) *error = std::move(message);
    return std::nullopt;
  };
  const std::string quoted = "\"" + std::string(original) + "\"";
  if (text == "0") return 0;
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return invalid("time: invalid duration " + quoted);
  long double total = 0;
  while (!text.empty()) {
    std::size_t i = 0;
    while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
    if (i == 0 || (i == 1 && text[0] == '.')) return invalid("time: invalid duration " + quoted);
    const long double value = std::strtold(std::string(text.substr(0, i)).c_str(), nullptr);
    text.remove_prefix(i);
    std::size_t j = 0;
    while (j < text.size() && !((text[j] >= '0' && text[j] <= '9') || text[j] == '.')) ++j;
    const std::string_view unit = text.substr(0, j);
    text.remove_prefix(j);
    long double scale = 0;
    if (unit == "ns")
      scale = 1;
    else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
      scale = 1e3L;
    else if (unit == "ms")
      scale = 1e6L;
    else if (unit == "s")
      scale = 1e9L;
    else if (unit == "m")
      scale = 60e9L;
    else if (unit == "h")
      scale = 3600e9L;
    else if (unit.empty())
      return invalid("time: missing unit in duration " + quoted);
    else
      return invalid("time: unknown unit \"" + std::string(unit) + "\" in duration " + quoted);
    total += value * scale;
  }
  if (total > static_cast<long double>(std::numeric_limits<std::int64_t>::max())) {
    return invalid("time: invalid duration " + quoted);
  }
  const auto nanos = static_cast<std::int64_t>(total);
  return negative ? -nanos : nanos;
}

std::string durationText(std::int64_t d) {
  if (d == 0) return "0s";
  std::uint64_t u = d < 0 ? 0 - static_cast<std::uint64_t>(d) : static_cast<std::uint64_t>(d);
  std::string out;
  const auto fraction = [](std::uint64_t value, int digits) {
    std::string frac;
    bool print = false;
    for (int i = 0; i < digits; ++i) {
      const auto digit = static_cast<char>('0' + value % 10);
      print = print || digit != '0';
      if (print) frac.insert(frac.begin(), digit);
      value /= 10;
    }
    return std::make_pair(print ? "." + frac : std::string(), value);
  };
  if (u < 1'000'000'000) {
    int digits = 0;
    std::string unit;
    if (u < 1000) {
      unit = "ns";
    } else if (u < 1'000'000) {
      digits = 3;
      unit = "\xC2\xB5s";
    } else {
      digits = 6;
      unit = "ms";
    }
    const auto [frac, whole] = fraction(u, digits);
    out = std::to_string(whole) + frac + unit;
  } else {
    const auto [frac, seconds_total] = fraction(u, 9);
    const std::uint64_t seconds = seconds_total % 60;
    const std::uint64_t minutes_total = seconds_total / 60;
    out = std::to_string(seconds) + frac + "s";
    if (minutes_total > 0) {
      out = std::to_string(minutes_total % 60) + "m" + out;
      const std::uint64_t hours = minutes_total / 60;
      if (hours > 0) out = std::to_string(hours) + "h" + out;
    }
  }
  return d < 0 ? "-" + out : out;
}

}  // namespace meshery::gotmpl::sprig
