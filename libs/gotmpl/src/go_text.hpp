#pragma once

// Private: Go's text primitives that templates expose: UTF-8 decoding as
// Go's utf8 package does it, strconv's quoting and unquoting, and the
// letter/digit/print classes the lexer and %q rely on.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace meshery::gotmpl::detail {

constexpr char32_t kRuneError = 0xFFFD;

/// The rune at the start of `text` and its width; (U+FFFD, 1) for an invalid
/// byte, (U+FFFD, 0) for empty text.
std::pair<char32_t, std::size_t> decodeRune(std::string_view text);
/// The rune ending `text` and its width.
std::pair<char32_t, std::size_t> decodeLastRune(std::string_view text);
/// Appends `rune` as UTF-8 (U+FFFD for surrogates and values past U+10FFFF).
void appendRune(std::string& out, char32_t rune);

/// unicode.IsLetter || unicode.IsDigit || '_' (non-ASCII approximated: every
/// rune that is not a space, control or common punctuation counts).
bool isAlphaNumeric(char32_t rune);
/// unicode.IsPrint (non-ASCII approximated by excluding spaces, controls,
/// format characters and private use).
bool isPrint(char32_t rune);
/// unicode.IsSpace.
bool isUnicodeSpace(char32_t rune);

/// strconv.Quote: a double-quoted Go string literal.
std::string goQuote(std::string_view text);
/// strconv.QuoteToASCII.
std::string goQuoteToAscii(std::string_view text);
/// strconv.QuoteRune (QuoteRuneToASCII when `ascii_only`): a single-quoted
/// rune literal.
std::string goQuoteRune(char32_t rune, bool ascii_only = false);
/// strconv.Unquote of a "...", `...` or '...' literal; nullopt on bad syntax.
std::optional<std::string> goUnquote(std::string_view literal);
/// The value of a '...' rune literal; nullopt on bad syntax.
std::optional<char32_t> goUnquoteRune(std::string_view literal);
/// fmt's %#U: "U+0041 'A'" (without the quoted rune when not printable).
std::string describeRune(char32_t rune);

}  // namespace meshery::gotmpl::detail

namespace meshery::gotmpl::detail {

/// unicode.ToUpper / ToLower / IsUpper / IsLower for the scripts charts
/// meet (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic); other runes
/// are caseless.
char32_t toUpperRune(char32_t rune);
char32_t toLowerRune(char32_t rune);
bool isUpperRune(char32_t rune);
bool isLowerRune(char32_t rune);
/// strings.ToUpper / ToLower over UTF-8 text.
std::string toUpper(std::string_view text);
std::string toLower(std::string_view text);

}  // namespace meshery::gotmpl::detail
