#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "meshery/core/uuid.hpp"
#include "meshery/store/entity.hpp"

namespace meshery::store {

/// A saved design (Meshery's MesheryPattern): the design document and where it
/// came from. Every save keeps the previous content as a revision.
struct StoredDesign {
  EntityMeta meta;
  std::string name;
  std::string source_type;     ///< Meshery's designType: "Design", "Kubernetes Manifest"…
  std::int64_t revision = 0;   ///< 1 for the first save, +1 for each later one
  std::string document;        ///< the design, JSON text
  std::string source_name;     ///< the imported file's name ("" when none)
  std::string source_content;  ///< the imported bytes, as given ("" when none)
};

/// One saved state of a design.
struct DesignRevision {
  Uuid design_id;
  std::int64_t revision = 0;
  Timestamp saved_at{};
  Uuid saved_by;
  std::string name;
  std::string document;
};

/// Which designs a list shows, in which order, and which page.
struct DesignQuery {
  Uuid organization_id;                   ///< only this organisation's designs
  std::string search;                     ///< case-insensitive substring of the name
  std::optional<Visibility> visibility;   ///< only these
  std::string order = "updated_at";       ///< name, created_at or updated_at
  bool descending = true;
  std::size_t offset = 0;
  std::size_t limit = 25;                 ///< 0: every match
};

struct DesignPage {
  std::vector<StoredDesign> items;  ///< without source_content
  std::size_t total = 0;            ///< matches before paging
};

class DesignRepository {
 public:
  virtual ~DesignRepository() = default;
  /// Inserts the design, or (same id) replaces its content keeping created_at
  /// and owner; either way the saved content is also recorded as the next
  /// revision, in the same transaction. Returns the design as stored
  /// (revision and timestamps set). An empty source_content keeps the one
  /// stored.
  virtual StoredDesign save(const StoredDesign& design) = 0;
  virtual std::optional<StoredDesign> find(const Uuid& id) = 0;
  /// Throws Error(kInvalidArgument) for an unknown `order`.
  virtual DesignPage list(const DesignQuery& query) = 0;
  /// Deletes the designs with these ids that belong to `organization_id`,
  /// with their revisions, in one transaction; returns how many were deleted
  /// (unknown ids and other organisations' designs are left alone).
  virtual std::size_t remove(const Uuid& organization_id, const std::vector<Uuid>& ids) = 0;
  /// The revisions of a design, newest first.
  virtual std::vector<DesignRevision> revisions(const Uuid& id) = 0;
  virtual std::optional<DesignRevision> revision(const Uuid& id, std::int64_t number) = 0;
};

}  // namespace meshery::store
