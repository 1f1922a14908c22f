// The design ("pattern") API of the built meshery-server with the bundled
// kubernetes model: import, list, view, export in every format, revisions,
// clone, delete, validation and bad input.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hostile_archive.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/core/base64.hpp"
#include "meshery/http/client.hpp"
#include "meshery/http/router.hpp"
#include "meshery/http/server.hpp"
#include "meshery_test/server_process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {
namespace {

using nlohmann::json;

constexpr const char* kManifest = R"(# the web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: web, image: nginx}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80}]
)";

json importBody(const std::string& file_name, const std::string& bytes) {
  return {{"file", encodeBase64(bytes)}, {"file_name", file_name}};
}

class DesignApiE2e : public ::testing::Test {
 protected:
  void SetUp() override { start(); }
  void TearDown() override {
    client_.reset();
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << server_->log();
    }
  }

  void start(std::vector<std::string> args = {}) {
    client_.reset();
    if (server_) {
      ASSERT_EQ(server_->stop(), 0) << server_->log();
    }
    server_ = std::make_unique<ServerProcess>(home_.path(), std::move(args));
    ASSERT_TRUE(server_->start()) << server_->log();
    client_ = std::make_unique<http::Client>(server_->url());
  }

  http::ClientResponse post(const std::string& target, const json& body) {
    return client_->send(http::Method::kPost, target, body);
  }

  /// Imports `bytes` and returns the stored pattern.
  json imported(const std::string& file_name, const std::string& bytes) {
    auto response = post("/api/pattern/import", importBody(file_name, bytes));
    EXPECT_EQ(response.status, 200) << response.body;
    auto body = response.json();
    EXPECT_TRUE(body.is_array() && body.size() == 1) << response.body;
    return body.is_array() && !body.empty() ? body[0] : json::object();
  }

  TempDir home_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<http::Client> client_;
};

TEST_F(DesignApiE2e, ImportsAManifestAndServesItBack) {
  json pattern = imported("shop.yaml", kManifest);
  EXPECT_EQ(pattern["name"], "shop");
  EXPECT_EQ(pattern["type"], "Kubernetes Manifest");
  // The Deployment and the Service, and what the import's relationship
  // evaluation created: the Namespaces default and shop, and a Container
  // alias for the Deployment's container.
  EXPECT_EQ(pattern["components"], 5);
  EXPECT_EQ(pattern["evaluation"]["actions"]["add_component"], 3) << pattern["evaluation"];
  EXPECT_EQ(pattern["evaluation"]["relationships"], 3)
      << "each in its Namespace, the container's alias; no edge between namespaces";
  EXPECT_EQ(pattern["revision"], 1);
  EXPECT_TRUE(pattern["warnings"].empty()) << pattern.dump();
  EXPECT_TRUE(pattern["validation"].empty()) << pattern.dump();
  std::string id = pattern["id"];

  auto list = client_->get("/api/pattern").json();
  EXPECT_EQ(list["total_count"], 1);
  EXPECT_EQ(list["patterns"][0]["id"], id);
  auto one = client_->get("/api/pattern/" + id);
  ASSERT_EQ(one.status, 200);
  std::string yaml = one.json()["pattern_file"];
  EXPECT_NE(yaml.find("designs.meshery.io/v1beta1"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("namespace: default"), std::string::npos) << "web had no namespace";
  EXPECT_NE(yaml.find("namespace: shop"), std::string::npos);

  start();  // kept across restarts
  EXPECT_EQ(client_->get("/api/pattern/" + id).json()["pattern_file"], yaml);

  // "evaluate": false imports the resources as they are.
  json body = importBody("plain.yaml", kManifest);
  body["evaluate"] = false;
  auto plain = post("/api/pattern/import", body);
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_EQ(plain.json()[0]["components"], 2);
  EXPECT_FALSE(plain.json()[0].contains("evaluation"));
}

TEST_F(DesignApiE2e, UnknownKindsAreKeptAndInvalidValuesReported) {
  std::string manifest = std::string(kManifest) + R"(---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec: {size: 3}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: broken}
spec:
  replicas: three
  selector: {matchLabels: {app: b}}
  template:
    metadata: {labels: {app: b}}
    spec: {containers: [{name: b, image: busybox}]}
)";
  json pattern = imported("mixed.yaml", manifest);
  EXPECT_EQ(pattern["components"], 8)
      << "the Widget is kept (and two Namespaces and two Container aliases are created)";
  ASSERT_FALSE(pattern["warnings"].empty());
  EXPECT_NE(pattern["warnings"].dump().find("Widget"), std::string::npos) << pattern.dump();
  bool replicas = false;
  for (const auto& issue : pattern["validation"]) {
    if (issue["component"] == "Deployment/broken" && issue["path"] == "spec.replicas")
      replicas = true;
  }
  EXPECT_TRUE(replicas) << pattern["validation"].dump();

  auto validated = post("/api/pattern/validate", {{"id", pattern["id"]}});
  ASSERT_EQ(validated.status, 200) << validated.body;
  EXPECT_EQ(validated.json()["isValid"], false);
  auto uploaded = post("/api/pattern/validate", importBody("ok.yaml", kManifest));
  ASSERT_EQ(uploaded.status, 200) << uploaded.body;
  EXPECT_EQ(uploaded.json()["isValid"], true) << uploaded.body;
  EXPECT_EQ(client_->get("/api/pattern").json()["total_count"], 1) << "validation saves nothing";
}

