// Runs the design-import fuzz entry point over its committed corpus, so that
// every build (GCC included) exercises it; the entry aborts on a violated
// property. The entry point is compiled into this test (see the include below).
#include <gtest/gtest.h>

#include "../../../fuzz/design_import_fuzz.cpp"  // NOLINT(bugprone-suspicious-include)
#include "support/meshery_test/fuzz_corpus.hpp"

namespace {

TEST(DesignImportFuzzCorpus, EveryInputImportsOrFailsWithAnError) {
  EXPECT_GE(meshery::test::replayFuzzCorpus(meshery::test::fuzzCorpus("design_import")), 10U);
}

}  // namespace
