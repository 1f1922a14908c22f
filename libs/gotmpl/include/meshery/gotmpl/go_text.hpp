#pragma once

// Go's UTF-8 decoding and strconv quoting, for libraries that must report
// text exactly as a Go program would (Helm's fromToml errors).

#include <string>
#include <string_view>
#include <utility>

namespace meshery::gotmpl {

/// utf8.DecodeRuneInString: the rune at the start of `text` and its width;
/// (U+FFFD, 1) for an invalid byte, (U+FFFD, 0) for empty text.
std::pair<char32_t, std::size_t> decodeRune(std::string_view text);
/// Appends `rune` as UTF-8 (U+FFFD for surrogates and values past U+10FFFF).
void appendRune(std::string& out, char32_t rune);
/// strconv.Quote (fmt's %q of a string): a double-quoted Go string literal.
std::string goQuote(std::string_view text);
/// strconv.QuoteRune (QuoteRuneToASCII when `ascii_only`; fmt's %q of a
/// rune): a single-quoted rune literal.
std::string goQuoteRune(char32_t rune, bool ascii_only = false);

}  // namespace meshery::gotmpl
