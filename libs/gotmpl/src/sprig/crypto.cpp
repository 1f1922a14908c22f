// Sprig's crypto functions over OpenSSL (and libxcrypt for bcrypt): private
// keys, CAs and certificates (.Cert and .Key, PEM), AES-CBC, bcrypt and
// htpasswd, and the Master Password algorithm of derivePassword.

#include <arpa/inet.h>
#include <crypt.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <array>
#include <map>
#include <memory>

#include "meshery/gotmpl/format.hpp"
#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

std::string bioText(BIO* bio) {
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(length));
}

PKey generateKey(const std::string& type) {
  EVP_PKEY* key = nullptr;
  if (type.empty() || type == "rsa") {
    key = EVP_RSA_gen(4096);
  } else if (type == "rsa2048") {
    key = EVP_RSA_gen(2048);
  } else if (type == "ecdsa") {
    key = EVP_EC_gen("P-256");
  } else if (type == "ed25519") {
    key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  } else if (type == "dsa") {
    EVP_PKEY_CTX* params = EVP_PKEY_CTX_new_from_name(nullptr, "DSA", nullptr);
    EVP_PKEY* parameters = nullptr;
    if (params != nullptr && EVP_PKEY_paramgen_init(params) > 0 &&
        EVP_PKEY_CTX_set_dsa_paramgen_bits(params, 2048) > 0 &&
        EVP_PKEY_CTX_set_dsa_paramgen_q_bits(params, 256) > 0 &&
        EVP_PKEY_paramgen(params, &parameters) > 0) {
      EVP_PKEY_CTX* keygen = EVP_PKEY_CTX_new(parameters, nullptr);
      if (keygen != nullptr && EVP_PKEY_keygen_init(keygen) > 0) EVP_PKEY_keygen(keygen, &key);
      EVP_PKEY_CTX_free(keygen);
    }
    EVP_PKEY_free(parameters);
    EVP_PKEY_CTX_free(params);
  }
  return PKey(key);
}

// The key as Go's pemBlockForKey writes it: PKCS#1 "RSA PRIVATE KEY", SEC 1
// "EC PRIVATE KEY", "DSA PRIVATE KEY", PKCS#8 "PRIVATE KEY" for Ed25519.
std::string keyPem(EVP_PKEY* key) {
  Bio bio(BIO_new(BIO_s_mem()));
  if (EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519) {
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  } else {
    PEM_write_bio_PrivateKey_traditional(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  }
  return bioText(bio.get());
}

// Sprig's parsePrivateKeyPEM; failures read "<context>: <reason>".
PKey parseKey(const std::string& pem, const std::string& context) {
  if (pem.find("-----BEGIN") == std::string::npos)
    throw FunctionError(context + ": no PEM data in input");
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  PKey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) throw FunctionError(context + ": no private key data in PEM input");
  return key;
}

/// Sprig's certificate struct: .Cert and .Key, PEM.
class Certificate : public Object {
 public:
  Certificate(std::string cert, std::string key) : cert_(std::move(cert)), key_(std::move(key)) {}
  [[nodiscard]] std::string typeName() const override { return "sprig.certificate"; }
  [[nodiscard]] std::optional<Value> field(std::string_view name) const override {
    if (name == "Cert") return Value::string(cert_);
    if (name == "Key") return Value::string(key_);
    return std::nullopt;
  }
  [[nodiscard]] std::string text() const override { return "{" + cert_ + " " + key_ + "}"; }
  [[nodiscard]] const std::string& cert() const { return cert_; }
  [[nodiscard]] const std::string& key() const { return key_; }

 private:
  std::string cert_;
  std::string key_;
};

void addExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
  if (extension == nullptr)
    throw FunctionError("error creating certificate: bad extension " + value);
  X509_add_ext(cert, extension, -1);
  X509_EXTENSION_free(extension);
}

std::vector<std::string> stringItems(const Value& list, const std::string& what) {
  std::vector<std::string> out;
  if (list.isNil() || !list.isList()) return out;
  for (const Value& item : list.asList().items) {
    if (!item.isString()) throw FunctionError(what + formatValue(item) + " is not a string");
    out.push_back(item.asString());
  }
  return out;
}