TEST_F(DesignApiE2e, ExportsEveryFormat) {
  std::string id = imported("shop.yaml", kManifest)["id"];
  auto current = client_->get("/api/pattern/download/" + id);
  ASSERT_EQ(current.status, 200);
  EXPECT_NE(current.body.find("schemaVersion: designs.meshery.io/v1beta1"), std::string::npos);
  EXPECT_EQ(client_->get("/api/pattern/download/" + id + "?type=original").body, kManifest);
  auto manifests = client_->get("/api/pattern/download/" + id + "/manifest");
  ASSERT_EQ(manifests.status, 200);
  EXPECT_NE(manifests.body.find("kind: Deployment"), std::string::npos) << manifests.body;
  EXPECT_NE(manifests.body.find("kind: Service"), std::string::npos);

  auto oci = client_->get("/api/pattern/download/" + id + "?type=oci");
  ASSERT_EQ(oci.status, 200) << oci.body;
  bool index = false;
  for (const auto& entry : archive::readArchive(oci.body))
    index = index || entry.path == "index.json";
  EXPECT_TRUE(index);
  auto chart = client_->get("/api/pattern/download/" + id + "?type=helm-chart");
  ASSERT_EQ(chart.status, 200) << chart.body;
  bool chart_yaml = false;
  for (const auto& entry : archive::readArchive(chart.body)) {
    chart_yaml = chart_yaml || entry.path.ends_with("/Chart.yaml");
  }
  EXPECT_TRUE(chart_yaml);
  EXPECT_EQ(client_->get("/api/pattern/download/" + id + "?type=pdf").status, 422);

  // The OCI image and the manifests import back to the same components
  // (the Namespaces included, so evaluation creates none).
  json from_oci = imported("shop.tar", oci.body);
  EXPECT_EQ(from_oci["components"], 5);
  EXPECT_EQ(from_oci["type"], "Design");
  EXPECT_NE(from_oci["id"], id) << "an import is a new design, never an overwrite";
  EXPECT_EQ(client_->get("/api/pattern/" + id).json()["revision"], 1);
  json from_manifests = imported("again.yaml", manifests.body);
  EXPECT_EQ(from_manifests["components"], 5);
  // The Container alias is not a Kubernetes resource: not exported, made again.
  EXPECT_EQ(from_manifests["evaluation"]["actions"].value("add_component", 0), 1);
}

