#pragma once

// Private: the serialised text a snapshot keeps per component.

#include <mutex>
#include <string>

#include "meshery/registry/registry_snapshot.hpp"

namespace meshery::registry {

/// The compact JSON text of one component's toJson(), serialised once.
/// The full text is head() + the escaped `component.schema` + `tail` when
/// `spliced`, else head() alone; trimmed() is the text without the schema.
/// Both are stored after a ',' so that an array item after the first is
/// one piece of text too (head(true), trimmed(true)).
struct RegistrySnapshot::ComponentText {
  std::once_flag filled;
  std::string comma_head;
  std::string tail;
  std::string comma_trimmed;
  bool spliced = false;

  [[nodiscard]] std::string_view head(bool after_comma = false) const {
    return std::string_view(comma_head).substr(after_comma ? 0 : 1);
  }
  [[nodiscard]] std::string_view trimmed(bool after_comma = false) const {
    return std::string_view(comma_trimmed).substr(after_comma ? 0 : 1);
  }

  /// Serialises `component` (once; later calls return at once).
  void fill(const ComponentDefinition& component);
};

/// Appends the text of `component` without a cache (see appendComponentJson).
void appendComponentJsonUncached(std::string& out, const ComponentDefinition& component,
                                 bool trim_schema);

}  // namespace meshery::registry
