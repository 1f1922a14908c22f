#pragma once

// Private: reading typed fields out of definition documents, with errors that
// name the field, and the ids derived for definitions that carry none.

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "meshery/core/error.hpp"
#include "meshery/core/uuid.hpp"
#include "meshery/registry/types.hpp"

namespace meshery::registry::detail {

/// Error(kInvalidArgument): "<entity> definition: <field> <problem>".
Error invalidField(std::string_view entity, std::string_view field, std::string_view problem);

/// The member `key` of `object` when present and not null; nullptr otherwise.
const nlohmann::json* member(const nlohmann::json& object, std::string_view key);

/// A string member; "" when absent or null; invalidField when of another type.
std::string optionalString(const nlohmann::json& object, std::string_view key,
                           std::string_view entity, std::string_view field);

/// A non-empty string member; invalidField when absent, empty or not a string.
std::string requiredString(const nlohmann::json& object, std::string_view key,
                           std::string_view entity, std::string_view field);

/// A boolean member; false when absent or null; invalidField when of another type.
bool optionalBool(const nlohmann::json& object, std::string_view key, std::string_view entity,
                  std::string_view field);

/// The `status` member: enabled when absent or empty; invalidField when unknown.
EntityStatus readStatus(const nlohmann::json& document, std::string_view entity);

/// The `model` reference of a component, relationship, policy or selector
/// item: an object ({name, version, model: {version}, registrant: {kind},
/// category: {name}}) or a bare name string.
ModelRef readModelRef(const nlohmann::json& model, std::string_view entity, std::string_view field);

/// The document's required `model` reference, with a non-empty name.
ModelRef requiredModelRef(const nlohmann::json& document, std::string_view entity);

/// Throws invalidField unless `input` is a JSON object (a definition document).
void requireDocumentObject(const nlohmann::json& input, std::string_view entity);

/// The document's `id` when it is a non-nil UUID; nullopt when absent, null,
/// empty or nil; invalidField when it is not a UUID.
std::optional<Uuid> readId(const nlohmann::json& document, std::string_view entity);

/// A UUID v5 in the registry's namespace of `identity` (fields joined by '\n').
Uuid derivedId(std::string_view kind_of_entity, std::initializer_list<std::string_view> identity);

/// `id` when given, else a derived id; writes the result into document["id"].
Uuid assignId(nlohmann::json& document, std::string_view entity,
              std::initializer_list<std::string_view> identity);

/// ASCII lowercase.
std::string toLower(std::string_view text);

/// The three bytes of `text` at `at` packed into one key (the search index's).
inline std::uint32_t trigramAt(std::string_view text, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(text[at])) << 16U |
         static_cast<std::uint32_t>(static_cast<unsigned char>(text[at + 1])) << 8U |
         static_cast<std::uint32_t>(static_cast<unsigned char>(text[at + 2]));
}

/// Writes `status` into a document copy when the document has a status or
/// the status differs from enabled (so documents without one round-trip).
void writeStatus(nlohmann::json& document, EntityStatus status);

}  // namespace meshery::registry::detail
