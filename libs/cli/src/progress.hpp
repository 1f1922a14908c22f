#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

namespace meshery::cli {

/// Shows that mesheryctl is waiting for something. On a terminal: one line
/// redrawn in place with a spinner and the elapsed seconds. Otherwise: the
/// message once the wait passes a second, then a line every five seconds
/// (logs stay readable, quick waits print nothing).
class Progress {
 public:
  Progress(std::ostream& out, bool interactive, std::string message);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Redraws if due; call it from the waiting loop.
  void update();
  /// Ends the indicator (clears the spinner line); idempotent.
  void finish();
  [[nodiscard]] std::chrono::seconds elapsed() const;

 private:
  std::ostream& out_;
  bool interactive_;
  std::string message_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_report_;
  std::size_t frame_ = 0;
  bool reported_ = false;
  bool finished_ = false;
};

}  // namespace meshery::cli
