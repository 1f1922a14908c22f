#include "go_number.hpp"

#include <cerrno>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "go_text.hpp"
#include "nodes.hpp"

namespace meshery::gotmpl::detail {
namespace {

char lower(char c) {
  return static_cast<char>(c | 0x20);
}

bool isDigitIn(char c, int base) {
  if (c >= '0' && c <= '9') return c - '0' < base;
  const char l = lower(c);
  return base == 16 && l >= 'a' && l <= 'f';
}

int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return lower(c) - 'a' + 10;
}

// Go's underscoreOK: underscores only between digits or after a base prefix.
bool underscoreOk(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    if ((s[i] >= '0' && s[i] <= '9') || (hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f')) {
      saw = '0';
      continue;
    }
    if (s[i] == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

std::optional<std::uint64_t> parseUnsignedBody(std::string_view original, std::string_view s) {
  if (s.empty()) return std::nullopt;
  int base = 10;
  bool prefixed = false;
  if (s[0] == '0') {
    if (s.size() >= 3 && lower(s[1]) == 'x') {
      base = 16;
      s.remove_prefix(2);
    } else if (s.size() >= 3 && lower(s[1]) == 'o') {
      base = 8;
      s.remove_prefix(2);
    } else if (s.size() >= 3 && lower(s[1]) == 'b') {
      base = 2;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
      prefixed = true;  // a lone "0" is zero
    }
  }
  if (s.empty() && !prefixed) return std::nullopt;
  std::uint64_t value = 0;
  bool underscores = false;
  for (const char c : s) {
    if (c == '_') {
      underscores = true;
      continue;
    }
    if (!isDigitIn(c, base)) return std::nullopt;
    const auto digit = static_cast<std::uint64_t>(digitValue(c));
    if (value >
        (std::numeric_limits<std::uint64_t>::max() - digit) / static_cast<std::uint64_t>(base)) {
      return std::nullopt;
    }
    value = value * static_cast<std::uint64_t>(base) + digit;
  }
  if (underscores && !underscoreOk(original)) return std::nullopt;
  return value;
}

// Checks Go float syntax and returns the text strtod should read.
std::optional<std::string> floatText(std::string_view text) {
  std::string out;
  std::string_view s = text;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    out += s[0];
    s.remove_prefix(1);
  }
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' && lower(s[1]) == 'x') {
    hex = true;
    out += "0x";
    s.remove_prefix(2);
  }
  const int base = hex ? 16 : 10;
  bool digits = false;
  bool dot = false;
  bool underscores = false;
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (dot) return std::nullopt;
      dot = true;
      out += c;
    } else if (isDigitIn(c, base)) {
      digits = true;
      out += c;
    } else {
      break;
    }
  }
  if (!digits) return std::nullopt;
  if (i < s.size()) {
    const char exponent = lower(s[i]);
    if ((hex && exponent != 'p') || (!hex && exponent != 'e')) return std::nullopt;
    out += exponent;
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) out += s[i++];
    bool exponent_digits = false;
    for (; i < s.size(); ++i) {
      if (s[i] == '_') {
        underscores = true;
      } else if (s[i] >= '0' && s[i] <= '9') {
        exponent_digits = true;
        out += s[i];
      } else {
        return std::nullopt;
      }
    }
    if (!exponent_digits) return std::nullopt;
  } else if (hex) {
    return std::nullopt;  // a hex float needs its p exponent
  }
  if (underscores && !underscoreOk(text)) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::uint64_t> parseGoUint(std::string_view text) {
  return parseUnsignedBody(text, text);
}

std::optional<std::int64_t> parseGoInt(std::string_view text) {
  bool negative = false;
  std::string_view body = text;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  const auto magnitude = parseUnsignedBody(text, body);
  if (!magnitude) return std::nullopt;
  constexpr auto kLimit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (negative) {
    if (*magnitude > kLimit + 1) return std::nullopt;
    return static_cast<std::int64_t>(0 - *magnitude);
  }
  if (*magnitude > kLimit) return std::nullopt;
  return static_cast<std::int64_t>(*magnitude);
}

std::optional<double> parseGoFloat(std::string_view text) {
  const auto cleaned = floatText(text);
  if (!cleaned) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(cleaned->c_str(), &end);
  if (end != cleaned->c_str() + cleaned->size()) return std::nullopt;
  if (errno == ERANGE && std::isinf(value)) return std::nullopt;
  return value;
}

std::optional<std::string> parseNumberLiteral(NumberNode& n, bool is_char, bool is_complex) {
  const std::string& text = n.literal;
  if (is_char) {
    const auto rune = goUnquoteRune(text);
    if (!rune) return std::string("invalid syntax");
    n.int_value = static_cast<std::int64_t>(*rune);
    n.uint_value = static_cast<std::uint64_t>(*rune);
    n.float_value = static_cast<double>(*rune);
    n.is_int = n.is_uint = n.is_float = true;
    return std::nullopt;
  }
  if (is_complex) {
    n.is_complex = true;
    return std::nullopt;
  }
  if (!text.empty() && text.back() == 'i' &&
      parseGoFloat(std::string_view(text).substr(0, text.size() - 1))) {
    n.is_complex = true;
    return std::nullopt;
  }
  const auto u = parseGoUint(text);
  if (u) {
    n.is_uint = true;
    n.uint_value = *u;
  }
  if (const auto i = parseGoInt(text)) {
    n.is_int = true;
    n.int_value = *i;
    if (*i == 0) {
      n.is_uint = true;
      n.uint_value = 0;
    }
  }
  if (n.is_int) {
    n.is_float = true;
    n.float_value = static_cast<double>(n.int_value);
  } else if (n.is_uint) {
    n.is_float = true;
    n.float_value = static_cast<double>(n.uint_value);
  } else if (const auto f = parseGoFloat(text)) {
    if (text.find_first_of(".eEpP") == std::string::npos) {
      return "integer overflow: " + goQuote(text);
    }
    n.is_float = true;
    n.float_value = *f;
    if (std::abs(*f) < 9.3e18 && static_cast<double>(static_cast<std::int64_t>(*f)) == *f) {
      n.is_int = true;
      n.int_value = static_cast<std::int64_t>(*f);
    }
    if (*f >= 0 && *f < 1.8e19 && static_cast<double>(static_cast<std::uint64_t>(*f)) == *f) {
      n.is_uint = true;
      n.uint_value = static_cast<std::uint64_t>(*f);
    }
  }
  if (!n.is_int && !n.is_uint && !n.is_float) return "illegal number syntax: " + goQuote(text);
  return std::nullopt;
}

}  // namespace meshery::gotmpl::detail
