#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "meshery/core/uuid.hpp"
#include "meshery/registry/types.hpp"

namespace meshery::registry {

/// A path into a component: keys from the component's root, e.g.
/// ["configuration", "spec", "containers", "_", "name"]; "_" means every array
/// element and digits index arrays (numbers in the document become digits).
using RefPath = std::vector<std::string>;

/// One `match.from[]` / `match.to[]` entry of a selector item (3-party bindings).
struct MatchEntry {
  std::string id;    ///< "" when null or absent
  std::string kind;  ///< "self" names the selector's own component
  std::vector<RefPath> mutator_ref;
  std::vector<RefPath> mutated_ref;
};

/// The `match` object of a selector item.
struct SelectorMatch {
  std::vector<RefPath> refs;
  std::vector<MatchEntry> from;
  std::vector<MatchEntry> to;
};

/// The `patch` object of a selector item: value at mutator_ref[i] goes to mutated_ref[i].
struct SelectorPatch {
  std::string patch_strategy;  ///< merge|strategic|add|remove|copy|move|test ("" when absent)
  std::vector<RefPath> mutator_ref;
  std::vector<RefPath> mutated_ref;
};

/// One item of `selectors[].allow|deny.from|to`.
struct SelectorItem {
  std::string id;    ///< set on declarations to bind a concrete component; "" otherwise
  std::string kind;  ///< component kind, "*" for any (also when absent)
  ModelRef model;    ///< name "*" for any (also when absent); a bare string is the name
  std::optional<SelectorMatch> match;
  std::vector<std::vector<std::string>> match_strategy_matrix;
  std::optional<SelectorPatch> patch;
};

/// The from/to lists of an allow or deny clause.
struct SelectorClause {
  std::vector<SelectorItem> from;
  std::vector<SelectorItem> to;
};

/// One element of `selectors`: what the relationship allows, and what it denies.
struct Selector {
  SelectorClause allow;
  SelectorClause deny;
};

/// A Meshery relationship definition (relationships.meshery.io v1alpha3,
/// v1beta1, v1beta2, v1beta3 — structurally the same — and legacy
/// core.meshery.io/v1alpha2 ones with capitalised kinds). The document is kept
/// as given; typed fields and parsed selectors are extracted from it.
struct RelationshipDefinition {
  Uuid id;
  std::string kind;      ///< hierarchical|edge|sibling (legacy: Edge…), as written
  std::string type;      ///< e.g. non-binding ("" in legacy definitions)
  std::string sub_type;  ///< e.g. network
  ModelRef model;
  EntityStatus status = EntityStatus::kEnabled;
  bool is_annotation = false;       ///< `metadata.isAnnotation`
  std::vector<Selector> selectors;  ///< parsed `selectors` (empty when absent)
  /// The document as given, `id` filled in; toJson() writes `status`.
  nlohmann::json document;

  /// Reads a relationship definition. A missing or nil `id` becomes a UUID v5
  /// of schemaVersion, model name and versions, kind, type, subType and the
  /// selectors. Throws Error(kInvalidArgument) naming the offending field.
  static RelationshipDefinition fromJson(const nlohmann::json& document);

  /// The document with id and status (relationships have one casing).
  [[nodiscard]] nlohmann::json toJson() const;
};

}  // namespace meshery::registry
