#pragma once

// Private: conversion of model and component documents between Meshery's
// v1beta1 wire casing (the canonical form) and the camelCase of
// models.meshery.io/v1beta2 and components.meshery.io/v1beta3.

#include <nlohmann/json.hpp>
#include <string_view>

namespace meshery::registry::detail {

/// True for schemaVersions whose wire form is camelCase ("…/v1beta2", "…/v1beta3").
bool isCamelCaseSchemaVersion(std::string_view schema_version);

/// Normalises a model document to v1beta1 casing in place. The aliases
/// registrantId, componentsCount and relationshipsCount (seen even in v1beta1
/// templates) are always renamed and categoryId (never on the v1beta1 wire)
/// dropped; timestamps, registrant and environment keys and the schemaVersion
/// are converted only for camelCase documents (`camel_case`), so published
/// v1beta1 files keep exactly the keys they have.
void modelToV1beta1(nlohmann::json& model, bool camel_case);

/// Converts a v1beta1 model document to models.meshery.io/v1beta2 camelCase.
void modelToCamelCase(nlohmann::json& model);

/// Normalises a component document to v1beta1 casing in place (its embedded
/// model too); only camelCase documents have their own keys renamed.
void componentToV1beta1(nlohmann::json& component, bool camel_case);

/// Converts a v1beta1 component document to components.meshery.io/v1beta3 camelCase.
void componentToCamelCase(nlohmann::json& component);

}  // namespace meshery::registry::detail
