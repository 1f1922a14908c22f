// OriginClient: kept-alive connections to one origin, plain or TLS with
// in-memory CA, client certificate and key (OpenSSL through Asio).
#include "meshery/http/origin_client.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <array>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>
#include <mutex>
#include <optional>
#include <vector>

#include "fetch_exchange.hpp"
#include "fetch_resolve.hpp"
#include "fetch_url.hpp"
#include "tls_session.hpp"

namespace meshery::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using fetch_detail::runToCompletion;

Error badTls(const std::string& what) {
  return Error(ErrorCode::kInvalidConfiguration, "cannot use the " + what,
               "OpenSSL cannot read it as PEM",
               "give the PEM data as `kubectl config view --raw` shows it");
}

/// Trusts exactly the CAs of `pem` (as kubectl does with CA data: not the
/// system's as well).
void trustOnly(ssl::context& context, const std::string& pem) {
  X509_STORE* store = SSL_CTX_get_cert_store(context.native_handle());
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  int added = 0;
  while (X509* certificate = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(store, certificate);
    X509_free(certificate);
    ++added;
  }
  ERR_clear_error();
  BIO_free(bio);
  if (added == 0) throw badTls("certificate authority data");
}

std::unique_ptr<ssl::context> tlsContext(const TlsSettings& tls) {
  auto context = std::make_unique<ssl::context>(ssl::context::tls_client);
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  boost::system::error_code ec;
  if (!tls.client_certificate_pem.empty() || !tls.client_key_pem.empty()) {
    context->use_certificate_chain(asio::buffer(tls.client_certificate_pem), ec);
    if (ec) throw badTls("client certificate");
    context->use_private_key(asio::buffer(tls.client_key_pem), ssl::context::pem, ec);
    if (ec) throw badTls("client key");
  }
  if (tls.insecure_skip_verify) {
    context->set_verify_mode(ssl::verify_none);
    return context;
  }
  if (tls.ca_pem.empty()) {
    context->set_default_verify_paths(ec);
  } else {
    trustOnly(*context, tls.ca_pem);
  }
  context->set_verify_mode(ssl::verify_peer);
  return context;
}

/// One connection, with the context that runs its operations.
struct Connection {
  asio::io_context io;
  std::optional<beast::tcp_stream> plain;
  std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
  beast::flat_buffer buffer;

  beast::tcp_stream& tcp() { return plain ? *plain : beast::get_lowest_layer(*secure); }

  template <class Operation>
  auto with(Operation&& operation) {
    return plain ? operation(*plain) : operation(*secure);
  }
};

bhttp::request<bhttp::string_body> makeRequest(Method method, std::string_view target,
                                               std::string body, const Headers& headers,
                                               const std::string& authority,
                                               const std::string& user_agent) {
  bhttp::request<bhttp::string_body> message{bhttp::string_to_verb(toString(method)),
                                             std::string(target), 11};
  message.set(bhttp::field::host, authority);
  message.set(bhttp::field::user_agent, user_agent);
  for (const auto& [name, value] : headers.fields()) message.set(name, value);
  if (!body.empty() || method == Method::kPost || method == Method::kPut ||
      method == Method::kPatch) {
    message.body() = std::move(body);
    message.prepare_payload();
  }
  message.keep_alive(true);
  return message;
}

template <class Parser>
ClientResponse headOf(const Parser& parser) {
  ClientResponse response;
  response.status = static_cast<int>(parser.get().result_int());
  for (const auto& field : parser.get())
    response.headers.add(std::string(field.name_string()), std::string(field.value()));
  return response;
}

}  // namespace

struct OriginClient::Impl {
  FetchTarget target;
  std::string origin;
  OriginOptions options;
  std::unique_ptr<ssl::context> tls;
  std::mutex mutex;
  std::vector<std::unique_ptr<Connection>> idle;

  Error unreachable(std::string_view stage, const boost::system::error_code& ec) const {
    if (ec == beast::error::timeout) return timedOut();
    return Error(ErrorCode::kUnavailable, "cannot reach " + origin,
                 std::string(stage) + " failed: " + ec.message(),
                 "check that the server is up and that the URL and port are right");
  }

  Error timedOut() const {
    return Error(ErrorCode::kTimeout,
                 origin + " did not answer within " + std::to_string(options.timeout.count()) +
                     " ms",
                 "the server or the network is slow, or the server does not answer",
                 "retry, or check the server's health");
  }

