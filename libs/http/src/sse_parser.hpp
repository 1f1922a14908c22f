#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "meshery/http/client.hpp"

namespace meshery::http {

/// Incremental text/event-stream parser (WHATWG rules: data lines joined
/// by '\n', one leading space after ':' dropped, comments ignored).
class SseParser {
 public:
  void feed(std::string_view bytes, const std::function<void(const SseEvent&)>& on_event);

 private:
  void line(std::string_view text, const std::function<void(const SseEvent&)>& on_event);

  std::string pending_;
  SseEvent event_;
  bool has_data_ = false;
};

}  // namespace meshery::http
