#pragma once

// Private: the serialised text a snapshot keeps per component.

#include <mutex>
#include <string>

#include "meshery/registry/registry_snapshot.hpp"

namespace meshery::registry {

/// The compact JSON text of one component's toJson(), serialised once.
/// The full text is `head` + the escaped `component.schema` + `tail` when
/// `spliced`, else `head` alone; `trimmed` is the text without the schema.
struct RegistrySnapshot::ComponentText {
  std::once_flag filled;
  std::string head;
  std::string tail;
  std::string trimmed;
  bool spliced = false;

  /// Serialises `component` (once; later calls return at once).
  void fill(const ComponentDefinition& component);
};

/// Appends the text of `component` without a cache (see appendComponentJson).
void appendComponentJsonUncached(std::string& out, const ComponentDefinition& component,
                                 bool trim_schema);

}  // namespace meshery::registry
