#include "meshery/store/secret_box.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <vector>

#include "meshery/core/base64.hpp"
#include "meshery/core/error.hpp"

namespace meshery::store {
namespace {

constexpr std::string_view kPrefix = "v1:";

void initializeSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) {
    throw Error(ErrorCode::kInternal, "libsodium cannot start",
                "sodium_init failed (no source of randomness?)", "check /dev/urandom");
  }
}

Error badKey(const std::filesystem::path& file, const std::string& cause,
             const std::string& remedy) {
  return Error(ErrorCode::kInvalidConfiguration,
               "cannot use the credentials key " + file.string(), cause, remedy);
}

}  // namespace

SecretBox SecretBox::fromKeyFile(const std::filesystem::path& file) {
  initializeSodium();
  SecretBox box;
  std::error_code ignored;
  std::filesystem::create_directories(file.parent_path(), ignored);
  const int created = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (created >= 0) {
    crypto_secretbox_keygen(box.key_.data());
    const bool written =
        ::write(created, box.key_.data(), box.key_.size()) == static_cast<ssize_t>(box.key_.size());
    ::close(created);
    if (!written) throw badKey(file, "it could not be written", "check the disk and permissions");
    return box;
  }
  struct stat status {};
  if (::stat(file.c_str(), &status) != 0)
    throw badKey(file, "it can be neither created nor read", "check MESHERY_HOME's permissions");
  if ((status.st_mode & 077) != 0) {
    throw badKey(file, "group or others may read it (mode " +
                           std::to_string(status.st_mode & 0777) + " in decimal)",
                 "chmod 600 " + file.string());
  }
  std::ifstream in(file, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() != box.key_.size()) {
    throw badKey(file, "it holds " + std::to_string(bytes.size()) + " bytes, not 32",
                 "restore the key the credentials were sealed with; without it they must be "
                 "entered again");
  }
  std::copy(bytes.begin(), bytes.end(), box.key_.begin());
  return box;
}

std::string SecretBox::seal(std::string_view plaintext) const {
  std::string sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(),
                     '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(sealed.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        nonce, key_.data());
  return std::string(kPrefix) + encodeBase64(sealed);
}

std::string SecretBox::open(std::string_view sealed) const {
  const auto refused = [] {
    return Error(ErrorCode::kInvalidConfiguration, "a stored credential cannot be opened",
                 "it was sealed under another key, or altered",
                 "restore MESHERY_HOME's credentials key, or enter the credential again");
  };
  if (!sealed.starts_with(kPrefix)) throw refused();
  const auto bytes = decodeBase64(sealed.substr(kPrefix.size()));
  if (!bytes || bytes->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    throw refused();
  const auto* nonce = reinterpret_cast<const unsigned char*>(bytes->data());
  std::string plaintext(bytes->size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES,
                        '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()),
                                 nonce + crypto_secretbox_NONCEBYTES,
                                 bytes->size() - crypto_secretbox_NONCEBYTES, nonce,
                                 key_.data()) != 0)
    throw refused();
  return plaintext;
}

}  // namespace meshery::store
