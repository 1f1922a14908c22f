// The registry's write API on the built meshery-server: register (upload,
// raw body, URL), generate, export, validate, delete and status changes —
// and that what they change survives a restart without duplicates.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "demo_model.hpp"
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

std::string demoArchive(const std::string& name, archive::Format format) {
  std::vector<archive::Entry> entries;
  for (auto& [path, text] : demoModelFiles(name)) entries.push_back({path, text});
  return archive::writeArchive(entries, format);
}

json fileUpload(const std::string& file_name, const std::string& bytes) {
  return {{"uploadType", "file"},
          {"register", true},
          {"importBody", {{"fileName", file_name}, {"modelFile", encodeBase64(bytes)}}}};
}

class RegistryWriteE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    writeDemoModel(models_.path());  // the bundled model: "demo"
    restart();
  }

  void TearDown() override {
    client_.reset();
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << server_->log();
    }
  }

  /// Stops the server (if running) and starts it again on the same home.
  void restart() {
    client_.reset();
    if (server_) {
      ASSERT_EQ(server_->stop(), 0) << server_->log();
    }
    server_ = std::make_unique<ServerProcess>(
        home_.path(), std::vector<std::string>{"--models-dir", models_.path().string()});
    ASSERT_TRUE(server_->start()) << server_->log();
    client_ = std::make_unique<http::Client>(server_->url());
  }

  http::ClientResponse post(const std::string& target, const json& body) {
    return client_->send(http::Method::kPost, target, body);
  }

  json models(const std::string& query = "") {
    auto response = client_->get("/api/registry/models" + query);
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json();
  }

  std::string modelId(const std::string& name) {
    auto page = client_->get("/api/registry/models/" + name).json();
    EXPECT_EQ(page["models"].size(), 1U) << page.dump();
    return page["models"].empty() ? "" : page["models"][0]["id"].get<std::string>();
  }

  TempDir home_;
  TempDir models_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<http::Client> client_;
};

TEST_F(RegistryWriteE2e, RegisteredArchiveIsServedAndSurvivesRestartsOnce) {
  auto response = post("/api/registry/register",
                       fileUpload("extra.tar.gz", demoArchive("extra", archive::Format::kTarGzip)));
  ASSERT_EQ(response.status, 200) << response.body;
  json summary = response.json();
  EXPECT_EQ(summary["entityCount"]["modelCount"], 1);
  EXPECT_EQ(summary["entityCount"]["compCount"], 2);
  EXPECT_EQ(summary["entityCount"]["relCount"], 1);
  EXPECT_EQ(summary["entityCount"]["totalErrCount"], 0);
  EXPECT_EQ(summary["modelName"], json::array({"extra"}));
  EXPECT_EQ(summary["registered"], true);
  EXPECT_EQ(models()["total_count"], 2);
  EXPECT_EQ(client_->get("/api/registry/models/extra/components").json()["total_count"], 2);

  // Registering the same archive again replaces, by id, what it registered.
  ASSERT_EQ(post("/api/meshmodels/register",
                 fileUpload("extra.tar.gz", demoArchive("extra", archive::Format::kTarGzip)))
                .status,
            200);
  restart();
  EXPECT_EQ(models()["total_count"], 2);
  EXPECT_EQ(client_->get("/api/registry/models/extra/components").json()["total_count"], 2);
  EXPECT_EQ(client_->get("/api/registry/components").json()["total_count"], 4);
  restart();
  EXPECT_EQ(client_->get("/api/registry/components").json()["total_count"], 4);
}