// Go's getBaseCertTemplate and x509.CreateCertificate, signed by `signer`
// (self-signed when null).
Value makeCertificate(const std::string& cn, const Value& ips, const Value& dns, std::int64_t days,
                      EVP_PKEY* key, bool is_ca, X509* signer_cert, EVP_PKEY* signer_key) {
  std::vector<std::string> san;
  for (const auto& ip : stringItems(ips, "error parsing ip: ")) {
    std::array<unsigned char, 16> buffer{};
    if (inet_pton(AF_INET, ip.c_str(), buffer.data()) != 1 &&
        inet_pton(AF_INET6, ip.c_str(), buffer.data()) != 1) {
      throw FunctionError("error parsing ip: " + ip);
    }
    san.push_back("IP:" + ip);
  }
  for (const auto& name : stringItems(dns, "error processing alternate dns name: "))
    san.push_back("DNS:" + name);
  Cert cert(X509_new());
  X509_set_version(cert.get(), 2);
  BIGNUM* serial = BN_new();
  BIGNUM* bound = BN_new();
  BN_set_bit(bound, 128);
  BN_rand_range(serial, bound);
  BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert.get()));
  BN_free(serial);
  BN_free(bound);
  X509_NAME* subject = X509_get_subject_name(cert.get());
  if (!cn.empty()) {
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
  }
  X509_set_issuer_name(cert.get(),
                       signer_cert != nullptr ? X509_get_subject_name(signer_cert) : subject);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(days) * 24 * 3600);
  X509_set_pubkey(cert.get(), key);
  X509* issuer = signer_cert != nullptr ? signer_cert : cert.get();
  addExtension(cert.get(), issuer, NID_key_usage,
               is_ca ? "critical,digitalSignature,keyEncipherment,keyCertSign"
                     : "critical,digitalSignature,keyEncipherment");
  addExtension(cert.get(), issuer, NID_ext_key_usage, "serverAuth,clientAuth");
  addExtension(cert.get(), issuer, NID_basic_constraints,
               is_ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
  if (is_ca) addExtension(cert.get(), issuer, NID_subject_key_identifier, "hash");
  if (signer_cert != nullptr)
    addExtension(cert.get(), issuer, NID_authority_key_identifier, "keyid:always");
  if (!san.empty()) {
    std::string names;
    for (const auto& entry : san) names += (names.empty() ? "" : ",") + entry;
    addExtension(cert.get(), issuer, NID_subject_alt_name, names);
  }
  EVP_PKEY* signing = signer_key != nullptr ? signer_key : key;
  const bool digestless = EVP_PKEY_get_base_id(signing) == EVP_PKEY_ED25519;
  if (X509_sign(cert.get(), signing, digestless ? nullptr : EVP_sha256()) == 0) {
    throw FunctionError("error creating certificate: signing failed");
  }
  Bio bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), cert.get());
  return Value::object(std::make_shared<Certificate>(bioText(bio.get()), keyPem(key)));
}

const Certificate& certificateArg(const Value& value) {
  const auto* cert =
      value.kind() == Kind::kObject ? dynamic_cast<const Certificate*>(&value.asObject()) : nullptr;
  if (cert == nullptr) {
    throw FunctionError("wrong type for value; expected sprig.certificate; got " +
                        value.typeName());
  }
  return *cert;
}

Value signedCertificate(const Args& a, EVP_PKEY* key, const Value& ca_value) {
  const Certificate& ca = certificateArg(ca_value);
  Bio bio(BIO_new_mem_buf(ca.cert().data(), static_cast<int>(ca.cert().size())));
  Cert signer(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!signer) throw FunctionError("unable to decode certificate");
  const PKey signer_key = parseKey(ca.key(), "error parsing private key");
  return makeCertificate(a[0].asString(), a[1], a[2], a[3].asInt(), key, false, signer.get(),
                         signer_key.get());
}

std::string bcrypt(const std::string& input, const SprigOptions& options) {
  std::array<char, CRYPT_GENSALT_OUTPUT_SIZE> setting{};
  std::array<std::uint8_t, 16> random{};
  if (options.random) {
    options.random(random.data(), random.size());
  } else {
    RAND_bytes(random.data(), static_cast<int>(random.size()));
  }
  if (crypt_gensalt_rn("$2a$", 10, reinterpret_cast<const char*>(random.data()),
                       static_cast<int>(random.size()), setting.data(),
                       static_cast<int>(setting.size())) == nullptr) {
    return "failed to encrypt string with bcrypt: no salt";
  }
  crypt_data data{};
  const char* hash = crypt_rn(input.c_str(), setting.data(), &data, sizeof data);
  if (hash == nullptr || hash[0] == '*')
    return "failed to encrypt string with bcrypt: hashing failed";
  return hash;
}

