#include "meshery/gotmpl/format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "go_text.hpp"
#include "meshery/gotmpl/function.hpp"
#include "printer.hpp"

namespace meshery::gotmpl {

using detail::Flags;
using detail::Printer;

std::string sprintf(std::string_view format, std::span<const Value> args) {
  Printer printer;
  printer.doPrintf(format, args);
  return std::move(printer.out);
}

std::string sprint(std::span<const Value> args) {
  Printer printer;
  bool previous_string = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool is_string = args[i].isString();
    if (i > 0 && !is_string && !previous_string) printer.out += ' ';
    printer.f = Flags{};
    printer.printArg(args[i], 'v');
    previous_string = is_string;
  }
  return std::move(printer.out);
}

std::string sprintln(std::span<const Value> args) {
  Printer printer;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) printer.out += ' ';
    printer.f = Flags{};
    printer.printArg(args[i], 'v');
  }
  printer.out += '\n';
  return std::move(printer.out);
}

std::string formatValue(const Value& value) {
  if (value.isString()) return value.asString();
  Printer printer;
  printer.printArg(value, 'v');
  return std::move(printer.out);
}

}  // namespace meshery::gotmpl