  Error tooLarge() const {
    return Error(ErrorCode::kPayloadTooLarge,
                 "the answer of " + origin + " is larger than " +
                     std::to_string(options.max_body) + " bytes",
                 "the request asked for more than one answer should hold",
                 "ask for less at a time (a list has limit and continue)");
  }

  std::unique_ptr<Connection> takeIdle() {
    std::lock_guard lock(mutex);
    if (idle.empty()) return nullptr;
    auto connection = std::move(idle.back());
    idle.pop_back();
    return connection;
  }

  void giveBack(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex);
    if (idle.size() < 16) idle.push_back(std::move(connection));
  }

  std::unique_ptr<Connection> open(Clock::time_point deadline) {
    const auto addresses = resolveHost(target.host, target.port, deadline);
    if (!addresses) throw timedOut();
    std::vector<tcp::endpoint> endpoints;
    const auto port = static_cast<unsigned short>(std::stoi(target.port));
    for (const std::string& address : *addresses) {
      boost::system::error_code ec;
      const auto ip = asio::ip::make_address(address, ec);
      if (!ec) endpoints.emplace_back(ip, port);
    }
    auto connection = std::make_unique<Connection>();
    if (tls) {
      connection->secure.emplace(connection->io, *tls);
    } else {
      connection->plain.emplace(connection->io);
    }
    beast::tcp_stream& stream = connection->tcp();
    stream.expires_at(deadline);
    auto ec = runToCompletion(connection->io, [&](auto handler) {
      stream.async_connect(endpoints, std::move(handler));
    });
    if (ec) throw unreachable("connecting", ec);
    if (tls) handshake(*connection, deadline);
    return connection;
  }

  void handshake(Connection& connection, Clock::time_point deadline) {
    SSL* session = connection.secure->native_handle();
    prepareTlsSession(session,
                      options.tls.server_name.empty() ? target.host : options.tls.server_name,
                      !options.tls.insecure_skip_verify);
    connection.tcp().expires_at(deadline);
    auto ec = runToCompletion(connection.io, [&](auto handler) {
      connection.secure->async_handshake(ssl::stream_base::client, std::move(handler));
    });
    if (!ec) return;
    if (ec == beast::error::timeout) throw timedOut();
    const long verify = SSL_get_verify_result(session);
    if (verify != X509_V_OK) {
      // Not worth retrying: what the client trusts has to change.
      throw Error(ErrorCode::kInvalidConfiguration,
                  "the TLS certificate of " + origin + " failed verification",
                  std::string("certificate verify failed: ") +
                      X509_verify_cert_error_string(verify),
                  "give the certificate authority that signed the server's certificate "
                  "(certificate-authority-data); skip verification only for tests");
    }
    throw Error(ErrorCode::kUnavailable, "TLS handshake with " + origin + " failed",
                ec.message(),
                "check that the server speaks TLS on this port and accepts the client "
                "certificate");
  }

  /// One exchange on `connection`; nullopt when a reused connection was
  /// closed by the server before it answered (send again on a new one).
  std::optional<ClientResponse> exchange(Connection& connection, bool reused,
                                         bhttp::request<bhttp::string_body>& message,
                                         Clock::time_point deadline, bool& keep) {
    connection.tcp().expires_at(deadline);
    auto write_ec = runToCompletion(connection.io, [&](auto handler) {
      connection.with([&](auto& stream) { bhttp::async_write(stream, message, std::move(handler)); });
    });
    bhttp::response_parser<bhttp::string_body> parser;
    parser.header_limit(64 * 1024);
    parser.body_limit(options.max_body);
    parser.skip(message.method() == bhttp::verb::head);
    connection.tcp().expires_at(deadline);
    auto read_ec = runToCompletion(connection.io, [&](auto handler) {
      connection.with([&](auto& stream) {
        bhttp::async_read(stream, connection.buffer, parser, std::move(handler));
      });
    });
    if (read_ec && write_ec && !parser.got_some()) read_ec = write_ec;
    if (read_ec) {
      if (reused && read_ec != beast::error::timeout && !parser.got_some()) return std::nullopt;
      if (read_ec == bhttp::error::body_limit) throw tooLarge();
      throw unreachable("reading the answer", read_ec);
    }
    ClientResponse response = headOf(parser);
    response.body = std::move(parser.get().body());
    keep = parser.get().keep_alive();
    return response;
  }
};

