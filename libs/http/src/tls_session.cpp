#include "tls_session.hpp"

#include <openssl/x509v3.h>

#include "fetch_resolve.hpp"

namespace meshery::http {

void prepareTlsSession(SSL* session, const std::string& name, bool verify) {
#ifdef SSL_OP_IGNORE_UNEXPECTED_EOF
  // Servers often close without close_notify; a close-delimited body is then
  // still complete, and Content-Length or chunked framing catch truncation.
  SSL_set_options(session, SSL_OP_IGNORE_UNEXPECTED_EOF);
#endif
  const bool literal = isIpLiteral(name);
  // SSL_set_tlsext_host_name() without its C-style cast.
  if (!literal) {
    SSL_ctrl(session, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
             const_cast<char*>(name.c_str()));
  }
  if (!verify) return;
  X509_VERIFY_PARAM* parameters = SSL_get0_param(session);
  if (literal) {
    X509_VERIFY_PARAM_set1_ip_asc(parameters, name.c_str());
  } else {
    X509_VERIFY_PARAM_set_hostflags(parameters, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    X509_VERIFY_PARAM_set1_host(parameters, name.c_str(), 0);
  }
}

}  // namespace meshery::http
