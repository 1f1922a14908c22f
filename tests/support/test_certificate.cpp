#include "meshery_test/test_certificate.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>

namespace meshery::test {
namespace {

template <class T, void (*Free)(T*)>
struct Release {
  void operator()(T* pointer) const { Free(pointer); }
};
template <class T, void (*Free)(T*)>
using OpenSslPtr = std::unique_ptr<T, Release<T, Free>>;

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test certificate: ") + what + " failed");
}

std::string subjectAltNames(const std::vector<std::string>& dns_names,
                            const std::vector<std::string>& ips) {
  std::string names;
  for (const auto& name : dns_names) names += (names.empty() ? "DNS:" : ",DNS:") + name;
  for (const auto& ip : ips) names += (names.empty() ? "IP:" : ",IP:") + ip;
  return names;
}

void addExtension(X509* certificate, int nid, const std::string& value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
  OpenSslPtr<X509_EXTENSION, X509_EXTENSION_free> extension(
      X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str()));
  check(extension != nullptr && X509_add_ext(certificate, extension.get(), -1) == 1,
        "adding an extension");
}

std::string pemOf(const std::function<int(BIO*)>& write) {
  OpenSslPtr<BIO, BIO_free_all> bio(BIO_new(BIO_s_mem()));
  check(bio != nullptr && write(bio.get()) == 1, "PEM encoding");
  char* data = nullptr;
  long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

TestCertificate makeSelfSignedCertificate(const std::vector<std::string>& dns_names,
                                          const std::vector<std::string>& ip_addresses) {
  OpenSslPtr<EVP_PKEY, EVP_PKEY_free> key(EVP_EC_gen("P-256"));
  check(key != nullptr, "key generation");
  OpenSslPtr<X509, X509_free> certificate(X509_new());
  check(certificate != nullptr, "X509_new");
  X509_set_version(certificate.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 24 * 3600);
  X509_NAME* name = X509_get_subject_name(certificate.get());
  const std::string common_name = dns_names.empty() ? "meshery-test" : dns_names.front();
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                             0);
  X509_set_issuer_name(certificate.get(), name);
  check(X509_set_pubkey(certificate.get(), key.get()) == 1, "X509_set_pubkey");
  addExtension(certificate.get(), NID_basic_constraints, "critical,CA:TRUE");
  addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature,keyCertSign");
  addExtension(certificate.get(), NID_ext_key_usage, "serverAuth,clientAuth");
  addExtension(certificate.get(), NID_subject_alt_name, subjectAltNames(dns_names, ip_addresses));
  check(X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0, "X509_sign");

  TestCertificate result;
  result.certificate_pem =
      pemOf([&](BIO* bio) { return PEM_write_bio_X509(bio, certificate.get()); });
  result.private_key_pem = pemOf([&](BIO* bio) {
    return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  return result;
}

CertificateFiles writeCertificate(const TestCertificate& certificate,
                                  const std::filesystem::path& dir, const std::string& name) {
  CertificateFiles files{dir / (name + ".crt"), dir / (name + ".key")};
  std::ofstream(files.certificate, std::ios::binary) << certificate.certificate_pem;
  std::ofstream(files.private_key, std::ios::binary) << certificate.private_key_pem;
  return files;
}

}  // namespace meshery::test
