// libFuzzer target for libs/yaml: any input must either parse or fail with
// meshery::Error, and whatever parses must survive emit() and parse() again
// unchanged (types included: 1.0 stays a float). Violations abort.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"

namespace {

std::string strictText(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void checkRoundTrip(const nlohmann::json& value) {
  nlohmann::json back;
  try {
    back = meshery::yaml::parse(meshery::yaml::emit(value));
  } catch (const meshery::Error&) {
    std::abort();
  }
  if (strictText(back) != strictText(value)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<nlohmann::json> documents;
  try {
    documents = meshery::yaml::parseAll(text);
  } catch (const meshery::Error& error) {
    if (error.code() != meshery::ErrorCode::kMalformedInput) std::abort();
    return 0;
  }
  for (const auto& document : documents) checkRoundTrip(document);
  return 0;
}
