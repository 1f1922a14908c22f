#pragma once

// The in-process event bus: messages published on NATS-style subjects
// ("meshery.meshsync.core") to every subscription whose pattern matches
// ("meshery.meshsync.*", "meshery.>"). Publishing never blocks on a
// subscriber: each subscription has a bounded queue, and a full queue drops
// its oldest message and counts the drop, so a subscriber that never reads
// costs memory up to its bound and nothing else.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace meshery::events {

struct Message {
  std::string subject;
  nlohmann::json data;
  std::uint64_t sequence = 0;  ///< the bus's publication order, from 1
};

/// Whether `subject` matches `pattern`: tokens separated by '.', where '*'
/// matches one token and a final '>' one or more.
bool subjectMatches(std::string_view pattern, std::string_view subject);

class Subscription {
 public:
  Subscription(std::string pattern, std::size_t capacity);

  /// The next message, waiting up to `wait`; nullopt when none came or the
  /// subscription is closed.
  std::optional<Message> next(std::chrono::milliseconds wait);
  /// Every queued message, without waiting.
  std::vector<Message> drain();
  /// Messages dropped because the queue was full.
  [[nodiscard]] std::uint64_t dropped() const { return dropped_.load(); }
  [[nodiscard]] const std::string& pattern() const { return pattern_; }
  /// Stops delivery; waiting readers return.
  void close();
  [[nodiscard]] bool closed() const;

 private:
  friend class Bus;
  void deliver(const Message& message);

  std::string pattern_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Message> queue_;
  bool closed_ = false;
  std::atomic<std::uint64_t> dropped_{0};
};

class Bus {
 public:
  explicit Bus(std::size_t default_capacity = 4096) : default_capacity_(default_capacity) {}

  /// Delivers to every matching subscription; never blocks on a reader.
  /// The message's sequence number.
  std::uint64_t publish(std::string subject, nlohmann::json data);
  /// A subscription to `pattern` with a queue of `capacity` messages (0: the
  /// bus's default). Closed subscriptions are forgotten by the next publish.
  std::shared_ptr<Subscription> subscribe(std::string pattern, std::size_t capacity = 0);

  [[nodiscard]] std::uint64_t published() const;
  /// Drops of every subscription, closed ones included.
  [[nodiscard]] std::uint64_t dropped() const;

 private:
  std::size_t default_capacity_;
  mutable std::mutex mutex_;
  std::uint64_t sequence_ = 0;
  std::vector<std::shared_ptr<Subscription>> subscriptions_;
  std::uint64_t dropped_by_closed_ = 0;
};

}  // namespace meshery::events
