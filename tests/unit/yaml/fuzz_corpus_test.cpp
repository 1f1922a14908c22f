#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>

#include "yaml_test_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::filesystem::path corpusDirectory() {
  if (const char* source = std::getenv("MESHERY_SOURCE_DIR"); source != nullptr && *source != 0) {
    return std::filesystem::path(source) / "fuzz" / "corpus" / "yaml_parse";
  }
  return MESHERY_YAML_FUZZ_CORPUS_DIR;
}

// The fuzz entry aborts on a violated property, which fails this test too.
TEST(YamlFuzzCorpus, EveryInputParsesOrFailsCleanlyAndRoundTrips) {
  std::size_t inputs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpusDirectory())) {
    if (!entry.is_regular_file()) continue;
    const std::string bytes = meshery::yaml::testing::readFile(entry.path());
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_EQ(
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()),
        0);
    ++inputs;
  }
  EXPECT_GE(inputs, 10U);
}

}  // namespace
