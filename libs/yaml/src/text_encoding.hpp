#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// UTF-8 and base64 helpers shared by the parser (input checks, !!binary)
// and the emitter (choosing a scalar style).
namespace meshery::yaml::detail {

/// One decoded code point; `valid` is false for a malformed sequence, which
/// then spans one byte.
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
  bool valid = false;
};

/// Decodes the UTF-8 sequence starting at `offset` (< text.size()).
CodePoint decodeUtf8(std::string_view text, std::size_t offset);

/// Appends the UTF-8 encoding of `value` to `out`.
void appendUtf8(std::string& out, char32_t value);

/// `value` as `count` upper-case hexadecimal digits.
std::string hexDigits(std::uint32_t value, int count);

/// Whether YAML allows the character in a stream: tab, line feed, carriage
/// return and the printable set of YAML 1.1/1.2 (what go-yaml's reader
/// accepts).
bool isAllowedInStream(char32_t value);

/// A character of the input that go-yaml would refuse, with its 1-based
/// line and column (columns count characters).
struct InvalidCharacter {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string description;
};

/// The first byte sequence that is not UTF-8 or a character YAML forbids
/// (control characters other than tab, LF and CR), if any.
std::optional<InvalidCharacter> findInvalidCharacter(std::string_view text);

/// `text` with every malformed UTF-8 byte replaced by U+FFFD, as Go's
/// encoding/json does when it writes a string.
std::string toValidUtf8(std::string_view text);

/// A scalar as yaml-cpp decoded it, made valid UTF-8: yaml-cpp turns the
/// escapes "\N" and "\_" into the single bytes 0x85 and 0xA0 rather than
/// UTF-8, so such lone bytes become U+0085 and U+00A0; any other malformed
/// byte becomes U+FFFD.
std::string repairEscapedBytes(std::string_view text);

}  // namespace meshery::yaml::detail
