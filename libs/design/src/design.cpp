#include "meshery/design/design.hpp"

#include <string>

#include "document_fields.hpp"
#include "meshery/core/error.hpp"
#include "meshery/core/json_text.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::design {
namespace {

using nlohmann::json;
using detail::invalidField;

constexpr std::string_view kDefaultVersion = "v0.0.1";

/// The design document for `document`: v1beta1/v1beta3 as they are, legacy
/// pattern files converted, anything else refused naming the field.
json designDocumentOf(const json& document) {
  if (!document.is_object()) {
    throw invalidField("(document)", "a design is a map, got " + detail::describeType(document));
  }
  auto schema = document.find("schemaVersion");
  if (schema != document.end() && !schema->is_null()) {
    if (!schema->is_string()) {
      throw invalidField("schemaVersion", "expected a string, got " + detail::describeType(*schema));
    }
    const auto& version = schema->get_ref<const std::string&>();
    if (version == "designs.meshery.io/v1beta1" || version == "designs.meshery.io/v1beta3") {
      return document;
    }
    throw invalidField("schemaVersion", "'" + version +
                                            "' is not a design schema (expected "
                                            "designs.meshery.io/v1beta1 or v1beta3)");
  }
  if (detail::isLegacyPattern(document)) return detail::convertPattern(document);
  if (document.contains("components")) {
    // A v1beta1 design whose writer left out schemaVersion.
    json copy = document;
    copy["schemaVersion"] = detail::kDesignSchemaVersion;
    return copy;
  }
  if (document.contains("services")) {
    throw invalidField("services", "not a pattern file: each service needs a 'type' (the kind); "
                                   "a Docker Compose file is imported as compose, not as a design");
  }
  throw invalidField("schemaVersion", "missing: a design has schemaVersion "
                                      "designs.meshery.io/v1beta1 (or is a legacy pattern file "
                                      "with a 'services' map)");
}

Uuid idOf(const json& document) {
  auto it = document.find("id");
  if (it == document.end() || it->is_null() || (it->is_string() && it->get_ref<const std::string&>().empty())) {
    return Uuid::v4();
  }
  if (!it->is_string()) throw invalidField("id", "expected a UUID string, got " + detail::describeType(*it));
  auto id = Uuid::parse(it->get_ref<const std::string&>());
  if (!id) throw invalidField("id", "'" + it->get<std::string>() + "' is not a UUID");
  return *id;
}

std::string optionalString(const json& document, const std::string& field, std::string_view fallback) {
  auto it = document.find(field);
  if (it == document.end() || it->is_null()) return std::string(fallback);
  if (!it->is_string()) throw invalidField(field, "expected a string, got " + detail::describeType(*it));
  if (it->get_ref<const std::string&>().empty()) return std::string(fallback);
  return it->get<std::string>();
}

json& listAt(json& document, const std::string& field) {
  json& list = document[field];
  if (list.is_null()) list = json::array();
  if (!list.is_array()) throw invalidField(field, "expected a list, got " + detail::describeType(list));
  return list;
}

void checkComponent(json& component, std::size_t index) {
  const std::string field = "components[" + std::to_string(index) + "]";
  if (!component.is_object()) {
    throw invalidField(field, "expected a map (a component declaration), got " +
                                  detail::describeType(component));
  }
  auto definition = component.find("component");
  if (definition == component.end() || !definition->is_object()) {
    throw invalidField(field + ".component", "missing: a declaration names its kind and apiVersion "
                                             "in component.kind and component.version");
  }
  auto kind = definition->find("kind");
  if (kind == definition->end() || !kind->is_string() || kind->get_ref<const std::string&>().empty()) {
    throw invalidField(field + ".component.kind", "missing or not a string");
  }
  auto id = component.find("id");
  if (id == component.end() || id->is_null() || (id->is_string() && id->get_ref<const std::string&>().empty())) {
    component["id"] = Uuid::v4().toString();
  } else if (!id->is_string() || !Uuid::parse(id->get_ref<const std::string&>())) {
    throw invalidField(field + ".id", "expected a UUID, got " +
                                          (id->is_string() ? "'" + id->get<std::string>() + "'"
                                                           : detail::describeType(*id)));
  }
  auto configuration = component.find("configuration");
  if (configuration != component.end() && !configuration->is_null() && !configuration->is_object()) {
    throw invalidField(field + ".configuration",
                       "expected a map, got " + detail::describeType(*configuration));
  }
}

void fillDefaults(json& document) {
  json& components = listAt(document, "components");
  for (std::size_t i = 0; i < components.size(); ++i) checkComponent(components[i], i);
  json& relationships = listAt(document, "relationships");
  for (std::size_t i = 0; i < relationships.size(); ++i) {
    if (!relationships[i].is_object()) {
      throw invalidField("relationships[" + std::to_string(i) + "]",
                         "expected a map, got " + detail::describeType(relationships[i]));
    }
  }
  json& preferences = document["preferences"];
  if (preferences.is_null()) preferences = json::object();
  if (!preferences.is_object()) {
    throw invalidField("preferences", "expected a map, got " + detail::describeType(preferences));
  }
  if (!preferences.contains("layers") || preferences["layers"].is_null()) {
    preferences["layers"] = json::object();
  }
}

}  // namespace

