#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "meshery/core/uuid.hpp"
#include "meshery/registry/component.hpp"
#include "meshery/registry/model.hpp"
#include "meshery/registry/policy.hpp"
#include "meshery/registry/relationship.hpp"
#include "meshery/registry/types.hpp"

namespace meshery::registry {

using ModelPtr = std::shared_ptr<const Model>;
using ComponentPtr = std::shared_ptr<const ComponentDefinition>;
using RelationshipPtr = std::shared_ptr<const RelationshipDefinition>;
using PolicyPtr = std::shared_ptr<const PolicyDefinition>;

/// A registrant with how many entities it registered.
struct RegistrantSummary {
  Registrant registrant;
  std::size_t models = 0;
  std::size_t components = 0;
  std::size_t relationships = 0;
  std::size_t policies = 0;
};

/// An immutable, indexed registry: models, components, relationships and
/// policies with indexes by id, (kind, apiVersion), kind, model, category,
/// registrant and a lowercase search text. Built by SnapshotBuilder, shared
/// as std::shared_ptr<const RegistrySnapshot>; every method is const and safe
/// from any number of threads. Entities are shared between snapshots, so
/// holding an entity pointer keeps it alive after a newer snapshot replaced it.
/// Lookups return entities in registration order.
class RegistrySnapshot {
 public:
  /// A snapshot with nothing in it.
  static std::shared_ptr<const RegistrySnapshot> empty();

  /// Incremented by every snapshot built from this one (0 for a fresh build).
  [[nodiscard]] std::uint64_t generation() const { return generation_; }

  [[nodiscard]] const std::vector<ModelPtr>& models() const { return models_.items; }
  [[nodiscard]] const std::vector<ComponentPtr>& components() const { return components_.items; }
  [[nodiscard]] const std::vector<RelationshipPtr>& relationships() const {
    return relationships_.items;
  }
  [[nodiscard]] const std::vector<PolicyPtr>& policies() const { return policies_.items; }

  /// Lookup by id; nullptr when absent.
  [[nodiscard]] ModelPtr findModel(const Uuid& id) const;
  [[nodiscard]] ComponentPtr findComponent(const Uuid& id) const;
  [[nodiscard]] RelationshipPtr findRelationship(const Uuid& id) const;
  [[nodiscard]] PolicyPtr findPolicy(const Uuid& id) const;

  /// Models with this exact name (every version and registrant).
  [[nodiscard]] std::vector<ModelPtr> modelsNamed(std::string_view name) const;
  /// Models whose category name is `category` (exact).
  [[nodiscard]] std::vector<ModelPtr> modelsInCategory(std::string_view category) const;
  /// Models whose registrant kind or name equals `registrant`, ignoring case.
  [[nodiscard]] std::vector<ModelPtr> modelsByRegistrant(std::string_view registrant) const;
  /// The models a component, relationship or policy belongs to: same name and,
  /// when the reference names them, same upstream and definition versions.
  [[nodiscard]] std::vector<ModelPtr> modelsFor(const ModelRef& ref) const;

  /// Components with this exact kind and apiVersion (every model).
  [[nodiscard]] std::vector<ComponentPtr> componentsFor(std::string_view kind,
                                                        std::string_view api_version) const;
  /// Components with this exact kind (every apiVersion and model).
  [[nodiscard]] std::vector<ComponentPtr> componentsOfKind(std::string_view kind) const;
  /// Components of a model; an empty `upstream_version` means every version.
  [[nodiscard]] std::vector<ComponentPtr> componentsOfModel(
      std::string_view model_name, std::string_view upstream_version = {}) const;
  /// The component a resource of (kind, apiVersion) should resolve to:
  /// enabled ones first, then the highest model upstream version, then the
  /// first registered. `model_name`, when given, restricts the candidates.
  /// nullptr when none matches.
  [[nodiscard]] ComponentPtr preferredComponent(std::string_view kind, std::string_view api_version,
                                                std::string_view model_name = {}) const;

  /// Relationships / policies of a model; empty `upstream_version` = every version.
  [[nodiscard]] std::vector<RelationshipPtr> relationshipsOfModel(
      std::string_view model_name, std::string_view upstream_version = {}) const;
  [[nodiscard]] std::vector<PolicyPtr> policiesOfModel(
      std::string_view model_name, std::string_view upstream_version = {}) const;

  /// The categories models use, one per name, sorted by name.
  [[nodiscard]] std::vector<Category> categories() const;
  /// The registrants of models (one per kind, ignoring case), sorted by kind,
  /// with how many models and entities of those models they registered.
  [[nodiscard]] std::vector<RegistrantSummary> registrants() const;

