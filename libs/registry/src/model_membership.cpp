#include "model_membership.hpp"

#include <cctype>

#include "document_fields.hpp"

namespace meshery::registry::detail {
namespace {

bool isDigit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

std::string_view withoutPrefix(std::string_view version) {
  if (!version.empty() && (version.front() == 'v' || version.front() == 'V')) {
    version.remove_prefix(1);
  }
  return version;
}

/// The next run of digits or of other characters, removed from `text`.
std::string_view nextPart(std::string_view& text) {
  std::size_t length = 0;
  const bool digits = isDigit(text.front());
  while (length < text.size() && isDigit(text[length]) == digits) ++length;
  std::string_view part = text.substr(0, length);
  text.remove_prefix(length);
  return part;
}

int compareNumbers(std::string_view left, std::string_view right) {
  while (left.size() > 1 && left.front() == '0') left.remove_prefix(1);
  while (right.size() > 1 && right.front() == '0') right.remove_prefix(1);
  if (left.size() != right.size()) return left.size() < right.size() ? -1 : 1;
  int order = left.compare(right);
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

}  // namespace

bool belongsTo(const ModelRef& ref, const Model& model) {
  if (ref.name != model.name) return false;
  if (!ref.upstream_version.empty() && ref.upstream_version != model.upstream_version) {
    return false;
  }
  if (!ref.version.empty() && ref.version != model.version) return false;
  return ref.registrant_kind.empty() ||
         toLower(ref.registrant_kind) == toLower(model.registrant.kind);
}

int compareVersions(std::string_view left, std::string_view right) {
  left = withoutPrefix(left);
  right = withoutPrefix(right);
  while (!left.empty() && !right.empty()) {
    const bool left_digits = isDigit(left.front());
    const bool right_digits = isDigit(right.front());
    std::string_view left_part = nextPart(left);
    std::string_view right_part = nextPart(right);
    int order = 0;
    if (left_digits && right_digits) {
      order = compareNumbers(left_part, right_part);
    } else {
      int text_order = left_part.compare(right_part);
      order = text_order < 0 ? -1 : (text_order > 0 ? 1 : 0);
    }
    if (order != 0) return order;
  }
  if (left.empty() == right.empty()) return 0;
  return left.empty() ? -1 : 1;
}

}  // namespace meshery::registry::detail
