// api/openapi.yaml and the registered routes describe the same API.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "meshery/api/routes.hpp"
#include "meshery/registry/registry.hpp"
#include "meshery/store/store.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::api {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), ::tolower);
  return out;
}

TEST(OpenApiContract, EveryRouteIsDocumentedAndEveryDocumentedOperationIsRouted) {
  test::TempDir dir;
  auto store = store::openStore("sqlite:" + (dir.path() / "contract.db").string());
  LocalProvider provider;
  http::Metrics metrics;
  registry::Registry registry;
  Services services{*store, provider, metrics, registry, loadOpenApi()};
  http::Router router;
  registerRoutes(router, services);

  const auto& paths = services.openapi.at("paths");
  std::set<std::pair<std::string, std::string>> routed;
  for (const auto& route : router.routes()) {
    std::string method = lower(http::toString(route.method));
    routed.emplace(route.pattern, method);
    ASSERT_TRUE(paths.contains(route.pattern)) << route.pattern << " is not in api/openapi.yaml";
    EXPECT_TRUE(paths[route.pattern].contains(method))
        << method << " " << route.pattern << " is not in api/openapi.yaml";
  }
  for (const auto& [path, operations] : paths.items()) {
    for (const auto& [method, operation] : operations.items()) {
      if (method == "parameters") continue;
      EXPECT_TRUE(routed.contains({path, method}))
          << method << " " << path << " is documented but not routed";
      EXPECT_TRUE(operation.contains("summary")) << method << " " << path;
      EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
    }
  }
}

TEST(LocalProvider, SeedsTheLocalUserOnceWithStableIds) {
  test::TempDir dir;
  auto store = store::openStore("sqlite:" + (dir.path() / "seed.db").string());
  LocalProvider provider;
  provider.seed(*store);
  provider.seed(*store);
  EXPECT_EQ(store->users().list().size(), 1U);
  auto user = store->users().find(LocalProvider::localUserId());
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->meta.organization_id, LocalProvider::localOrganizationId());
  // v5 of "local-user" in v5(URL namespace, "https://meshery.io"): fixed forever.
  EXPECT_EQ(LocalProvider::localUserId().toString(), "455d95ed-1ede-5557-9185-ecb604efcd13");
  EXPECT_EQ(LocalProvider::localOrganizationId().toString(), "98359cb3-79a0-5e7e-925c-dcbccc3f5e9d");
  http::Request request;
  auto principal = provider.authenticate(request);
  EXPECT_EQ(principal.user_id, LocalProvider::localUserId());
  EXPECT_NO_THROW(provider.authorize(principal, "system.database.reset"));
  Principal stranger{Uuid::v4(), LocalProvider::localOrganizationId(), "Local"};
  EXPECT_THROW(provider.authorize(stranger, "user.view"), Error);
}

}  // namespace
}  // namespace meshery::api
