#pragma once

// Private: Go's number syntax as strconv reads it (ParseInt and ParseUint
// with base 0, ParseFloat), and text/template's reading of number literals.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace meshery::gotmpl::detail {

struct NumberNode;

/// strconv.ParseInt(text, 0, 64): sign, 0x/0o/0b/0 prefixes, underscores
/// between digits. nullopt on bad syntax or overflow.
std::optional<std::int64_t> parseGoInt(std::string_view text);
/// strconv.ParseUint(text, 0, 64).
std::optional<std::uint64_t> parseGoUint(std::string_view text);
/// strconv.ParseFloat(text, 64) for Go float syntax (decimal or hex,
/// underscores); nullopt on bad syntax or when out of range.
std::optional<double> parseGoFloat(std::string_view text);

/// Fills the int/uint/float views of a template number literal as Go's
/// parse.newNumber does; returns the error message when it is no number.
std::optional<std::string> parseNumberLiteral(NumberNode& node, bool is_char, bool is_complex);

}  // namespace meshery::gotmpl::detail
