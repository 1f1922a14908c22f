#include "toml_values.hpp"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "meshery/gotmpl/go_text.hpp"
#include "meshery/gotmpl/time_value.hpp"
#include "toml_scanner.hpp"

namespace meshery::helm::detail::toml {
namespace {

using gotmpl::Value;

std::string_view dropFirstNewline(std::string_view text) {
  if (text.starts_with('\n')) return text.substr(1);
  if (text.starts_with("\r\n")) return text.substr(2);
  return text;
}

/// Line-ending backslashes removed with the whitespace (newlines included)
/// up to the next other character; other backslashes stay for unescaping.
std::string joinEscapedLines(std::string_view text) {
  std::string out;
  std::size_t from = 0;
  std::size_t at = 0;
  while ((at = text.find('\\', at)) != std::string_view::npos) {
    if (at + 1 < text.size() && text[at + 1] == '\\') {
      at += 2;
      continue;
    }
    std::size_t end = at + 1;
    while (end < text.size() &&
           (text[end] == ' ' || text[end] == '\t' || text[end] == '\r' || text[end] == '\n'))
      ++end;
    if (text.substr(at, end - at).find('\n') == std::string_view::npos) {
      ++at;
      continue;
    }
    out.append(text.substr(from, at - from));
    from = at = end;
  }
  out.append(text.substr(from));
  return out;
}

/// Every '_' between two characters that are not '_' (hex digits, for
/// every base), as BurntSushi checks it.
bool underscoresOk(std::string_view text) {
  if (text == "nan" || text == "+nan" || text == "-nan" || text == "inf" || text == "+inf" ||
      text == "-inf")
    return true;
  bool accept = false;
  for (const char c : text) {
    if (c == '_' && !accept) return false;
    accept = isHex(static_cast<unsigned char>(c));
  }
  return accept;
}

bool hasLeadingZero(std::string_view text) {
  if (text.size() > 1 && text[0] == '0' && text[1] != 'b' && text[1] != 'o' && text[1] != 'x')
    return true;
  return text.size() > 2 && (text[0] == '-' || text[0] == '+') && text[1] == '0';
}

/// Every '.' followed by a digit.
bool periodsOk(std::string_view text) {
  bool period = false;
  for (const char c : text) {
    if (period && !isDigit(static_cast<unsigned char>(c))) return false;
    period = c == '.';
  }
  return !period;
}

std::string withoutUnderscores(std::string_view text) {
  std::string out;
  for (const char c : text)
    if (c != '_') out += c;
  return out;
}

/// Go's decimal float syntax (what strconv.ParseFloat reads, sign included).
bool isDecimalFloat(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  for (; i < text.size() && isDigit(static_cast<unsigned char>(text[i])); ++i) ++digits;
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && isDigit(static_cast<unsigned char>(text[i])); ++i) ++digits;
  }
  if (digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exponent = 0;
    for (; i < text.size() && isDigit(static_cast<unsigned char>(text[i])); ++i) ++exponent;
    if (exponent == 0) return false;
  }
  return i == text.size();
}

char32_t escapedRune(std::string_view hex) {
  const auto value = std::strtoul(std::string(hex).c_str(), nullptr, 16);
  if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    throw ValueFailure{"Escaped character '\\u" + std::string(hex) + "' is not valid UTF-8."};
  return static_cast<char32_t>(value);
}

/// The time zone BurntSushi gives a date-time without an offset.
gotmpl::TimeZone localZone(const char* name) {
  static const int offset = gotmpl::localOffsetNow();
  return {name, offset};
}

/// Go's time.Parse takes numbers without their leading zero; TOML does not.
/// The layout's separators must sit where the text has them.
bool missingLeadingZero(std::string_view text, std::string_view layout) {
  for (std::size_t i = 0; i < layout.size(); ++i) {
    const char c = layout[i];
    if (c == '.' || c == 'Z') return false;
    if (!isDigit(static_cast<unsigned char>(c)) && (i >= text.size() || text[i] != c)) return true;
  }
  return false;
}

}  // namespace

std::string unescapeBasic(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 >= text.size()) {
      out += text[i];
      continue;
    }
    const char kind = text[++i];
    switch (kind) {
      case ' ':
      case '\t':
        throw ValueFailure{std::string("invalid escape: '\\") + kind + "'"};
      case 'b':
        out += '\b';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'f':
        out += '\f';
        break;
      case 'r':
        out += '\r';
        break;
      case '"':
      case '\\':
        out += kind;
        break;
      case 'u':
      case 'U': {
        const std::size_t digits = kind == 'u' ? 4 : 8;
        gotmpl::appendRune(out, escapedRune(text.substr(i + 1, digits)));
        i += digits;
        break;
      }
      default:  // the lexer lets nothing else through
        out += kind;
    }
  }
  return out;
}

