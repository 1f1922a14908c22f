// Each declaration's configuration against its definition's schema.
#include <map>
#include <optional>
#include <string>

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

std::vector<ValidationIssue> validateDesign(const Design& design,
                                            const registry::RegistrySnapshot& registry) {
  std::vector<ValidationIssue> issues;
  // Each definition's schema is parsed and compiled once per call.
  std::map<const registry::ComponentDefinition*, registry::SchemaValidator> validators;
  auto components = design.document.find("components");
  if (components == design.document.end() || !components->is_array()) return issues;
  for (const auto& component : *components) {
    if (!component.is_object()) continue;
    auto metadata = component.find("metadata");
    if (metadata != component.end() && metadata->is_object() &&
        (metadata->value("unresolved", false) == true || metadata->value("isAnnotation", false) == true)) {
      continue;  // unresolved ones were warned about at import; annotations have no resource
    }
    const std::string kind = detail::stringAt(component, "component", "kind");
    const std::string api_version = detail::stringAt(component, "component", "version");
    auto definition = registry.preferredComponent(kind, api_version,
                                                  detail::modelNameOf(component));
    if (!definition) definition = registry.preferredComponent(kind, api_version);
    json own_schema = definition ? json(nullptr) : embeddedSchema(component);
    if (!definition && own_schema.is_null()) continue;
    json value = json::object();
    auto configuration = component.find("configuration");
    if (configuration != component.end() && configuration->is_object()) value = *configuration;
    value["apiVersion"] = api_version;
    value["kind"] = kind;
    const std::string subject = detail::subjectOf(component);
    try {
      std::optional<registry::SchemaValidator> own;
      const registry::SchemaValidator* validator = nullptr;
      if (definition) {
        auto known = validators.find(definition.get());
        if (known == validators.end()) {
          known = validators
                      .emplace(definition.get(),
                               registry::SchemaValidator(usableSchema(definition->schemaJson())))
                      .first;
        }
        validator = &known->second;
      } else {
        own.emplace(own_schema);
        validator = &*own;
      }
      for (auto& violation : rootViolations(validator->validate(value))) {
        issues.push_back({subject, std::move(violation.path), std::move(violation.message)});
      }
    } catch (const Error& error) {
      issues.push_back({subject, "", "the component's schema cannot be used: " + error.message()});
    }
  }
  return issues;
}

}  // namespace meshery::design