TEST_F(DesignApiE2e, SavesRevisionsAndRestoresOne) {
  json pattern = imported("shop.yaml", kManifest);
  std::string id = pattern["id"];
  std::string yaml = client_->get("/api/pattern/" + id).json()["pattern_file"];
  auto saved = post("/api/pattern",
                    {{"pattern_data", {{"id", id}, {"name", "shop v2"}, {"pattern_file", yaml}}}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()[0]["revision"], 2);
  EXPECT_EQ(saved.json()[0]["name"], "shop v2");

  auto versions = client_->get("/api/pattern/" + id + "/versions").json();
  ASSERT_EQ(versions["versions"].size(), 2U) << versions.dump();
  EXPECT_EQ(versions["versions"][0]["revision"], 2);
  auto first = client_->get("/api/pattern/" + id + "/versions/1").json();
  EXPECT_EQ(first["name"], "shop");
  auto restored = post("/api/pattern/" + id + "/versions/1/restore", json::object());
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(restored.json()["revision"], 3);
  EXPECT_EQ(restored.json()["name"], "shop");
  EXPECT_EQ(client_->get("/api/pattern/" + id + "/versions/9").status, 404);

  auto fresh =
      post("/api/pattern", {{"name", "scratch"}, {"pattern_data", {{"pattern_file", yaml}}}});
  ASSERT_EQ(fresh.status, 200) << fresh.body;
  EXPECT_NE(fresh.json()[0]["id"], id);
  EXPECT_EQ(fresh.json()[0]["revision"], 1);
}

TEST_F(DesignApiE2e, ClonesListsAndDeletes) {
  std::string id = imported("shop.yaml", kManifest)["id"];
  auto clone = post("/api/pattern/clone/" + id, json::object());
  ASSERT_EQ(clone.status, 200) << clone.body;
  std::string copy = clone.json()["id"];
  EXPECT_NE(copy, id);
  EXPECT_EQ(clone.json()["name"], "shop (Copy)");

  auto searched = client_->get("/api/pattern?search=COPY").json();
  EXPECT_EQ(searched["total_count"], 1);
  auto by_name = client_->get("/api/pattern?order=name%20asc&pagesize=1&page=1").json();
  EXPECT_EQ(by_name["total_count"], 2);
  ASSERT_EQ(by_name["patterns"].size(), 1U);
  EXPECT_EQ(by_name["patterns"][0]["name"], "shop (Copy)");
  EXPECT_EQ(client_->get("/api/pattern?order=bogus").status, 422);

  auto deleted = post("/api/patterns/delete", {{"patterns", {{{"id", id}}, {{"id", copy}}}}});
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(deleted.json()["deleted"], 2);
  EXPECT_EQ(client_->get("/api/pattern/" + id).status, 404);
  EXPECT_EQ(client_->request(http::Method::kDelete, "/api/pattern/" + id).status, 404);
  EXPECT_EQ(client_->get("/api/pattern/not-an-id").status, 400);
}

TEST_F(DesignApiE2e, BadInputIsRefusedWithItsCauseAndSavesNothing) {
  auto malformed = post("/api/pattern/import", importBody("bad.yaml", "a: [1, 2\nb: c\n"));
  EXPECT_EQ(malformed.status, 400) << malformed.body;
  EXPECT_NE(malformed.body.find("line"), std::string::npos) << malformed.body;

  std::string hostile = tarEscapingItsRoot("x.yaml", kManifest);
  EXPECT_EQ(post("/api/pattern/import", importBody("evil.tar", hostile)).status, 422);

  EXPECT_EQ(post("/api/pattern/import", {{"url", "file:///etc/passwd"}}).status, 422);
  EXPECT_EQ(post("/api/pattern/import", {{"file_name", "x.yaml"}}).status, 422);
  EXPECT_EQ(post("/api/pattern/import", {{"file", "!!"}}).status, 400);
  EXPECT_EQ(post("/api/pattern/import", {{"pattern_file", kManifest}, {"source_type", "kustomize"}})
                .status,
            422);
  EXPECT_EQ(client_->get("/api/pattern").json()["total_count"], 0);
}

TEST_F(DesignApiE2e, AnOversizedUploadIs413AndAUrlImportWorks) {
  start({"--max-body-bytes", "65536"});
  std::string big(200000, 'x');
  EXPECT_EQ(post("/api/pattern/import", importBody("big.yaml", big)).status, 413);

  http::Router router;
  router.add(http::Method::kGet, "/shop.yaml",
             [](http::Request&) { return http::Response::text(kManifest, "application/yaml"); });
  http::ServerOptions options;
  options.port = 0;
  http::Server files(options, std::move(router));
  files.start();
  auto response = post("/api/pattern/import",
                       {{"url", "http://127.0.0.1:" + std::to_string(files.port()) + "/shop.yaml"},
                        {"name", "from-url"}});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json()[0]["name"], "from-url");
  EXPECT_EQ(response.json()[0]["components"], 5);
  files.stop();
}

