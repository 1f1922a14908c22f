// The bundled models of the build tree (build/<preset>/models): the generated
// kubernetes model merged with the authored data of models/ (the Kubernetes
// relationship definitions and the meshery-core model), imported the way the
// server imports them at boot.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "meshery/registry/model_import.hpp"
#include "meshery/registry/registry_snapshot.hpp"

namespace meshery::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using registry::ComponentPtr;
using registry::ImportResult;
using registry::RelationshipDefinition;
using registry::SelectorItem;

const std::set<std::string> kWorkloads = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
                                          "Job",        "CronJob",     "Pod"};

fs::path bundledDir() {
  const char* build_dir = std::getenv("MESHERY_BUILD_DIR");
  return fs::path(build_dir != nullptr && *build_dir != 0 ? build_dir : MESHERY_TEST_BINARY_DIR) /
         "models";
}

fs::path authoredDir() {
  return fs::path(MESHERY_TEST_SOURCE_DIR) / "models";
}

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<registry::FileEntry> readTree(const fs::path& root) {
  std::vector<registry::FileEntry> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    files.push_back({fs::relative(entry.path(), root).generic_string(), readText(entry.path())});
  }
  std::sort(files.begin(), files.end(),
            [](const auto& left, const auto& right) { return left.path < right.path; });
  return files;
}

/// The authored JSON files under models/ whose parent directory is `directory`.
std::vector<fs::path> authoredFilesIn(const std::string& directory) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(authoredDir())) {
    if (entry.is_regular_file() && entry.path().extension() == ".json" &&
        entry.path().parent_path().filename() == directory) {
      files.push_back(entry.path());
    }
  }
  return files;
}

/// "kind/type/subType", the identity Meshery lists relationships by.
std::string identity(const RelationshipDefinition& relationship) {
  return relationship.kind + "/" + relationship.type + "/" + relationship.sub_type;
}

/// The kinds of the non-`self` match entries of a selector item (binding parties).
std::set<std::string> bindingKinds(const SelectorItem& item) {
  std::set<std::string> kinds;
  if (!item.match) return kinds;
  for (const auto* entries : {&item.match->from, &item.match->to}) {
    for (const auto& entry : *entries) {
      if (entry.kind != "self") kinds.insert(entry.kind);
    }
  }
  return kinds;
}

/// True when `schema` (a generated component schema) has the property path
/// `keys`; "_" and array indexes step into `items`, map values into
/// `additionalProperties`, and allOf/anyOf/oneOf wrappers are looked through.
bool schemaHasPath(const json& schema, std::span<const std::string> keys) {
  if (keys.empty()) return true;
  if (!schema.is_object()) return false;
  for (const char* combinator : {"allOf", "anyOf", "oneOf"}) {
    if (!schema.contains(combinator)) continue;
    for (const auto& branch : schema[combinator]) {
      if (schemaHasPath(branch, keys)) return true;
    }
  }
  const std::string& key = keys.front();
  const bool index = key == "_" || std::all_of(key.begin(), key.end(),
                                               [](char c) { return c >= '0' && c <= '9'; });
  if (index) return schema.contains("items") && schemaHasPath(schema["items"], keys.subspan(1));
  if (schema.contains("properties") && schema["properties"].contains(key)) {
    return schemaHasPath(schema["properties"][key], keys.subspan(1));
  }
  return schema.contains("additionalProperties") && schema["additionalProperties"].is_object() &&
         schemaHasPath(schema["additionalProperties"], keys.subspan(1));
}

