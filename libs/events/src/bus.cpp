#include "meshery/events/bus.hpp"

#include <algorithm>

namespace meshery::events {

bool subjectMatches(std::string_view pattern, std::string_view subject) {
  while (true) {
    const std::size_t p_end = pattern.find('.');
    const std::size_t s_end = subject.find('.');
    const std::string_view p_token = pattern.substr(0, p_end);
    const std::string_view s_token = subject.substr(0, s_end);
    if (p_token == ">") return !subject.empty();
    if (p_token != "*" && p_token != s_token) return false;
    if (p_end == std::string_view::npos || s_end == std::string_view::npos)
      return p_end == std::string_view::npos && s_end == std::string_view::npos;
    pattern.remove_prefix(p_end + 1);
    subject.remove_prefix(s_end + 1);
  }
}

Subscription::Subscription(std::string pattern, std::size_t capacity)
    : pattern_(std::move(pattern)), capacity_(std::max<std::size_t>(capacity, 1)) {}

void Subscription::deliver(const Message& message) {
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    if (queue_.size() >= capacity_) {
      queue_.pop_front();
      dropped_.fetch_add(1);
    }
    queue_.push_back(message);
  }
  ready_.notify_one();
}

std::optional<Message> Subscription::next(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  ready_.wait_for(lock, wait, [this] { return closed_ || !queue_.empty(); });
  if (queue_.empty() || closed_) return std::nullopt;
  Message message = std::move(queue_.front());
  queue_.pop_front();
  return message;
}

std::vector<Message> Subscription::drain() {
  std::lock_guard lock(mutex_);
  std::vector<Message> out(std::make_move_iterator(queue_.begin()),
                           std::make_move_iterator(queue_.end()));
  queue_.clear();
  return out;
}

void Subscription::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    queue_.clear();
  }
  ready_.notify_all();
}

bool Subscription::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::uint64_t Bus::publish(std::string subject, nlohmann::json data) {
  // One publication at a time: every subscriber sees the bus's order.
  std::lock_guard lock(mutex_);
  const Message message{std::move(subject), std::move(data), ++sequence_};
  std::erase_if(subscriptions_, [this, &message](const std::shared_ptr<Subscription>& subscription) {
    if (subscription->closed()) {
      dropped_by_closed_ += subscription->dropped();
      return true;
    }
    if (subjectMatches(subscription->pattern(), message.subject)) subscription->deliver(message);
    return false;
  });
  return message.sequence;
}

std::shared_ptr<Subscription> Bus::subscribe(std::string pattern, std::size_t capacity) {
  auto subscription = std::make_shared<Subscription>(
      std::move(pattern), capacity == 0 ? default_capacity_ : capacity);
  std::lock_guard lock(mutex_);
  subscriptions_.push_back(subscription);
  return subscription;
}

std::uint64_t Bus::published() const {
  std::lock_guard lock(mutex_);
  return sequence_;
}

std::uint64_t Bus::dropped() const {
  std::lock_guard lock(mutex_);
  std::uint64_t total = dropped_by_closed_;
  for (const auto& subscription : subscriptions_) total += subscription->dropped();
  return total;
}

}  // namespace meshery::events
