#include "quote_scan.hpp"

namespace meshery::yaml::detail {
namespace {

bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Skips the node's properties ("!tag", "&anchor"), blanks and comments.
std::size_t skipProperties(std::string_view source, std::size_t offset) {
  while (offset < source.size()) {
    const char c = source[offset];
    if (c == '!' || c == '&') {
      while (offset < source.size() && !isBlank(source[offset])) ++offset;
    } else if (c == '#') {
      while (offset < source.size() && source[offset] != '\n') ++offset;
    } else if (isBlank(c)) {
      ++offset;
    } else {
      break;
    }
  }
  return offset;
}

}  // namespace

bool quotedScalarIsClosed(std::string_view source, std::size_t offset) {
  offset = skipProperties(source, offset);
  if (offset >= source.size()) return true;
  const char quote = source[offset];
  if (quote != '"' && quote != '\'') return true;
  for (std::size_t i = offset + 1; i < source.size(); ++i) {
    if (quote == '"' && source[i] == '\\') {
      ++i;
    } else if (source[i] == quote) {
      if (quote == '\'' && i + 1 < source.size() && source[i + 1] == '\'') {
        ++i;
        continue;
      }
      return true;
    }
  }
  return false;
}

}  // namespace meshery::yaml::detail
