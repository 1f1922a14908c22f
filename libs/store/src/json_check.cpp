#include "json_check.hpp"

#include <simdjson.h>

#include <string>

#include "meshery/core/error.hpp"

namespace meshery::store {

void requireJson(std::string_view text, std::string_view what) {
  // A parser per call: one kept per thread would hold the buffers of the
  // largest design it ever checked (several times its size).
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  const simdjson::error_code error = parser.parse(text.data(), text.size(), true).get(root);
  if (error == simdjson::SUCCESS) return;
  throw Error(ErrorCode::kInvalidArgument, std::string(what) + " is not valid JSON",
              std::string("the JSON parser stopped: ") + simdjson::error_message(error),
              "store a JSON document (the text written for it is " +
                  std::to_string(text.size()) + " bytes)");
}

}  // namespace meshery::store
