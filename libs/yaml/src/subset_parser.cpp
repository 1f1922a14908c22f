#include "subset_parser.hpp"

#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/mark.h>

#include <optional>
#include <string>

namespace meshery::yaml::detail {
namespace {

/// The text leaves the subset: yaml-cpp reads it instead.
struct GiveUp {};

/// Longer implicit keys are refused by yaml-cpp; leave them to it.
constexpr std::size_t kMaxKeyLength = 1000;

/// Characters that cannot start a plain scalar.
bool isIndicator(char c) {
  return std::string_view(",[]{}#&*!|>'\"%@`").find(c) != std::string_view::npos;
}

bool isFlowIndicator(char c) {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

/// A scalar read off one line: its text, where it starts, how it was written.
struct Scalar {
  std::string text;
  std::size_t start;
  bool plain;
};

class SubsetParser {
 public:
  SubsetParser(std::string_view text, DocumentBuilder& builder) : text_(text), builder_(builder) {}

  std::vector<ParsedDocument> documents() {
    std::vector<ParsedDocument> out;
    for (;;) {
      skipBlankLines();
      if (atEnd()) return out;
      if (text_[line_] == '%' || startsWith3("...")) throw GiveUp{};
      const YAML::Mark start = markAt(isMarker() ? line_ : line_ + indent());
      if (isMarker()) {
        const std::size_t after = skipSpaces(line_ + 3);
        if (after < lineEnd() && text_[after] != '#') throw GiveUp{};  // "--- value"
        nextLine();
        skipBlankLines();
      }
      builder_.OnDocumentStart(start);
      if (atEnd() || isMarker()) {
        builder_.OnNull(markAt(line_), 0);  // "---" with nothing after it
      } else {
        blockNode(indent());
      }
      builder_.OnDocumentEnd();
      out.push_back({builder_.takeDocument(), builder_.documentPosition()});
      skipBlankLines();
      if (!atEnd() && !isMarker()) throw GiveUp{};
    }
  }

 private:
  // --- Lines. `line_` is where the current line starts. ---

  [[nodiscard]] bool atEnd() const { return line_ >= text_.size(); }
  [[nodiscard]] std::size_t lineEnd() const {
    const std::size_t end = text_.find('\n', line_);
    return end == std::string_view::npos ? text_.size() : end;
  }
  void nextLine() {
    const std::size_t end = lineEnd();
    line_ = end == text_.size() ? end : end + 1;
    ++line_number_;
  }
  [[nodiscard]] std::size_t skipSpaces(std::size_t at) const {
    while (at < text_.size() && text_[at] == ' ') ++at;
    return at;
  }
  [[nodiscard]] std::size_t indent() const { return skipSpaces(line_) - line_; }
  [[nodiscard]] bool blankOrComment() const {
    const std::size_t at = skipSpaces(line_);
    return at == lineEnd() || text_[at] == '#';
  }
  void skipBlankLines() {
    while (!atEnd() && blankOrComment()) nextLine();
  }
  [[nodiscard]] bool startsWith3(std::string_view marker) const {
    if (text_.substr(line_, 3) != marker) return false;
    return line_ + 3 == text_.size() || text_[line_ + 3] == ' ' || text_[line_ + 3] == '\n';
  }
  [[nodiscard]] bool isMarker() const { return startsWith3("---"); }
  [[nodiscard]] bool isEntry(std::size_t at) const {
    return text_[at] == '-' &&
           (at + 1 == text_.size() || text_[at + 1] == ' ' || text_[at + 1] == '\n');
  }
  [[nodiscard]] YAML::Mark markAt(std::size_t at) const {
    YAML::Mark mark;
    mark.pos = static_cast<int>(at);
    mark.line = line_number_;
    mark.column = static_cast<int>(at - line_);
    return mark;
  }
  /// After a value: nothing but spaces and a comment to the end of the line.
  void endOfLine(std::size_t at) {
    const std::size_t rest = skipSpaces(at);
    if (rest != lineEnd() && (text_[rest] != '#' || rest == at)) throw GiveUp{};
    nextLine();
  }

  // --- Block structure. ---

  /// The node whose first line is the current one, indented by `column`.
  void blockNode(std::size_t column) {
    const std::size_t at = line_ + column;
    if (isEntry(at)) return blockSequence(column);
    if (!keyAt(at)) throw GiveUp{};  // a scalar on its own line
    blockMapping(column);
  }

  void blockSequence(std::size_t column) {
    builder_.OnSequenceStart(markAt(line_ + column), "?", 0, YAML::EmitterStyle::Block);
    for (;;) {
      const std::size_t dash = line_ + column;
      const std::size_t at = skipSpaces(dash + 1);
      if (at == lineEnd() || text_[at] == '#') {
        nextLine();
        nestedValue(column, markAt(dash), false);
      } else if (isEntry(at)) {
        throw GiveUp{};  // "- - x"
      } else if (keyAt(at)) {
        blockMapping(at - line_);
      } else {
        inlineValue(at, column);
      }
      skipBlankLines();
      if (atEnd() || isMarker() || indent() < column) break;
      if (indent() > column) throw GiveUp{};
      if (!isEntry(line_ + column)) break;  // the enclosing mapping's next key
    }
    builder_.OnSequenceEnd();
  }

  /// A mapping whose first key is at `column` of the current line (a
  /// sequence entry's mapping starts after "- "), the next keys at the
  /// start of lines indented by `column`.
  void blockMapping(std::size_t column) {
    builder_.OnMapStart(markAt(line_ + column), "?", 0, YAML::EmitterStyle::Block);
    std::size_t at = line_ + column;
    for (;;) {
      const auto key = keyAt(at);
      if (!key) throw GiveUp{};
      builder_.OnScalar(markAt(key->first.start), key->first.plain ? "?" : "!", 0, key->first.text);
      const std::size_t value = skipSpaces(key->second + 1);
      if (value == lineEnd() || text_[value] == '#') {
        nextLine();
        nestedValue(column, markAt(key->second), true);
      } else {
        inlineValue(value, column);
      }
      skipBlankLines();
      if (atEnd() || isMarker() || indent() < column) break;
      if (indent() > column || isEntry(line_ + column)) throw GiveUp{};
      at = line_ + column;
    }
    builder_.OnMapEnd();
  }

  /// The value of a key or entry that ends its line: a more indented node,
  /// a sequence at the key's own column, or nothing.
  void nestedValue(std::size_t column, const YAML::Mark& mark, bool in_mapping) {
    skipBlankLines();
    if (!atEnd() && !isMarker()) {
      if (indent() > column) return blockNode(indent());
      if (in_mapping && indent() == column && isEntry(line_ + column)) return blockSequence(column);
    }
    builder_.OnNull(mark, 0);
  }

  /// A value after "key: " or "- ", `column` being the key's or dash's.
  void inlineValue(std::size_t at, std::size_t column) {
    const char c = text_[at];
    if (c == '|') return literalBlock(at, column);
    if (c == '[' || c == '{') return endOfLine(flowNode(at));
    if (c == '"' || c == '\'') {
      const Scalar scalar = quoted(at);
      builder_.OnScalar(markAt(at), "!", 0, scalar.text);
      return endOfLine(scalar.start);
    }
    const Scalar scalar = plainInBlock(at);
    builder_.OnScalar(markAt(at), "?", 0, scalar.text);
    nextLine();
  }

  /// A key and the offset of its ':', when a mapping entry starts at `at`.
  std::optional<std::pair<Scalar, std::size_t>> keyAt(std::size_t at) {
    const std::size_t end = lineEnd();
    if (at >= end) return std::nullopt;
    Scalar key;
    std::size_t after = 0;
    if (text_[at] == '"' || text_[at] == '\'') {
      key = quoted(at);
      after = skipSpaces(key.start);
    } else {
      if (!plainCanStart(at)) return std::nullopt;
      std::size_t colon = at;
      for (; colon < end; ++colon) {
        if (text_[colon] == '#' && text_[colon - 1] == ' ') return std::nullopt;
        if (text_[colon] == ':' && (colon + 1 == end || text_[colon + 1] == ' ')) break;
      }
      if (colon == end) return std::nullopt;
      std::size_t last = colon;
      while (last > at && text_[last - 1] == ' ') --last;
      key = {std::string(text_.substr(at, last - at)), at, true};
      after = colon;
    }
    if (after >= end || text_[after] != ':') return std::nullopt;
    if (after + 1 < end && text_[after + 1] != ' ') return std::nullopt;
    if (key.text.size() > kMaxKeyLength) throw GiveUp{};
    key.start = at;
    return std::pair{std::move(key), after};
  }

  [[nodiscard]] bool plainCanStart(std::size_t at) const {
    const char c = text_[at];
    if (c == '-' || c == '?' || c == ':') {
      return at + 1 < lineEnd() && text_[at + 1] != ' ';
    }
    return !isIndicator(c);
  }

  /// A plain scalar that runs to the end of its line or to a comment.
  Scalar plainInBlock(std::size_t at) {
    if (!plainCanStart(at)) throw GiveUp{};
    const std::size_t end = lineEnd();
    std::size_t stop = at;
    for (; stop < end; ++stop) {
      if (text_[stop] == '#' && text_[stop - 1] == ' ') break;
      if (text_[stop] == ':' && (stop + 1 == end || text_[stop + 1] == ' ')) throw GiveUp{};
    }
    while (stop > at && text_[stop - 1] == ' ') --stop;
    return {std::string(text_.substr(at, stop - at)), at, true};
  }

  /// A single- or double-quoted scalar closed on its line; `start` of the
  /// result is the offset after the closing quote.
  Scalar quoted(std::size_t at) {
    const char quote = text_[at];
    const std::size_t end = lineEnd();
    std::string value;
    for (std::size_t i = at + 1; i < end; ++i) {
      const char c = text_[i];
      if (quote == '"' && c == '\\') throw GiveUp{};  // escapes: yaml-cpp's
      if (c != quote) {
        value += c;
      } else if (quote == '\'' && i + 1 < end && text_[i + 1] == '\'') {
        value += '\'';
        ++i;
      } else {
        return {std::move(value), i + 1, false};
      }
    }
    throw GiveUp{};  // continues on the next line
  }

  // --- Flow collections, on one line. ---

  /// The collection at `at`; returns the offset after its closing bracket.
  std::size_t flowNode(std::size_t at) {
    const bool mapping = text_[at] == '{';
    const char close = mapping ? '}' : ']';
    if (mapping) {
      builder_.OnMapStart(markAt(at), "?", 0, YAML::EmitterStyle::Flow);
    } else {
      builder_.OnSequenceStart(markAt(at), "?", 0, YAML::EmitterStyle::Flow);
    }
    std::size_t next = skipSpaces(at + 1);
    if (next < lineEnd() && text_[next] == close) {
      ++next;
    } else {
      for (;;) {
        if (mapping) {
          next = flowValue(next, true);
          if (next + 1 >= lineEnd() || text_[next] != ':' || text_[next + 1] != ' ') throw GiveUp{};
          next = skipSpaces(next + 1);
        }
        next = skipSpaces(flowValue(next, false));
        if (next >= lineEnd()) throw GiveUp{};
        if (text_[next] == close) {
          ++next;
          break;
        }
        if (text_[next] != ',') throw GiveUp{};
        next = skipSpaces(next + 1);
        if (next >= lineEnd() || text_[next] == close) throw GiveUp{};  // a trailing comma
      }
    }
    if (mapping) {
      builder_.OnMapEnd();
    } else {
      builder_.OnSequenceEnd();
    }
    return next;
  }

  /// A value inside a flow collection; returns the offset after it (a
  /// key's, before its ':').
  std::size_t flowValue(std::size_t at, bool key) {
    if (at >= lineEnd()) throw GiveUp{};
    const char c = text_[at];
    if ((c == '[' || c == '{') && !key) return flowNode(at);
    if (c == '"' || c == '\'') {
      const Scalar scalar = quoted(at);
      builder_.OnScalar(markAt(at), "!", 0, scalar.text);
      return key ? skipSpaces(scalar.start) : scalar.start;
    }
    if (!plainCanStart(at)) throw GiveUp{};
    const std::size_t end = lineEnd();
    std::size_t stop = at;
    for (; stop < end && !isFlowIndicator(text_[stop]); ++stop) {
      if (text_[stop] == '#' && text_[stop - 1] == ' ') throw GiveUp{};
      if (text_[stop] == ':') {
        if (stop + 1 < end && text_[stop + 1] == ' ') break;
        throw GiveUp{};  // "a:b" in flow context
      }
    }
    std::size_t last = stop;
    while (last > at && text_[last - 1] == ' ') --last;
    builder_.OnScalar(markAt(at), "?", 0, std::string(text_.substr(at, last - at)));
    return stop;
  }

  // --- Literal block scalars. ---

  /// "|", "|-" or "|+" at `at`, in a node indented by `column`; its lines
  /// follow, more indented.
  void literalBlock(std::size_t at, std::size_t column) {
    const YAML::Mark mark = markAt(at);
    std::size_t after = at + 1;
    const char chomp =
        after < lineEnd() && (text_[after] == '-' || text_[after] == '+') ? text_[after++] : ' ';
    endOfLine(after);
    if (atEnd() || blankOrComment() || indent() <= column) throw GiveUp{};
    const std::size_t content = indent();
    std::string value;
    while (!atEnd()) {
      const std::size_t end = lineEnd();
      if (skipSpaces(line_) == end) {               // an empty line
        if (end - line_ > content) throw GiveUp{};  // spaces beyond the indentation are text
      } else if (indent() < content) {
        if (indent() > column) throw GiveUp{};
        break;
      } else {
        value.append(text_.substr(line_ + content, end - line_ - content));
      }
      if (end == text_.size()) throw GiveUp{};  // no final line break
      value += '\n';
      nextLine();
    }
    if (chomp != '+') {
      while (!value.empty() && value.back() == '\n') value.pop_back();
      if (chomp == ' ') value += '\n';
    }
    builder_.OnScalar(mark, "!", 0, value);
  }

  std::string_view text_;
  DocumentBuilder& builder_;
  std::size_t line_ = 0;
  int line_number_ = 0;
};

}  // namespace

std::optional<std::vector<ParsedDocument>> parseSubset(std::string_view source,
                                                       DocumentBuilder& builder) {
  if (source.find_first_of("\t\r") != std::string_view::npos || source.starts_with("\xEF\xBB\xBF"))
    return std::nullopt;
  try {
    return SubsetParser(source, builder).documents();
  } catch (const GiveUp&) {
    return std::nullopt;
  } catch (const Error&) {  // the builder refused a value: yaml-cpp reports it
    return std::nullopt;
  }
}

}  // namespace meshery::yaml::detail
