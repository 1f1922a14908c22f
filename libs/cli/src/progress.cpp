#include "progress.hpp"

#include <array>

namespace meshery::cli {
namespace {

constexpr std::array<std::string_view, 10> kFrames{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
constexpr auto kPlainInterval = std::chrono::seconds(5);
/// Without a terminal, waits shorter than this print nothing (scripts stay quiet).
constexpr auto kPlainFirstReport = std::chrono::seconds(1);
constexpr auto kSpinnerInterval = std::chrono::milliseconds(100);

}  // namespace

Progress::Progress(std::ostream& out, bool interactive, std::string message)
    : out_(out),
      interactive_(interactive),
      message_(std::move(message)),
      started_(std::chrono::steady_clock::now()),
      last_report_(started_) {
  if (interactive_) update();
}

Progress::~Progress() { finish(); }

std::chrono::seconds Progress::elapsed() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_);
}

void Progress::update() {
  if (finished_) return;
  const auto now = std::chrono::steady_clock::now();
  if (interactive_) {
    if (frame_ != 0 && now - last_report_ < kSpinnerInterval) return;
    out_ << "\r\033[K" << kFrames[frame_ % kFrames.size()] << ' ' << message_ << " ("
         << elapsed().count() << "s)" << std::flush;
    ++frame_;
    last_report_ = now;
    return;
  }
  if (!reported_ && now - started_ >= kPlainFirstReport) {
    out_ << message_ << "...\n" << std::flush;
    reported_ = true;
    last_report_ = now;
  } else if (reported_ && now - last_report_ >= kPlainInterval) {
    out_ << message_ << ": still waiting (" << elapsed().count() << "s)\n" << std::flush;
    last_report_ = now;
  }
}

void Progress::finish() {
  if (finished_) return;
  finished_ = true;
  if (interactive_) out_ << "\r\033[K" << std::flush;
}

}  // namespace meshery::cli