TEST_F(DesignApiE2e, AChartImportsFromAUrlWithValueOverrides) {
  start({});
  const std::string chart = archive::writeArchive(
      {{"web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.3.0\n"},
       {"web/values.yaml", "replicas: 1\nimage: nginx\n"},
       {"web/templates/deployment.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: {{ .Release.Name }}}\n"
        "spec:\n  replicas: {{ .Values.replicas }}\n  selector: {matchLabels: {app: web}}\n"
        "  template:\n    metadata: {labels: {app: web}}\n"
        "    spec: {containers: [{name: web, image: {{ required \"image!\" .Values.image }}}]}\n"},
       {"web/templates/test.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations: {helm.sh/hook: test}\n"}},
      archive::Format::kTarGzip);
  http::Router router;
  router.add(http::Method::kGet, "/charts/web-0.3.0.tgz",
             [&chart](http::Request&) { return http::Response::text(chart, "application/gzip"); });
  http::ServerOptions options;
  options.port = 0;
  http::Server files(options, std::move(router));
  files.start();
  const std::string url =
      "http://127.0.0.1:" + std::to_string(files.port()) + "/charts/web-0.3.0.tgz";
  auto response = post("/api/pattern/import", {{"url", url},
                                               {"values", {{"image", "httpd"}}},
                                               {"set", {"replicas=3"}},
                                               {"release_name", "shop"}});
  ASSERT_EQ(response.status, 200) << response.body;
  const auto pattern = response.json()[0];
  EXPECT_EQ(pattern["name"], "web");
  EXPECT_EQ(pattern["source_type"], "Helm Chart");
  EXPECT_EQ(pattern["components"], 3) << "the Deployment, its Namespace and its container";
  ASSERT_EQ(pattern["warnings"].size(), 1U) << pattern["warnings"].dump();
  EXPECT_EQ(pattern["warnings"][0]["subject"], "Pod/t (web/templates/test.yaml)");
  const std::string design = pattern["pattern_file"];
  EXPECT_NE(design.find("replicas: 3"), std::string::npos) << design;
  EXPECT_NE(design.find("image: httpd"), std::string::npos) << design;
  EXPECT_NE(design.find("name: shop"), std::string::npos) << design;

  auto failed = post("/api/pattern/import", {{"url", url}, {"set", "image=null"}});
  EXPECT_EQ(failed.status, 422) << failed.body;
  EXPECT_EQ(failed.json()["error"],
            "web-0.3.0.tgz: execution error at (web/templates/deployment.yaml:9:46): image!");
  auto bad_set = post("/api/pattern/import", {{"url", url}, {"set", "replicas"}});
  EXPECT_EQ(bad_set.status, 422) << bad_set.body;
  EXPECT_EQ(bad_set.json()["error"], "failed parsing --set data: key \"replicas\" has no value");
  files.stop();
}

json declaration(const std::string& id, const std::string& kind, const std::string& name,
                 json configuration) {
  return {{"id", id},
          {"displayName", name},
          {"component", {{"kind", kind}, {"version", kind == "Deployment" ? "apps/v1" : "v1"}}},
          {"model", {{"name", "kubernetes"}}},
          {"configuration", std::move(configuration)}};
}

