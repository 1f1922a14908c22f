#pragma once

// Connections (Meshery's connections.meshery.io/v1beta1): what the server
// reaches — a Kubernetes cluster's context, a Prometheus server — with its
// state in Meshery's connection state machine and its credential sealed.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/core/uuid.hpp"
#include "meshery/store/entity.hpp"

namespace meshery::store {

enum class ConnectionStatus {
  kDiscovered,    ///< found, not tried
  kRegistered,    ///< known and usable, not in use (e.g. the cluster did not answer)
  kConnected,     ///< in use
  kIgnored,       ///< set aside by a user; not rediscovered
  kMaintenance,   ///< paused by a user
  kDisconnected,  ///< lost (unreachable, credentials refused)
  kDeleted,       ///< removed
  kNotFound,      ///< registered by hand, and it could not be reached
};

/// "discovered", …, "not found" (Meshery's wire names).
std::string_view toString(ConnectionStatus status);
/// The status of a wire name; nullopt for another text.
std::optional<ConnectionStatus> connectionStatusOf(std::string_view text);
/// Whether Meshery's state machine lets a connection go from `from` to `to`:
/// discovered → registered | ignored; registered → connected | maintenance |
/// not found | ignored; connected → maintenance | ignored | disconnected;
/// maintenance → connected | disconnected; disconnected → connected (it is
/// back); not found → registered (tried again); any but deleted → deleted;
/// staying is allowed.
bool transitionAllowed(ConnectionStatus from, ConnectionStatus to);

struct Connection {
  EntityMeta meta;
  std::string name;      ///< unique per owner and kind (a Kubernetes context's name)
  std::string kind;      ///< kubernetes, prometheus…
  std::string type;      ///< platform, telemetry…
  std::string sub_type;  ///< orchestration, metrics…
  ConnectionStatus status = ConnectionStatus::kDiscovered;
  nlohmann::json metadata = nlohmann::json::object();  ///< kind-specific; never secrets
  /// The credential sealed by a SecretBox ("" when none). The store keeps
  /// it as it is; the API never returns it.
  std::string sealed_credential;
};

struct ConnectionQuery {
  std::optional<Uuid> owner_id;
  std::vector<std::string> kinds;          ///< any of them; empty: all
  std::vector<ConnectionStatus> statuses;  ///< any of them; empty: all
  std::string search;                      ///< a case-insensitive part of the name
  std::int64_t page = 0;                   ///< from 0
  std::int64_t page_size = 25;             ///< 0: every match
};

struct ConnectionPage {
  std::vector<Connection> connections;  ///< by name, then id
  std::int64_t total_count = 0;         ///< every match, all pages
};

class ConnectionRepository {
 public:
  virtual ~ConnectionRepository() = default;
  virtual std::optional<Connection> find(const Uuid& id) = 0;
  virtual std::optional<Connection> findByName(const Uuid& owner_id, std::string_view kind,
                                               std::string_view name) = 0;
  /// Inserts or replaces by id; created_at of an existing row is kept.
  /// Error(kAlreadyExists) when another connection of the owner has the
  /// same kind and name.
  virtual void upsert(const Connection& connection) = 0;
  virtual ConnectionPage list(const ConnectionQuery& query) = 0;
  /// False when there was none.
  virtual bool remove(const Uuid& id) = 0;
};

}  // namespace meshery::store
