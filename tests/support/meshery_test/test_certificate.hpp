#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace meshery::test {

/// A certificate and its private key, both PEM.
struct TestCertificate {
  std::string certificate_pem;
  std::string private_key_pem;
};

/// A self-signed certificate made at test time (EC P-256, SHA-256, valid
/// from an hour ago for a day, CA:TRUE so it is its own trust anchor, for
/// server and client authentication), whose
/// subjectAltName lists `dns_names` and `ip_addresses`. Throws
/// std::runtime_error when OpenSSL fails.
TestCertificate makeSelfSignedCertificate(const std::vector<std::string>& dns_names,
                                          const std::vector<std::string>& ip_addresses);

/// Where writeCertificate() put the PEM files.
struct CertificateFiles {
  std::filesystem::path certificate;
  std::filesystem::path private_key;
};

/// Writes `<dir>/<name>.crt` and `<dir>/<name>.key`.
CertificateFiles writeCertificate(const TestCertificate& certificate,
                                  const std::filesystem::path& dir, const std::string& name);

}  // namespace meshery::test