TEST_F(DesignApiE2e, EvaluatesRelationshipsAndCreatesMissingNamespaces) {
  const json design = {
      {"id", "6f1c2f8e-0000-4000-8000-000000000001"},
      {"name", "shop"},
      {"schemaVersion", "designs.meshery.io/v1beta1"},
      {"version", "0.0.1"},
      {"components",
       {declaration("svc", "Service", "web",
                    {{"metadata", {{"name", "web"}, {"namespace", "shop"}}},
                     {"spec", {{"selector", {{"app", "web"}}}}}}),
        declaration("deploy", "Deployment", "web",
                    {{"metadata", {{"name", "web"}, {"namespace", "shop"}}},
                     {"spec", {{"template", {{"metadata", {{"labels", {{"app", "web"}}}}}}}}}})}},
      {"relationships", json::array()}};
  auto response = post("/api/meshmodels/relationships/evaluate",
                       {{"design", design}, {"options", {{"enableTrace", true}}}});
  ASSERT_EQ(response.status, 200) << response.body;
  const json answer = response.json();
  const json& evaluated = answer["design"];
  EXPECT_EQ(evaluated["version"], "0.0.3");  // two passes changed it
  ASSERT_EQ(evaluated["components"].size(), 3U) << evaluated.dump();
  const json& created = evaluated["components"][2];
  EXPECT_EQ(created["component"]["kind"], "Namespace");
  EXPECT_EQ(created["displayName"], "shop");
  EXPECT_EQ(created["model"]["name"], "kubernetes");  // hydrated from the registry
  std::vector<std::string> found;
  for (const json& relationship : evaluated["relationships"]) {
    EXPECT_EQ(relationship["status"], "approved") << relationship.dump();
    found.push_back(relationship["kind"].get<std::string>() + "/" +
                    relationship["subType"].get<std::string>() + " " +
                    relationship["selectors"][0]["allow"]["from"][0]["id"].get<std::string>());
  }
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"edge/network svc", "hierarchical/inventory deploy",
                                             "hierarchical/inventory svc"}));
  EXPECT_EQ(answer["actions"][0]["op"], "add_relationship");
  EXPECT_EQ(answer["trace"]["componentsAdded"], json::array({created["id"]}));
  EXPECT_EQ(answer["trace"]["relationshipsAdded"].size(), 3U);

  // The result evaluates to itself; the deprecated prefix answers the same.
  auto again = post("/api/registry/relationships/evaluate", {{"design", evaluated}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.json()["actions"].empty()) << again.body;
  EXPECT_EQ(again.json()["design"], evaluated);

  auto diff = post("/api/registry/relationships/evaluate",
                   {{"design", design}, {"options", {{"returnDiffOnly", true}}}});
  EXPECT_EQ(diff.json()["design"]["components"].size(), 1U);  // the Namespace only

  // The Namespace renamed: what it holds moves with it, no Namespace is
  // created for the old name. Removed: they no longer name one.
  json renamed = evaluated;
  renamed["components"][2]["displayName"] = "store";
  auto moved = post("/api/meshmodels/relationships/evaluate", {{"design", renamed}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  const json moved_answer = moved.json();
  const json& followed = moved_answer["design"];
  ASSERT_EQ(followed["components"].size(), 3U) << moved.body;
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(followed["components"][i]["configuration"]["metadata"]["namespace"], "store")
        << moved.body;
  }
  EXPECT_EQ(followed["relationships"].size(), 3U) << moved.body;
  int writes = 0;
  for (const json& action : moved_answer["actions"]) {
    if (action["op"] != "update_component_configuration") continue;
    ++writes;
    EXPECT_EQ(action["value"]["path"], json({"configuration", "metadata", "namespace"}));
    EXPECT_EQ(action["value"]["value"], "store");
  }
  EXPECT_EQ(writes, 2) << moved.body;
  json without = followed;
  without["components"].erase(2);
  auto freed = post("/api/meshmodels/relationships/evaluate", {{"design", without}});
  ASSERT_EQ(freed.status, 200) << freed.body;
  const json freed_answer = freed.json();
  const json& alone = freed_answer["design"];
  EXPECT_EQ(alone["components"].size(), 2U) << "no Namespace created again: " << freed.body;
  EXPECT_FALSE(alone["components"][0]["configuration"]["metadata"].contains("namespace"));
  EXPECT_EQ(alone["relationships"].size(), 1U) << "the network edge stays: " << freed.body;

  auto bad = post("/api/registry/relationships/evaluate", {{"pattern", design}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("no design to evaluate"), std::string::npos) << bad.body;
}

}  // namespace
}  // namespace meshery::test
