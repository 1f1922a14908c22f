#include "meshery/core/heap.hpp"

#include <malloc.h>

namespace meshery {

void tuneHeapForDocuments() {
  // A 1,000-resource import builds several 4 MB strings; taking each from a
  // fresh mmap faulted every page in again (a fifth of the import's time).
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
  // An arena per thread kept 160 MB after a run of large imports; four, 50.
  mallopt(M_ARENA_MAX, 4);
  // Freeing 64 KB or more consolidates every fastbin chunk of the heap: that
  // was a third of an import, and of evaluating 10,000 components.
  mallopt(M_MXFAST, 0);
}

}  // namespace meshery