class BundledRelationships : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(bundledDir() / "kubernetes")) return;
    imported_ = std::make_unique<ImportResult>(registry::importModels(readTree(bundledDir())));
    registry::SnapshotBuilder builder;
    for (const auto& model : imported_->models) builder.add(model);
    for (const auto& component : imported_->components) builder.add(component);
    for (const auto& relationship : imported_->relationships) builder.add(relationship);
    snapshot_ = builder.build();
  }

  static void TearDownTestSuite() {
    snapshot_.reset();
    imported_.reset();
  }

  void SetUp() override {
    if (!imported_) {
      GTEST_SKIP() << "no bundled kubernetes model in " << bundledDir().string()
                   << " (scripts/bootstrap fetches its OpenAPI document)";
    }
  }

  static const std::vector<RelationshipDefinition>& relationships() {
    return imported_->relationships;
  }

  static bool modelHasKind(const std::string& model, const std::string& kind) {
    auto components = snapshot_->componentsOfModel(model);
    return std::any_of(components.begin(), components.end(),
                       [&](const ComponentPtr& component) { return component->kind == kind; });
  }

  /// True when a bundled relationship `kind/type/subType` allows from → to,
  /// through `binding` when one is given.
  static bool allows(const std::string& kind_type_subtype, const std::string& from,
                     const std::string& to, const std::string& binding = {}) {
    return std::any_of(relationships().begin(), relationships().end(), [&](const auto& rel) {
      if (identity(rel) != kind_type_subtype) return false;
      return std::any_of(rel.selectors.begin(), rel.selectors.end(), [&](const auto& selector) {
        bool to_found = std::any_of(selector.allow.to.begin(), selector.allow.to.end(),
                                    [&](const SelectorItem& item) { return item.kind == to; });
        return to_found &&
               std::any_of(selector.allow.from.begin(), selector.allow.from.end(),
                           [&](const SelectorItem& item) {
                             return item.kind == from &&
                                    (binding.empty() || bindingKinds(item).count(binding) == 1);
                           });
      });
    });
  }

  static inline std::unique_ptr<ImportResult> imported_;
  static inline std::shared_ptr<const registry::RegistrySnapshot> snapshot_;
};

TEST_F(BundledRelationships, ImportWithoutFailures) {
  for (const auto& failure : imported_->failures) {
    ADD_FAILURE() << failure.path << ": " << failure.error.message() << " — "
                  << failure.error.cause();
  }
  ASSERT_EQ(snapshot_->modelsNamed("kubernetes").size(), 1U);
  EXPECT_EQ(snapshot_->modelsNamed("kubernetes")[0]->upstream_version, "v1.13.0");
  ASSERT_EQ(snapshot_->modelsNamed("meshery-core").size(), 1U);
  EXPECT_EQ(relationships().size(), authoredFilesIn("relationships").size());
}

TEST_F(BundledRelationships, EveryExpectedRelationshipIsBundled) {
  for (const std::string workload :
       {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "Pod"}) {
    EXPECT_TRUE(allows("edge/non-binding/network", "Service", workload)) << workload;
  }
  for (const auto& workload : kWorkloads) {
    for (const std::string source : {"ConfigMap", "Secret", "PersistentVolumeClaim"}) {
      EXPECT_TRUE(allows("edge/binding/mount", source, workload)) << source << " → " << workload;
    }
    EXPECT_TRUE(allows("hierarchical/parent/alias", "Container", workload)) << workload;
  }
  EXPECT_TRUE(allows("edge/binding/permission", "Role", "ServiceAccount", "RoleBinding"));
  EXPECT_TRUE(allows("edge/binding/permission", "ClusterRole", "ServiceAccount", "RoleBinding"));
  EXPECT_TRUE(
      allows("edge/binding/permission", "ClusterRole", "ServiceAccount", "ClusterRoleBinding"));
  EXPECT_TRUE(allows("edge/binding/firewall", "Pod", "Pod", "NetworkPolicy"));
  EXPECT_TRUE(allows("hierarchical/parent/inventory", "Deployment", "Namespace"));
  EXPECT_TRUE(allows("sibling/sibling/matchLabels", "*", "*"));
}

