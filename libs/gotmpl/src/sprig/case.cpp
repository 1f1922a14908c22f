// Sprig's snakecase, kebabcase and camelcase: huandu/xstrings' word
// splitting ("HTTPServer" -> "http_server", "Bld4Floor" -> "bld4_floor").

#include "../go_text.hpp"
#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;
using detail::decodeRune;

bool isLetter(char32_t r) {
  if (r < 0x80) return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  return detail::isAlphaNumeric(r) && !(r >= 0x660 && r <= 0x669);
}
bool isNumber(char32_t r) {
  return r >= '0' && r <= '9';
}
bool isConnector(char32_t r) {
  return r == '-' || r == '_' || detail::isUnicodeSpace(r);
}
bool isPunct(char32_t r) {
  if (r >= 0x80) return false;
  return std::string_view("!\"#%&'()*,-./:;?@[\\]_{}").find(static_cast<char>(r)) !=
         std::string_view::npos;
}
bool isUpper(char32_t r) {
  return detail::isUpperRune(r);
}
bool isAlphabet(char32_t r) {
  return isLetter(r);
}

enum class Word { kInvalid, kNumber, kUpperCase, kAlphabet, kConnector, kPunct, kOther };

// xstrings' nextValidRune: skips invalid UTF-8, keeping `previous` at the end.
std::pair<char32_t, std::size_t> nextValidRune(std::string_view s, char32_t previous) {
  std::size_t size = 0;
  while (!s.empty()) {
    const auto [rune, width] = decodeRune(s);
    size += width;
    if (rune != detail::kRuneError) return {rune, size};
    s.remove_prefix(width);
  }
  return {previous, size};
}

struct Next {
  Word type = Word::kInvalid;
  std::string_view word;
  std::string_view remaining;
};

template <typename Keep>
void extend(std::string_view& remaining, std::size_t& offset, char32_t r, Keep keep) {
  while (!remaining.empty()) {
    const auto [next, size] = nextValidRune(remaining, r);
    r = next;
    if (!keep(r, size)) break;
    offset += size;
    remaining.remove_prefix(size);
  }
}

Next nextWord(std::string_view str) {
  Next result;
  if (str.empty()) return result;
  std::size_t offset = 0;
  std::string_view remaining = str;
  auto [r, size] = nextValidRune(remaining, detail::kRuneError);
  offset += size;
  if (r == detail::kRuneError) {
    return {Word::kInvalid, str.substr(0, offset), str.substr(offset)};
  }
  if (isConnector(r)) {
    result.type = Word::kConnector;
    remaining.remove_prefix(size);
    extend(remaining, offset, r, [](char32_t c, std::size_t) { return isConnector(c); });
  } else if (isPunct(r)) {
    result.type = Word::kPunct;
    remaining.remove_prefix(size);
    extend(remaining, offset, r, [](char32_t c, std::size_t) { return isPunct(c); });
  } else if (isUpper(r)) {
    result.type = Word::kUpperCase;
    remaining.remove_prefix(size);
    if (!remaining.empty()) {
      auto [r2, size2] = nextValidRune(remaining, r);
      if (isUpper(r2)) {
        std::size_t previous_size = size2;
        offset += size2;
        remaining.remove_prefix(size2);
        char32_t last = r2;
        while (!remaining.empty()) {
          const auto [r3, size3] = nextValidRune(remaining, last);
          last = r3;
          if (!isUpper(r3)) break;
          previous_size = size3;
          offset += size3;
          remaining.remove_prefix(size3);
        }
        // "HTTPStatus": the "S" starts the next word.
        if (!remaining.empty() && isAlphabet(last)) {
          offset -= previous_size;
          remaining = str.substr(offset);
        }
      } else if (isAlphabet(r2)) {
        offset += size2;
        remaining.remove_prefix(size2);
        extend(remaining, offset, r2,
               [](char32_t c, std::size_t) { return isAlphabet(c) && !isUpper(c); });
      }
    }
  } else if (isAlphabet(r)) {
    result.type = Word::kAlphabet;
    remaining.remove_prefix(size);
    extend(remaining, offset, r,
           [](char32_t c, std::size_t) { return isAlphabet(c) && !isUpper(c); });
  } else if (isNumber(r)) {
    result.type = Word::kNumber;
    remaining.remove_prefix(size);
    extend(remaining, offset, r, [](char32_t c, std::size_t) { return isNumber(c); });
  } else {
    result.type = Word::kOther;
    remaining.remove_prefix(size);
    extend(remaining, offset, r, [](char32_t c, std::size_t s) {
      return !(s == 0 || isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c));
    });
  }
  result.word = str.substr(0, offset);
  result.remaining = remaining;
  return result;
}

