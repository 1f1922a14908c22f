#pragma once

// What the kube client tests share: a context pointing at a fake API
// server, and objects written in a few words.

#include <nlohmann/json.hpp>
#include <string>

#include "meshery/kube/client.hpp"
#include "meshery_test/fake_kube_api.hpp"

namespace meshery::kube::testing {

using nlohmann::json;

inline ResolvedContext contextFor(const test::FakeKubeApi& api, const std::string& token = {}) {
  ResolvedContext context;
  context.context = "fake";
  context.namespace_ = "default";
  context.cluster.name = "fake";
  context.cluster.server = api.url();
  context.user.name = "tester";
  context.user.token = token;
  return context;
}

/// Quick retries: the tests inject failures.
inline ClientLimits fastRetries() {
  ClientLimits limits;
  limits.backoff = std::chrono::milliseconds(1);
  return limits;
}

inline json namespaceNamed(const std::string& name) {
  return {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
}

inline json configMap(const std::string& ns, const std::string& name, json data = json::object()) {
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata", {{"name", name}, {"namespace", ns}}},
          {"data", std::move(data)}};
}

inline json deployment(const std::string& ns, const std::string& name, json replicas = 2) {
  return {{"apiVersion", "apps/v1"},
          {"kind", "Deployment"},
          {"metadata", {{"name", name}, {"namespace", ns}}},
          {"spec",
           {{"replicas", std::move(replicas)},
            {"selector", {{"matchLabels", {{"app", name}}}}},
            {"template",
             {{"metadata", {{"labels", {{"app", name}}}}},
              {"spec", {{"containers", {{{"name", "web"}, {"image", "nginx"}}}}}}}}}}};
}

/// The CRD of example.com's Widgets (namespaced, v1 served).
inline json widgetCrd() {
  return {{"apiVersion", "apiextensions.k8s.io/v1"},
          {"kind", "CustomResourceDefinition"},
          {"metadata", {{"name", "widgets.example.com"}}},
          {"spec",
           {{"group", "example.com"},
            {"scope", "Namespaced"},
            {"names", {{"plural", "widgets"}, {"singular", "widget"}, {"kind", "Widget"}}},
            {"versions",
             {{{"name", "v1"},
               {"served", true},
               {"storage", true},
               {"schema", {{"openAPIV3Schema", {{"type", "object"}}}}}}}}}}};
}

}  // namespace meshery::kube::testing
