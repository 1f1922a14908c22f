// Each declaration's configuration against its definition's schema.
#include <future>
#include <map>
#include <optional>
#include <string>
#include <thread>

#include "document_fields.hpp"
#include "meshery/design/import.hpp"
#include "meshery/registry/schema_validation.hpp"
#include "pipeline.hpp"

namespace meshery::design {
namespace {

using nlohmann::json;

/// Kubernetes' IntOrString fields are `type: string, format: int-or-string`
/// in its OpenAPI v2 document (`x-kubernetes-int-or-string` in v3), and hold
/// an integer or a string: the schema is widened so that both pass.
void allowIntOrString(json& schema, int depth = 0) {
  if (depth > 200) return;
  if (schema.is_object()) {
    const bool int_or_string = schema.value("format", "") == "int-or-string" ||
                               schema.value("x-kubernetes-int-or-string", false) == true;
    if (int_or_string) {
      schema.erase("type");
      schema.erase("format");
      schema["anyOf"] = json::array({{{"type", "string"}}, {{"type", "integer"}}});
    }
    for (auto& [key, child] : schema.items()) allowIntOrString(child, depth + 1);
  } else if (schema.is_array()) {
    for (auto& child : schema) allowIntOrString(child, depth + 1);
  }
}

/// valijson reports, besides a violation, each enclosing schema that failed
/// because of it ("Failed to validate item #0 in array", "… against child
/// schema #0"): only the violations themselves are kept.
bool isConsequence(const registry::SchemaViolation& violation) {
  return violation.message.starts_with("Failed to validate");
}

std::vector<registry::SchemaViolation> rootViolations(std::vector<registry::SchemaViolation> all) {
  std::vector<registry::SchemaViolation> kept;
  for (auto& violation : all) {
    if (!isConsequence(violation)) kept.push_back(std::move(violation));
  }
  if (kept.empty() && !all.empty()) kept.push_back(std::move(all.front()));
  return kept;
}

json usableSchema(json schema) {
  allowIntOrString(schema);
  return schema;
}

/// The schema a declaration carries itself (components generated from CRDs
/// that came with the design); null when it carries none or it is not JSON.
json embeddedSchema(const json& component) {
  const std::string text = detail::stringAt(component, "component", "schema");
  if (text.empty()) return nullptr;
  json schema = json::parse(text, nullptr, false);
  return schema.is_object() ? usableSchema(std::move(schema)) : json(nullptr);
}

}  // namespace

std::string ValidationIssue::text() const {
  std::string out = component + ": ";
  if (!path.empty()) out += path + ": ";
  return out + message;
}

namespace {

/// One declaration to validate: its validator is found (and compiled) first,
/// on one thread; the configurations are then checked on two.
struct Check {
  const json* component = nullptr;
  const registry::SchemaValidator* validator = nullptr;  // the definition's
  std::optional<registry::SchemaValidator> own;  // or a schema the declaration carries
  std::vector<ValidationIssue> issues;
};

/// What validateDesign needs of each declaration, in order; nullopt for one
/// with nothing to check.
std::optional<Check> checkOf(
    const json& component, const registry::RegistrySnapshot& registry,
    std::map<const registry::ComponentDefinition*, registry::SchemaValidator>& validators) {
  if (!component.is_object()) return std::nullopt;
  auto metadata = component.find("metadata");
  if (metadata != component.end() && metadata->is_object() &&
      (metadata->value("unresolved", false) == true || metadata->value("isAnnotation", false) == true)) {
    return std::nullopt;  // unresolved ones were warned about at import; annotations have no resource
  }
  const std::string kind = detail::stringAt(component, "component", "kind");
  const std::string api_version = detail::stringAt(component, "component", "version");
  auto definition = registry.preferredComponent(kind, api_version, detail::modelNameOf(component));
  if (!definition) definition = registry.preferredComponent(kind, api_version);
  json own_schema = definition ? json(nullptr) : embeddedSchema(component);
  if (!definition && own_schema.is_null()) return std::nullopt;
  Check check;
  check.component = &component;
  try {
    if (definition) {
      auto known = validators.find(definition.get());
      if (known == validators.end()) {
        known = validators
                    .emplace(definition.get(),
                             registry::SchemaValidator(usableSchema(definition->schemaJson())))
                    .first;
      }
      check.validator = &known->second;
    } else {
      check.own.emplace(own_schema);
    }
  } catch (const Error& error) {
    check.issues.push_back({detail::subjectOf(component), "",
                            "the component's schema cannot be used: " + error.message()});
  }
  return check;
}

void run(Check& check) {
  const registry::SchemaValidator* validator = check.own ? &*check.own : check.validator;
  if (validator == nullptr) return;
  const json& component = *check.component;
  json value = json::object();
  auto configuration = component.find("configuration");
  if (configuration != component.end() && configuration->is_object()) value = *configuration;
  value["apiVersion"] = detail::stringAt(component, "component", "version");
  value["kind"] = detail::stringAt(component, "component", "kind");
  const std::string subject = detail::subjectOf(component);
  try {
    for (auto& violation : rootViolations(validator->validate(value))) {
      check.issues.push_back({subject, std::move(violation.path), std::move(violation.message)});
    }
  } catch (const Error& error) {
    check.issues.push_back({subject, "", "the component's schema cannot be used: " + error.message()});
  }
}

/// Below this many declarations a second thread costs more than it saves.
constexpr std::size_t kParallelFrom = 64;

}  // namespace

std::vector<ValidationIssue> validateDesign(const Design& design,
                                            const registry::RegistrySnapshot& registry) {
  std::vector<ValidationIssue> issues;
  auto components = design.document.find("components");
  if (components == design.document.end() || !components->is_array()) return issues;
  // Each definition's schema is parsed and compiled once per call.
  std::map<const registry::ComponentDefinition*, registry::SchemaValidator> validators;
  std::vector<Check> checks;
  checks.reserve(components->size());
  for (const auto& component : *components) {
    if (auto check = checkOf(component, registry, validators)) checks.push_back(std::move(*check));
  }
  // A compiled schema is only read while validating: the second half of the
  // configurations is checked on another thread.
  const std::size_t half = checks.size() >= kParallelFrom && std::thread::hardware_concurrency() > 1
                               ? checks.size() / 2
                               : checks.size();
  std::future<void> second;
  if (half < checks.size()) {
    second = std::async(std::launch::async, [&checks, half] {
      for (std::size_t i = half; i < checks.size(); ++i) run(checks[i]);
    });
  }
  for (std::size_t i = 0; i < half; ++i) run(checks[i]);
  if (second.valid()) second.get();
  for (auto& check : checks) {
    for (auto& issue : check.issues) issues.push_back(std::move(issue));
  }
  return issues;
}

}  // namespace meshery::design
