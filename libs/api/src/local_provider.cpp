#include "meshery/api/provider.hpp"
#include "meshery/store/store.hpp"

namespace meshery::api {
namespace {

const Uuid& mesheryNamespace() {
  static const Uuid kNamespace = Uuid::v5(kUuidNamespaceUrl, "https://meshery.io");
  return kNamespace;
}

}  // namespace

// Hashed once: authenticate() runs on every request and SHA-1 showed in its profile.
Uuid LocalProvider::localUserId() {
  static const Uuid kUserId = Uuid::v5(mesheryNamespace(), "local-user");
  return kUserId;
}

Uuid LocalProvider::localOrganizationId() {
  static const Uuid kOrganizationId = Uuid::v5(mesheryNamespace(), "local-organization");
  return kOrganizationId;
}

Principal LocalProvider::authenticate(const http::Request& /*request*/) const {
  return {localUserId(), localOrganizationId(), std::string(name())};
}

void LocalProvider::authorize(const Principal& principal, std::string_view action) const {
  if (principal.user_id != localUserId()) {
    throw Error(ErrorCode::kPermissionDenied, "not allowed: " + std::string(action),
                "the Local provider knows only its local user",
                "use the server's local user, or run the server with an authenticating provider");
  }
}

void LocalProvider::seed(store::Store& store) const {
  auto now = std::chrono::system_clock::now();
  if (!store.organizations().find(localOrganizationId())) {
    store::Organization organization;
    organization.meta = {localOrganizationId(), localUserId(), localOrganizationId(),
                         store::Visibility::kPrivate, now, now};
    organization.name = "Local";
    organization.description = "The organisation of the local user";
    store.organizations().upsert(organization);
  }
  if (!store.users().find(localUserId())) {
    store::User user;
    user.meta = {localUserId(), localUserId(), localOrganizationId(), store::Visibility::kPrivate,
                 now, now};
    user.user_id = "meshery";
    user.first_name = "Meshery";
    user.last_name = "Local";
    user.provider = std::string(name());
    store.users().upsert(user);
  }
}

}  // namespace meshery::api
