#include "text_encoding.hpp"


namespace meshery::yaml::detail {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

unsigned char byteAt(std::string_view text, std::size_t offset) {
  return static_cast<unsigned char>(text[offset]);
}

bool isContinuation(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

std::string codePointName(char32_t value) {
  return "U+" + hexDigits(value, 4);
}

}  // namespace

std::string hexDigits(std::uint32_t value, int count) {
  static constexpr std::string_view kDigits = "0123456789ABCDEF";
  std::string out(static_cast<std::size_t>(count), '0');
  for (int i = count - 1; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kDigits[value & 0xFU];
    value >>= 4U;
  }
  return out;
}

CodePoint decodeUtf8(std::string_view text, std::size_t offset) {
  const unsigned char lead = byteAt(text, offset);
  if (lead < 0x80U) return {lead, 1, true};
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2;
    value = lead & 0x1FU;
    minimum = 0x80;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    value = lead & 0x0FU;
    minimum = 0x800;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4;
    value = lead & 0x07U;
    minimum = 0x10000;
  } else {
    return {};
  }
  if (offset + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char byte = byteAt(text, offset + i);
    if (!isContinuation(byte)) return {};
    value = (value << 6U) | (byte & 0x3FU);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {};
  return {value, length, true};
}

void appendUtf8(std::string& out, char32_t value) {
  if (value < 0x80) {
    out += static_cast<char>(value);
  } else if (value < 0x800) {
    out += static_cast<char>(0xC0U | (value >> 6U));
    out += static_cast<char>(0x80U | (value & 0x3FU));
  } else if (value < 0x10000) {
    out += static_cast<char>(0xE0U | (value >> 12U));
    out += static_cast<char>(0x80U | ((value >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (value & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (value >> 18U));
    out += static_cast<char>(0x80U | ((value >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((value >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (value & 0x3FU));
  }
}

bool isAllowedInStream(char32_t value) {
  return value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value <= 0x7E) ||
         value == 0x85 || (value >= 0xA0 && value <= 0xD7FF) ||
         (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF);
}

std::optional<InvalidCharacter> findInvalidCharacter(std::string_view text) {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::size_t offset = 0;
  while (offset < text.size()) {
    const CodePoint point = decodeUtf8(text, offset);
    if (!point.valid) {
      return InvalidCharacter{line, column,
                              "invalid UTF-8 byte 0x" + hexDigits(byteAt(text, offset), 2)};
    }
    if (!isAllowedInStream(point.value)) {
      return InvalidCharacter{
          line, column, "control character " + codePointName(point.value) + " is not allowed"};
    }
    if (point.value == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    offset += point.length;
  }
  return std::nullopt;
}

namespace {

/// Copies valid UTF-8 sequences and appends `replace(byte)` for each byte
/// that starts an invalid one.
template <typename Replace>
std::string rewriteInvalidBytes(std::string_view text, Replace replace) {
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    const CodePoint point = decodeUtf8(text, offset);
    if (point.valid) {
      out.append(text.substr(offset, point.length));
    } else {
      appendUtf8(out, replace(byteAt(text, offset)));
    }
    offset += point.length;
  }
  return out;
}

}  // namespace

std::string toValidUtf8(std::string_view text) {
  return rewriteInvalidBytes(text, [](unsigned char) { return kReplacement; });
}

std::string repairEscapedBytes(std::string_view text) {
  return rewriteInvalidBytes(text, [](unsigned char byte) {
    return byte == 0x85U || byte == 0xA0U ? char32_t{byte} : kReplacement;
  });
}

}  // namespace meshery::yaml::detail
