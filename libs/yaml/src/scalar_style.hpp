#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// How the emitter writes one scalar, following go-yaml's choices (libyaml's
// analysis of the text plus go-yaml's "would it read back the same" check).
namespace meshery::yaml::detail {

/// The presentation of a string scalar.
enum class ScalarStyle { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral };

/// The style go-yaml would pick: double quotes for text that reads back as
/// another type (true, 1.0, null, timestamps, "<<", base-60 numbers, "") or
/// needs escapes; a literal block for multi-line text in value position;
/// single quotes when the text would break plain syntax (a leading
/// indicator, ": ", " #", leading or trailing spaces, "---"/"..." at the
/// start); plain otherwise. `text` is UTF-8.
ScalarStyle chooseStringStyle(std::string_view text, bool is_key);
/// The same for text known to be non-empty printable ASCII (no tab, no line
/// break), which needs no analysis of its characters.
ScalarStyle choosePrintableAsciiStyle(std::string_view text);

/// 'text' with single quotes doubled.
std::string singleQuoted(std::string_view text);

/// "text" with YAML escapes for quotes, backslashes and non-printables.
std::string doubleQuoted(std::string_view text);

/// A literal block scalar ("|", "|-" or "|+", with an indentation indicator
/// when the text starts with a space or a line break) whose lines are
/// indented by `indent` spaces; no final line break.
std::string literalBlock(std::string_view text, std::size_t indent);

/// The shortest text that reads back as the same double and as a float
/// (so 1.0 stays "1.0"); ".inf", "-.inf", ".nan" for the specials.
std::string formatFloat(double value);

}  // namespace meshery::yaml::detail
