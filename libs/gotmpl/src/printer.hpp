#pragma once

// Private: Go's fmt printer (pp in fmt/print.go) over template values: the
// flags of one directive and the formatting of each kind of value.
// doPrintf, the directive parser, is in printf.cpp.

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "go_text.hpp"
#include "meshery/gotmpl/format.hpp"
#include "meshery/gotmpl/function.hpp"

namespace meshery::gotmpl::detail {

constexpr std::string_view kLowerDigits = "0123456789abcdefx";
constexpr std::string_view kUpperDigits = "0123456789ABCDEFX";

struct Flags {
  bool plus = false;
  bool minus = false;
  bool sharp = false;
  bool space = false;
  bool zero = false;
  bool plus_v = false;
  bool sharp_v = false;
  bool wid_present = false;
  bool prec_present = false;
  int wid = 0;
  int prec = 0;
};

inline std::size_t runeCount(std::string_view text) {
  std::size_t count = 0;
  while (!text.empty()) {
    text.remove_prefix(std::max<std::size_t>(1, decodeRune(text).second));
    ++count;
  }
  return count;
}

class Printer {
 public:
  std::string out;
  Flags f;

  void printArg(const Value& arg, char32_t verb) {
    arg_ = &arg;
    if (arg.isNil()) {
      if (verb == 'T' || verb == 'v') {
        padString("<nil>");
      } else {
        badVerb(verb);
      }
      return;
    }
    if (verb == 'T') {
      fmtS(arg.typeName());
      return;
    }
    printValue(arg, verb, 0);
  }

  void doPrintf(std::string_view format, std::span<const Value> args);

 private:
  void writePadding(int n) {
    if (n <= 0) return;
    out.append(static_cast<std::size_t>(n), f.zero ? '0' : ' ');
  }

  void pad(std::string_view text) {
    if (!f.wid_present || f.wid == 0) {
      out += text;
      return;
    }
    const int width = f.wid - static_cast<int>(runeCount(text));
    if (!f.minus) {
      writePadding(width);
      out += text;
    } else {
      out += text;
      writePadding(width);
    }
  }
  void padString(std::string_view text) { pad(text); }

  void badVerb(char32_t verb) {
    out += "%!";
    appendRune(out, verb);
    out += '(';
    if (arg_ != nullptr && !arg_->isNil()) {
      out += arg_->typeName();
      out += '=';
      const Value* arg = arg_;
      printArg(*arg, 'v');
      arg_ = arg;
    } else {
      out += "<nil>";
    }
    out += ')';
  }

  void fmtBool(bool value, char32_t verb) {
    if (verb == 't' || verb == 'v') {
      padString(value ? "true" : "false");
    } else {
      badVerb(verb);
    }
  }

  void fmtInteger(std::uint64_t u, bool is_signed, char32_t verb) {
    switch (verb) {
      case 'v':
        if (f.sharp_v && !is_signed) {
          const bool sharp = f.sharp;
          f.sharp = true;
          formatInteger(u, 16, false, 'v', kLowerDigits);
          f.sharp = sharp;
        } else {
          formatInteger(u, 10, is_signed, verb, kLowerDigits);
        }
        return;
      case 'd':
        formatInteger(u, 10, is_signed, verb, kLowerDigits);
        return;
      case 'b':
        formatInteger(u, 2, is_signed, verb, kLowerDigits);
        return;
      case 'o':
      case 'O':
        formatInteger(u, 8, is_signed, verb, kLowerDigits);
        return;
      case 'x':
        formatInteger(u, 16, is_signed, verb, kLowerDigits);
        return;
      case 'X':
        formatInteger(u, 16, is_signed, verb, kUpperDigits);
        return;
      case 'c': {
        std::string text;
        appendRune(text, u > 0x10FFFF ? detail::kRuneError : static_cast<char32_t>(u));
        pad(text);
        return;
      }
      case 'q': {
        const char32_t rune = u > 0x10FFFF ? detail::kRuneError : static_cast<char32_t>(u);
        pad(detail::goQuoteRune(rune, f.plus));
        return;
      }
      case 'U':
        fmtUnicode(u);
        return;
      default:
        badVerb(verb);
    }
  }

