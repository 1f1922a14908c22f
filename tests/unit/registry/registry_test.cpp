#include "meshery/registry/registry.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "meshery/core/error.hpp"
#include "meshery/registry/query.hpp"
#include "registry_test_documents.hpp"

namespace meshery::registry {
namespace {

using testing::componentDocument;
using testing::modelDocument;

ComponentDefinition numbered(int number) {
  return ComponentDefinition::fromJson(
      componentDocument("Kind" + std::to_string(number), "v1", "kubernetes", "v1.35.0"));
}

TEST(Registry, StartsEmptyAndAppliesChanges) {
  Registry registry;
  EXPECT_TRUE(registry.current()->components().empty());
  RegistryChanges changes;
  changes.models.push_back(Model::fromJson(modelDocument("kubernetes", "v1.35.0")));
  changes.components.push_back(numbered(1));
  auto snapshot = registry.apply(std::move(changes));
  EXPECT_EQ(registry.current(), snapshot);
  EXPECT_EQ(snapshot->components().size(), 1U);
  EXPECT_EQ(snapshot->models()[0]->components_count, 1U);

  RegistryChanges removal;
  removal.removals.push_back(snapshot->components()[0]->id);
  EXPECT_TRUE(registry.apply(std::move(removal))->components().empty());
  EXPECT_EQ(snapshot->components().size(), 1U);  // readers' snapshots stay as they were
}

TEST(Registry, AFailedApplyLeavesTheCurrentSnapshot) {
  Registry registry;
  RegistryChanges changes;
  changes.components.push_back(numbered(1));
  auto before = registry.apply(std::move(changes));
  RegistryChanges bad;
  bad.components.push_back(numbered(2));
  bad.status_changes.push_back({Uuid::v4(), EntityStatus::kIgnored});
  EXPECT_THROW(registry.apply(std::move(bad)), Error);
  EXPECT_EQ(registry.current(), before);
}

TEST(Registry, ReadersSeeConsistentSnapshotsWhileChangesApply) {
  Registry registry;
  constexpr int kWrites = 200;
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  ComponentQuery every;
  every.list.page.page_size = std::nullopt;
  std::thread reader([&] {
    std::size_t last_size = 0;
    while (!done.load()) {
      auto snapshot = registry.current();
      const std::size_t size = snapshot->components().size();
      // Sizes only grow, and every index agrees with the component list.
      EXPECT_GE(size, last_size);
      EXPECT_EQ(snapshot->componentsOfModel("kubernetes").size(), size);
      EXPECT_EQ(queryComponents(*snapshot, every).items.size(), size);
      last_size = size;
      reads.fetch_add(1);
    }
  });
  std::thread writer([&] {
    for (int i = 0; i < kWrites; ++i) {
      RegistryChanges changes;
      changes.components.push_back(numbered(i));
      registry.apply(std::move(changes));
    }
  });
  writer.join();
  while (reads.load() == 0) std::this_thread::yield();
  done = true;
  reader.join();
  EXPECT_EQ(registry.current()->components().size(), static_cast<std::size_t>(kWrites));
  EXPECT_EQ(registry.current()->generation(), static_cast<std::uint64_t>(kWrites));
}

}  // namespace
}  // namespace meshery::registry