const std::map<std::string, std::vector<std::string>, std::less<>>& passwordTemplates() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> templates = {
      {"maximum", {"anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"}},
      {"long",
       {"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
        "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
        "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
        "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
        "CvccCvcvCvccno"}},
      {"medium", {"CvcnoCvc", "CvcCvcno"}},
      {"short", {"Cvcn"}},
      {"basic", {"aaanaaan", "aannaaan", "aaannaaa"}},
      {"pin", {"nnnn"}},
  };
  return templates;
}

std::string_view templateCharacters(char c) {
  switch (c) {
    case 'V':
      return "AEIOU";
    case 'C':
      return "BCDFGHJKLMNPQRSTVWXYZ";
    case 'v':
      return "aeiou";
    case 'c':
      return "bcdfghjklmnpqrstvwxyz";
    case 'A':
      return "AEIOUBCDFGHJKLMNPQRSTVWXYZ";
    case 'a':
      return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";
    case 'n':
      return "0123456789";
    case 'o':
      return "@&%?,=[]_:-+*$#!'^~;()/.";
    case 'x':
      return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()";
    default:
      return "";
  }
}

void appendBigEndian(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out += static_cast<char>((value >> static_cast<unsigned>(shift)) & 0xFFU);
}

std::string derivePassword(std::uint32_t counter, const std::string& type,
                           const std::string& password, const std::string& user,
                           const std::string& site) {
  const auto found = passwordTemplates().find(type);
  if (found == passwordTemplates().end()) return "cannot find password template " + type;
  const std::string seed_name = "com.lyndir.masterpassword";
  std::string salt = seed_name;
  appendBigEndian(salt, static_cast<std::uint32_t>(user.size()));
  salt += user;
  std::array<unsigned char, 64> key{};
  if (EVP_PBE_scrypt(password.data(), password.size(),
                     reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), 32768, 8, 2,
                     64ULL << 20U, key.data(), key.size()) != 1) {
    return "failed to derive password: scrypt failed";
  }
  std::string message = seed_name;
  appendBigEndian(message, static_cast<std::uint32_t>(site.size()));
  message += site;
  appendBigEndian(message, counter);
  std::array<unsigned char, EVP_MAX_MD_SIZE> seed{};
  unsigned int seed_length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), seed.data(),
       &seed_length);
  const std::string& pattern = found->second[seed[0] % found->second.size()];
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string_view characters = templateCharacters(pattern[i]);
    out += characters[seed[i + 1] % characters.size()];
  }
  return out;
}

std::string aes(const std::string& password, const std::string& input, bool encrypt,
                const SprigOptions& options) {
  std::array<unsigned char, 32> key{};
  std::copy_n(password.begin(), std::min(password.size(), key.size()), key.begin());
  std::string data = input;
  std::array<unsigned char, 16> iv{};
  if (encrypt) {
    if (options.random) {
      options.random(iv.data(), iv.size());
    } else {
      RAND_bytes(iv.data(), static_cast<int>(iv.size()));
    }
  } else {
    if (data.size() < 16 || data.size() % 16 != 0)
      throw FunctionError("crypto/cipher: input not full blocks");
    std::copy_n(data.begin(), 16, iv.begin());
    data = data.substr(16);
  }
  std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>> context(
      EVP_CIPHER_CTX_new());
  EVP_CipherInit_ex(context.get(), EVP_aes_256_cbc(), nullptr, key.data(), iv.data(),
                    encrypt ? 1 : 0);
  EVP_CIPHER_CTX_set_padding(context.get(), 0);
  if (encrypt) {
    const std::size_t padding = 16 - data.size() % 16;
    data.append(padding, static_cast<char>(padding));
  }
  std::string out(data.size(), '\0');
  int length = 0;
  EVP_CipherUpdate(context.get(), reinterpret_cast<unsigned char*>(out.data()), &length,
                   reinterpret_cast<const unsigned char*>(data.data()),
                   static_cast<int>(data.size()));
  if (encrypt) return std::string(reinterpret_cast<const char*>(iv.data()), iv.size()) + out;
  const auto padding = static_cast<unsigned char>(out.back());
  if (padding > out.size()) throw FunctionError("runtime error: slice bounds out of range");
  return out.substr(0, out.size() - padding);
}

}  // namespace

