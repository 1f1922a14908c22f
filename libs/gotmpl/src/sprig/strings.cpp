// Sprig's string functions (strings.go and the string entries of functions.go).

#include <algorithm>

#include "../go_text.hpp"
#include "meshery/gotmpl/format.hpp"
#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using detail::decodeRune;
using P = Param;

const std::string& str(const Args& args, std::size_t i) {
  return args[i].asString();
}

std::vector<char32_t> runesOf(std::string_view text) {
  std::vector<char32_t> runes;
  while (!text.empty()) {
    const auto [rune, width] = decodeRune(text);
    runes.push_back(rune);
    text.remove_prefix(width);
  }
  return runes;
}

std::string textOf(const std::vector<char32_t>& runes) {
  std::string out;
  for (const char32_t rune : runes) detail::appendRune(out, rune);
  return out;
}

std::string trimSpace(std::string_view s) {
  std::size_t start = 0;
  while (start < s.size()) {
    const auto [rune, width] = decodeRune(s.substr(start));
    if (!detail::isUnicodeSpace(rune)) break;
    start += width;
  }
  std::size_t end = s.size();
  while (end > start) {
    const auto [rune, width] = detail::decodeLastRune(s.substr(start, end - start));
    if (!detail::isUnicodeSpace(rune)) break;
    end -= width;
  }
  return std::string(s.substr(start, end - start));
}

// strings.Trim with a cutset of runes.
std::string trimCutset(std::string_view s, std::string_view cutset) {
  const std::vector<char32_t> cut = runesOf(cutset);
  const auto inCut = [&](char32_t r) { return std::find(cut.begin(), cut.end(), r) != cut.end(); };
  std::size_t start = 0;
  while (start < s.size()) {
    const auto [rune, width] = decodeRune(s.substr(start));
    if (!inCut(rune)) break;
    start += width;
  }
  std::size_t end = s.size();
  while (end > start) {
    const auto [rune, width] = detail::decodeLastRune(s.substr(start, end - start));
    if (!inCut(rune)) break;
    end -= width;
  }
  return std::string(s.substr(start, end - start));
}

std::string replaceAll(std::string_view src, std::string_view old, std::string_view replacement) {
  std::string out;
  if (old.empty()) {
    // Go inserts the replacement before every rune and at the end.
    out += replacement;
    while (!src.empty()) {
      const auto width = std::max<std::size_t>(1, decodeRune(src).second);
      out += src.substr(0, width);
      out += replacement;
      src.remove_prefix(width);
    }
    return out;
  }
  std::size_t at = 0;
  for (std::size_t found = src.find(old); found != std::string_view::npos;
       found = src.find(old, at)) {
    out += src.substr(at, found - at);
    out += replacement;
    at = found + old.size();
  }
  out += src.substr(at);
  return out;
}

// strings.SplitN (n < 0: all); an empty separator splits into runes.
std::vector<std::string> splitN(std::string_view s, std::string_view sep, int n) {
  std::vector<std::string> parts;
  if (n == 0) return parts;
  if (sep.empty()) {
    while (!s.empty() && (n < 0 || static_cast<int>(parts.size()) < n - 1)) {
      const auto width = std::max<std::size_t>(1, decodeRune(s).second);
      parts.emplace_back(s.substr(0, width));
      s.remove_prefix(width);
    }
    if (!s.empty()) parts.emplace_back(s);
    return parts;
  }
  while (n < 0 || static_cast<int>(parts.size()) < n - 1) {
    const std::size_t found = s.find(sep);
    if (found == std::string_view::npos) break;
    parts.emplace_back(s.substr(0, found));
    s.remove_prefix(found + sep.size());
  }
  parts.emplace_back(s);
  return parts;
}

Value splitMap(const std::vector<std::string>& parts) {
  auto data = std::make_shared<MapData>();
  data->elem = ElemType::kString;
  for (std::size_t i = 0; i < parts.size(); ++i)
    data->entries["_" + std::to_string(i)] = Value::string(parts[i]);
  return Value::sharedMap(std::move(data));
}

