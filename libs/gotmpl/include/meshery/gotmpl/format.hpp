#pragma once

// Go's fmt and strconv number formatting over template values: what
// printf, print, println and every template action print.

#include <span>
#include <string>
#include <string_view>

#include "meshery/gotmpl/value.hpp"

namespace meshery::gotmpl {

/// fmt.Sprintf: verbs %v %+v %#v %T %t %d %b %o %O %x %X %c %q %U %e %E %f
/// %F %g %G %s %%, flags "+-# 0", width, precision, "*" and argument
/// indexes ("%[2]d"); wrong arguments print as Go prints them
/// ("%!d(string=x)", "%!s(MISSING)", "%!(EXTRA int=1)").
std::string sprintf(std::string_view format, std::span<const Value> args);
/// fmt.Sprint: spaces between operands when neither is a string.
std::string sprint(std::span<const Value> args);
/// fmt.Sprintln: spaces between operands, a newline at the end.
std::string sprintln(std::span<const Value> args);
/// fmt.Sprint(value): the %v text of one value ("<nil>" for nil).
std::string formatValue(const Value& value);
/// strconv.FormatFloat(value, format, precision, 64) for 'e', 'E', 'f',
/// 'g', 'G'; precision -1 is the shortest text that reads back exactly.
std::string formatFloat(double value, char format, int precision);

}  // namespace meshery::gotmpl