  void formatInteger(std::uint64_t u, int base, bool is_signed, char32_t verb,
                     std::string_view digits) {
    const bool negative = is_signed && static_cast<std::int64_t>(u) < 0;
    if (negative) u = 0 - u;
    int prec = 0;
    if (f.prec_present) {
      prec = f.prec;
      if (prec == 0 && u == 0) {
        const bool zero = f.zero;
        f.zero = false;
        writePadding(f.wid);
        f.zero = zero;
        return;
      }
    } else if (f.zero && f.wid_present) {
      prec = f.wid;
      if (negative || f.plus || f.space) --prec;
    }
    std::string text;
    const auto b = static_cast<std::uint64_t>(base);
    do {
      text += digits[u % b];
      u /= b;
    } while (u != 0);
    while (static_cast<int>(text.size()) < prec) text += '0';
    if (f.sharp) {
      if (base == 2) {
        text += "b0";
      } else if (base == 8) {
        if (text.back() != '0') text += '0';
      } else if (base == 16) {
        text += digits[16];
        text += '0';
      }
    }
    if (verb == 'O') text += "o0";
    if (negative) {
      text += '-';
    } else if (f.plus) {
      text += '+';
    } else if (f.space) {
      text += ' ';
    }
    std::reverse(text.begin(), text.end());
    const bool zero = f.zero;
    f.zero = false;
    pad(text);
    f.zero = zero;
  }

  void fmtUnicode(std::uint64_t u) {
    int prec = 4;
    if (f.prec_present && f.prec > 4) prec = f.prec;
    std::string hex;
    std::uint64_t value = u;
    do {
      hex += kUpperDigits[value & 0xFU];
      value >>= 4U;
    } while (value != 0);
    while (static_cast<int>(hex.size()) < prec) hex += '0';
    std::reverse(hex.begin(), hex.end());
    std::string text = "U+" + hex;
    if (f.sharp && u <= 0x10FFFF && detail::isPrint(static_cast<char32_t>(u))) {
      text += " '";
      appendRune(text, static_cast<char32_t>(u));
      text += '\'';
    }
    const bool zero = f.zero;
    f.zero = false;
    pad(text);
    f.zero = zero;
  }

  void fmtFloat(double value, char32_t verb) {
    switch (verb) {
      case 'v':
        formatFloatVerb(value, 'g', -1);
        return;
      case 'g':
      case 'G':
        formatFloatVerb(value, static_cast<char>(verb), -1);
        return;
      case 'f':
      case 'F':
      case 'e':
      case 'E':
        formatFloatVerb(value, static_cast<char>(verb), 6);
        return;
      default:
        badVerb(verb);
    }
  }

  void formatFloatVerb(double value, char verb, int prec) {
    if (f.prec_present) prec = f.prec;
    std::string num = formatFloat(value, verb == 'F' ? 'f' : verb, prec);
    if (num[0] != '-' && num[0] != '+') num.insert(num.begin(), '+');
    if (f.space && num[0] == '+' && !f.plus) num[0] = ' ';
    if (num[1] == 'I' || num[1] == 'N') {
      const bool zero = f.zero;
      f.zero = false;
      if (num[1] == 'N' && !f.space && !f.plus) num.erase(0, 1);
      pad(num);
      f.zero = zero;
      return;
    }
    if (f.sharp) sharpFloat(num, verb, prec);
    if (f.plus || num[0] != '+') {
      if (f.zero && f.wid_present && f.wid > static_cast<int>(num.size())) {
        out += num[0];
        writePadding(f.wid - static_cast<int>(num.size()));
        out.append(num, 1);
        return;
      }
      pad(num);
      return;
    }
    pad(std::string_view(num).substr(1));
  }

  // '#': a decimal point always, and %g keeps its trailing zeros.
  static void sharpFloat(std::string& num, char verb, int prec) {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G') digits = prec == -1 ? 6 : prec;
    std::string tail;
    bool has_point = false;
    bool nonzero = false;
    for (std::size_t i = 1; i < num.size(); ++i) {
      const char c = num[i];
      if (c == '.') {
        has_point = true;
      } else if (c == 'e' || c == 'E') {
        tail = num.substr(i);
        num.resize(i);
        break;
      } else {
        if (c != '0') nonzero = true;
        if (nonzero) --digits;
      }
    }
    if (!has_point) {
      if (num.size() == 2 && num[1] == '0') --digits;
      num += '.';
    }
    while (digits-- > 0) num += '0';
    num += tail;
  }

  // fmt's truncateString: at most `prec` runes when a precision is given.
  [[nodiscard]] std::string_view truncated(std::string_view text) const {
    if (!f.prec_present) return text;
    int n = f.prec;
    std::size_t at = 0;
    while (at < text.size()) {
      if (--n < 0) break;
      at += std::max<std::size_t>(1, decodeRune(text.substr(at)).second);
    }
    return text.substr(0, at);
  }

  void fmtS(std::string_view text) { padString(truncated(text)); }

  void fmtQ(std::string_view text) {
    text = truncated(text);
    if (f.sharp && canBackquote(text)) {
      padString("`" + std::string(text) + "`");
      return;
    }
    pad(f.plus ? detail::goQuoteToAscii(text) : detail::goQuote(text));
  }

