#pragma once

#include <string>
#include <string_view>

#include "meshery/core/uuid.hpp"
#include "meshery/http/message.hpp"

namespace meshery::store {
class Store;
}

namespace meshery::api {

/// The authenticated party of a request.
struct Principal {
  Uuid user_id;
  Uuid organization_id;
  std::string provider;  ///< "Local" or a remote provider's name
};

/// Identifies the caller of each request and decides what it may do. Every
/// handler asks `authorize()` once before acting.
class Provider {
 public:
  virtual ~Provider() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  /// The principal of a request; throws Error(kUnauthenticated).
  [[nodiscard]] virtual Principal authenticate(const http::Request& request) const = 0;
  /// Throws Error(kPermissionDenied) unless `principal` may do `action`
  /// (e.g. "system.database.reset").
  virtual void authorize(const Principal& principal, std::string_view action) const = 0;
  /// Makes sure the provider's own records (local user, organisation) exist.
  virtual void seed(store::Store& store) const = 0;
};

/// Meshery's "Local" provider: one local user in one local organisation, no
/// login, everything allowed. Only for servers bound to loopback.
class LocalProvider final : public Provider {
 public:
  /// Stable ids (UUID v5), the same on every machine and after a reset.
  static Uuid localUserId();
  static Uuid localOrganizationId();

  [[nodiscard]] std::string_view name() const override { return "Local"; }
  [[nodiscard]] Principal authenticate(const http::Request& request) const override;
  void authorize(const Principal& principal, std::string_view action) const override;
  void seed(store::Store& store) const override;
};

}  // namespace meshery::api
