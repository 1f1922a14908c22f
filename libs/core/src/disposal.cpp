#include "meshery/core/disposal.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace meshery::detail {
namespace {

// Beyond this many waiting values the caller frees its own.
constexpr std::size_t kMaxQueued = 8;

class Disposer {
 public:
  Disposer() : thread_([this] { run(); }) {}

  ~Disposer() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_one();
    thread_.join();
  }

  Disposer(const Disposer&) = delete;
  Disposer& operator=(const Disposer&) = delete;

  void add(std::shared_ptr<void> value) {
    {
      std::lock_guard lock(mutex_);
      // `value` is then released by this frame, after the lock.
      if (queue_.size() >= kMaxQueued) return;
      queue_.push_back(std::move(value));
    }
    ready_.notify_one();
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    while (true) {
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything released
      std::shared_ptr<void> value = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      value.reset();
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::shared_ptr<void>> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace

void disposeLater(std::shared_ptr<void> value) {
  static Disposer disposer;
  disposer.add(std::move(value));
}

}  // namespace meshery::detail
