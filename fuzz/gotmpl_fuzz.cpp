// libFuzzer target for libs/gotmpl: any text must either parse or fail with
// Error(kMalformedInput), and whatever parses must execute or fail with
// meshery::Error, within small limits, against data of every kind. Any
// other exception or a crash is a defect.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "meshery/core/error.hpp"
#include "meshery/gotmpl/json_value.hpp"
#include "meshery/gotmpl/templates.hpp"

namespace {

const meshery::gotmpl::Value& data() {
  static const meshery::gotmpl::Value value = meshery::gotmpl::fromJson(nlohmann::json::parse(R"({
    "s": "text", "n": 3, "f": 2.5, "big": 1000000, "t": true, "z": null,
    "l": [1, "two", null, [3], {"k": "v"}], "m": {"a": 1, "b": {"c": [true]}}, "e": [], "em": {}
  })"));
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  meshery::gotmpl::Templates templates;
  try {
    templates.parse("fuzz", text);
  } catch (const meshery::Error& error) {
    if (error.code() != meshery::ErrorCode::kMalformedInput) std::abort();
    return 0;
  }
  const meshery::gotmpl::Limits limits{
      .max_output_bytes = 1 << 20, .max_steps = 100'000, .max_depth = 100};
  for (const auto mode :
       {meshery::gotmpl::MissingKey::kDefault, meshery::gotmpl::MissingKey::kZero}) {
    templates.setMissingKey(mode);
    try {
      (void)templates.execute("fuzz", data(), limits);
    } catch (const meshery::Error&) {
    }
  }
  return 0;
}