Design Design::parse(std::string_view text) {
  auto documents = yaml::parseAll(text);  // JSON is YAML; errors carry line and column
  if (documents.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "the design is empty", "the text holds no document",
                "provide a design (schemaVersion: designs.meshery.io/v1beta1)");
  }
  if (documents.size() > 1) {
    throw Error(ErrorCode::kInvalidArgument,
                "a design is one document; found " + std::to_string(documents.size()),
                "the text holds several YAML documents ('---' separated)",
                "import several Kubernetes resources as a manifest, or keep one design per file");
  }
  return fromJson(std::move(documents.front()));
}

Design Design::fromJson(const nlohmann::json& document) {
  return fromJson(nlohmann::json(document));
}

Design Design::fromJson(nlohmann::json&& document) {
  Design design;
  const bool current = document.is_object() && document.contains("schemaVersion") &&
                       document["schemaVersion"].is_string() &&
                       (document["schemaVersion"] == "designs.meshery.io/v1beta1" ||
                        document["schemaVersion"] == "designs.meshery.io/v1beta3");
  // A current design is taken over as it is; others are converted.
  design.document = current ? std::move(document) : designDocumentOf(document);
  design.id = idOf(design.document);
  design.name = optionalString(design.document, "name", "");
  design.version = optionalString(design.document, "version", kDefaultVersion);
  fillDefaults(design.document);
  design.document["id"] = design.id.toString();
  design.document["name"] = design.name;
  design.document["version"] = design.version;
  return design;
}

namespace {

/// Writers' view of a design's shared fields: its declarations are the
/// objects at depth 2 (the document, `components`, a declaration).
SharedMembersLookup lookupOf(const SharedDefinitionFields& shared) {
  return [&shared](const json& object, std::size_t depth) -> const json* {
    return depth == 2 ? shared.find(object) : nullptr;
  };
}

void expandAll(json& document, const SharedDefinitionFields& shared) {
  if (!document.is_object()) return;
  const auto components = document.find("components");
  if (components == document.end() || !components->is_array()) return;
  for (json& component : *components) shared.expand(component);
}

}  // namespace

nlohmann::json Design::toJson() const {
  json out = document.is_object() ? document : json::object();
  if (shared_fields) expandAll(out, *shared_fields);
  out["id"] = id.toString();
  out["name"] = name;
  out["version"] = version;
  if (!out.contains("schemaVersion")) out["schemaVersion"] = detail::kDesignSchemaVersion;
  if (!out.contains("components")) out["components"] = json::array();
  if (!out.contains("relationships")) out["relationships"] = json::array();
  return out;
}

bool Design::inStep() const {
  // The document is kept in step with the typed fields by fromJson() and by
  // savers; writers use it as it is then, without copying a large design.
  return document.is_object() && document.contains("components") &&
         document.contains("relationships") && document.contains("schemaVersion") &&
         document.value("id", "") == id.toString() && document.value("name", "") == name &&
         document.value("version", "") == version;
}

std::string Design::toJsonText() const {
  if (!inStep()) return dumpJson(toJson());
  if (!shared_fields) return dumpJson(document);
  return dumpJson(document, lookupOf(*shared_fields));
}

std::string Design::toYaml() const {
  if (!inStep()) return yaml::emit(toJson());
  if (!shared_fields) return yaml::emit(document);
  yaml::EmitOptions options;
  options.shared_members = lookupOf(*shared_fields);
  return yaml::emit(document, options);
}

void Design::expandDeclarations() {
  if (!shared_fields) return;
  expandAll(document, *shared_fields);
  shared_fields.reset();
}

std::size_t Design::componentCount() const {
  if (!document.is_object()) return 0;
  auto it = document.find("components");
  return it != document.end() && it->is_array() ? it->size() : 0;
}

}  // namespace meshery::design