void addCrypto(FunctionMap& f, const SprigOptions& options) {
  f["genPrivateKey"] = fixed({P::kString}, [](CallContext&, Args& a) {
    const std::string& type = a[0].asString();
    if (!type.empty() && type != "rsa" && type != "dsa" && type != "ecdsa" && type != "ed25519") {
      return Value::string("Unknown type " + type);
    }
    const PKey key = generateKey(type);
    if (!key) return Value::string("failed to generate private key: key generation failed");
    return Value::string(keyPem(key.get()));
  });
  f["genCA"] = fixed({P::kString, P::kInt}, [](CallContext&, Args& a) {
    const PKey key = generateKey("rsa2048");
    return makeCertificate(a[0].asString(), Value(), Value(), a[1].asInt(), key.get(), true,
                           nullptr, nullptr);
  });
  f["genCAWithKey"] = fixed({P::kString, P::kInt, P::kString}, [](CallContext&, Args& a) {
    const PKey key = parseKey(a[2].asString(), "parsing private key");
    return makeCertificate(a[0].asString(), Value(), Value(), a[1].asInt(), key.get(), true,
                           nullptr, nullptr);
  });
  f["genSelfSignedCert"] =
      fixed({P::kString, P::kList, P::kList, P::kInt}, [](CallContext&, Args& a) {
        const PKey key = generateKey("rsa2048");
        return makeCertificate(a[0].asString(), a[1], a[2], a[3].asInt(), key.get(), false, nullptr,
                               nullptr);
      });
  f["genSelfSignedCertWithKey"] =
      fixed({P::kString, P::kList, P::kList, P::kInt, P::kString}, [](CallContext&, Args& a) {
        const PKey key = parseKey(a[4].asString(), "parsing private key");
        return makeCertificate(a[0].asString(), a[1], a[2], a[3].asInt(), key.get(), false, nullptr,
                               nullptr);
      });
  f["genSignedCert"] =
      fixed({P::kString, P::kList, P::kList, P::kInt, P::kAny}, [](CallContext&, Args& a) {
        const PKey key = generateKey("rsa2048");
        return signedCertificate(a, key.get(), a[4]);
      });
  f["genSignedCertWithKey"] = fixed(
      {P::kString, P::kList, P::kList, P::kInt, P::kAny, P::kString}, [](CallContext&, Args& a) {
        const PKey key = parseKey(a[5].asString(), "parsing private key");
        return signedCertificate(a, key.get(), a[4]);
      });
  f["buildCustomCert"] = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    const auto cert = base64Decode(a[0].asString());
    if (!cert) throw FunctionError("unable to decode base64 certificate");
    const auto key = base64Decode(a[1].asString());
    if (!key) throw FunctionError("unable to decode base64 private key");
    Bio bio(BIO_new_mem_buf(cert->data(), static_cast<int>(cert->size())));
    if (Cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) == nullptr) {
      throw FunctionError("unable to decode certificate");
    }
    parseKey(*key, "error parsing private key");
    return Value::object(std::make_shared<Certificate>(*cert, *key));
  });
  f["bcrypt"] = fixed({P::kString}, [options](CallContext&, Args& a) {
    return Value::string(bcrypt(a[0].asString(), options));
  });
  f["htpasswd"] = fixed({P::kString, P::kString}, [options](CallContext&, Args& a) {
    const std::string& user = a[0].asString();
    if (user.find(':') != std::string::npos) return Value::string("invalid username: " + user);
    return Value::string(user + ":" + bcrypt(a[1].asString(), options));
  });
  f["derivePassword"] =
      fixed({P::kAny, P::kString, P::kString, P::kString, P::kString}, [](CallContext&, Args& a) {
        const auto counter = static_cast<std::uint32_t>(toInt64(a[0]));
        return Value::string(derivePassword(counter, a[1].asString(), a[2].asString(),
                                            a[3].asString(), a[4].asString()));
      });
  f["encryptAES"] = fixed({P::kString, P::kString}, [options](CallContext&, Args& a) {
    if (a[1].asString().empty()) return Value::string("");
    return Value::string(base64Encode(aes(a[0].asString(), a[1].asString(), true, options)));
  });
  f["decryptAES"] = fixed({P::kString, P::kString}, [options](CallContext&, Args& a) {
    if (a[1].asString().empty()) return Value::string("");
    const auto cipher = base64Decode(a[1].asString());
    if (!cipher) throw FunctionError("illegal base64 data");
    return Value::string(aes(a[0].asString(), *cipher, false, options));
  });
}

}  // namespace meshery::gotmpl::sprig
