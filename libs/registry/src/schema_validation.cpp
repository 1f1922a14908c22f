#include "meshery/registry/schema_validation.hpp"

#include <exception>
#include <string_view>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "meshery/core/error.hpp"

namespace meshery::registry {
namespace {

/// valijson's error context ("<root>", "[spec]", "[containers]", "[0]") as a
/// field path ("spec.containers[0]").
std::string fieldPath(const std::vector<std::string>& context) {
  std::string path;
  for (const std::string& part : context) {
    if (part == "<root>" || part.size() < 2 || part.front() != '[' || part.back() != ']') continue;
    std::string_view inner(part.data() + 1, part.size() - 2);
    bool index = !inner.empty() && inner.find_first_not_of("0123456789") == std::string_view::npos;
    if (index) {
      path += part;
    } else {
      if (!path.empty()) path += '.';
      // valijson quotes property names: ["name"] or [name] depending on version.
      if (inner.size() >= 2 && inner.front() == '"' && inner.back() == '"') {
        inner = inner.substr(1, inner.size() - 2);
      }
      path += inner;
    }
  }
  return path;
}

}  // namespace

struct SchemaValidator::Compiled {
  valijson::Schema schema;
};

SchemaValidator::SchemaValidator(const nlohmann::json& schema) {
  if (!schema.is_object() && !schema.is_boolean()) {
    throw Error(ErrorCode::kInvalidArgument, "the schema is not a JSON Schema",
                std::string("a schema is an object (or a boolean), not ") + schema.type_name(),
                "pass the JSON Schema object, e.g. a component's component.schema");
  }
  auto compiled = std::make_shared<Compiled>();
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter schema_adapter(schema);
    parser.populateSchema(schema_adapter, compiled->schema);
  } catch (const std::exception& error) {
    throw Error(ErrorCode::kInvalidArgument, "the JSON Schema cannot be used", error.what(),
                "fix the schema: every $ref must point inside the schema ('#/…') and every "
                "keyword must have the type JSON Schema gives it");
  }
  compiled_ = std::move(compiled);
}

std::vector<SchemaViolation> SchemaValidator::validate(const nlohmann::json& value) const {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter value_adapter(value);
  std::vector<SchemaViolation> violations;
  if (validator.validate(compiled_->schema, value_adapter, &results)) return violations;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    violations.push_back({fieldPath(error.context), error.description});
  }
  return violations;
}

std::vector<SchemaViolation> validateAgainstSchema(const nlohmann::json& schema,
                                                   const nlohmann::json& value) {
  return SchemaValidator(schema).validate(value);
}

}  // namespace meshery::registry
