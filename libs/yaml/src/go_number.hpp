#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Number parsing and formatting with the exact rules of Go's strconv package,
// as go-yaml v2 (and so sigs.k8s.io/yaml) applies them to plain scalars.
namespace meshery::yaml::detail {

/// strconv.ParseInt(text, 0, 64): optional sign, base prefixes 0x/0o/0b and
/// a leading 0 for octal. Nothing on a syntax or range error.
std::optional<std::int64_t> parseGoInt(std::string_view text);

/// strconv.ParseUint(text, 0, 64): like parseGoInt without a sign.
std::optional<std::uint64_t> parseGoUint(std::string_view text);

/// strconv.ParseFloat(text, 64) restricted to decimal text already checked
/// by the caller; nothing when the value overflows to infinity (Go reports
/// ErrRange then, and go-yaml keeps the scalar as a string).
std::optional<double> parseDecimalFloat(std::string_view text);

/// strconv.FormatFloat(value, 'g', -1, 32) followed by go-yaml's spelling of
/// infinities and NaN (".inf", "-.inf", ".nan"): how sigs.k8s.io/yaml turns
/// a float map key into a JSON object key.
std::string formatGoFloatKey(double value);

}  // namespace meshery::yaml::detail