  /// Lowercase text searched by queries: name, display name and kind.
  [[nodiscard]] const std::string& searchText(const Model& model) const;
  [[nodiscard]] const std::string& searchText(const ComponentDefinition& component) const;
  [[nodiscard]] const std::string& searchText(const RelationshipDefinition& relationship) const;
  [[nodiscard]] const std::string& searchText(const PolicyDefinition& policy) const;
  /// When `items` is one of this snapshot's own lists (models(), components()…),
  /// the search texts in the same order, so a scan needs no lookup per item;
  /// null for any other list.
  [[nodiscard]] const std::vector<std::string>* alignedSearchTexts(
      const std::vector<ModelPtr>& items) const;
  [[nodiscard]] const std::vector<std::string>* alignedSearchTexts(
      const std::vector<ComponentPtr>& items) const;
  [[nodiscard]] const std::vector<std::string>* alignedSearchTexts(
      const std::vector<RelationshipPtr>& items) const;
  [[nodiscard]] const std::vector<std::string>* alignedSearchTexts(
      const std::vector<PolicyPtr>& items) const;

  /// When `items` is one of this snapshot's own lists and `needle`
  /// (lowercase) has at least 3 bytes: the positions, ascending, of the items
  /// whose search text holds every 3-byte sequence of `needle` (from a
  /// trigram index) — a superset of the matches, often far smaller than
  /// `items`. nullopt when the index does not apply: scan every item.
  [[nodiscard]] std::optional<std::span<const std::uint32_t>> searchCandidates(
      const std::vector<ModelPtr>& items, std::string_view needle) const;
  [[nodiscard]] std::optional<std::span<const std::uint32_t>> searchCandidates(
      const std::vector<ComponentPtr>& items, std::string_view needle) const;
  [[nodiscard]] std::optional<std::span<const std::uint32_t>> searchCandidates(
      const std::vector<RelationshipPtr>& items, std::string_view needle) const;
  [[nodiscard]] std::optional<std::span<const std::uint32_t>> searchCandidates(
      const std::vector<PolicyPtr>& items, std::string_view needle) const;

  /// What queries filter and sort on, per position of one of this
  /// snapshot's own lists, so that a query reads no entity it does not
  /// return (a search's matches are mostly not on the page).
  struct PositionFacts {
    std::vector<EntityStatus> status;
    std::vector<std::uint8_t> annotation;  ///< 1 when the entity is an annotation
    /// Dense rank of the display name (bytewise order; equal names share a
    /// rank). Empty for entities without display names.
    std::vector<std::uint32_t> display_name_rank;
    /// The lowercase search texts back to back: item i's is
    /// [search_offsets[i], search_offsets[i + 1]) of search_blob, so a scan
    /// reads contiguous memory.
    std::string search_blob;
    std::vector<std::uint32_t> search_offsets;

    [[nodiscard]] std::string_view searchText(std::size_t position) const {
      return std::string_view(search_blob)
          .substr(search_offsets[position], search_offsets[position + 1] - search_offsets[position]);
    }
  };
  /// The facts of `items`, aligned with it, when `items` is one of this
  /// snapshot's own lists; null for any other list.
  [[nodiscard]] const PositionFacts* positionFacts(const std::vector<ModelPtr>& items) const;
  [[nodiscard]] const PositionFacts* positionFacts(const std::vector<ComponentPtr>& items) const;
  [[nodiscard]] const PositionFacts* positionFacts(
      const std::vector<RelationshipPtr>& items) const;
  [[nodiscard]] const PositionFacts* positionFacts(const std::vector<PolicyPtr>& items) const;

  /// Appends the JSON text of `component.toJson()` as nlohmann dumps it
  /// compactly (the REST API's form); without `component.schema` when
  /// `trim_schema` (and `component` is an object). Each of this snapshot's
  /// components is serialised on first use and the text kept, shared with
  /// snapshots built from this one while the component is unchanged; the
  /// schema string is escaped into `out` on each call instead of being kept
  /// twice. A component of another snapshot is serialised on each call.
  /// Thread-safe, like every other method.
  void appendComponentJson(std::string& out, const ComponentDefinition& component,
                           bool trim_schema) const;
  /// The text appendComponentJson() appends, as a view of this snapshot's
  /// cache (valid while this snapshot lives), so that it can be sent without
  /// a copy. nullopt when the text is not kept whole: for a component of
  /// another snapshot, and for the full text of a component with a schema
  /// (escaped on each call). With `after_comma` the view starts with a ','
  /// (an item of a JSON array after the first). Thread-safe.
  [[nodiscard]] std::optional<std::string_view> cachedComponentJson(
      const ComponentDefinition& component, bool trim_schema, bool after_comma = false) const;

