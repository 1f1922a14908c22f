#pragma once

#include <memory>
#include <utility>

namespace meshery {

namespace detail {
/// Queues `value` for release on the disposal thread; releases it on the
/// calling thread when a few are queued already (the queue stays bounded).
void disposeLater(std::shared_ptr<void> value);
}  // namespace detail

/// Destroys `value` on a background thread, off the caller's latency path:
/// freeing the document of a thousand-component design takes ~15 ms, which
/// a request need not wait for. Whatever is queued is destroyed before the
/// process exits.
template <typename T>
void disposeLater(T&& value) {
  detail::disposeLater(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

}  // namespace meshery
