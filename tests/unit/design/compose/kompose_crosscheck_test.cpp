// Our converter against kompose's own goldens (kubernetes/kompose v1.37.0,
// the version meshkit uses), read from ../shared/fixtures/kompose when it is
// there. Compared as kompose's test script compares them: structurally, list
// order ignored, minus kompose's bookkeeping (kompose.* annotations,
// creationTimestamp, status). Cases we map differently on purpose are listed
// with the reason; every other case must match.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "compose_test_support.hpp"
#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::design {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path komposeFixtures() {
  return fs::path(MESHERY_TEST_SOURCE_DIR).parent_path() / "shared" / "fixtures" / "kompose" /
         "v1.37.0";
}

// Expected output file → why our output differs from it on purpose.
const std::map<std::string, std::string>& deliberateDifferences() {
  static const std::map<std::string, std::string> kDifferences = {
      {"fixtures/v3.0/output-k8s.yaml",
       "healthcheck test as a string (CMD-SHELL) runs as [sh, -c, line], as Docker runs it; "
       "kompose "
       "makes the whole line one argv word, which an exec probe cannot run"},
      {"fixtures/healthcheck/output-healthcheck-k8s.yaml",
       "same CMD-SHELL difference as v3.0 (the liveness test is a shell line)"},
      {"fixtures/configmap-volume/output-k8s.yaml",
       "kompose base64-encodes a binary file twice into binaryData (the pod would read base64 "
       "text); we encode the file's bytes once"},
      {"fixtures/configmap-volume/output-k8s-withlabel.yaml",
       "same double base64 encoding of configs.tar as the case above"},
      {"fixtures/single-file-output/output-k8s.yaml",
       "kompose names the Service front_end, which Kubernetes rejects (not a DNS label); we name "
       "it front-end like the Deployment"},
      {"fixtures/configmap-file-configs/output-k8s-3.yaml",
       "kompose stats /tmp on the converting machine and drops the mount; a server cannot see the "
       "user's host, so the bind mount becomes a PersistentVolumeClaim (with a warning)"},
      {"fixtures/change-in-volume/output-k8s-empty-vols-template.yaml",
       "needs kompose's --volumes emptyDir flag; Meshery converts with kompose's defaults"},
      {"fixtures/change-in-volume/output-k8s.yaml",
       "needs kompose's --emptyvols flag; Meshery converts with kompose's defaults"},
      {"fixtures/service-group/output-k8s.yaml",
       "needs kompose's --service-group-mode flag; Meshery converts with kompose's defaults"},
      {"fixtures/statefulset/output-k8s.yaml",
       "needs kompose's --controller statefulset flag (we honour the kompose.controller.type "
       "label)"},
      {"fixtures/compose-env-no-interpolation/output-k8s.yaml",
       "needs kompose's --no-interpolate flag; Meshery always interpolates"},
      {"fixtures/network-policies/output-k8s.yaml",
       "needs kompose's --generate-network-policies flag; networks are warned about instead"},
      {"fixtures/namespace/output-k8s.yaml",
       "needs kompose's -n flag; the namespace is chosen when a design is deployed"},
      {"fixtures/multiple-files/output-k8s.yaml",
       "merges two Compose files (-f twice); the converter takes one file"},
      {"fixtures/compose-file-env-variable/output-k8s.yaml",
       "merges the files COMPOSE_FILE names; the converter takes one file"},
  };
  return kDifferences;
}

struct Case {
  std::string expected;
  std::string check;
  std::vector<std::string> compose_files;
};

