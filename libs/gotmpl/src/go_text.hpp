#pragma once

// Private: Go's text primitives that templates expose: UTF-8 decoding as
// Go's utf8 package does it, strconv's quoting and unquoting, and the
// letter/digit/print classes the lexer and %q rely on.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "meshery/gotmpl/go_text.hpp"

namespace meshery::gotmpl::detail {

using gotmpl::appendRune;
using gotmpl::decodeRune;
using gotmpl::goQuote;
using gotmpl::goQuoteRune;

constexpr char32_t kRuneError = 0xFFFD;

/// The rune ending `text` and its width.
std::pair<char32_t, std::size_t> decodeLastRune(std::string_view text);

/// unicode.IsLetter || unicode.IsDigit || '_' (non-ASCII approximated: every
/// rune that is not a space, control or common punctuation counts).
bool isAlphaNumeric(char32_t rune);
/// unicode.IsPrint (non-ASCII approximated by excluding spaces, controls,
/// format characters and private use).
bool isPrint(char32_t rune);
/// unicode.IsSpace.
bool isUnicodeSpace(char32_t rune);

/// strconv.QuoteToASCII.
std::string goQuoteToAscii(std::string_view text);
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
