#pragma once

// Private to libs/helm: how fromToml's decoder turns the text of one lexed
// value into a template value, with BurntSushi/toml's (v1.4) checks and
// messages.

#include <string>
#include <string_view>
#include <vector>

#include "meshery/gotmpl/value.hpp"

namespace meshery::helm::detail::toml {

/// A value that lexed but does not convert; the decoder adds its line.
struct ValueFailure {
  std::string message;
};

/// A basic string's escapes replaced (\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX).
std::string unescapeBasic(std::string_view text);
/// A multi-line basic string: its first newline dropped, line-ending
/// backslashes with the whitespace after them removed, escapes replaced.
std::string unescapeMultiline(std::string_view text);
/// A multi-line literal string: its first newline dropped.
std::string literalMultiline(std::string_view text);

/// A decimal, 0x, 0o or 0b integer with '_' separators, as int64.
gotmpl::Value integerValue(std::string_view text);
/// A float, inf or nan (signed or not), as float64.
gotmpl::Value floatValue(std::string_view text);
/// An offset date-time (time.Local when its offset is Local's), or a local
/// date-time, date or time in the fixed zones "datetime-local",
/// "date-local" and "time-local" at Local's current offset.
gotmpl::Value datetimeValue(std::string_view text);

/// Key.String(): the parts joined by '.', each quoted when it is not bare.
std::string keyText(const std::vector<std::string>& key);

}  // namespace meshery::helm::detail::toml