std::string unescapeMultiline(std::string_view text) {
  return unescapeBasic(joinEscapedLines(dropFirstNewline(text)));
}

std::string literalMultiline(std::string_view text) {
  return std::string(dropFirstNewline(text));
}

Value integerValue(std::string_view text) {
  if (!underscoresOk(text)) {
    throw ValueFailure{"Invalid integer " + gotmpl::goQuote(text) +
                       ": underscores must be surrounded by digits"};
  }
  if (hasLeadingZero(text)) {
    throw ValueFailure{"Invalid integer " + gotmpl::goQuote(text) + ": cannot have leading zeroes"};
  }
  std::string digits = withoutUnderscores(text);
  bool negative = false;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    negative = digits[0] == '-';
    digits.erase(0, 1);
  }
  int base = 10;
  if (digits.size() > 1 && digits[0] == '0' &&
      (digits[1] == 'x' || digits[1] == 'o' || digits[1] == 'b')) {
    base = digits[1] == 'x' ? 16 : digits[1] == 'o' ? 8 : 2;
    digits.erase(0, 2);
  }
  errno = 0;
  const unsigned long long magnitude = std::strtoull(digits.c_str(), nullptr, base);
  const unsigned long long limit = negative ? 9223372036854775808ULL : 9223372036854775807ULL;
  if (errno == ERANGE || magnitude > limit)
    throw ValueFailure{std::string(text) + " is out of range for int64"};
  const auto number =
      negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  return Value::integer(number, gotmpl::IntType::kInt64);
}

Value floatValue(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = text.find_first_of(".eE", begin);
    const std::string_view part =
        text.substr(begin, end == std::string_view::npos ? end : end - begin);
    if (!part.empty() && !underscoresOk(part)) {
      throw ValueFailure{"Invalid float " + gotmpl::goQuote(text) +
                         ": underscores must be surrounded by digits"};
    }
    if (end == std::string_view::npos) break;
    begin = end + 1;
  }
  const std::size_t first_end = text.find_first_of(".eE");
  if (first_end != 0 && hasLeadingZero(text.substr(0, first_end))) {
    throw ValueFailure{"Invalid float " + gotmpl::goQuote(text) + ": cannot have leading zeroes"};
  }
  if (!periodsOk(text)) {
    throw ValueFailure{"Invalid float " + gotmpl::goQuote(text) +
                       ": '.' must be followed by one or more digits"};
  }
  const std::string plain = withoutUnderscores(text);
  if (plain == "nan" || plain == "+nan" || plain == "-nan")
    return Value::number(plain[0] == '-' ? -std::nan("") : std::nan(""));
  if (plain == "inf" || plain == "+inf" || plain == "-inf")
    return Value::number(plain[0] == '-' ? -HUGE_VAL : HUGE_VAL);
  if (!isDecimalFloat(plain)) throw ValueFailure{"Invalid float value: " + gotmpl::goQuote(text)};
  const double number = std::strtod(plain.c_str(), nullptr);
  if (std::isinf(number)) throw ValueFailure{std::string(text) + " is out of range for float64"};
  return Value::number(number);
}

Value datetimeValue(std::string_view text) {
  std::string normal(text);
  for (char& c : normal) {
    if (c == 'z') c = 'Z';
    if (c == 't' || c == ' ') c = 'T';
  }
  struct Form {
    const char* layout;
    const char* zone;  // nullptr: time.Local
  };
  static constexpr Form kForms[] = {{"2006-01-02T15:04:05.999999999Z07:00", nullptr},
                                    {"2006-01-02T15:04:05.999999999", "datetime-local"},
                                    {"2006-01-02", "date-local"},
                                    {"15:04:05.999999999", "time-local"}};
  for (const Form& form : kForms) {
    const gotmpl::TimeZone zone = form.zone ? localZone(form.zone) : gotmpl::TimeZone{};
    if (auto time = gotmpl::parseTimeValue(form.layout, normal, zone)) {
      if (missingLeadingZero(normal, form.layout)) break;
      return *time;
    }
  }
  throw ValueFailure{"invalid datetime: " + gotmpl::goQuote(normal)};
}

}  // namespace meshery::helm::detail::toml
