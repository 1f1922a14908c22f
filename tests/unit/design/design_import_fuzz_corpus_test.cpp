// Runs the design-import fuzz entry point over its committed corpus, so that
// every build (GCC included) exercises it; the entry aborts on a violated
// property. The entry point is compiled into this test (see the #include).
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>

#include "design_test_support.hpp"

#include "../../../fuzz/design_import_fuzz.cpp"  // NOLINT(bugprone-suspicious-include)

namespace {

TEST(DesignImportFuzzCorpus, EveryInputImportsOrFailsWithAnError) {
  std::size_t inputs = 0;
  auto corpus = std::filesystem::path(MESHERY_TEST_SOURCE_DIR) / "fuzz" / "corpus" / "design_import";
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    std::string data = meshery::design::testing::readFile(entry.path());
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_EQ(LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()), 0);
    ++inputs;
  }
  EXPECT_GE(inputs, 10U);
}

}  // namespace
