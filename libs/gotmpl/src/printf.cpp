// fmt's doPrintf: the directives of a format string ("%-8.3f", "%[2]*d")
// read one by one and handed to the printer.

#include "printer.hpp"

namespace meshery::gotmpl::detail {
namespace {

bool tooLarge(std::int64_t n) {
  return n > 1'000'000 || n < -1'000'000;
}

// fmt's intFromArg: an int argument for '*'.
bool intFromArg(std::span<const Value> args, std::size_t& arg_num, int& num) {
  if (arg_num >= args.size()) return false;
  const Value& arg = args[arg_num++];
  if (arg.kind() != Kind::kInt) return false;
  if (arg.isUnsigned() && static_cast<std::int64_t>(arg.asUint()) < 0) return false;
  const std::int64_t value = arg.asInt();
  if (tooLarge(value)) return false;
  num = static_cast<int>(value);
  return true;
}

// fmt's parsenum.
bool parseNumber(std::string_view s, std::size_t& at, std::size_t end, int& num) {
  bool found = false;
  num = 0;
  while (at < end && s[at] >= '0' && s[at] <= '9') {
    if (tooLarge(num)) return false;
    num = num * 10 + (s[at] - '0');
    found = true;
    ++at;
  }
  return found;
}

}  // namespace

void Printer::doPrintf(std::string_view format, std::span<const Value> args) {
  const std::size_t end = format.size();
  std::size_t arg_num = 0;
  bool after_index = false;
  bool reordered = false;
  bool good_arg_num = true;

  // fmt's argNumber: "[n]" selects argument n.
  const auto arg_number = [&](std::size_t& i) {
    if (i >= end || format[i] != '[') return false;
    reordered = true;
    const std::size_t close = format.find(']', i + 1);
    if (format.size() - i < 3 || close == std::string_view::npos) {
      good_arg_num = false;
      i += 1;
      return false;
    }
    std::size_t at = i + 1;
    int index = 0;
    const bool ok = parseNumber(format, at, close, index) && at == close;
    i = close + 1;
    if (ok && index - 1 >= 0 && static_cast<std::size_t>(index - 1) < args.size()) {
      arg_num = static_cast<std::size_t>(index - 1);
      return true;
    }
    good_arg_num = false;
    return ok;
  };

  for (std::size_t i = 0; i < end;) {
    good_arg_num = true;
    const std::size_t last = i;
    while (i < end && format[i] != '%') ++i;
    if (i > last) out += format.substr(last, i - last);
    if (i >= end) break;
    ++i;
    f = Flags{};
    bool simple_done = false;
    for (; i < end; ++i) {
      const char c = format[i];
      if (c == '#') {
        f.sharp = true;
      } else if (c == '0') {
        f.zero = !f.minus;
      } else if (c == '+') {
        f.plus = true;
      } else if (c == '-') {
        f.minus = true;
        f.zero = false;
      } else if (c == ' ') {
        f.space = true;
      } else {
        if (c >= 'a' && c <= 'z' && arg_num < args.size()) {
          if (c == 'v') {
            f.sharp_v = f.sharp;
            f.sharp = false;
            f.plus_v = f.plus;
            f.plus = false;
          }
          printArg(args[arg_num], static_cast<char32_t>(c));
          ++arg_num;
          ++i;
          simple_done = true;
        }
        break;
      }
    }
    if (simple_done) continue;

    after_index = arg_number(i);
    if (i < end && format[i] == '*') {
      ++i;
      f.wid_present = intFromArg(args, arg_num, f.wid);
      if (!f.wid_present) out += "%!(BADWIDTH)";
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      after_index = false;
    } else {
      f.wid_present = parseNumber(format, i, end, f.wid);
      if (after_index && f.wid_present) good_arg_num = false;
    }
    if (i + 1 < end && format[i] == '.') {
      ++i;
      if (after_index) good_arg_num = false;
      after_index = arg_number(i);
      if (i < end && format[i] == '*') {
        ++i;
        f.prec_present = intFromArg(args, arg_num, f.prec);
        if (f.prec < 0) {
          f.prec = 0;
          f.prec_present = false;
        }
        if (!f.prec_present) out += "%!(BADPREC)";
        after_index = false;
      } else {
        f.prec_present = parseNumber(format, i, end, f.prec);
        if (!f.prec_present) {
          f.prec = 0;
          f.prec_present = true;
        }
      }
    }
    if (!after_index) after_index = arg_number(i);
    if (i >= end) {
      out += "%!(NOVERB)";
      break;
    }
    const auto [verb, size] = decodeRune(format.substr(i));
    i += size;
    if (verb == '%') {
      out += '%';
    } else if (!good_arg_num) {
      out += "%!";
      appendRune(out, verb);
      out += "(BADINDEX)";
    } else if (arg_num >= args.size()) {
      out += "%!";
      appendRune(out, verb);
      out += "(MISSING)";
    } else {
      if (verb == 'v') {
        f.sharp_v = f.sharp;
        f.sharp = false;
        f.plus_v = f.plus;
        f.plus = false;
      }
      printArg(args[arg_num], verb);
      ++arg_num;
    }
  }
  if (!reordered && arg_num < args.size()) {
    f = Flags{};
    out += "%!(EXTRA ";
    for (std::size_t i = arg_num; i < args.size(); ++i) {
      if (i > arg_num) out += ", ";
      if (args[i].isNil()) {
        out += "<nil>";
      } else {
        out += args[i].typeName();
        out += '=';
        printArg(args[i], 'v');
      }
    }
    out += ')';
  }
}

}  // namespace meshery::gotmpl::detail