std::vector<Case> cases() {
  std::vector<Case> result;
  std::istringstream lines(testing::readText(komposeFixtures() / "cases.tsv"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Case entry;
    std::string args;
    std::getline(fields, entry.expected, '\t');
    std::getline(fields, entry.check, '\t');
    std::getline(fields, args);
    std::istringstream words(args);
    std::string word;
    while (words >> word) {
      if (word == "-f" && words >> word) entry.compose_files.push_back(word);
    }
    result.push_back(std::move(entry));
  }
  return result;
}

// Lists sorted, kompose's bookkeeping removed.
json canonical(const json& value) {
  if (value.is_array()) {
    std::vector<json> items;
    for (const auto& item : value) items.push_back(canonical(item));
    std::sort(items.begin(), items.end(),
              [](const json& a, const json& b) { return a.dump() < b.dump(); });
    return items;
  }
  if (!value.is_object()) return value;
  json result = json::object();
  for (const auto& [key, item] : value.items()) {
    if (key == "creationTimestamp" || key == "status") continue;
    result[key] = canonical(item);
  }
  if (result.contains("metadata") && result["metadata"].contains("annotations")) {
    auto& annotations = result["metadata"]["annotations"];
    for (auto it = annotations.begin(); it != annotations.end();) {
      it = it.key().rfind("kompose.", 0) == 0 ? annotations.erase(it) : std::next(it);
    }
    if (annotations.empty()) result["metadata"].erase("annotations");
  }
  return result;
}

std::map<std::string, json> byKindAndName(const std::vector<json>& documents) {
  std::map<std::string, json> result;
  for (const auto& document : documents) {
    result[document.value("kind", "") + "/" + document["metadata"].value("name", "")] =
        canonical(document);
  }
  return result;
}

// Differences as readable lines; empty when the outputs agree.
std::string differences(const std::vector<json>& ours, const std::vector<json>& theirs) {
  const auto mine = byKindAndName(ours);
  const auto expected = byKindAndName(theirs);
  std::string text;
  for (const auto& [key, document] : expected) {
    const auto found = mine.find(key);
    if (found == mine.end()) {
      text += "missing " + key + "\n";
    } else if (found->second != document) {
      text += "differs " + key + ":\n  kompose: " + document.dump() +
              "\n  ours:    " + found->second.dump() + "\n";
    }
  }
  for (const auto& [key, document] : mine) {
    if (!expected.contains(key)) text += "extra " + key + ": " + document.dump() + "\n";
  }
  return text;
}

TEST(KomposeCrossCheck, OurManifestsMeanWhatKomposeWrites) {
  if (!fs::exists(komposeFixtures() / "cases.tsv"))
    GTEST_SKIP() << "../shared/fixtures/kompose is absent";
  const auto all = cases();
  EXPECT_EQ(all.size(), 43U);
  std::size_t matched = 0;
  for (const auto& entry : all) {
    SCOPED_TRACE(entry.expected);
    const bool deliberate = deliberateDifferences().contains(entry.expected);
    if (entry.compose_files.size() != 1) {
      EXPECT_TRUE(deliberate) << "a multi-file case must be listed as a deliberate difference";
      continue;
    }
    const fs::path compose_file = komposeFixtures() / entry.compose_files[0];
    if (!fs::exists(compose_file)) {
      EXPECT_TRUE(deliberate) << compose_file << " is missing";
      continue;
    }
    ComposeOptions options;
    options.files = testing::filesUnder(compose_file.parent_path(), [](const std::string& path) {
      return path.rfind("output", 0) == 0;
    });
    std::vector<json> ours;
    try {
      ours = convertCompose(testing::readText(compose_file), options).manifests;
    } catch (const Error& error) {
      ADD_FAILURE() << "conversion failed: " << error.message();
      continue;
    }
    const auto theirs = yaml::parseAll(testing::readText(komposeFixtures() / entry.expected));
    const std::string diff = differences(ours, theirs);
    if (diff.empty()) ++matched;
    if (deliberate) {
      EXPECT_FALSE(diff.empty()) << "listed as a deliberate difference but matches now";
      if (std::getenv("MESHERY_SHOW_DIFFERENCES") != nullptr)
        std::cout << entry.expected << "\n" << diff;
    } else {
      EXPECT_TRUE(diff.empty()) << diff;
    }
  }
  std::cout << "[ kompose  ] " << matched << " of " << all.size() << " cases match; "
            << deliberateDifferences().size() << " differ on purpose\n";
  EXPECT_EQ(matched + deliberateDifferences().size(), all.size());
}

TEST(KomposeCrossCheck, EveryKomposeFixtureConvertsOrFailsWithAnError) {
  if (!fs::exists(komposeFixtures() / "fixtures"))
    GTEST_SKIP() << "../shared/fixtures/kompose is absent";
  std::size_t converted = 0;
  for (const auto& entry : fs::recursive_directory_iterator(komposeFixtures() / "fixtures")) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name.rfind("output", 0) == 0 ||
        (entry.path().extension() != ".yaml" && entry.path().extension() != ".yml")) {
      continue;
    }
    SCOPED_TRACE(entry.path().string());
    try {
      (void)convertCompose(testing::readText(entry.path()));
      ++converted;
    } catch (const Error& error) {
      EXPECT_FALSE(error.remedy().empty());
    }
  }
  EXPECT_GE(converted, 50U);
}

}  // namespace
}  // namespace meshery::design
