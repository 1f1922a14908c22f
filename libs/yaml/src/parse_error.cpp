#include "parse_error.hpp"

#include <utility>

namespace meshery::yaml::detail {

std::string excerpt(std::string_view text) {
  constexpr std::size_t kMaxLength = 40;
  if (text.size() <= kMaxLength) return std::string(text);
  std::size_t end = kMaxLength;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
  return std::string(text.substr(0, end)) + "...";
}

Error malformedAt(SourcePosition position, const std::string& detail, std::string cause,
                  std::string remedy) {
  std::string message = "yaml: line " + std::to_string(position.line) + ", column " +
                        std::to_string(position.column) + ": " + detail;
  return Error(ErrorCode::kMalformedInput, std::move(message), std::move(cause), std::move(remedy),
               position);
}

Error nestingTooDeep(SourcePosition position) {
  return malformedAt(
      position,
      "collections are nested deeper than " + std::to_string(kMaxNestingDepth) + " levels",
      "The document nests mappings and sequences deeper than the parser allows, "
      "which protects the server from exhausting its stack.",
      "Flatten the document; real manifests nest a few dozen levels at most.");
}

}  // namespace meshery::yaml::detail
