// The https hop of fetchUrl(): OpenSSL through Asio, with SNI, host name or
// IP address verification, and the system CAs plus an optional CA file.
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>

#include "fetch_exchange.hpp"
#include "fetch_resolve.hpp"
#include "tls_session.hpp"

namespace meshery::http::fetch_detail {
namespace {

namespace ssl = asio::ssl;

void configureTrust(ssl::context& context, const Hop& hop) {
  SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION);
  if (hop.options.insecure_skip_verify) {
    context.set_verify_mode(ssl::verify_none);
    return;
  }
  boost::system::error_code ec;
  context.set_default_verify_paths(ec);  // a machine without a CA store still has ca_file
  if (!hop.options.ca_file.empty()) {
    context.load_verify_file(hop.options.ca_file, ec);
    if (ec) {
      throw Error(ErrorCode::kInvalidConfiguration,
                  "cannot load the CA file '" + hop.options.ca_file + "'", ec.message(),
                  "give a readable PEM file with one or more CA certificates");
    }
  }
  context.set_verify_mode(ssl::verify_peer);
}

Error handshakeFailure(const Hop& hop, SSL* session, const boost::system::error_code& ec) {
  if (ec == beast::error::timeout) return timedOut(hop);
  long verify = SSL_get_verify_result(session);
  if (verify != X509_V_OK) {
    return Error(
        ErrorCode::kUnavailable,
        "the TLS certificate of " + hop.target.authority() + " failed verification",
        std::string("certificate verify failed: ") + X509_verify_cert_error_string(verify),
        "give the certificate authority that signed the server's certificate as the CA file; "
        "skip verification only for tests");
  }
  return Error(ErrorCode::kUnavailable, "TLS handshake with " + hop.target.authority() + " failed",
               ec.message(), "check that the server speaks TLS on this port");
}

}  // namespace

HopResponse exchangeTls(const Hop& hop) {
  ssl::context context(ssl::context::tls_client);
  configureTrust(context, hop);
  beast::ssl_stream<beast::tcp_stream> stream(hop.io, context);
  prepareTlsSession(stream.native_handle(), hop.target.host, !hop.options.insecure_skip_verify);
  auto& tcp = beast::get_lowest_layer(stream);
  connectTcp(tcp, hop);
  tcp.expires_at(hop.deadline);
  auto ec = runToCompletion(hop.io, [&](auto handler) {
    stream.async_handshake(ssl::stream_base::client, std::move(handler));
  });
  if (ec) throw handshakeFailure(hop, stream.native_handle(), ec);
  return exchange(stream, tcp, hop);
}

}  // namespace meshery::http::fetch_detail
