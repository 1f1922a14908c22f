#pragma once

// Replays a fuzz target's committed corpus through its entry point, so every
// build (GCC included) exercises it; the entry aborts on a violated property.
// Header-only: include it as "support/meshery_test/fuzz_corpus.hpp".

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace meshery::test {

/// Feeds every regular file of `corpus` to LLVMFuzzerTestOneInput, expecting
/// 0 for each (the failing file is named); returns how many were fed.
inline std::size_t replayFuzzCorpus(const std::filesystem::path& corpus) {
  std::size_t inputs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_EQ(
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()), 0);
    ++inputs;
  }
  return inputs;
}

/// The committed corpus of fuzz target `name` (fuzz/corpus/<name>).
inline std::filesystem::path fuzzCorpus(const char* name) {
  return std::filesystem::path(MESHERY_TEST_SOURCE_DIR) / "fuzz" / "corpus" / name;
}

}  // namespace meshery::test