TEST_F(RegistryWriteE2e, RegistersARawTarBodyAndASingleYamlFile) {
  http::Headers tar;
  tar.set("Content-Type", "application/x-tar");
  auto raw = client_->request(http::Method::kPost, "/api/registry/register?fileName=raw.tar",
                              demoArchive("raw", archive::Format::kTar), tar);
  ASSERT_EQ(raw.status, 200) << raw.body;
  EXPECT_EQ(raw.json()["entityCount"]["compCount"], 2);

  std::string yaml_model =
      "schemaVersion: models.meshery.io/v1beta1\nname: single\nversion: v1.0.0\n"
      "displayName: Single\nmodel:\n  version: v2.0.0\n"
      "components:\n- schemaVersion: components.meshery.io/v1beta1\n  version: v1.0.0\n"
      "  displayName: Gamma\n  component:\n    kind: Gamma\n    version: single.io/v1\n"
      "    schema: '{}'\n";
  auto single = post("/api/registry/register", fileUpload("single.yaml", yaml_model));
  ASSERT_EQ(single.status, 200) << single.body;
  EXPECT_EQ(single.json()["entityCount"]["compCount"], 1);
  EXPECT_EQ(client_->get("/api/registry/models/single/components/Gamma").json()["total_count"], 1);
}

TEST_F(RegistryWriteE2e, HostileOrBrokenUploadsAreRefusedAndChangeNothing) {
  std::string before = client_->get("/api/registry/components?pagesize=all").body;

  std::string hostile = tarEscapingItsRoot("model.json", "{}");
  auto refused = post("/api/registry/register", fileUpload("evil.tar", hostile));
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_NE(refused.json()["cause"].get<std::string>().find("../x/model.json"), std::string::npos)
      << refused.body;

  std::string truncated = demoArchive("cut", archive::Format::kTarGzip);
  truncated.resize(truncated.size() / 2);
  auto cut = post("/api/registry/register", fileUpload("cut.tar.gz", truncated));
  EXPECT_EQ(cut.status, 400) << cut.body;
  EXPECT_EQ(cut.json()["code"], "malformed_input");

  auto nothing = post("/api/registry/register", fileUpload("x.json", R"({"hello": "world"})"));
  EXPECT_EQ(nothing.status, 422) << nothing.body;
  EXPECT_FALSE(nothing.json()["remedy"].get<std::string>().empty());

  auto not_base64 = post("/api/registry/register",
                         {{"uploadType", "file"}, {"importBody", {{"modelFile", "%%%"}}}});
  EXPECT_EQ(not_base64.status, 400) << not_base64.body;
  auto csv = post("/api/registry/register", {{"uploadType", "csv"}, {"importBody", json::object()}});
  EXPECT_EQ(csv.status, 422) << csv.body;
  auto file_url = post("/api/registry/register",
                       {{"uploadType", "urlImport"}, {"importBody", {{"url", "file:///etc/passwd"}}}});
  EXPECT_EQ(file_url.status, 422) << file_url.body;

  // Fields of the wrong type are the client's error, never the server's.
  EXPECT_EQ(post("/api/registry/register",
                 {{"uploadType", 5}, {"register", "yes"}, {"importBody", {{"modelFile", 7}}}})
                .status,
            400);
  EXPECT_EQ(post("/api/registry/generate", {{"model", "x"}, {"source", 1}, {"register", "yes"}}).status,
            422);
  EXPECT_EQ(post("/api/registry/validate",
                 {{"validationItems", {{"x", {{"kind", 5}, {"valueType", 3}, {"value", 1}}}}}})
                .status,
            404);

  EXPECT_EQ(client_->get("/api/registry/components?pagesize=all").body, before);
}

TEST_F(RegistryWriteE2e, RegistersFromAUrlAndReportsAMissingOne) {
  std::string tarball = demoArchive("fetched", archive::Format::kTarGzip);
  http::Router router;
  router.add(http::Method::kGet, "/models/fetched.tar.gz", [&tarball](http::Request&) {
    return http::Response::text(tarball, "application/gzip");
  });
  http::ServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  http::Server files(options, std::move(router));
  files.start();
  std::string base = "http://127.0.0.1:" + std::to_string(files.port());

  auto fetched = post("/api/registry/register",
                      {{"uploadType", "urlImport"},
                       {"register", true},
                       {"importBody", {{"url", base + "/models/fetched.tar.gz"}}}});
  ASSERT_EQ(fetched.status, 200) << fetched.body;
  EXPECT_EQ(fetched.json()["modelName"], json::array({"fetched"}));
  auto missing = post("/api/registry/register",
                      {{"uploadType", "urlImport"}, {"importBody", {{"url", base + "/nope.tgz"}}}});
  EXPECT_EQ(missing.status, 404) << missing.body;
  files.stop();
}