bool isTitleSeparator(char32_t r) {
  if (r < 0x80) {
    return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
             r == '_');
  }
  return detail::isUnicodeSpace(r);
}

std::string title(std::string_view s) {
  std::vector<char32_t> runes = runesOf(s);
  char32_t previous = ' ';
  for (char32_t& r : runes) {
    const char32_t original = r;
    if (isTitleSeparator(previous)) r = detail::toUpperRune(r);
    previous = original;
  }
  return textOf(runes);
}

std::string untitle(std::string_view s) {
  std::vector<char32_t> runes = runesOf(s);
  bool next = true;
  for (char32_t& r : runes) {
    if (detail::isUnicodeSpace(r)) {
      next = true;
    } else if (next) {
      r = detail::toLowerRune(r);
      next = false;
    }
  }
  return textOf(runes);
}

// goutils.SwapCase; title case equals upper case for the scripts handled.
std::string swapCase(std::string_view s) {
  std::vector<char32_t> runes = runesOf(s);
  for (char32_t& r : runes) {
    if (detail::isUpperRune(r)) {
      r = detail::toLowerRune(r);
    } else if (detail::isLowerRune(r)) {
      r = detail::toUpperRune(r);
    }
  }
  return textOf(runes);
}

std::string initials(std::string_view s) {
  std::string out;
  bool gap = true;
  for (const char c : s) {
    // goutils reads bytes as runes here.
    const auto r = static_cast<unsigned char>(c);
    if (detail::isUnicodeSpace(r)) {
      gap = true;
    } else if (gap) {
      detail::appendRune(out, r);
      gap = false;
    }
  }
  return out;
}

std::string deleteWhiteSpace(std::string_view s) {
  std::string out;
  while (!s.empty()) {
    const auto [rune, width] = decodeRune(s);
    if (!detail::isUnicodeSpace(rune)) out += s.substr(0, width);
    s.remove_prefix(width);
  }
  return out;
}

// goutils.WrapCustom.
std::string wrapCustom(const std::string& str, int length, std::string newline, bool wrap_long) {
  if (str.empty()) return "";
  if (newline.empty()) newline = "\n";
  if (length < 1) length = 1;
  const auto wrap = static_cast<std::size_t>(length);
  std::size_t offset = 0;
  std::string out;
  while (str.size() - offset > wrap) {
    if (str[offset] == ' ') {
      ++offset;
      continue;
    }
    const std::size_t end = wrap + offset + 1;
    const std::size_t space = str.substr(offset, end - offset).rfind(' ');
    if (space != std::string::npos) {
      out += str.substr(offset, space);
      out += newline;
      offset += space + 1;
    } else if (wrap_long) {
      out += str.substr(offset, wrap);
      out += newline;
      offset += wrap;
    } else {
      const std::size_t next = str.find(' ', wrap + offset);
      if (next == std::string::npos) {
        out += str.substr(offset);
        offset = str.size();
      } else {
        out += str.substr(offset, next - offset);
        out += newline;
        offset = next + 1;
      }
    }
  }
  out += str.substr(offset);
  return out;
}

// goutils.AbbreviateFull (errors give the input back, as Sprig does).
std::string abbreviate(const std::string& s, int offset, int width) {
  if (s.empty() || width < 4) return s;
  const int length = static_cast<int>(s.size());
  if (length <= width) return s;
  if (offset > length) offset = length;
  if (length - offset < width - 3) offset = length - (width - 3);
  if (offset <= 4) return s.substr(0, static_cast<std::size_t>(width - 3)) + "...";
  if (width < 7) return s;
  if (offset + width - 3 < length) {
    return "..." + abbreviate(s.substr(static_cast<std::size_t>(offset)), 0, width - 3);
  }
  return "..." + s.substr(static_cast<std::size_t>(length - (width - 3)));
}

