#include <gtest/gtest.h>

#include "sse_parser.hpp"
#include "sse_stream.hpp"

namespace meshery::http {
namespace {

TEST(SseFormat, SplitsMultiLineDataAndNamesEventAndId) {
  EXPECT_EQ(formatEvent("progress", "line1\nline2", "7"),
            "id: 7\nevent: progress\ndata: line1\ndata: line2\n\n");
  EXPECT_EQ(formatEvent("", "", ""), "data: \n\n");
}

TEST(SseParser, ReassemblesEventsAcrossArbitraryChunks) {
  std::string wire = formatEvent("progress", "a\nb", "1") + ": keep-alive\n\n" +
                     formatEvent("", "{\"x\":1}", "") + "data: crlf\r\n\r\n";
  for (std::size_t chunk = 1; chunk <= wire.size(); ++chunk) {
    SseParser parser;
    std::vector<SseEvent> events;
    for (std::size_t i = 0; i < wire.size(); i += chunk) {
      parser.feed(std::string_view(wire).substr(i, chunk),
                  [&](const SseEvent& event) { events.push_back(event); });
    }
    ASSERT_EQ(events.size(), 3U) << "chunk size " << chunk;
    EXPECT_EQ(events[0].event, "progress");
    EXPECT_EQ(events[0].data, "a\nb");
    EXPECT_EQ(events[0].id, "1");
    EXPECT_EQ(events[1].event, "message");
    EXPECT_EQ(events[1].data, "{\"x\":1}");
    EXPECT_EQ(events[2].data, "crlf");
  }
}

}  // namespace
}  // namespace meshery::http
