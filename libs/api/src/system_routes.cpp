// /api/system/version and /api/system/database[/reset].

#include "handler.hpp"
#include "meshery/core/build_info.hpp"
#include "meshery/store/store.hpp"

namespace meshery::api {
namespace {

bool confirmed(const http::Request& request) {
  auto value = request.queryParam("confirm");
  return value && (*value == "true" || *value == "yes" || *value == "1");
}

http::Response databaseSummary(store::Store& store) {
  nlohmann::json tables = nlohmann::json::array();
  std::int64_t records = 0;
  for (const auto& table : store.tableCounts()) {
    tables.push_back({{"name", table.name}, {"count", table.count}});
    records += table.count;
  }
  return http::Response::json({{"backend", store.backend()},
                               {"schema_version", store.schemaVersion()},
                               {"page", 0},
                               {"page_size", tables.size()},
                               {"total_tables", tables.size()},
                               {"record_count", records},
                               {"tables", tables}});
}

}  // namespace

void registerSystemRoutes(http::Router& router, Services& services) {
  // The version never changes while the process runs: render it once.
  const BuildInfo& build = buildInfo();
  std::string version_body = nlohmann::json{{"build", build.version},
                                            {"latest", build.version},
                                            {"outdated", false},
                                            {"commitsha", build.commit_sha},
                                            {"release_channel", build.release_channel}}
                                 .dump();
  router.add(
      http::Method::kGet, "/api/system/version",
      [version_body](http::Request&) { return http::Response::text(version_body, "application/json"); },
      {http::Dispatch::kInline, 0, "server build, commit and release channel"});

  router.add(http::Method::kGet, "/api/system/database",
             guarded(services, "system.database.view",
                     [&services](http::Request&, const Principal&) {
                       return databaseSummary(services.store);
                     }),
             {http::Dispatch::kBlocking, 0, "row counts per table"});

  router.add(
      http::Method::kDelete, "/api/system/database/reset",
      guarded(services, "system.database.reset",
              [&services](http::Request& request, const Principal&) {
                if (!confirmed(request)) {
                  throw Error(ErrorCode::kConfirmationRequired,
                              "resetting the database deletes every stored record",
                              "the request did not confirm the reset",
                              "repeat the request with ?confirm=true");
                }
                services.store.reset();
                services.provider.seed(services.store);
                return http::Response::json({{"message", "database reset"}});
              }),
      {http::Dispatch::kBlocking, 0, "delete every stored record (needs ?confirm=true)"});
}

}  // namespace meshery::api