TEST_F(RegistryWriteE2e, ExportsTarGzAndYamlThatRegisterBackToTheSameIds) {
  auto exported = client_->get("/api/registry/export?name=demo");
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(exported.headers.get("Content-Type").value_or(""), "application/gzip");
  EXPECT_NE(exported.headers.get("Content-Disposition").value_or("").find("demo.tar.gz"),
            std::string::npos);
  auto files = archive::readArchive(exported.body);
  std::vector<std::string> paths;
  for (const auto& file : files) paths.push_back(file.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"demo/v1.0.0/v1.0.0/model.json",
                                             "demo/v1.0.0/v1.0.0/components/Alpha.json",
                                             "demo/v1.0.0/v1.0.0/components/Beta.json",
                                             paths.size() > 3 ? paths[3] : ""}));
  ASSERT_EQ(paths.size(), 4U);
  EXPECT_EQ(paths[3].rfind("demo/v1.0.0/v1.0.0/relationships/edge-non-binding-reference-", 0), 0U);

  auto yaml = client_->get("/api/registry/export?name=demo&output_format=yaml&file_type=tar");
  ASSERT_EQ(yaml.status, 200);
  EXPECT_EQ(yaml.headers.get("Content-Type").value_or(""), "application/x-tar");
  auto yaml_files = archive::readArchive(yaml.body);
  ASSERT_EQ(yaml_files.size(), 4U);
  EXPECT_EQ(yaml_files[0].path, "demo/v1.0.0/v1.0.0/model.yaml");
  EXPECT_EQ(yaml_files[0].bytes.rfind("category:", 0), 0U) << yaml_files[0].bytes;

  auto without = client_->get("/api/registry/export?name=demo&components=false&relationships=false");
  EXPECT_EQ(archive::readArchive(without.body).size(), 1U);

  // Delete the bundled model, register its export: the same ids come back.
  std::string id = modelId("demo");
  auto components_before = client_->get("/api/registry/components?trim=true").json()["components"];
  ASSERT_EQ(client_->request(http::Method::kDelete, "/api/registry/models/" + id).status, 200);
  EXPECT_EQ(models()["total_count"], 0);
  auto back = post("/api/registry/register", fileUpload("demo.tar.gz", exported.body));
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(modelId("demo"), id);
  auto components_after = client_->get("/api/registry/components?trim=true").json()["components"];
  ASSERT_EQ(components_after.size(), components_before.size());
  for (std::size_t i = 0; i < components_after.size(); ++i) {
    EXPECT_EQ(components_after[i]["id"], components_before[i]["id"]);
  }

  EXPECT_EQ(client_->get("/api/registry/export?name=nope").status, 404);
  EXPECT_EQ(client_->get("/api/registry/export?name=demo&file_type=oci").status, 422);
  EXPECT_EQ(client_->get("/api/registry/export").status, 422);
}

