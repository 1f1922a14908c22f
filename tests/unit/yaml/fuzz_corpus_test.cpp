#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "support/meshery_test/fuzz_corpus.hpp"

namespace {

std::filesystem::path corpusDirectory() {
  if (const char* source = std::getenv("MESHERY_SOURCE_DIR"); source != nullptr && *source != 0) {
    return std::filesystem::path(source) / "fuzz" / "corpus" / "yaml_parse";
  }
  return MESHERY_YAML_FUZZ_CORPUS_DIR;
}

TEST(YamlFuzzCorpus, EveryInputParsesOrFailsCleanlyAndRoundTrips) {
  EXPECT_GE(meshery::test::replayFuzzCorpus(corpusDirectory()), 10U);
}

}  // namespace
