// A gzip bomb: 100 MB of zeros compress to about 100 KB. Reading it with a
// 10 MB entry limit must stop at the limit. The largest single allocation is
// tracked by replacing the global operator new in this test binary.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "hostile_archive.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/core/error.hpp"

namespace {
std::atomic<std::size_t> largest_allocation{0};
}  // namespace

// GCC sees malloc/free inside the replaced pair and, after inlining, warns
// that free() meets operator new: the pair is consistent, the warning false.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
  std::size_t seen = largest_allocation.load(std::memory_order_relaxed);
  while (size > seen && !largest_allocation.compare_exchange_weak(seen, size)) {
  }
  if (void* block = std::malloc(size == 0 ? 1 : size)) return block;
  throw std::bad_alloc();
}
void operator delete(void* block) noexcept {
  std::free(block);
}
void operator delete(void* block, std::size_t) noexcept {
  std::free(block);
}

namespace meshery::archive {
namespace {

constexpr std::int64_t kBombBytes = 100LL << 20;

std::string gzipBomb() {
  return testing::ArchiveBuilder(true)
      .addStreamed("bomb.bin", kBombBytes,
                   [](const auto& write) {
                     std::string zeros(1 << 20, '\0');
                     for (std::int64_t done = 0; done < kBombBytes; done += 1 << 20) {
                       write(zeros.data(), zeros.size());
                     }
                   })
      .finish();
}

TEST(ArchiveBomb, StopsAtTheEntryLimitWithoutAllocatingTheWholeEntry) {
  const std::string bomb = gzipBomb();
  ASSERT_LT(bomb.size(), 1U << 20) << "the bomb should be small when compressed";
  largest_allocation = 0;
  try {
    readArchive(bomb, {.max_entry_bytes = 10ULL << 20});
    FAIL() << "the bomb was read";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kPayloadTooLarge);
    EXPECT_NE(error.message().find("max_entry_bytes (10485760 bytes)"), std::string::npos);
  }
  EXPECT_LT(largest_allocation.load(), 32U << 20);
}

TEST(ArchiveBomb, StopsAtTheTotalLimit) {
  const std::string bomb = gzipBomb();
  largest_allocation = 0;
  try {
    readArchive(bomb, {.max_total_bytes = 10ULL << 20});
    FAIL() << "the bomb was read";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kPayloadTooLarge);
    EXPECT_NE(error.message().find("max_total_bytes"), std::string::npos);
  }
  EXPECT_LT(largest_allocation.load(), 32U << 20);
}

}  // namespace
}  // namespace meshery::archive
