// Sprig's regular expressions (regex.go) over RE2, which has Go regexp's
// syntax and leftmost-first semantics. Iteration, replacement templates
// ($1, ${name}), splitting and error messages follow Go's regexp package.

#include <re2/re2.h>

#include <memory>

#include "../go_text.hpp"
#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;

std::string_view goErrorCode(RE2::ErrorCode code) {
  switch (code) {
    case RE2::ErrorBadEscape:
      return "invalid escape sequence";
    case RE2::ErrorBadCharClass:
      return "invalid character class";
    case RE2::ErrorBadCharRange:
      return "invalid character class range";
    case RE2::ErrorMissingBracket:
      return "missing closing ]";
    case RE2::ErrorMissingParen:
      return "missing closing )";
    case RE2::ErrorUnexpectedParen:
      return "unexpected )";
    case RE2::ErrorTrailingBackslash:
      return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument:
      return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize:
      return "invalid repeat count";
    case RE2::ErrorRepeatOp:
      return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp:
      return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8:
      return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture:
      return "invalid named capture";
    default:
      return "invalid regular expression";
  }
}

/// A compiled expression, or Go's compile error.
struct Compiled {
  std::unique_ptr<RE2> re;
  std::string error;  // "error parsing regexp: CODE: `ARG`"
};

Compiled compile(const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  Compiled compiled;
  compiled.re = std::make_unique<RE2>(pattern, options);
  if (!compiled.re->ok()) {
    std::string arg = compiled.re->error_arg();
    if (compiled.re->error_code() == RE2::ErrorMissingParen && arg.empty()) arg = pattern;
    compiled.error =
        "error parsing regexp: " + std::string(goErrorCode(compiled.re->error_code())) + ": `" +
        arg + "`";
  }
  return compiled;
}

// Go's MustCompile panic text.
std::string mustCompileMessage(const std::string& pattern, const std::string& error) {
  const bool backquote = pattern.find('`') == std::string::npos;
  const std::string quoted = backquote ? "`" + pattern + "`" : detail::goQuote(pattern);
  return "regexp: Compile(" + quoted + "): " + error;
}

const RE2& mustCompile(Compiled& compiled, const std::string& pattern) {
  if (!compiled.error.empty()) throw FunctionError(mustCompileMessage(pattern, compiled.error));
  return *compiled.re;
}

const RE2& compileOrFail(Compiled& compiled) {
  if (!compiled.error.empty()) throw FunctionError(compiled.error);
  return *compiled.re;
}

using Match = std::vector<re2::StringPiece>;

bool findAt(const RE2& re, std::string_view text, std::size_t pos, Match& groups) {
  groups.assign(static_cast<std::size_t>(re.NumberOfCapturingGroups()) + 1, re2::StringPiece());
  return re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED,
                  groups.data(), static_cast<int>(groups.size()));
}

std::size_t begin(const Match& m, std::string_view text, std::size_t i = 0) {
  return static_cast<std::size_t>(m[i].data() - text.data());
}
std::size_t finish(const Match& m, std::string_view text, std::size_t i = 0) {
  return begin(m, text, i) + m[i].size();
}

// Go's allMatches: up to n matches (n < 0: all), no empty match right after a match.
std::vector<Match> allMatches(const RE2& re, std::string_view text, std::int64_t n) {
  std::vector<Match> out;
  if (n < 0) n = static_cast<std::int64_t>(text.size()) + 1;
  std::size_t pos = 0;
  std::int64_t previous_end = -1;
  Match groups;
  while (static_cast<std::int64_t>(out.size()) < n && pos <= text.size()) {
    if (!findAt(re, text, pos, groups)) break;
    bool accept = true;
    const std::size_t match_end = finish(groups, text);
    if (match_end == pos) {
      if (static_cast<std::int64_t>(begin(groups, text)) == previous_end) accept = false;
      const std::size_t width = pos < text.size() ? detail::decodeRune(text.substr(pos)).second : 0;
      pos += width > 0 ? width : 1;
    } else {
      pos = match_end;
    }
    previous_end = static_cast<std::int64_t>(match_end);
    if (accept) out.push_back(groups);
  }
  return out;
}

bool isNameRune(char32_t r) {
  return r == '_' || detail::isAlphaNumeric(r);
}

// Go's Regexp.expand of a replacement template.
void expand(std::string& out, std::string_view tmpl, const RE2& re, const Match& m) {
  while (!tmpl.empty()) {
    const std::size_t dollar = tmpl.find('$');
    if (dollar == std::string_view::npos) break;
    out += tmpl.substr(0, dollar);
    tmpl.remove_prefix(dollar + 1);
    if (!tmpl.empty() && tmpl[0] == '$') {
      out += '$';
      tmpl.remove_prefix(1);
      continue;
    }
    std::string_view rest = tmpl;
    const bool brace = !rest.empty() && rest[0] == '{';
    if (brace) rest.remove_prefix(1);
    std::size_t i = 0;
    while (i < rest.size()) {
      const auto [rune, width] = detail::decodeRune(rest.substr(i));
      if (!isNameRune(rune)) break;
      i += width;
    }
    if (i == 0 || (brace && (i >= rest.size() || rest[i] != '}'))) {
      out += '$';
      continue;
    }
    const std::string name(rest.substr(0, i));
    tmpl = rest.substr(i + (brace ? 1 : 0));
    int number = 0;
    for (const char c : name) {
      if (c < '0' || c > '9' || number >= 100'000'000) {
        number = -1;
        break;
      }
      number = number * 10 + (c - '0');
    }
    if (name[0] == '0' && name.size() > 1) number = -1;
    if (number < 0) {
      const auto& names = re.NamedCapturingGroups();
      const auto found = names.find(name);
      if (found != names.end())
        number = found->second;
      else
        continue;
    }
    if (static_cast<std::size_t>(number) < m.size() &&
        m[static_cast<std::size_t>(number)].data() != nullptr) {
      out.append(m[static_cast<std::size_t>(number)].data(),
                 m[static_cast<std::size_t>(number)].size());
    }
  }
  out += tmpl;
}

