#pragma once

// How meshery-server sets glibc's allocator up for its work: multi-megabyte
// design documents built and freed per request, and trees of many small
// JSON nodes. Benchmarks call it too, so that they measure what the server
// does.

namespace meshery {

/// Buffers up to 32 MB stay on the heap (fresh mmaps fault every page in
/// again), at most four arenas (bounding what the heap keeps: about 50 MB
/// after a run of large imports), no fastbins (a free of 64 KB or more
/// would consolidate them all; tcache serves the small-object churn).
/// Call once, before threads start.
void tuneHeapForDocuments();

}  // namespace meshery
