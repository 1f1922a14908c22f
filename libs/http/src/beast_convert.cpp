#include "beast_convert.hpp"

#include "meshery/core/build_info.hpp"

namespace meshery::http {
namespace bhttp = boost::beast::http;

std::string remoteAddressOf(const boost::asio::ip::tcp::socket& socket) {
  boost::system::error_code ec;
  auto remote = socket.remote_endpoint(ec);
  if (ec) return {};
  return remote.address().to_string() + ":" + std::to_string(remote.port());
}

Request toRequest(const BeastRequest& message, std::string remote_address) {
  Request request;
  request.method = parseMethod(std::string_view(message.method_string().data(),
                                                message.method_string().size()));
  request.target = std::string(message.target());
  std::string_view target = request.target;
  auto question = target.find('?');
  request.path = percentDecode(target.substr(0, question), false);
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  for (const auto& field : message) {
    request.headers.add(std::string(field.name_string()), std::string(field.value()));
  }
  request.remote_address = std::move(remote_address);
  return request;
}

BeastResponse toBeastResponse(Response response, bool keep_alive, bool head,
                              const std::string& request_id) {
  BeastResponse message{static_cast<bhttp::status>(response.status), 11};
  static const std::string kServer = "meshery-server/" + std::string(buildInfo().version);
  message.set(bhttp::field::server, kServer);
  if (!request_id.empty()) message.set("X-Request-Id", request_id);
  for (auto& [name, value] : response.headers.fields()) message.set(name, value);
  message.keep_alive(keep_alive);
  const std::size_t length = response.bodySize();
  if (!head) message.body() = {std::move(response.body), std::move(response.segments)};
  message.content_length(length);
  return message;
}

}  // namespace meshery::http