TEST_F(RegistryWriteE2e, ValidatesValuesAgainstInlineAndComponentSchemas) {
  json schema = {{"type", "object"},
                 {"required", {"name"}},
                 {"properties", {{"name", {{"type", "string"}}}, {"replicas", {{"type", "integer"}}}}}};
  auto valid = post("/api/registry/validate",
                    {{"validationItems", {{"a", {{"schema", schema}, {"value", {{"name", "x"}}}}}}}});
  ASSERT_EQ(valid.status, 200) << valid.body;
  EXPECT_EQ(valid.json()["isValid"], true);

  auto invalid = post(
      "/api/registry/validate",
      {{"validationItems",
        {{"a", {{"schema", schema.dump()}, {"value", "replicas: two\n"}, {"valueType", "YAML"}}},
         {"b", {{"kind", "Alpha"}, {"apiVersion", "demo.io/v1"}, {"value", {{"size", "big"}}}}}}}});
  ASSERT_EQ(invalid.status, 200) << invalid.body;
  json result = invalid.json();
  EXPECT_EQ(result["isValid"], false);
  EXPECT_EQ(result["results"]["a"]["isValid"], false);
  EXPECT_EQ(result["results"]["b"]["isValid"], false);
  bool size_reported = false;
  for (const auto& error : result["errors"]) {
    if (error["item"] == "b" && error["path"] == "size") size_reported = true;
  }
  EXPECT_TRUE(size_reported) << result.dump();

  EXPECT_EQ(post("/api/registry/validate", json::object()).status, 422);
  EXPECT_EQ(post("/api/registry/validate",
                 {{"validationItems", {{"c", {{"kind", "Nope"}, {"value", 1}}}}}})
                .status,
            404);
}

TEST_F(RegistryWriteE2e, StatusChangesPersistAndBadOnesAreRefused) {
  std::string id = modelId("demo");
  auto ignored = post("/api/registry/models/status",
                      {{"id", id}, {"status", "ignored"}, {"displayName", "Demo"}});
  ASSERT_EQ(ignored.status, 204) << ignored.body;
  EXPECT_EQ(models()["total_count"], 0) << "ignored models are not listed by default";
  EXPECT_EQ(client_->get("/api/registry/models/demo?status=ignored").json()["models"][0]["status"],
            "ignored");

  std::string component =
      client_->get("/api/registry/components/Alpha").json()["components"][0]["id"];
  ASSERT_EQ(post("/api/meshmodels/components/status", {{"id", component}, {"status", "ignored"}})
                .status,
            204);
  restart();
  EXPECT_EQ(client_->get("/api/registry/models/demo?status=ignored").json()["models"][0]["status"],
            "ignored");
  EXPECT_EQ(
      client_->get("/api/registry/components/Alpha?status=ignored").json()["components"][0]["status"],
      "ignored");

  EXPECT_EQ(post("/api/registry/models/status", {{"id", id}, {"status", "duplicate"}}).status, 422);
  EXPECT_EQ(post("/api/registry/models/status", {{"id", component}, {"status", "enabled"}}).status,
            404);
  EXPECT_EQ(post("/api/registry/models/status", {{"id", "nope"}, {"status", "enabled"}}).status, 400);
  ASSERT_EQ(post("/api/registry/models/status", {{"id", id}, {"status", "enabled"}}).status, 204);
  EXPECT_EQ(client_->get("/api/registry/models/demo").json()["models"][0]["status"], "enabled");
}

TEST_F(RegistryWriteE2e, DeletingAnImportedModelLastsDeletingABundledOneDoesNot) {
  ASSERT_EQ(post("/api/registry/register",
                 fileUpload("extra.tgz", demoArchive("extra", archive::Format::kTarGzip)))
                .status,
            200);
  auto deleted = client_->request(http::Method::kDelete, "/api/registry/models/" + modelId("extra"));
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(deleted.json()["components"], 2);
  EXPECT_EQ(deleted.json()["relationships"], 1);
  EXPECT_EQ(client_->get("/api/registry/models/extra/components").json()["total_count"], 0);
  ASSERT_EQ(client_->request(http::Method::kDelete, "/api/registry/models/" + modelId("demo")).status,
            200);
  EXPECT_EQ(models()["total_count"], 0);
  restart();
  auto names = models();
  ASSERT_EQ(names["total_count"], 1) << names.dump();
  EXPECT_EQ(names["models"][0]["name"], "demo");  // bundled: read from --models-dir again

  EXPECT_EQ(client_->request(http::Method::kDelete, "/api/registry/models/not-a-uuid").status, 400);
  EXPECT_EQ(client_->request(http::Method::kDelete,
                             "/api/registry/models/123e4567-e89b-12d3-a456-426614174000")
                .status,
            404);
}