OriginClient::OriginClient(std::string_view origin, OriginOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->target = parseFetchUrl(origin);
  impl_->origin = impl_->target.scheme + "://" + impl_->target.authority();
  impl_->options = std::move(options);
  if (impl_->target.secure()) impl_->tls = tlsContext(impl_->options.tls);
}

OriginClient::~OriginClient() = default;

const std::string& OriginClient::origin() const { return impl_->origin; }

ClientResponse OriginClient::request(Method method, std::string_view target, std::string body,
                                     const Headers& headers) {
  Impl& impl = *impl_;
  const auto deadline = Clock::now() + impl.options.timeout;
  auto message = makeRequest(method, target, std::move(body), headers, impl.target.authority(),
                              impl.options.user_agent);
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto connection = attempt == 0 ? impl.takeIdle() : nullptr;
    const bool reused = connection != nullptr;
    if (!connection) connection = impl.open(deadline);
    bool keep = false;
    auto response = impl.exchange(*connection, reused, message, deadline, keep);
    if (!response) continue;  // a stale kept-alive connection: once more on a new one
    if (keep) {
      connection->tcp().expires_never();
      impl.giveBack(std::move(connection));
    }
    return std::move(*response);
  }
  throw impl.unreachable("sending the request", asio::error::connection_reset);
}

ClientResponse OriginClient::stream(Method method, std::string_view target,
                                    const Headers& headers,
                                    const std::function<bool(std::string_view)>& on_data,
                                    std::chrono::milliseconds idle_timeout,
                                    const std::function<bool()>& keep_going) {
  Impl& impl = *impl_;
  const auto deadline = Clock::now() + impl.options.timeout;
  auto connection = impl.open(deadline);
  auto message =
      makeRequest(method, target, {}, headers, impl.target.authority(), impl.options.user_agent);
  connection->tcp().expires_at(deadline);
  auto ec = runToCompletion(connection->io, [&](auto handler) {
    connection->with([&](auto& stream) { bhttp::async_write(stream, message, std::move(handler)); });
  });
  if (ec) throw impl.unreachable("sending the request", ec);
  bhttp::response_parser<bhttp::buffer_body> parser;
  parser.header_limit(64 * 1024);
  parser.body_limit(boost::none);
  connection->tcp().expires_at(deadline);
  ec = runToCompletion(connection->io, [&](auto handler) {
    connection->with([&](auto& stream) {
      bhttp::async_read_header(stream, connection->buffer, parser, std::move(handler));
    });
  });
  if (ec) throw impl.unreachable("reading the answer", ec);
  ClientResponse response = headOf(parser);
  const bool streaming = response.status >= 200 && response.status < 300;
  std::array<char, 16384> chunk{};
  while (!parser.is_done()) {
    parser.get().body().data = chunk.data();
    parser.get().body().size = chunk.size();
    if (streaming) {
      connection->tcp().expires_after(idle_timeout);
    } else {
      connection->tcp().expires_at(deadline);
    }
    // read_some: hand over what has arrived, not wait for a full buffer.
    bool stopped = false;
    ec = fetch_detail::runWhile(
        connection->io,
        [&](auto handler) {
          connection->with([&](auto& stream) {
            bhttp::async_read_some(stream, connection->buffer, parser, std::move(handler));
          });
        },
        [&] {
          if (!streaming || !keep_going || keep_going()) return true;
          stopped = true;
          boost::system::error_code ignored;
          connection->tcp().socket().cancel(ignored);
          return false;
        });
    if (stopped) break;
    if (ec == bhttp::error::need_buffer) ec = {};
    if (ec == beast::error::timeout && streaming) {
      throw Error(ErrorCode::kTimeout,
                  origin() + " sent nothing for " + std::to_string(idle_timeout.count()) + " ms",
                  "the stream went quiet longer than its idle timeout",
                  "open the stream again (a watch resumes from its last resourceVersion)");
    }
    if (ec) throw impl.unreachable("reading the answer", ec);
    const std::size_t got = chunk.size() - parser.get().body().size;
    if (got == 0) continue;
    if (!streaming) {
      if (response.body.size() + got > impl.options.max_body) throw impl.tooLarge();
      response.body.append(chunk.data(), got);
    } else if (!on_data(std::string_view(chunk.data(), got))) {
      break;
    }
  }
  return response;
}

}  // namespace meshery::http
