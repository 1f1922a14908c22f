// Runs the archive-read fuzz entry point over its committed corpus, so every
// build (GCC included) exercises it; the entry aborts on a violated property.
#include <gtest/gtest.h>

#include "support/meshery_test/fuzz_corpus.hpp"

namespace {

TEST(ArchiveFuzzCorpus, EveryInputReadsOrFailsWithAMesheryError) {
  EXPECT_GE(meshery::test::replayFuzzCorpus(meshery::test::fuzzCorpus("archive_read")), 8U);
}

}  // namespace
