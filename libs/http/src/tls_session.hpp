#pragma once

// Private to libs/http: what a client TLS session sets before its
// handshake, for fetchUrl() and OriginClient alike.

#include <openssl/ssl.h>

#include <string>

namespace meshery::http {

/// Tolerates a close without close_notify (framing catches truncation),
/// sends `name` as SNI unless it is an IP address, and, with `verify`,
/// makes the certificate's name (or address) have to be `name`.
void prepareTlsSession(SSL* session, const std::string& name, bool verify);

}  // namespace meshery::http