 private:
  friend class SnapshotBuilder;
  using Positions = std::vector<std::size_t>;
  using Index = std::unordered_map<std::string, Positions>;
  /// Three bytes of search text (packed) → ascending positions holding them.
  using TrigramIndex = std::unordered_map<std::uint32_t, std::vector<std::uint32_t>>;

  /// Entities of one type with their id index and lowercase search texts.
  template <typename T>
  struct Table {
    std::vector<std::shared_ptr<const T>> items;
    std::unordered_map<Uuid, std::size_t, UuidHash> by_id;
    std::vector<std::string> search_text;
    TrigramIndex search_trigrams;
    Index by_model;  ///< model name → positions
    PositionFacts facts;
  };

  /// Fills models_by_registrant_ from models_.
  void indexRegistrants();

  /// The serialised text of one component, filled on first use (component_text.hpp).
  struct ComponentText;
  /// The filled text of one of this snapshot's components; null for others.
  ComponentText* componentText(const ComponentDefinition& component) const;

  std::uint64_t generation_ = 0;
  Table<Model> models_;
  Table<ComponentDefinition> components_;
  Table<RelationshipDefinition> relationships_;
  Table<PolicyDefinition> policies_;
  Index models_by_category_;
  Index models_by_registrant_;    ///< lowercase registrant kind and name → positions
  Index components_by_kind_api_;  ///< kind '\x1f' apiVersion → positions
  Index components_by_kind_;
  /// Aligned with components_.items; a memo, so the snapshot stays immutable
  /// in what it answers.
  std::vector<std::shared_ptr<ComponentText>> component_texts_;
};

/// Builds a RegistrySnapshot. Adding an entity whose id is already present
/// replaces it in place. build() marks duplicates — a later component with
/// the identity (kind, apiVersion, model name, model upstream version) of an
/// earlier one, or a later model with the same (name, version, upstream
/// version, registrant kind), gets status `duplicate` — and fills the models'
/// component and relationship counts. Not thread-safe; use one per thread.
class SnapshotBuilder {
 public:
  SnapshotBuilder() = default;
  /// Starts from the contents of `base` (entities are shared, not copied); the
  /// built snapshot's generation is base's + 1.
  explicit SnapshotBuilder(const RegistrySnapshot& base);

  SnapshotBuilder& add(Model model);
  SnapshotBuilder& add(ComponentDefinition component);
  SnapshotBuilder& add(RelationshipDefinition relationship);
  SnapshotBuilder& add(PolicyDefinition policy);

  /// Removes the entity with this id. A removed model takes its components,
  /// relationships and policies with it unless another model of the same name
  /// and upstream version remains. Throws Error(kNotFound) for an unknown id.
  SnapshotBuilder& remove(const Uuid& id);

  /// Sets an entity's status (and forgets a duplicate marking). Duplicates are
  /// marked again at build(): enabling a duplicate while the entity it
  /// duplicates is present leaves it `duplicate`; ignore or remove the
  /// original instead. Throws Error(kNotFound) for an unknown id.
  SnapshotBuilder& setStatus(const Uuid& id, EntityStatus status);

  /// The snapshot; the builder is left empty.
  std::shared_ptr<const RegistrySnapshot> build();

 private:
  /// Entities of one type; removed ones leave a null slot until build().
  template <typename T>
  struct Items {
    std::vector<std::shared_ptr<const T>> items;
    std::unordered_map<Uuid, std::size_t, UuidHash> by_id;
  };
  void removeModelEntities(const Model& model);
  /// The base snapshot's component texts, for components kept unchanged.
  void shareComponentTexts(RegistrySnapshot& snapshot);
  void markDuplicates();
  void fillCounts();

  std::uint64_t generation_ = 0;
  Items<Model> models_;
  Items<ComponentDefinition> components_;
  Items<RelationshipDefinition> relationships_;
  Items<PolicyDefinition> policies_;
  /// The base's component texts by component; the pointer is held so that no
  /// new component can take a replaced one's address before build().
  struct BaseText {
    ComponentPtr component;
    std::shared_ptr<RegistrySnapshot::ComponentText> text;
  };
  std::unordered_map<const ComponentDefinition*, BaseText> base_texts_;
};

}  // namespace meshery::registry