// Go's Regexp.replaceAll.
std::string replaceAll(const RE2& re, std::string_view text, std::string_view replacement,
                       bool literal) {
  std::string out;
  std::size_t last_end = 0;
  std::size_t search = 0;
  Match groups;
  while (search <= text.size()) {
    if (!findAt(re, text, search, groups)) break;
    const std::size_t start = begin(groups, text);
    const std::size_t end = finish(groups, text);
    out += text.substr(last_end, start - last_end);
    if (end > last_end || start == 0) {
      if (literal) {
        out += replacement;
      } else {
        expand(out, replacement, re, groups);
      }
    }
    last_end = end;
    const std::size_t width =
        search < text.size() ? detail::decodeRune(text.substr(search)).second : 0;
    if (search + width > end) {
      search += width;
    } else if (search + 1 > end) {
      ++search;
    } else {
      search = end;
    }
  }
  out += text.substr(last_end);
  return out;
}

Value findAll(const RE2& re, const std::string& text, std::int64_t n) {
  std::vector<std::string> out;
  if (n != 0) {
    for (const Match& m : allMatches(re, text, n)) out.emplace_back(m[0].data(), m[0].size());
  }
  return stringList(std::move(out));
}

Value split(const RE2& re, const std::string& pattern, const std::string& text, std::int64_t n) {
  if (n == 0) return Value::nilList(ElemType::kString);
  if (!pattern.empty() && text.empty()) return stringList({""});
  std::vector<std::string> out;
  std::size_t beg = 0;
  std::size_t end = 0;
  for (const Match& m : allMatches(re, text, n)) {
    if (n > 0 && static_cast<std::int64_t>(out.size()) == n - 1) break;
    end = begin(m, text);
    if (finish(m, text) != 0) out.push_back(text.substr(beg, end - beg));
    beg = finish(m, text);
  }
  if (end != text.size()) out.push_back(text.substr(beg));
  return stringList(std::move(out));
}

std::string quoteMeta(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

void addRegex(FunctionMap& f) {
  f["regexMatch"] = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    Compiled compiled = compile(a[0].asString());
    if (!compiled.error.empty()) return Value::boolean(false);
    return Value::boolean(RE2::PartialMatch(a[1].asString(), *compiled.re));
  });
  f["mustRegexMatch"] = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    Compiled compiled = compile(a[0].asString());
    return Value::boolean(RE2::PartialMatch(a[1].asString(), compileOrFail(compiled)));
  });
  const auto find_all = [](bool must) {
    return fixed({P::kString, P::kString, P::kInt}, [must](CallContext&, Args& a) {
      Compiled compiled = compile(a[0].asString());
      const RE2& re = must ? compileOrFail(compiled) : mustCompile(compiled, a[0].asString());
      return findAll(re, a[1].asString(), a[2].asInt());
    });
  };
  f["regexFindAll"] = find_all(false);
  f["mustRegexFindAll"] = find_all(true);
  const auto find = [](bool must) {
    return fixed({P::kString, P::kString}, [must](CallContext&, Args& a) {
      Compiled compiled = compile(a[0].asString());
      const RE2& re = must ? compileOrFail(compiled) : mustCompile(compiled, a[0].asString());
      const auto matches = allMatches(re, a[1].asString(), 1);
      if (matches.empty()) return Value::string("");
      return Value::string(std::string(matches[0][0].data(), matches[0][0].size()));
    });
  };
  f["regexFind"] = find(false);
  f["mustRegexFind"] = find(true);
  const auto replace = [](bool must, bool literal) {
    return fixed({P::kString, P::kString, P::kString}, [must, literal](CallContext&, Args& a) {
      Compiled compiled = compile(a[0].asString());
      const RE2& re = must ? compileOrFail(compiled) : mustCompile(compiled, a[0].asString());
      return Value::string(replaceAll(re, a[1].asString(), a[2].asString(), literal));
    });
  };
  f["regexReplaceAll"] = replace(false, false);
  f["mustRegexReplaceAll"] = replace(true, false);
  f["regexReplaceAllLiteral"] = replace(false, true);
  f["mustRegexReplaceAllLiteral"] = replace(true, true);
  const auto split_with = [](bool must) {
    return fixed({P::kString, P::kString, P::kInt}, [must](CallContext&, Args& a) {
      Compiled compiled = compile(a[0].asString());
      const RE2& re = must ? compileOrFail(compiled) : mustCompile(compiled, a[0].asString());
      return split(re, a[0].asString(), a[1].asString(), a[2].asInt());
    });
  };
  f["regexSplit"] = split_with(false);
  f["mustRegexSplit"] = split_with(true);
  f["regexQuoteMeta"] = fixed({P::kString}, [](CallContext&, Args& a) {
    return Value::string(quoteMeta(a[0].asString()));
  });
}

}  // namespace meshery::gotmpl::sprig