TEST_F(RegistryWriteE2e, GeneratesAModelFromCrdsAndRegistersItOnRequest) {
  std::string crds = std::string(kWidgetCrd) + "---\nnot: a crd\n";
  json request = {{"model", {{"name", "widgets"}, {"modelVersion", "v0.3.0"}, {"category", "App Definition and Development"}}},
                  {"source", {{"type", "crd"}, {"files", {{{"name", "crds.yaml"}, {"content", crds}}}}}}};
  auto preview = post("/api/registry/generate", request);
  ASSERT_EQ(preview.status, 200) << preview.body;
  json generated = preview.json();
  EXPECT_EQ(generated["registered"], false);
  ASSERT_EQ(generated["components"].size(), 2U);
  EXPECT_EQ(generated["components"][0]["component"]["kind"], "Widget");
  EXPECT_EQ(generated["model"]["name"], "widgets");
  EXPECT_EQ(client_->get("/api/registry/models/widgets").json()["total_count"], 0);

  request["register"] = true;
  ASSERT_EQ(post("/api/registry/generate", request).status, 200);
  restart();
  auto components = client_->get("/api/registry/models/widgets/components").json();
  EXPECT_EQ(components["total_count"], 2);

  json no_name = {{"source", {{"files", {{{"name", "c.yaml"}, {"content", crds}}}}}}};
  EXPECT_EQ(post("/api/registry/generate", no_name).status, 422);
  json no_crd = {{"model", {{"name", "none"}}},
                 {"source", {{"files", {{{"name", "c.yaml"}, {"content", "a: 1\n"}}}}}}};
  EXPECT_EQ(post("/api/registry/generate", no_crd).status, 422);
}

TEST_F(RegistryWriteE2e, RegistersMesherysPublishedFilesAndExportsThemBack) {
  std::filesystem::path fixtures = "/work/shared/fixtures/meshery/models";
  if (!std::filesystem::is_directory(fixtures)) GTEST_SKIP() << "no Meshery model fixtures";
  std::vector<archive::Entry> entries;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(fixtures)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    entries.push_back({std::filesystem::relative(entry.path(), fixtures).generic_string(), bytes});
  }
  auto registered = post("/api/registry/register",
                         fileUpload("meshery.tar.gz",
                                    archive::writeArchive(entries, archive::Format::kTarGzip)));
  ASSERT_EQ(registered.status, 200) << registered.body;
  EXPECT_EQ(registered.json()["entityCount"]["totalErrCount"], 0) << registered.body;
  EXPECT_EQ(registered.json()["entityCount"]["compCount"], 5);
  EXPECT_EQ(registered.json()["entityCount"]["relCount"], 106);

  auto exported = client_->get("/api/registry/export?name=kubernetes&version=v1.35.0");
  ASSERT_EQ(exported.status, 200) << exported.body;
  std::size_t components = 0;
  std::size_t relationships = 0;
  for (const auto& file : archive::readArchive(exported.body)) {
    if (file.path.find("/components/") != std::string::npos) {
      ++components;
      auto document = json::parse(file.bytes);
      EXPECT_EQ(document["schemaVersion"], "components.meshery.io/v1beta1") << file.path;
      EXPECT_TRUE(document["component"]["schema"].is_string()) << file.path;
    }
    if (file.path.find("/relationships/") != std::string::npos) ++relationships;
  }
  EXPECT_EQ(components, 5U);
  EXPECT_EQ(relationships, 100U);  // every relationship file of the fixtures
}

}  // namespace
}  // namespace meshery::test
