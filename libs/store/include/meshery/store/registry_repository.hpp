#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/core/uuid.hpp"
#include "meshery/store/entity.hpp"

namespace meshery::store {

/// What a stored registry definition is.
enum class RegistryEntityType { kModel, kComponent, kRelationship, kPolicy };
std::string_view toString(RegistryEntityType type);  ///< "model", "component", …
RegistryEntityType parseRegistryEntityType(std::string_view text);  ///< throws Error(kInvalidArgument)

/// A registry definition imported at run time, kept as its document (JSON text
/// in Meshery's v1beta1 wire casing). The store does not interpret it.
struct RegistryDocument {
  EntityMeta meta;  ///< meta.id is the definition's id
  RegistryEntityType type = RegistryEntityType::kModel;
  std::string document;
};

/// A status a user set on a registry entity (Meshery's enabled/ignored…). It is
/// kept apart from the documents so that it also applies to bundled
/// definitions, which are read from the models directory and never stored.
struct RegistryStatus {
  Uuid id;
  RegistryEntityType type = RegistryEntityType::kModel;
  std::string status;
  Timestamp updated_at{};
};

/// The registry's persistent part: imported definitions and status changes.
class RegistryRepository {
 public:
  virtual ~RegistryRepository() = default;
  /// Inserts or replaces (by id) every document in one transaction: either all
  /// are stored or none. created_at of a replaced row is kept.
  virtual void save(const std::vector<RegistryDocument>& documents) = 0;
  /// Calls `visit` with every stored document, models first, then components,
  /// relationships and policies, each in the order they were first stored.
  virtual void scan(const std::function<void(RegistryDocument&&)>& visit) = 0;
  /// Deletes the documents and statuses of these ids in one transaction;
  /// unknown ids are ignored. Returns how many documents were deleted.
  virtual std::size_t remove(const std::vector<Uuid>& ids) = 0;
  /// Records (or replaces) the status of one entity.
  virtual void setStatus(const RegistryStatus& status) = 0;
  /// Every recorded status, oldest change first.
  virtual std::vector<RegistryStatus> statuses() = 0;
};

}  // namespace meshery::store
