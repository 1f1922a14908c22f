#include "fast_json.hpp"

#include <simdjson.h>

#include <cmath>
#include <cstdint>
#include <string>

namespace meshery::registry::detail {
namespace {

static_assert(kJsonPadding >= simdjson::SIMDJSON_PADDING);

/// A parser keeps the buffers of the largest document it parsed; past this a
/// thread's parser is dropped so that one huge file does not pin memory.
constexpr std::size_t kKeptParserCapacity = std::size_t{4} << 20;

/// Converts a simdjson element into `out`; false when the nlohmann reading
/// of the source text could differ from the element's value.
bool convert(simdjson::dom::element element, nlohmann::json& out) {
  switch (element.type()) {
    case simdjson::dom::element_type::OBJECT: {
      out = nlohmann::json::object();
      auto& object = out.get_ref<nlohmann::json::object_t&>();
      for (simdjson::dom::key_value_pair field : simdjson::dom::object(element)) {
        nlohmann::json value;
        if (!convert(field.value, value)) return false;
        // A repeated key keeps the last value, as nlohmann's parser does.
        object.insert_or_assign(std::string(field.key), std::move(value));
      }
      return true;
    }
    case simdjson::dom::element_type::ARRAY: {
      out = nlohmann::json::array();
      auto& array = out.get_ref<nlohmann::json::array_t&>();
      for (simdjson::dom::element child : simdjson::dom::array(element)) {
        if (!convert(child, array.emplace_back())) return false;
      }
      return true;
    }
    case simdjson::dom::element_type::STRING:
      out = std::string(std::string_view(element));
      return true;
    case simdjson::dom::element_type::INT64: {
      // nlohmann reads non-negative integers as unsigned.
      const auto value = std::int64_t(element);
      if (value >= 0) {
        out = static_cast<std::uint64_t>(value);
      } else {
        out = value;
      }
      return true;
    }
    case simdjson::dom::element_type::UINT64:
      out = std::uint64_t(element);
      return true;
    case simdjson::dom::element_type::DOUBLE: {
      const auto value = double(element);
      // "-0.0" or "-0e5": simdjson and nlohmann agree, but "-0" is an integer
      // to nlohmann; the DOM cannot tell them apart.
      if (value == 0.0 && std::signbit(value)) return false;
      out = value;
      return true;
    }
    case simdjson::dom::element_type::BOOL:
      out = bool(element);
      return true;
    case simdjson::dom::element_type::NULL_VALUE:
      out = nullptr;
      return true;
  }
  return false;
}

}  // namespace

std::optional<nlohmann::json> parseJsonFast(std::string_view text, bool padded) {
  thread_local auto parser = std::make_unique<simdjson::dom::parser>();
  simdjson::dom::element root;
  if (parser->parse(text.data(), text.size(), /*realloc_if_needed=*/!padded).get(root) !=
      simdjson::SUCCESS) {
    return std::nullopt;
  }
  nlohmann::json document;
  const bool converted = convert(root, document);
  if (parser->capacity() > kKeptParserCapacity) parser = std::make_unique<simdjson::dom::parser>();
  if (!converted) return std::nullopt;
  return document;
}

}  // namespace meshery::registry::detail