void toLower(std::string& out, Word type, std::string_view word, char connector) {
  if (type != Word::kUpperCase && type != Word::kConnector) {
    out += word;
    return;
  }
  while (!word.empty()) {
    const auto [r, size] = decodeRune(word);
    word.remove_prefix(size);
    if (isConnector(r)) {
      out += connector;
    } else if (isUpper(r)) {
      detail::appendRune(out, detail::toLowerRune(r));
    } else {
      detail::appendRune(out, r);
    }
  }
}

// xstrings' camelCaseToLowerCase.
std::string lowerWords(std::string_view str, char connector) {
  if (str.empty()) return "";
  std::string out;
  Next n = nextWord(str);
  while (!n.remaining.empty()) {
    if (n.type != Word::kConnector) toLower(out, n.type, n.word, connector);
    const Word previous = n.type;
    const std::string_view last = n.word;
    n = nextWord(n.remaining);
    switch (previous) {
      case Word::kNumber:
        while (n.type == Word::kAlphabet || n.type == Word::kNumber) {
          toLower(out, n.type, n.word, connector);
          n = nextWord(n.remaining);
        }
        if (n.type != Word::kInvalid && n.type != Word::kPunct && n.type != Word::kConnector)
          out += connector;
        break;
      case Word::kConnector:
        toLower(out, previous, last, connector);
        break;
      case Word::kPunct:
        break;
      default: {
        if (n.type != Word::kNumber) {
          if (n.type != Word::kConnector && n.type != Word::kPunct) out += connector;
          break;
        }
        if (n.remaining.empty()) break;
        const std::string_view number = n.word;
        n = nextWord(n.remaining);
        if (n.type != Word::kAlphabet) {
          toLower(out, Word::kNumber, number, connector);
          if (n.type != Word::kConnector && n.type != Word::kPunct) out += connector;
          break;
        }
        out += connector;
        toLower(out, Word::kNumber, number, connector);
        while (n.type == Word::kAlphabet || n.type == Word::kNumber) {
          toLower(out, n.type, n.word, connector);
          n = nextWord(n.remaining);
        }
        if (n.type != Word::kInvalid && n.type != Word::kConnector && n.type != Word::kPunct)
          out += connector;
        break;
      }
    }
  }
  toLower(out, n.type, n.word, connector);
  return out;
}

// xstrings' ToCamelCase.
std::string camelCase(std::string_view str) {
  if (str.empty()) return "";
  std::string out;
  char32_t r0 = 0;
  std::size_t size = 0;
  while (!str.empty()) {
    std::tie(r0, size) = decodeRune(str);
    str.remove_prefix(size);
    if (!isConnector(r0)) {
      r0 = detail::toUpperRune(r0);
      break;
    }
    detail::appendRune(out, r0);
  }
  if (str.empty()) {
    if (size != 0) detail::appendRune(out, r0);
    return out;
  }
  while (!str.empty()) {
    const char32_t r1 = r0;
    std::tie(r0, size) = decodeRune(str);
    str.remove_prefix(size);
    if (isConnector(r0) && isConnector(r1)) {
      detail::appendRune(out, r1);
      continue;
    }
    if (isConnector(r1)) {
      r0 = detail::toUpperRune(r0);
    } else {
      r0 = detail::toLowerRune(r0);
      detail::appendRune(out, r1);
    }
  }
  detail::appendRune(out, r0);
  return out;
}

}  // namespace

void addCase(FunctionMap& f) {
  f["snakecase"] = fixed({P::kString}, [](CallContext&, Args& a) {
    return Value::string(lowerWords(a[0].asString(), '_'));
  });
  f["kebabcase"] = fixed({P::kString}, [](CallContext&, Args& a) {
    return Value::string(lowerWords(a[0].asString(), '-'));
  });
  f["camelcase"] = fixed({P::kString}, [](CallContext&, Args& a) {
    return Value::string(camelCase(a[0].asString()));
  });
}

}  // namespace meshery::gotmpl::sprig