  static bool canBackquote(std::string_view text) {
    while (!text.empty()) {
      const auto [rune, width] = decodeRune(text);
      if (rune == detail::kRuneError && width == 1) return false;
      if (rune == '`' || rune == 0xFEFF) return false;
      if (rune < 0x20 && rune != '\t') return false;
      if (rune == 0x7F) return false;
      text.remove_prefix(width);
    }
    return true;
  }

  void fmtSx(std::string_view text, std::string_view digits) {
    int length = static_cast<int>(text.size());
    if (f.prec_present && f.prec < length) length = f.prec;
    int width = 2 * length;
    if (width > 0) {
      if (f.space) {
        if (f.sharp) width *= 2;
        width += length - 1;
      } else if (f.sharp) {
        width += 2;
      }
    } else {
      if (f.wid_present) writePadding(f.wid);
      return;
    }
    if (f.wid_present && f.wid > width && !f.minus) writePadding(f.wid - width);
    if (f.sharp) {
      out += '0';
      out += digits[16];
    }
    for (int i = 0; i < length; ++i) {
      if (f.space && i > 0) {
        out += ' ';
        if (f.sharp) {
          out += '0';
          out += digits[16];
        }
      }
      const auto c = static_cast<unsigned char>(text[static_cast<std::size_t>(i)]);
      out += digits[c >> 4U];
      out += digits[c & 0xFU];
    }
    if (f.wid_present && f.wid > width && f.minus) writePadding(f.wid - width);
  }

  void fmtString(std::string_view text, char32_t verb) {
    switch (verb) {
      case 'v':
        if (f.sharp_v) {
          fmtQ(text);
        } else {
          fmtS(text);
        }
        return;
      case 's':
        fmtS(text);
        return;
      case 'x':
        fmtSx(text, kLowerDigits);
        return;
      case 'X':
        fmtSx(text, kUpperDigits);
        return;
      case 'q':
        fmtQ(text);
        return;
      default:
        badVerb(verb);
    }
  }

  void printValue(const Value& value, char32_t verb, int depth) {
    const Value* saved = arg_;
    arg_ = &value;
    switch (value.kind()) {
      case Kind::kInvalid:
      case Kind::kNil:
        if (depth == 0) {
          out += "<invalid reflect.Value>";
        } else if (verb == 'v') {
          out += f.sharp_v ? "interface {}(nil)" : "<nil>";
        } else {
          badVerb(verb);
        }
        break;
      case Kind::kBool:
        fmtBool(value.asBool(), verb);
        break;
      case Kind::kInt:
        fmtInteger(value.asUint(), !value.isUnsigned(), verb);
        break;
      case Kind::kFloat:
        fmtFloat(value.asFloat(), verb);
        break;
      case Kind::kString:
        fmtString(value.asString(), verb);
        break;
      case Kind::kMap:
        printMap(value, verb, depth);
        break;
      case Kind::kList:
        printList(value, verb, depth);
        break;
      case Kind::kObject:
        if (verb == 'v' || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') {
          fmtString(value.asObject().text(), verb);
        } else {
          badVerb(verb);
        }
        break;
      case Kind::kFunction:
        out += "0xfunc";
        break;
    }
    arg_ = saved;
  }

  /// The opening of a map or slice: "map[" or "[", or with %#v its type
  /// and '{' ("T(nil)" for a nil one, and false: nothing more to print).
  bool openCollection(const Value& value, bool is_nil, const char* plain) {
    if (f.sharp_v && is_nil) {
      out += value.typeName() + "(nil)";
      return false;
    }
    out += f.sharp_v ? value.typeName() + '{' : std::string(plain);
    return true;
  }

  void printMap(const Value& value, char32_t verb, int depth) {
    if (!openCollection(value, value.asMap().is_nil, "map[")) return;
    bool first = true;
    for (const auto& [key, item] : value.asMap().entries) {
      if (!first) out += f.sharp_v ? ", " : " ";
      first = false;
      const Value key_value = Value::string(key);
      printValue(key_value, verb, depth + 1);
      out += ':';
      printValue(item, verb, depth + 1);
    }
    out += f.sharp_v ? '}' : ']';
  }

  void printList(const Value& value, char32_t verb, int depth) {
    if (!openCollection(value, value.asList().is_nil, "[")) return;
    bool first = true;
    for (const Value& item : value.asList().items) {
      if (!first) out += f.sharp_v ? ", " : " ";
      first = false;
      printValue(item, verb, depth + 1);
    }
    out += f.sharp_v ? '}' : ']';
  }

  const Value* arg_ = nullptr;
};

}  // namespace meshery::gotmpl::detail
