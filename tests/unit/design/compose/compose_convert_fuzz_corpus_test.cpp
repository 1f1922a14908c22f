// Runs the Compose-conversion fuzz entry point over its committed corpus, so
// every build (GCC included) exercises it; the entry aborts on a violated
// property.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

TEST(ComposeConvertFuzzCorpus, EveryInputConvertsOrFailsWithAnError) {
  std::size_t inputs = 0;
  auto corpus =
      std::filesystem::path(MESHERY_TEST_SOURCE_DIR) / "fuzz" / "corpus" / "compose_convert";
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::string data = bytes.str();
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_EQ(
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()), 0);
    ++inputs;
  }
  EXPECT_GE(inputs, 10U);
}

}  // namespace