TEST_F(BundledRelationships, InventoryCoversEveryNamespacedKindAndNoNamespaceNesting) {
  std::set<std::string> namespaced;
  for (const auto& component : snapshot_->componentsOfModel("kubernetes")) {
    if (component->is_namespaced) namespaced.insert(component->kind);
  }
  std::set<std::string> children;
  bool denies_namespace_in_namespace = false;
  for (const auto& relationship : relationships()) {
    if (identity(relationship) != "hierarchical/parent/inventory") continue;
    for (const auto& selector : relationship.selectors) {
      for (const auto& item : selector.allow.from) children.insert(item.kind);
      auto is_namespace = [](const SelectorItem& item) { return item.kind == "Namespace"; };
      denies_namespace_in_namespace |=
          std::any_of(selector.deny.from.begin(), selector.deny.from.end(), is_namespace) &&
          std::any_of(selector.deny.to.begin(), selector.deny.to.end(), is_namespace);
    }
  }
  EXPECT_EQ(children, namespaced);
  EXPECT_TRUE(denies_namespace_in_namespace);
}

TEST_F(BundledRelationships, EveryKindInASelectorIsAComponentOfItsModel) {
  for (const auto& relationship : relationships()) {
    for (const auto& selector : relationship.selectors) {
      for (const auto* items :
           {&selector.allow.from, &selector.allow.to, &selector.deny.from, &selector.deny.to}) {
        for (const auto& item : *items) {
          if (item.model.name == "*") continue;
          std::set<std::string> kinds = bindingKinds(item);
          if (item.kind != "*") kinds.insert(item.kind);
          for (const auto& kind : kinds) {
            EXPECT_TRUE(modelHasKind(item.model.name, kind))
                << identity(relationship) << " " << relationship.id.toString() << ": " << kind
                << " is not a component of model " << item.model.name;
          }
        }
      }
    }
  }
}

TEST_F(BundledRelationships, ConfigurationPathsExistInTheComponentSchemas) {
  // (kind, path) for every ref into a kubernetes component's configuration;
  // metadata is not part of the generated schemas (the API server owns it).
  std::set<std::pair<std::string, std::vector<std::string>>> refs;
  auto collect = [&](const std::string& kind, const std::vector<registry::RefPath>& paths) {
    for (const auto& path : paths) {
      if (path.size() > 1 && path[0] == "configuration" && path[1] != "metadata") {
        refs.insert({kind, std::vector<std::string>(path.begin() + 1, path.end())});
      }
    }
  };
  for (const auto& relationship : relationships()) {
    for (const auto& selector : relationship.selectors) {
      for (const auto* items : {&selector.allow.from, &selector.allow.to}) {
        for (const auto& item : *items) {
          if (item.model.name != "kubernetes") continue;
          if (item.patch) {
            collect(item.kind, item.patch->mutator_ref);
            collect(item.kind, item.patch->mutated_ref);
          }
          if (!item.match) continue;
          for (const auto* entries : {&item.match->from, &item.match->to}) {
            for (const auto& entry : *entries) {
              const std::string& kind = entry.kind == "self" ? item.kind : entry.kind;
              collect(kind, entry.mutator_ref);
              collect(kind, entry.mutated_ref);
            }
          }
        }
      }
    }
  }
  ASSERT_GT(refs.size(), 20U);
  for (const auto& [kind, path] : refs) {
    auto components = snapshot_->componentsOfKind(kind);
    bool found = std::any_of(components.begin(), components.end(), [&](const ComponentPtr& c) {
      return schemaHasPath(c->schemaJson(), path);
    });
    std::string dotted;
    for (const auto& key : path) dotted += "." + key;
    EXPECT_TRUE(found) << kind << " has no field configuration" << dotted;
  }
}

