#include "support/meshery_test/fuzz_corpus.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace {

std::filesystem::path corpusDirectory() {
  if (const char* source = std::getenv("MESHERY_SOURCE_DIR"); source != nullptr && *source != 0) {
    return std::filesystem::path(source) / "fuzz" / "corpus" / "gotmpl";
  }
  return MESHERY_GOTMPL_FUZZ_CORPUS_DIR;
}

TEST(GoTemplateFuzzCorpus, EveryInputParsesAndExecutesOrFailsCleanly) {
  EXPECT_GE(meshery::test::replayFuzzCorpus(corpusDirectory()), 200U);
}

}  // namespace