// Go's panic text for s[low:high] out of range.
[[noreturn]] void sliceBounds(std::int64_t low, std::int64_t high, std::size_t length,
                              bool high_given) {
  if (high_given && (high < 0 || static_cast<std::size_t>(high) > length)) {
    throw FunctionError("runtime error: slice bounds out of range [:" + std::to_string(high) +
                        "] with length " + std::to_string(length));
  }
  throw FunctionError("runtime error: slice bounds out of range [" + std::to_string(low) + ":" +
                      std::to_string(high_given ? high : static_cast<std::int64_t>(length)) + "]");
}

std::string substring(std::int64_t start, std::int64_t end, const std::string& s) {
  const auto length = static_cast<std::int64_t>(s.size());
  if (start < 0) {
    if (end < 0 || end > length) sliceBounds(0, end, s.size(), true);
    return s.substr(0, static_cast<std::size_t>(end));
  }
  if (end < 0 || end > length) {
    if (start > length) sliceBounds(start, length, s.size(), false);
    return s.substr(static_cast<std::size_t>(start));
  }
  if (start > end) sliceBounds(start, end, s.size(), true);
  return s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
}

}  // namespace

void addStrings(FunctionMap& f) {
  const auto unary = [](std::string (*op)(std::string_view)) {
    return fixed({P::kString},
                 [op](CallContext&, Args& a) { return Value::string(op(a[0].asString())); });
  };
  f["trim"] = unary(trimSpace);
  f["upper"] = unary(detail::toUpper);
  f["lower"] = unary(detail::toLower);
  f["title"] = unary(title);
  f["untitle"] = unary(untitle);
  f["swapcase"] = unary(swapCase);
  f["initials"] = unary(initials);
  f["nospace"] = unary(deleteWhiteSpace);
  const auto cutset = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    return Value::string(trimCutset(str(a, 1), str(a, 0)));
  });
  f["trimAll"] = cutset;
  f["trimall"] = cutset;
  f["trimSuffix"] = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    const std::string& s = str(a, 1);
    return Value::string(s.ends_with(str(a, 0)) ? s.substr(0, s.size() - str(a, 0).size()) : s);
  });
  f["trimPrefix"] = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    const std::string& s = str(a, 1);
    return Value::string(s.starts_with(str(a, 0)) ? s.substr(str(a, 0).size()) : s);
  });
  f["contains"] = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    return Value::boolean(str(a, 1).find(str(a, 0)) != std::string::npos);
  });
  f["hasPrefix"] = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    return Value::boolean(str(a, 1).starts_with(str(a, 0)));
  });
  f["hasSuffix"] = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    return Value::boolean(str(a, 1).ends_with(str(a, 0)));
  });
  f["repeat"] = fixed({P::kInt, P::kString}, [](CallContext&, Args& a) {
    const std::int64_t count = a[0].asInt();
    if (count < 0) throw FunctionError("strings: negative Repeat count");
    if (count > 0 && static_cast<std::uint64_t>(count) * a[1].asString().size() > (256U << 20U)) {
      throw FunctionError("strings: Repeat output length overflow");
    }
    std::string out;
    for (std::int64_t i = 0; i < count; ++i) out += a[1].asString();
    return Value::string(std::move(out));
  });
  f["substr"] = fixed({P::kInt, P::kInt, P::kString}, [](CallContext&, Args& a) {
    return Value::string(substring(a[0].asInt(), a[1].asInt(), str(a, 2)));
  });
  f["trunc"] = fixed({P::kInt, P::kString}, [](CallContext&, Args& a) {
    const std::int64_t c = a[0].asInt();
    const std::string& s = str(a, 1);
    const auto length = static_cast<std::int64_t>(s.size());
    if (c < 0 && length + c > 0)
      return Value::string(s.substr(static_cast<std::size_t>(length + c)));
    if (c >= 0 && length > c) return Value::string(s.substr(0, static_cast<std::size_t>(c)));
    return Value::string(s);
  });
  f["abbrev"] = fixed({P::kInt, P::kString}, [](CallContext&, Args& a) {
    return Value::string(abbreviate(str(a, 1), 0, static_cast<int>(a[0].asInt())));
  });
  f["abbrevboth"] = fixed({P::kInt, P::kInt, P::kString}, [](CallContext&, Args& a) {
    const auto left = static_cast<int>(a[0].asInt());
    const auto right = static_cast<int>(a[1].asInt());
    if (right < 4 || (left > 0 && right < 7)) return Value::string(str(a, 2));
    return Value::string(abbreviate(str(a, 2), left, right));
  });
  f["wrap"] = fixed({P::kInt, P::kString}, [](CallContext&, Args& a) {
    return Value::string(wrapCustom(str(a, 1), static_cast<int>(a[0].asInt()), "", false));
  });
  f["wrapWith"] = fixed({P::kInt, P::kString, P::kString}, [](CallContext&, Args& a) {
    return Value::string(wrapCustom(str(a, 2), static_cast<int>(a[0].asInt()), str(a, 1), true));
  });
  f["quote"] = variadic({P::kAny}, [](CallContext&, Args& a) {
    std::string out;
    bool first = true;
    for (const Value& v : a) {
      if (v.isNil()) continue;
      if (!first) out += ' ';
      first = false;
      out += detail::goQuote(strval(v));
    }
    return Value::string(std::move(out));
  });
  f["squote"] = variadic({P::kAny}, [](CallContext&, Args& a) {
    std::string out;
    bool first = true;
    for (const Value& v : a) {
      if (v.isNil()) continue;
      if (!first) out += ' ';
      first = false;
      out += "'" + formatValue(v) + "'";
    }
    return Value::string(std::move(out));
  });
  f["cat"] = variadic({P::kAny}, [](CallContext&, Args& a) {
    std::string out;
    bool first = true;
    for (const Value& v : a) {
      if (v.isNil()) continue;
      if (!first) out += ' ';
      first = false;
      out += formatValue(v);
    }
    return Value::string(std::move(out));
  });
  f["indent"] = fixed({P::kInt, P::kString}, [](CallContext&, Args& a) {
    const std::string pad(static_cast<std::size_t>(std::max<std::int64_t>(0, a[0].asInt())), ' ');
    return Value::string(pad + replaceAll(str(a, 1), "\n", "\n" + pad));
  });
  f["nindent"] = fixed({P::kInt, P::kString}, [](CallContext&, Args& a) {
    const std::string pad(static_cast<std::size_t>(std::max<std::int64_t>(0, a[0].asInt())), ' ');
    return Value::string("\n" + pad + replaceAll(str(a, 1), "\n", "\n" + pad));
  });
  f["replace"] = fixed({P::kString, P::kString, P::kString}, [](CallContext&, Args& a) {
    return Value::string(replaceAll(str(a, 2), str(a, 0), str(a, 1)));
  });
  f["plural"] = fixed({P::kString, P::kString, P::kInt}, [](CallContext&, Args& a) {
    return Value::string(a[2].asInt() == 1 ? str(a, 0) : str(a, 1));
  });
  f["toString"] =
      fixed({P::kAny}, [](CallContext&, Args& a) { return Value::string(strval(a[0])); });
  f["split"] = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    return splitMap(splitN(str(a, 1), str(a, 0), -1));
  });
  f["splitn"] = fixed({P::kString, P::kInt, P::kString}, [](CallContext&, Args& a) {
    return splitMap(splitN(str(a, 2), str(a, 0), static_cast<int>(a[1].asInt())));
  });
  f["splitList"] = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    return stringList(splitN(str(a, 1), str(a, 0), -1));
  });
  f["toStrings"] =
      fixed({P::kAny}, [](CallContext&, Args& a) { return stringList(toStrings(a[0])); });
  f["join"] = fixed({P::kString, P::kAny}, [](CallContext&, Args& a) {
    std::string out;
    const auto parts = toStrings(a[1]);
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? str(a, 0) : "") + parts[i];
    return Value::string(std::move(out));
  });
  f["sortAlpha"] = fixed({P::kAny}, [](CallContext&, Args& a) {
    if (!a[0].isList()) return stringList({strval(a[0])});
    std::vector<std::string> items = toStrings(a[0]);
    std::sort(items.begin(), items.end());
    return stringList(std::move(items));
  });
}

}  // namespace meshery::gotmpl::sprig