TEST_F(BundledRelationships, PatchesAndMatchesPairMutatorsWithMutatedFields) {
  const std::set<std::string> strategies = {"merge", "strategic", "add", "remove",
                                            "copy",  "move",      "test"};
  for (const auto& relationship : relationships()) {
    const std::string name = identity(relationship) + " " + relationship.id.toString();
    for (const auto& selector : relationship.selectors) {
      for (const auto& from : selector.allow.from) {
        for (const auto& to : selector.allow.to) {
          if (from.patch && to.patch) {
            EXPECT_TRUE(strategies.count(from.patch->patch_strategy)) << name;
            EXPECT_TRUE(strategies.count(to.patch->patch_strategy)) << name;
            EXPECT_EQ(from.patch->mutator_ref.size() + from.patch->mutated_ref.size(),
                      to.patch->mutated_ref.size() + to.patch->mutator_ref.size())
                << name;
            EXPECT_NE(from.patch->mutator_ref.empty(), to.patch->mutator_ref.empty()) << name;
          }
        }
      }
      for (const auto* items : {&selector.allow.from, &selector.allow.to}) {
        for (const auto& item : *items) {
          if (!item.match || item.match->refs.size() > 0) continue;
          ASSERT_EQ(item.match->from.size(), 1U) << name;
          ASSERT_EQ(item.match->to.size(), 1U) << name;
          const auto& from = item.match->from[0];
          const auto& to = item.match->to[0];
          EXPECT_EQ(from.mutator_ref.size() + from.mutated_ref.size(),
                    to.mutator_ref.size() + to.mutated_ref.size())
              << name;
          EXPECT_NE(from.mutator_ref.empty(), to.mutator_ref.empty()) << name;
        }
      }
    }
  }
}

TEST_F(BundledRelationships, IdsAreFixedInTheSourceAndUnique) {
  std::map<std::string, std::string> source_ids;  // id → file
  for (const auto& directory : {"relationships", "components"}) {
    for (const auto& file : authoredFilesIn(directory)) {
      json document = json::parse(readText(file));
      ASSERT_TRUE(document.contains("id") && document["id"].is_string()) << file;
      std::string id = document["id"];
      ASSERT_TRUE(Uuid::parse(id)) << file << ": " << id;
      EXPECT_TRUE(source_ids.emplace(id, file.string()).second) << "duplicate id " << id;
    }
  }
  std::set<std::string> imported_ids;
  for (const auto& relationship : relationships()) {
    imported_ids.insert(relationship.id.toString());
    EXPECT_TRUE(source_ids.count(relationship.id.toString())) << identity(relationship);
  }
  EXPECT_EQ(imported_ids.size(), relationships().size());

  ImportResult again = registry::importModels(readTree(bundledDir()));
  ASSERT_EQ(again.relationships.size(), relationships().size());
  for (std::size_t i = 0; i < relationships().size(); ++i) {
    EXPECT_EQ(again.relationships[i].id, relationships()[i].id);
  }
}

TEST_F(BundledRelationships, BelongToTheBundledKubernetesModel) {
  auto kubernetes = snapshot_->modelsNamed("kubernetes").at(0);
  for (const auto& relationship : relationships()) {
    auto models = snapshot_->modelsFor(relationship.model);
    ASSERT_EQ(models.size(), 1U) << identity(relationship);
    EXPECT_EQ(models[0]->id, kubernetes->id) << identity(relationship);
    EXPECT_EQ(relationship.document["model"]["id"], kubernetes->id.toString());
    EXPECT_EQ(relationship.document["schemaVersion"], "relationships.meshery.io/v1alpha3");
    EXPECT_EQ(relationship.status, registry::EntityStatus::kEnabled);
    EXPECT_FALSE(relationship.document["metadata"]["description"].get<std::string>().empty());
  }
}

TEST_F(BundledRelationships, MesheryCoreIsAModelOfAnnotations) {
  auto model = snapshot_->modelsNamed("meshery-core").at(0);
  EXPECT_TRUE(model->is_annotation);
  EXPECT_EQ(model->registrant.kind, "meshery");
  EXPECT_EQ(model->display_name, "Meshery Core");
  std::set<std::string> kinds;
  for (const auto& component : snapshot_->componentsOfModel("meshery-core")) {
    kinds.insert(component->kind);
    EXPECT_TRUE(component->is_annotation) << component->kind;
    EXPECT_FALSE(component->is_namespaced) << component->kind;
    EXPECT_EQ(component->api_version, "core.meshery.io/v1alpha1");
    EXPECT_TRUE(component->schemaJson().contains("properties")) << component->kind;
    EXPECT_EQ(snapshot_->modelsFor(component->model).at(0)->id, model->id);
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"Circle", "Comment", "Container", "Rectangle", "Section",
                                          "TextBox"}));
}

}  // namespace
}  // namespace meshery::test
