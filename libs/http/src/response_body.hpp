#pragma once

// The Beast body type of the server's responses: the response's string
// body, then its segments, handed to the socket as one gather write (no
// copy of the segments into a contiguous buffer).

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional/optional.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "meshery/http/message.hpp"

namespace meshery::http {

struct ResponseBody {
  struct value_type {
    std::string text;
    BodySegments segments;
  };

  static std::uint64_t size(const value_type& body) {
    return body.text.size() + body.segments.size();
  }

  /// A view of the writer's buffers: a ConstBufferSequence of two pointers,
  /// cheap for Beast's serializer to copy.
  class Buffers {
   public:
    using value_type = boost::asio::const_buffer;
    using const_iterator = const boost::asio::const_buffer*;
    Buffers(const_iterator first, const_iterator last) : first_(first), last_(last) {}
    [[nodiscard]] const_iterator begin() const { return first_; }
    [[nodiscard]] const_iterator end() const { return last_; }

   private:
    const_iterator first_;
    const_iterator last_;
  };

  class writer {
   public:
    using const_buffers_type = Buffers;

    template <bool isRequest, class Fields>
    writer(const boost::beast::http::header<isRequest, Fields>&, const value_type& body)
        : body_(body) {}

    void init(boost::beast::error_code& ec) {
      ec = {};
      buffers_.clear();
      auto add = [this](std::string_view text) {
        if (!text.empty()) buffers_.emplace_back(text.data(), text.size());
      };
      if (body_.segments.empty()) {
        single_ = boost::asio::const_buffer(body_.text.data(), body_.text.size());
        return;
      }
      buffers_.reserve(body_.segments.texts.size() + 1);
      add(body_.text);
      for (std::string_view text : body_.segments.texts) add(text);
    }

    boost::optional<std::pair<Buffers, bool>> get(boost::beast::error_code& ec) {
      ec = {};
      if (done_) return boost::none;
      done_ = true;
      if (body_.segments.empty()) {
        if (single_.size() == 0) return boost::none;
        return std::make_pair(Buffers(&single_, &single_ + 1), false);
      }
      if (buffers_.empty()) return boost::none;
      return std::make_pair(Buffers(buffers_.data(), buffers_.data() + buffers_.size()), false);
    }

   private:
    const value_type& body_;
    boost::asio::const_buffer single_;
    std::vector<boost::asio::const_buffer> buffers_;
    bool done_ = false;
  };
};

}  // namespace meshery::http
