#include "go_number.hpp"

#include <locale.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace meshery::yaml::detail {
namespace {

int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// The "C" locale, so that a process-wide setlocale() never changes how a
// decimal point is read.
locale_t cLocale() {
  static const locale_t locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  return locale;
}

// Digits and exponent of the shortest decimal form that reads back as the
// same float32, e.g. 1.5e-05 -> digits "15", point 1 - 5 = -4.
struct Decimal {
  bool negative = false;
  std::string digits;
  int point = 0;  // the decimal point sits after `point` digits
};

Decimal shortestFloat32(float value) {
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  Decimal decimal;
  std::size_t i = 0;
  if (text[i] == '-') {
    decimal.negative = true;
    ++i;
  }
  for (; i < text.size() && text[i] != 'e'; ++i) {
    if (text[i] != '.') decimal.digits += text[i];
  }
  int exponent = 0;
  std::from_chars(text.data() + i + 1 + (text[i + 1] == '+' ? 1 : 0), text.data() + text.size(),
                  exponent);
  decimal.point = exponent + 1;
  return decimal;
}

std::string formatExponent(const Decimal& decimal) {
  std::string out(1, decimal.digits[0]);
  if (decimal.digits.size() > 1) out += "." + decimal.digits.substr(1);
  const int exponent = decimal.point - 1;
  out += exponent < 0 ? "e-" : "e+";
  const int magnitude = exponent < 0 ? -exponent : exponent;
  if (magnitude < 10) out += '0';
  out += std::to_string(magnitude);
  return out;
}

std::string formatFixed(const Decimal& decimal) {
  const int count = static_cast<int>(decimal.digits.size());
  auto digitAt = [&](int index) {
    return (index >= 0 && index < count) ? decimal.digits[static_cast<std::size_t>(index)] : '0';
  };
  std::string out;
  if (decimal.point > 0) {
    for (int i = 0; i < decimal.point; ++i) out += digitAt(i);
  } else {
    out = "0";
  }
  const int fraction = count - decimal.point;
  if (fraction > 0) {
    out += '.';
    for (int i = 0; i < fraction; ++i) out += digitAt(decimal.point + i);
  }
  return out;
}

}  // namespace

std::optional<std::uint64_t> parseGoUint(std::string_view text) {
  if (text.empty()) return std::nullopt;
  unsigned base = 10;
  if (text[0] == '0') {
    const char prefix = text.size() >= 3 ? lower(text[1]) : '\0';
    if (prefix == 'b' || prefix == 'o' || prefix == 'x') {
      base = prefix == 'b' ? 2 : (prefix == 'o' ? 8 : 16);
      text.remove_prefix(2);
    } else {
      base = 8;
      text.remove_prefix(1);
    }
  }
  std::uint64_t value = 0;
  constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
  for (const char c : text) {
    const auto digit = static_cast<unsigned>(digitValue(c));
    if (digit >= base) return std::nullopt;
    if (value > (kMax - digit) / base) return std::nullopt;
    value = value * base + digit;
  }
  return value;
}

std::optional<std::int64_t> parseGoInt(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  const auto magnitude = parseGoUint(text);
  if (!magnitude) return std::nullopt;
  constexpr auto kLimit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (!negative) {
    if (*magnitude > kLimit) return std::nullopt;
    return static_cast<std::int64_t>(*magnitude);
  }
  if (*magnitude > kLimit + 1) return std::nullopt;
  if (*magnitude == kLimit + 1) return std::numeric_limits<std::int64_t>::min();
  return -static_cast<std::int64_t>(*magnitude);
}

std::optional<double> parseDecimalFloat(std::string_view text) {
  const std::string copy(text);
  char* end = nullptr;
  errno = 0;
  const double value = strtod_l(copy.c_str(), &end, cLocale());
  if (end != copy.c_str() + copy.size()) return std::nullopt;
  // Go returns ±Inf with ErrRange on overflow, but the nearest (possibly
  // subnormal or zero) value without error on underflow.
  if (errno == ERANGE && std::isinf(value)) return std::nullopt;
  return value;
}

std::string formatGoFloatKey(double value) {
  if (std::isnan(value)) return ".nan";
  // float32(value) in Go rounds to +-Inf beyond the largest float32 plus half
  // an ulp; casting such a double in C++ would be undefined behaviour.
  constexpr double kFloat32Overflow = 0x1.ffffffp127;
  if (std::isinf(value) || std::fabs(value) >= kFloat32Overflow) {
    return value > 0 ? ".inf" : "-.inf";
  }
  const Decimal decimal = shortestFloat32(static_cast<float>(value));
  const int exponent = decimal.point - 1;
  // Go's %g with the shortest precision switches to the exponent form below
  // 1e-4 and from 1e6 (eprec = 6 in strconv.FormatFloat).
  std::string out = decimal.negative ? "-" : "";
  out += (exponent < -4 || exponent >= 6) ? formatExponent(decimal) : formatFixed(decimal);
  return out;
}

}  // namespace meshery::yaml::detail
