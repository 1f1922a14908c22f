#include "meshery/registry/schema_default.hpp"

#include <gtest/gtest.h>

namespace meshery::registry {
namespace {

using nlohmann::json;

const json kSchema = json::parse(R"({
  "type": "object",
  "properties": {
    "metadata": {"$ref": "#/definitions/meta"},
    "spec": {
      "allOf": [{"$ref": "#/definitions/spec"}],
      "description": "refs are widened into allOf"
    },
    "broken": {"$ref": "#/definitions/missing"}
  },
  "definitions": {
    "meta": {"properties": {"namespace": {"type": "string", "default": "default"},
                            "name": {"type": "string"}}},
    "spec": {"properties": {
      "replicas": {"type": "integer", "default": 1},
      "ports": {"type": "array", "items": {"properties": {"protocol": {"default": "TCP"}}}}
    }}
  }
})");

TEST(SchemaDefault, FollowsPropertiesRefsAllOfAndItems) {
  EXPECT_EQ(schemaDefaultAt(kSchema, {"metadata", "namespace"}), json("default"));
  EXPECT_EQ(schemaDefaultAt(kSchema, {"spec", "replicas"}), json(1));
  EXPECT_EQ(schemaDefaultAt(kSchema, {"spec", "ports", "_", "protocol"}), json("TCP"));
  EXPECT_EQ(schemaDefaultAt(kSchema, {"spec", "ports", "3", "protocol"}), json("TCP"));
}

TEST(SchemaDefault, NoneWhereTheSchemaGivesNone) {
  EXPECT_EQ(schemaDefaultAt(kSchema, {"metadata", "name"}), std::nullopt);
  EXPECT_EQ(schemaDefaultAt(kSchema, {"metadata", "labels"}), std::nullopt);
  EXPECT_EQ(schemaDefaultAt(kSchema, {"broken", "x"}), std::nullopt) << "a $ref to nothing";
  EXPECT_EQ(schemaDefaultAt(json::object(), {"a"}), std::nullopt);
  const json cycle = json::parse(R"({"definitions": {"a": {"$ref": "#/definitions/a"}},
                                    "properties": {"x": {"$ref": "#/definitions/a"}}})");
  EXPECT_EQ(schemaDefaultAt(cycle, {"x", "y"}), std::nullopt) << "a $ref cycle ends";
}

}  // namespace
}  // namespace meshery::registry
