#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <future>
#include <istream>
#include <optional>
#include <streambuf>
#include <string>
#include <utility>

#include "document_builder.hpp"
#include "meshery/yaml/yaml.hpp"
#include "parse_error.hpp"
#include "subset_parser.hpp"
#include "text_encoding.hpp"

namespace meshery::yaml {
namespace {

using detail::ParsedDocument;

// Lets yaml-cpp read the caller's text without a copy.
class ViewBuffer final : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    // The get area is only read from; std::streambuf just has no const API.
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

void rejectInvalidCharacters(std::string_view text) {
  const auto invalid = detail::findInvalidCharacter(text);
  if (!invalid) return;
  const bool utf16 = text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF");
  throw detail::malformedAt(
      {invalid->line, invalid->column}, invalid->description,
      utf16 ? "The input is UTF-16 encoded; YAML manifests are read as UTF-8."
            : "YAML text must be UTF-8 without control characters (other than tab, line feed "
              "and carriage return).",
      utf16 ? "Convert the file to UTF-8."
            : "Remove the character or escape it in a "
              "double-quoted string (\"\\x01\").");
}

std::string sourceLine(std::string_view text, int index) {
  std::size_t start = 0;
  for (int line = 0; line < index; ++line) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  const std::size_t end = text.find('\n', start);
  return std::string(text.substr(start, end == std::string_view::npos ? end : end - start));
}

// yaml-cpp reports tabs in indentation as e.g. "illegal map value"; say what
// is wrong instead.
bool indentedWithTab(std::string_view text, const YAML::Mark& mark) {
  const std::string line = sourceLine(text, mark.line);
  const std::size_t first = line.find_first_not_of(" \t");
  return line.substr(0, first).find('\t') != std::string::npos;
}

Error syntaxError(std::string_view text, const YAML::Exception& error) {
  std::string detail = error.msg;
  if (error.mark.is_null()) {
    return Error(ErrorCode::kMalformedInput, "yaml: " + detail, "The text is not valid YAML.",
                 "Fix the YAML syntax.");
  }
  if (indentedWithTab(text, error.mark)) {
    detail += " (a tab character is used for indentation; YAML allows only spaces)";
  }
  return detail::malformedAt(
      detail::positionOf(error.mark), detail, "The text is not valid YAML.",
      "Fix the syntax near the reported position: indent with spaces, close quotes and "
      "brackets, and quote values that contain \": \" or \" #\".");
}

Error stuckAt(std::string_view source, std::size_t offset, SourcePosition position) {
  const std::string found =
      offset < source.size() ? "'" + std::string(1, source[offset]) + "'" : "end of stream";
  return detail::malformedAt(position, "unexpected " + found, "The text is not valid YAML.",
                             "Remove the character or quote the value that contains it.");
}

std::vector<ParsedDocument> parseStream(std::string_view text, detail::AliasBudget& budget,
                                        const ParseOptions& options) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  const std::string_view source =
      text.starts_with(kByteOrderMark) ? text.substr(kByteOrderMark.size()) : text;
  rejectInvalidCharacters(source);  // columns as an editor shows them, after the mark
  ViewBuffer buffer(text);
  std::istream stream(&buffer);
  detail::DocumentBuilder builder(budget, source,
                                  options.duplicate_keys == DuplicateKeys::kLastWins);
  if (source.size() == text.size()) {
    if (auto documents = detail::parseSubset(source, builder)) return std::move(*documents);
  }
  std::vector<ParsedDocument> documents;
  std::size_t last_offset = 0;
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
      // yaml-cpp can get stuck on a stray token (e.g. a "," outside flow
      // context) and report the same empty document forever.
      if (!documents.empty() && builder.documentOffset() <= last_offset) {
        throw stuckAt(source, builder.documentOffset(), builder.documentPosition());
      }
      last_offset = builder.documentOffset();
      documents.push_back({builder.takeDocument(), builder.documentPosition()});
    }
  } catch (const YAML::DeepRecursion& error) {
    throw detail::nestingTooDeep(detail::positionOf(error.mark));
  } catch (const YAML::Exception& error) {
    throw syntaxError(source, error);  // yaml-cpp's marks skip the byte order mark
  }
  return documents;
}

