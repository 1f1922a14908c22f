#include "meshery/archive/archive.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hostile_archive.hpp"
#include "meshery/core/error.hpp"

namespace meshery::archive {
namespace {

using testing::ArchiveBuilder;
using ::testing::HasSubstr;
using testing::RawEntry;

std::vector<Entry> sampleEntries() {
  std::string binary;
  for (int i = 0; i < 1000; ++i) binary.push_back(static_cast<char>(i % 256));
  return {
      {"Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n"},
      {"templates/deployment.yaml", "kind: Deployment\n"},
      {"templates/empty.txt", ""},
      {"files/blob.bin", binary},
      {std::string(120, 'd') + "/" + std::string(150, 'f') + ".yaml", "long path\n"},
      {"ünïcode/名前.yaml", "utf-8 names\n"},
  };
}

void expectSameEntries(const std::vector<Entry>& actual, const std::vector<Entry>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i].path, expected[i].path);
    EXPECT_EQ(actual[i].bytes, expected[i].bytes) << actual[i].path;
  }
}

template <typename Body>
Error errorOf(Body&& body) {
  try {
    body();
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "no meshery::Error thrown";
  return Error(ErrorCode::kInternal, "none");
}

TEST(Archive, TarRoundTripsEntriesInOrder) {
  auto entries = sampleEntries();
  expectSameEntries(readArchive(writeArchive(entries, Format::kTar)), entries);
}

TEST(Archive, TarGzipRoundTripsEntriesDetectedByContent) {
  auto entries = sampleEntries();
  std::string bytes = writeArchive(entries, Format::kTarGzip);
  ASSERT_GE(bytes.size(), 10U);
  EXPECT_EQ(static_cast<unsigned char>(bytes[0]), 0x1f);
  expectSameEntries(readArchive(bytes), entries);
}

TEST(Archive, WritingIsDeterministic) {
  auto entries = sampleEntries();
  EXPECT_EQ(writeArchive(entries, Format::kTar), writeArchive(entries, Format::kTar));
  std::string gzip = writeArchive(entries, Format::kTarGzip);
  EXPECT_EQ(gzip.substr(4, 4), std::string(4, '\0')) << "gzip header carries a timestamp";
  std::string tar = writeArchive({{"a.txt", "x"}}, Format::kTar);
  EXPECT_EQ(tar.substr(100, 6), "000644");        // mode
  EXPECT_EQ(tar.substr(108, 6), "000000");        // uid
  EXPECT_EQ(tar.substr(116, 6), "000000");        // gid
  EXPECT_EQ(tar.substr(136, 11), "00000000000");  // mtime
  EXPECT_EQ(tar.size(), 512U * 4) << "header, content, two end blocks; no record padding";
}

TEST(Archive, WritingNormalisesAndRefusesBadPaths) {
  expectSameEntries(readArchive(writeArchive({{"./a//b.txt", "x"}}, Format::kTar)),
                    {{"a/b.txt", "x"}});
  for (const std::string& bad : std::vector<std::string>{"/etc/passwd", "../x", "a/../../x", "",
                                                         "./", std::string("a\0b", 3)}) {
    Error error = errorOf([&] { writeArchive({{bad, "x"}}, Format::kTar); });
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument) << bad;
  }
}

TEST(Archive, DetectsTarAndGzipByContent) {
  EXPECT_TRUE(isArchive(writeArchive({{"a", "b"}}, Format::kTar)));
  EXPECT_TRUE(isArchive(writeArchive({{"a", "b"}}, Format::kTarGzip)));
  EXPECT_TRUE(isArchive(ArchiveBuilder(false).add({"x", AE_IFREG, "gnu?"}).finish()));
  EXPECT_FALSE(isArchive(""));
  EXPECT_FALSE(isArchive("\x1f"));
  EXPECT_FALSE(isArchive("apiVersion: v1\nkind: Pod\n"));
  EXPECT_FALSE(isArchive(std::string(1024, '\0')));
  EXPECT_FALSE(isArchive(R"({"name": "ustar"})"));
}

TEST(Archive, NormalisesDotSlashAndSkipsDirectories) {
  std::string bytes = ArchiveBuilder(true)
                          .add({"./", AE_IFDIR})
                          .add({"./chart/", AE_IFDIR})
                          .add({"./chart/Chart.yaml", AE_IFREG, "name: c\n"})
                          .add({"chart/./templates//a.yaml", AE_IFREG, "a"})
                          .finish();
  expectSameEntries(readArchive(bytes),
                    {{"chart/Chart.yaml", "name: c\n"}, {"chart/templates/a.yaml", "a"}});
}

TEST(Archive, RefusesEntriesEscapingTheRoot) {
  for (std::string bad : {"../x", "/etc/passwd", "a/../../x", "ok/.."}) {
    for (bool gzip : {false, true}) {
      std::string bytes = ArchiveBuilder(gzip)
                              .add({"fine.txt", AE_IFREG, "fine"})
                              .add({bad, AE_IFREG, "root:x:0:0"})
                              .finish();
      Error error = errorOf([&] { readArchive(bytes); });
      EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument) << bad;
      EXPECT_EQ(error.message(), "archive entry escapes its root");
      EXPECT_THAT(error.cause(), HasSubstr("'" + bad + "'"));
      EXPECT_FALSE(error.remedy().empty());
    }
  }
}

