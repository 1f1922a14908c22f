#include "meshery/core/base64.hpp"

#include <array>
#include <cstdint>

namespace meshery {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::string encodeBase64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const auto group = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16U) |
                       (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8U) |
                       std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
    out += kAlphabet[(group >> 18U) & 0x3FU];
    out += kAlphabet[(group >> 12U) & 0x3FU];
    out += kAlphabet[(group >> 6U) & 0x3FU];
    out += kAlphabet[group & 0x3FU];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t group = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16U;
    if (rest == 2) group |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8U;
    out += kAlphabet[(group >> 18U) & 0x3FU];
    out += kAlphabet[(group >> 12U) & 0x3FU];
    out += rest == 2 ? kAlphabet[(group >> 6U) & 0x3FU] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> decodeBase64(std::string_view text) {
  std::string symbols;
  symbols.reserve(text.size());
  for (const char c : text) {
    if (c != '\r' && c != '\n') symbols += c;
  }
  if (symbols.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(symbols.size() / 4 * 3);
  for (std::size_t i = 0; i < symbols.size(); i += 4) {
    const bool last = i + 4 == symbols.size();
    std::array<int, 4> values{};
    int padding = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      const char c = symbols[i + j];
      if (c == '=' && last && j >= 2) {
        ++padding;
        values[j] = 0;
        continue;
      }
      if (padding > 0) return std::nullopt;
      values[j] = base64Value(c);
      if (values[j] < 0) return std::nullopt;
    }
    const auto group = (static_cast<std::uint32_t>(values[0]) << 18U) |
                       (static_cast<std::uint32_t>(values[1]) << 12U) |
                       (static_cast<std::uint32_t>(values[2]) << 6U) |
                       static_cast<std::uint32_t>(values[3]);
    out += static_cast<char>((group >> 16U) & 0xFFU);
    if (padding < 2) out += static_cast<char>((group >> 8U) & 0xFFU);
    if (padding < 1) out += static_cast<char>(group & 0xFFU);
  }
  return out;
}

}  // namespace meshery
