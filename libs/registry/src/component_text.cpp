#include "component_text.hpp"

#include "document_fields.hpp"
#include "meshery/core/json_text.hpp"

namespace meshery::registry {
namespace {

/// Stands in for the schema while the rest of the document is serialised;
/// a control character keeps it from being a plausible real value.
constexpr std::string_view kSchemaPlaceholder = "\x01meshery:component.schema\x01";

std::string dump(const nlohmann::json& document) {
  return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// The `component.schema` string of a document, or nullptr.
const std::string* schemaOf(const nlohmann::json& document) {
  const nlohmann::json* component = detail::member(document, "component");
  if (component == nullptr || !component->is_object()) return nullptr;
  const nlohmann::json* schema = detail::member(*component, "schema");
  return schema != nullptr && schema->is_string() ? &schema->get_ref<const std::string&>()
                                                  : nullptr;
}

std::size_t occurrences(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

void eraseSchema(nlohmann::json& document) {
  auto component = document.find("component");
  if (component != document.end() && component->is_object()) component->erase("schema");
}

}  // namespace

void RegistrySnapshot::ComponentText::fill(const ComponentDefinition& component) {
  std::call_once(filled, [&] {
    nlohmann::json document = component.toJson();
    if (schemaOf(document) != nullptr) {
      nlohmann::json& schema = document["component"]["schema"];
      std::string original = std::move(schema.get_ref<std::string&>());
      schema = std::string(kSchemaPlaceholder);
      std::string text = dump(document);
      std::string quoted;
      appendJsonString(quoted, kSchemaPlaceholder);
      if (occurrences(text, quoted) == 1) {
        const std::size_t at = text.find(quoted);
        tail = text.substr(at + quoted.size());
        text.resize(at);
        comma_head = ',' + text;
        spliced = true;
      } else {
        schema = std::move(original);
        comma_head = ',' + dump(document);
      }
    } else {
      comma_head = ',' + dump(document);
    }
    eraseSchema(document);
    comma_trimmed = ',' + dump(document);
  });
}

void appendComponentJsonUncached(std::string& out, const ComponentDefinition& component,
                                 bool trim_schema) {
  nlohmann::json document = component.toJson();
  if (trim_schema) eraseSchema(document);
  out += dump(document);
}

RegistrySnapshot::ComponentText* RegistrySnapshot::componentText(
    const ComponentDefinition& component) const {
  auto found = components_.by_id.find(component.id);
  if (found == components_.by_id.end() || components_.items[found->second].get() != &component ||
      found->second >= component_texts_.size()) {
    return nullptr;
  }
  ComponentText& text = *component_texts_[found->second];
  text.fill(component);
  return &text;
}

void RegistrySnapshot::appendComponentJson(std::string& out, const ComponentDefinition& component,
                                           bool trim_schema) const {
  const ComponentText* text = componentText(component);
  if (text == nullptr) {
    appendComponentJsonUncached(out, component, trim_schema);
    return;
  }
  if (trim_schema) {
    out += text->trimmed();
    return;
  }
  out += text->head();
  if (!text->spliced) return;
  appendJsonString(out, *schemaOf(component.document));
  out += text->tail;
}

std::optional<std::string_view> RegistrySnapshot::cachedComponentJson(
    const ComponentDefinition& component, bool trim_schema, bool after_comma) const {
  const ComponentText* text = componentText(component);
  if (text == nullptr) return std::nullopt;
  if (trim_schema) return text->trimmed(after_comma);
  if (text->spliced) return std::nullopt;
  return text->head(after_comma);
}

}  // namespace meshery::registry
