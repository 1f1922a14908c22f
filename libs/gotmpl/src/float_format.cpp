// strconv.FormatFloat for 'e', 'f' and 'g': Go's shortest representation
// and its exponent rules ("1e+06" for %v of a million), from the exact
// decimal digits std::to_chars gives.

#include <charconv>
#include <cmath>
#include <string>

#include "meshery/gotmpl/format.hpp"

namespace meshery::gotmpl {
namespace {

/// A decimal 0.d1d2...dn × 10^dp, as strconv's ftoa holds it.
struct Decimal {
  std::string digits;  // no trailing zeros; empty for zero
  int dp = 0;
};

// From to_chars' scientific form "d.ddde±XX".
Decimal decimalOf(std::string_view scientific) {
  Decimal d;
  const std::size_t e = scientific.find('e');
  for (const char c : scientific.substr(0, e)) {
    if (c != '.') d.digits += c;
  }
  int exponent = 0;
  std::from_chars(scientific.data() + e + (scientific[e + 1] == '+' ? 2 : 1),
                  scientific.data() + scientific.size(), exponent);
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  d.dp = d.digits.empty() ? 0 : exponent + 1;
  return d;
}

Decimal shortestDecimal(double magnitude) {
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof(buffer), magnitude, std::chars_format::scientific);
  return decimalOf(std::string_view(buffer, result.ptr));
}

Decimal roundedDecimal(double magnitude, int significant) {
  char buffer[512];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), magnitude,
                                    std::chars_format::scientific, significant - 1);
  return decimalOf(std::string_view(buffer, result.ptr));
}

void formatE(std::string& out, const Decimal& d, int prec, char letter) {
  out += d.digits.empty() ? '0' : d.digits[0];
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; ++i) {
      out += i < static_cast<int>(d.digits.size()) ? d.digits[static_cast<std::size_t>(i)] : '0';
    }
  }
  out += letter;
  int exponent = d.digits.empty() ? 0 : d.dp - 1;
  out += exponent < 0 ? '-' : '+';
  exponent = std::abs(exponent);
  if (exponent < 10) out += '0';
  out += std::to_string(exponent);
}

void formatF(std::string& out, const Decimal& d, int prec) {
  const int nd = static_cast<int>(d.digits.size());
  if (d.dp > 0) {
    for (int i = 0; i < d.dp; ++i) out += i < nd ? d.digits[static_cast<std::size_t>(i)] : '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; ++i) {
      const int j = d.dp + i - 1;
      out += j >= 0 && j < nd ? d.digits[static_cast<std::size_t>(j)] : '0';
    }
  }
}

}  // namespace

std::string formatFloat(double value, char format, int precision) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  std::string out;
  if (std::signbit(value)) out += '-';
  const double magnitude = std::fabs(value);
  const bool upper = format == 'E' || format == 'G';
  const char lower_format = static_cast<char>(format | 0x20);
  if (lower_format == 'f' && precision >= 0) {
    char buffer[400];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), magnitude,
                                      std::chars_format::fixed, precision);
    out.append(buffer, result.ptr);
    return out;
  }
  const bool shortest = precision < 0;
  Decimal d;
  if (shortest) {
    d = shortestDecimal(magnitude);
  } else if (lower_format == 'e') {
    d = roundedDecimal(magnitude, precision + 1);
  } else {
    if (precision == 0) precision = 1;
    d = roundedDecimal(magnitude, precision);
  }
  const int nd = static_cast<int>(d.digits.size());
  switch (lower_format) {
    case 'e':
      formatE(out, d, shortest ? std::max(nd - 1, 0) : precision, upper ? 'E' : 'e');
      return out;
    case 'f':
      formatF(out, d, std::max(nd - d.dp, 0));
      return out;
    default: {
      int prec = shortest ? nd : precision;
      int eprec = prec;
      if (eprec > nd && nd >= d.dp) eprec = nd;
      if (shortest) eprec = 6;
      const int exponent = d.dp - 1;
      if (exponent < -4 || exponent >= eprec) {
        if (prec > nd) prec = nd;
        formatE(out, d, std::max(prec - 1, 0), upper ? 'E' : 'e');
        return out;
      }
      if (prec > d.dp) prec = nd;
      formatF(out, d, std::max(prec - d.dp, 0));
      return out;
    }
  }
}

}  // namespace meshery::gotmpl
