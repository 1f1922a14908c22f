// Runs the Compose-conversion fuzz entry point over its committed corpus, so
// every build (GCC included) exercises it; the entry aborts on a violated
// property.
#include <gtest/gtest.h>

#include "support/meshery_test/fuzz_corpus.hpp"

namespace {

TEST(ComposeConvertFuzzCorpus, EveryInputConvertsOrFailsWithAnError) {
  EXPECT_GE(meshery::test::replayFuzzCorpus(meshery::test::fuzzCorpus("compose_convert")), 10U);
}

}  // namespace