std::vector<ParsedDocument> parseStream(std::string_view text, const ParseOptions& options) {
  detail::AliasBudget budget;
  return parseStream(text, budget, options);
}

// Streams from this size on are parsed in two halves at once.
constexpr std::size_t kSplitThreshold = 64 * 1024;

bool isMarkerEnd(std::string_view text, std::size_t at) {
  return at == text.size() || text[at] == ' ' || text[at] == '\t' || text[at] == '\r' ||
         text[at] == '\n';
}

// The offset of a "---" line near the middle of a large stream. A document
// marker at the start of a line ends the document in every context (YAML
// forbids it inside scalars), so the two halves parse to the same documents
// as the whole. Streams with directives ("%YAML", "%TAG", which apply to the
// next document) are not cut.
std::optional<std::size_t> documentSplit(std::string_view text) {
  if (text.size() < kSplitThreshold) return std::nullopt;
  if (text.starts_with('%') || text.find("\n%") != std::string_view::npos) return std::nullopt;
  const std::size_t middle = text.size() / 2;
  for (std::size_t at = text.find("\n---", middle); at != std::string_view::npos;
       at = text.find("\n---", at + 1)) {
    if (isMarkerEnd(text, at + 4)) return at + 1;
  }
  for (std::size_t at = text.rfind("\n---", middle); at != std::string_view::npos && at > 0;
       at = text.rfind("\n---", at - 1)) {
    if (isMarkerEnd(text, at + 4)) return at + 1;
  }
  return std::nullopt;
}

// Both halves of a large stream parsed at once, each with half the alias
// budget; nothing when either fails, so that the whole stream is parsed
// again and reports the error (or passes) exactly as it would alone.
std::optional<std::vector<ParsedDocument>> parseHalves(std::string_view text,
                                                       const ParseOptions& options) {
  const auto split = documentSplit(text);
  if (!split) return std::nullopt;
  auto second = std::async(std::launch::async, [rest = text.substr(*split), &options] {
    detail::AliasBudget budget(2);
    return parseStream(rest, budget, options);
  });
  std::vector<ParsedDocument> documents;
  try {
    detail::AliasBudget budget(2);
    documents = parseStream(text.substr(0, *split), budget, options);
  } catch (const Error&) {
    second.wait();
    return std::nullopt;
  }
  try {
    for (auto& document : second.get()) documents.push_back(std::move(document));
  } catch (const Error&) {
    return std::nullopt;
  }
  return documents;
}

}  // namespace

nlohmann::json parse(std::string_view text) {
  return parse(text, ParseOptions{});
}

nlohmann::json parse(std::string_view text, const ParseOptions& options) {
  std::vector<ParsedDocument> documents = parseStream(text, options);
  ParsedDocument* found = nullptr;
  for (auto& document : documents) {
    if (document.value.is_null()) continue;
    if (found != nullptr) {
      throw detail::malformedAt(document.position,
                                "expected a single document but found another one",
                                "The text holds several YAML documents separated by \"---\".",
                                "Pass one document, or read the stream as a list of documents.");
    }
    found = &document;
  }
  return found != nullptr ? std::move(found->value) : nlohmann::json(nullptr);
}

std::vector<nlohmann::json> parseAll(std::string_view text) {
  return parseAll(text, ParseOptions{});
}

std::vector<nlohmann::json> parseAll(std::string_view text, const ParseOptions& options) {
  std::vector<ParsedDocument> documents;
  if (auto halves = parseHalves(text, options)) {
    documents = std::move(*halves);
  } else {
    documents = parseStream(text, options);
  }
  std::vector<nlohmann::json> values;
  for (auto& document : documents) {
    if (!document.value.is_null()) values.push_back(std::move(document.value));
  }
  return values;
}

}  // namespace meshery::yaml
