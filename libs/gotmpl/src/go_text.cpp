#include "go_text.hpp"

#include <array>
#include <cstdint>

namespace meshery::gotmpl {
namespace detail {
namespace {

bool isContinuation(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

constexpr char kHexLower[] = "0123456789abcdef";

void appendHexEscape(std::string& out, char kind, std::uint32_t value, int digits) {
  out += '\\';
  out += kind;
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
    out += kHexLower[(value >> shift) & 0xFU];
}

bool inRange(char32_t rune, char32_t low, char32_t high) {
  return rune >= low && rune <= high;
}

// Format characters (Cf), non-ASCII spaces (Zs, Zl, Zp), C1 controls and
// private use: not printable for Go.
bool isNonPrintingNonAscii(char32_t r) {
  return inRange(r, 0x80, 0xA0) || r == 0xAD || inRange(r, 0x600, 0x605) || r == 0x61C ||
         r == 0x6DD || r == 0x70F || r == 0x1680 || r == 0x180E || inRange(r, 0x2000, 0x200F) ||
         inRange(r, 0x2028, 0x202F) || inRange(r, 0x205F, 0x206F) || r == 0x3000 || r == 0xFEFF ||
         inRange(r, 0xFFF9, 0xFFFB) || inRange(r, 0xE000, 0xF8FF) || inRange(r, 0xD800, 0xDFFF) ||
         r >= 0xF0000 || r == 0xFFFE || r == 0xFFFF;
}

void appendQuotedRune(std::string& out, char32_t rune, std::size_t width, unsigned char raw_byte,
                      char quote, bool ascii_only) {
  if (rune == kRuneError && width == 1) {
    appendHexEscape(out, 'x', raw_byte, 2);
    return;
  }
  if (rune == static_cast<char32_t>(quote) || rune == '\\') {
    out += '\\';
    out += static_cast<char>(rune);
    return;
  }
  if (rune < 0x80 ? (rune >= 0x20 && rune != 0x7F) : (!ascii_only && isPrint(rune))) {
    appendRune(out, rune);
    return;
  }
  switch (rune) {
    case '\a':
      out += "\\a";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\v':
      out += "\\v";
      return;
    default:
      break;
  }
  if (rune < 0x20 || rune == 0x7F) {
    appendHexEscape(out, 'x', rune, 2);
  } else if (rune < 0x10000) {
    appendHexEscape(out, 'u', rune, 4);
  } else {
    appendHexEscape(out, 'U', rune, 8);
  }
}

std::string quoteWith(std::string_view text, char quote, bool ascii_only) {
  std::string out;
  out.reserve(text.size() + 2);
  out += quote;
  while (!text.empty()) {
    const auto [rune, width] = decodeRune(text);
    appendQuotedRune(out, rune, width, static_cast<unsigned char>(text[0]), quote, ascii_only);
    text.remove_prefix(width);
  }
  out += quote;
  return out;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One character of a quoted literal body (strconv.UnquoteChar): its value
// and whether it is a byte (\x, octal) rather than a rune; nullopt on bad
// syntax.
struct QuotedChar {
  char32_t value;
  bool is_byte;
};

std::optional<QuotedChar> unquoteChar(std::string_view& text, char quote) {
  const unsigned char c = text[0];
  if (c == static_cast<unsigned char>(quote) && (quote == '\'' || quote == '"'))
    return std::nullopt;
  if (c >= 0x80) {
    const auto [rune, width] = decodeRune(text);
    text.remove_prefix(width);
    return QuotedChar{rune, false};  // invalid bytes read as U+FFFD
  }
  if (c != '\\') {
    text.remove_prefix(1);
    return QuotedChar{c, false};
  }
  if (text.size() <= 1) return std::nullopt;
  const char kind = text[1];
  text.remove_prefix(2);
  switch (kind) {
    case 'a':
      return QuotedChar{'\a', false};
    case 'b':
      return QuotedChar{'\b', false};
    case 'f':
      return QuotedChar{'\f', false};
    case 'n':
      return QuotedChar{'\n', false};
    case 'r':
      return QuotedChar{'\r', false};
    case 't':
      return QuotedChar{'\t', false};
    case 'v':
      return QuotedChar{'\v', false};
    case 'x':
    case 'u':
    case 'U': {
      const std::size_t digits = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
      if (text.size() < digits) return std::nullopt;
      std::uint32_t value = 0;
      for (std::size_t i = 0; i < digits; ++i) {
        const int digit = hexValue(text[i]);
        if (digit < 0) return std::nullopt;
        value = value * 16 + static_cast<std::uint32_t>(digit);
      }
      text.remove_prefix(digits);
      if (kind == 'x') return QuotedChar{value, true};
      if (value > 0x10FFFF || inRange(value, 0xD800, 0xDFFF)) return std::nullopt;
      return QuotedChar{value, false};
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      if (text.size() < 2) return std::nullopt;
      auto value = static_cast<std::uint32_t>(kind - '0');
      for (std::size_t i = 0; i < 2; ++i) {
        if (text[i] < '0' || text[i] > '7') return std::nullopt;
        value = value * 8 + static_cast<std::uint32_t>(text[i] - '0');
      }
      if (value > 255) return std::nullopt;
      text.remove_prefix(2);
      return QuotedChar{value, true};
    }
    case '\\':
      return QuotedChar{'\\', false};
    case '\'':
    case '"':
      if (kind != quote) return std::nullopt;
      return QuotedChar{static_cast<char32_t>(kind), false};
    default:
      return std::nullopt;
  }
}

}  // namespace

std::pair<char32_t, std::size_t> decodeLastRune(std::string_view text) {
  if (text.empty()) return {kRuneError, 0};
  std::size_t start = text.size() - 1;
  const std::size_t limit = text.size() >= 4 ? text.size() - 4 : 0;
  while (start > limit && isContinuation(static_cast<unsigned char>(text[start]))) --start;
  const auto [rune, width] = decodeRune(text.substr(start));
  if (start + width != text.size()) return {kRuneError, 1};
  return {rune, width};
}

bool isAlphaNumeric(char32_t rune) {
  if (rune == '_') return true;
  if (rune < 0x80) {
    return (rune >= 'a' && rune <= 'z') || (rune >= 'A' && rune <= 'Z') ||
           (rune >= '0' && rune <= '9');
  }
  if (rune == static_cast<char32_t>(-1)) return false;
  if (isNonPrintingNonAscii(rune)) return false;
  // Latin-1 punctuation and symbols, general punctuation, arrows and
  // operators: not letters.
  if (inRange(rune, 0xA1, 0xBF) && rune != 0xAA && rune != 0xB5 && rune != 0xBA) return false;
  if (rune == 0xD7 || rune == 0xF7) return false;
  if (inRange(rune, 0x2010, 0x2BFF) || inRange(rune, 0x3001, 0x3003)) return false;
  return true;
}

bool isPrint(char32_t rune) {
  if (rune < 0x80) return rune >= 0x20 && rune != 0x7F;
  if (rune > 0x10FFFF) return false;
  return !isNonPrintingNonAscii(rune);
}

bool isUnicodeSpace(char32_t rune) {
  switch (rune) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return inRange(rune, 0x2000, 0x200A);
  }
}

std::string goQuoteToAscii(std::string_view text) {
  return quoteWith(text, '"', true);
}

std::optional<std::string> goUnquote(std::string_view literal) {
  if (literal.size() < 2) return std::nullopt;
  const char quote = literal.front();
  if (quote != literal.back()) return std::nullopt;
  std::string_view body = literal.substr(1, literal.size() - 2);
  if (quote == '`') {
    if (body.find('`') != std::string_view::npos) return std::nullopt;
    std::string out;
    for (const char c : body) {
      if (c != '\r') out += c;
    }
    return out;
  }
  if (quote != '"' && quote != '\'') return std::nullopt;
  if (body.find('\n') != std::string_view::npos) return std::nullopt;
  std::string out;
  std::size_t runes = 0;
  while (!body.empty()) {
    const auto quoted = unquoteChar(body, quote);
    if (!quoted) return std::nullopt;
    ++runes;
    if (quoted->is_byte) {
      out += static_cast<char>(quoted->value);
    } else {
      appendRune(out, quoted->value);
    }
  }
  if (quote == '\'' && runes != 1) return std::nullopt;
  return out;
}

std::optional<char32_t> goUnquoteRune(std::string_view literal) {
  if (literal.size() < 3 || literal.front() != '\'' || literal.back() != '\'') return std::nullopt;
  std::string_view body = literal.substr(1, literal.size() - 2);
  const auto quoted = unquoteChar(body, '\'');
  if (!quoted || !body.empty()) return std::nullopt;
  return quoted->value;
}

std::string describeRune(char32_t rune) {
  std::string out = "U+";
  constexpr char kHexUpper[] = "0123456789ABCDEF";
  std::string digits;
  for (std::uint32_t value = rune; value != 0; value >>= 4U)
    digits.insert(digits.begin(), kHexUpper[value & 0xFU]);
  while (digits.size() < 4) digits.insert(digits.begin(), '0');
  out += digits;
  if (isPrint(rune)) {
    out += " '";
    appendRune(out, rune);
    out += '\'';
  }
  return out;
}

}  // namespace detail

// The functions the public header (meshery/gotmpl/go_text.hpp) declares.

std::pair<char32_t, std::size_t> decodeRune(std::string_view text) {
  if (text.empty()) return {detail::kRuneError, 0};
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  std::size_t width = 0;
  char32_t rune = 0;
  char32_t minimum = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    width = 2;
    rune = lead & 0x1FU;
    minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    width = 3;
    rune = lead & 0x0FU;
    minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    width = 4;
    rune = lead & 0x07U;
    minimum = 0x10000;
  } else {
    return {detail::kRuneError, 1};
  }
  if (text.size() < width) return {detail::kRuneError, 1};
  for (std::size_t i = 1; i < width; ++i) {
    if (!detail::isContinuation(byte(i))) return {detail::kRuneError, 1};
    rune = (rune << 6U) | (byte(i) & 0x3FU);
  }
  if (rune < minimum || rune > 0x10FFFF || detail::inRange(rune, 0xD800, 0xDFFF))
    return {detail::kRuneError, 1};
  return {rune, width};
}

void appendRune(std::string& out, char32_t rune) {
  if (rune > 0x10FFFF || detail::inRange(rune, 0xD800, 0xDFFF)) rune = detail::kRuneError;
  if (rune < 0x80) {
    out += static_cast<char>(rune);
  } else if (rune < 0x800) {
    out += static_cast<char>(0xC0U | (rune >> 6U));
    out += static_cast<char>(0x80U | (rune & 0x3FU));
  } else if (rune < 0x10000) {
    out += static_cast<char>(0xE0U | (rune >> 12U));
    out += static_cast<char>(0x80U | ((rune >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (rune & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (rune >> 18U));
    out += static_cast<char>(0x80U | ((rune >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((rune >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (rune & 0x3FU));
  }
}

std::string goQuote(std::string_view text) {
  return detail::quoteWith(text, '"', false);
}

std::string goQuoteRune(char32_t rune, bool ascii_only) {
  if (rune > 0x10FFFF || detail::inRange(rune, 0xD800, 0xDFFF)) rune = detail::kRuneError;
  std::string out = "'";
  detail::appendQuotedRune(out, rune, rune == detail::kRuneError ? 3 : 1, 0, '\'', ascii_only);
  out += '\'';
  return out;
}

}  // namespace meshery::gotmpl