TEST(Archive, RefusesEscapingPathsOfSkippedEntriesToo) {
  std::string dir = ArchiveBuilder(false).add({"../outside/", AE_IFDIR}).finish();
  EXPECT_EQ(errorOf([&] { readArchive(dir); }).code(), ErrorCode::kInvalidArgument);
  std::string link = ArchiveBuilder(false).add({"/tmp/link", AE_IFLNK, "", "target"}).finish();
  EXPECT_EQ(errorOf([&] { readArchive(link); }).code(), ErrorCode::kInvalidArgument);
}

TEST(Archive, SkipsLinksDevicesAndFifos) {
  std::string bytes = ArchiveBuilder(false)
                          .add({"real.txt", AE_IFREG, "real"})
                          .add({"passwd", AE_IFLNK, "", "/etc/passwd"})
                          .add({"up", AE_IFLNK, "", "../../secret"})
                          .add({"hard", AE_IFREG, "", "", "real.txt"})
                          .add({"fifo", AE_IFIFO})
                          .add({"tty", AE_IFCHR})
                          .add({"after.txt", AE_IFREG, "after"})
                          .finish();
  expectSameEntries(readArchive(bytes), {{"real.txt", "real"}, {"after.txt", "after"}});
}

TEST(Archive, LimitsTheNumberOfEntries) {
  std::string bytes = writeArchive({{"a", "1"}, {"b", "2"}, {"c", "3"}}, Format::kTarGzip);
  EXPECT_EQ(readArchive(bytes, {.max_entries = 3}).size(), 3U);
  Error error = errorOf([&] { readArchive(bytes, {.max_entries = 2}); });
  EXPECT_EQ(error.code(), ErrorCode::kPayloadTooLarge);
  EXPECT_THAT(error.message(), HasSubstr("max_entries (2)"));
}

TEST(Archive, LimitsTheSizeOfOneEntry) {
  std::string bytes =
      writeArchive({{"small", "12345"}, {"big", std::string(5000, 'x')}}, Format::kTar);
  Error error = errorOf([&] { readArchive(bytes, {.max_entry_bytes = 4096}); });
  EXPECT_EQ(error.code(), ErrorCode::kPayloadTooLarge);
  EXPECT_THAT(error.message(), HasSubstr("max_entry_bytes (4096 bytes)"));
  EXPECT_THAT(error.cause(), HasSubstr("'big'"));
}

TEST(Archive, LimitsTheTotalSize) {
  std::vector<Entry> entries;
  for (int i = 0; i < 10; ++i) entries.push_back({"f" + std::to_string(i), std::string(1000, 'x')});
  std::string bytes = writeArchive(entries, Format::kTarGzip);
  EXPECT_EQ(readArchive(bytes, {.max_total_bytes = 10'000}).size(), 10U);
  Error error = errorOf([&] { readArchive(bytes, {.max_total_bytes = 9'999}); });
  EXPECT_EQ(error.code(), ErrorCode::kPayloadTooLarge);
  EXPECT_THAT(error.message(), HasSubstr("max_total_bytes (9999 bytes)"));
}

TEST(Archive, RefusesEmptyInput) {
  Error error = errorOf([] { readArchive(""); });
  EXPECT_EQ(error.code(), ErrorCode::kMalformedInput);
  EXPECT_FALSE(error.remedy().empty());
}

TEST(Archive, RefusesInputThatIsNoArchive) {
  for (const std::string& junk : std::vector<std::string>{"apiVersion: v1\nkind: Pod\n",
                                                          "\x1f\x8b garbage after the magic"}) {
    Error error = errorOf([&] { readArchive(junk); });
    EXPECT_EQ(error.code(), ErrorCode::kMalformedInput);
    EXPECT_FALSE(error.cause().empty());
  }
}

TEST(Archive, ReadsAnArchiveOfOnlyEndBlocksAsEmpty) {
  EXPECT_TRUE(readArchive(std::string(2048, '\0')).empty());
  EXPECT_TRUE(readArchive(writeArchive({}, Format::kTarGzip)).empty());
}

TEST(Archive, RefusesTruncatedGzip) {
  std::string content;
  for (int i = 0; i < 20000; ++i) content += std::to_string(i * 7919) + "\n";
  std::string bytes = writeArchive({{"a.txt", content}, {"b.txt", content}}, Format::kTarGzip);
  for (std::size_t keep : {bytes.size() / 2, bytes.size() - 8, bytes.size() - 1, std::size_t{20}}) {
    Error error = errorOf([&] { readArchive(std::string_view(bytes).substr(0, keep)); });
    EXPECT_EQ(error.code(), ErrorCode::kMalformedInput) << keep;
    EXPECT_FALSE(error.cause().empty()) << keep;
  }
}

TEST(Archive, RefusesTruncatedTar) {
  std::string bytes = writeArchive({{"a.txt", std::string(3000, 'a')}}, Format::kTar);
  Error error = errorOf([&] { readArchive(std::string_view(bytes).substr(0, 1500)); });
  EXPECT_EQ(error.code(), ErrorCode::kMalformedInput);
}

}  // namespace
}  // namespace meshery::archive
