// OriginClient against a small TLS server with certificates made at test
// time: CA data in memory, a name other than the host (tls-server-name),
// client certificates, streaming bodies, and what is refused.
#include "meshery/http/origin_client.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "meshery_test/raw_http_server.hpp"
#include "meshery_test/temp_dir.hpp"
#include "meshery_test/test_certificate.hpp"

namespace meshery::http {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

template <typename Body>
Error errorOf(Body&& body) {
  try {
    body();
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "no meshery::Error thrown";
  return Error(ErrorCode::kInternal, "none");
}

/// Answers with the request head as the body, so tests see what was sent.
std::string echo(const std::string& head) {
  if (head.starts_with("GET /chunks ")) return test::chunkedResponse("one two three", 4);
  if (head.starts_with("GET /missing ")) {
    const std::string body = R"({"kind":"Status","code":404})";
    return "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nConnection: close\r\n"
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }
  return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " +
         std::to_string(head.size()) + "\r\n\r\n" + head;
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

class OriginClientTest : public ::testing::Test {
 protected:
  OriginClientTest()
      : server_certificate_(test::makeSelfSignedCertificate({"kube.internal"}, {"127.0.0.1"})),
        client_certificate_(test::makeSelfSignedCertificate({"admin"}, {})),
        server_files_(test::writeCertificate(server_certificate_, dir_.path(), "server")),
        client_files_(test::writeCertificate(client_certificate_, dir_.path(), "client")) {}

  OriginOptions trusting() const {
    OriginOptions options;
    options.tls.ca_pem = server_certificate_.certificate_pem;
    return options;
  }

  test::TempDir dir_;
  test::TestCertificate server_certificate_;
  test::TestCertificate client_certificate_;
  test::CertificateFiles server_files_;
  test::CertificateFiles client_files_;
};

TEST_F(OriginClientTest, SendsHeadersAndBodyOverPlainHttp) {
  test::RawHttpServer server(echo);
  OriginClient client(server.baseUrl(), {});
  Headers headers;
  headers.set("Authorization", "Bearer abc");
  const ClientResponse response = client.request(Method::kPatch, "/apis/x?dryRun=All", "{}", headers);
  EXPECT_EQ(response.status, 200);
  EXPECT_THAT(response.body, HasSubstr("PATCH /apis/x?dryRun=All HTTP/1.1"));
  EXPECT_THAT(response.body, HasSubstr("Authorization: Bearer abc"));
  EXPECT_EQ(client.origin(), server.baseUrl());
}

TEST_F(OriginClientTest, TrustsOnlyTheGivenCaData) {
  test::RawHttpServer server(echo, server_files_);
  OriginClient trusted(server.baseUrl(), trusting());
  EXPECT_EQ(trusted.request(Method::kGet, "/version").status, 200);
  // Without the CA data the system's CAs do not know a self-signed server.
  OriginClient untrusted(server.baseUrl(), {});
  const Error error = errorOf([&] { untrusted.request(Method::kGet, "/version"); });
  EXPECT_EQ(error.code(), ErrorCode::kInvalidConfiguration);
  EXPECT_THAT(error.cause(), HasSubstr("certificate verify failed"));
  OriginOptions insecure;
  insecure.tls.insecure_skip_verify = true;
  EXPECT_EQ(OriginClient(server.baseUrl(), insecure).request(Method::kGet, "/").status, 200);
}

TEST_F(OriginClientTest, VerifiesTheServerNameGivenInsteadOfTheHost) {
  auto named_only = test::writeCertificate(
      test::makeSelfSignedCertificate({"kube.internal"}, {}), dir_.path(), "named");
  test::RawHttpServer server(echo, named_only);
  OriginOptions options;
  options.tls.ca_pem = readFile(named_only.certificate);
  // 127.0.0.1 is not in the certificate: refused, unless named as kubeconfig's
  // tls-server-name names it.
  EXPECT_EQ(errorOf([&] { OriginClient(server.baseUrl(), options).request(Method::kGet, "/"); })
                .code(),
            ErrorCode::kInvalidConfiguration);
  options.tls.server_name = "kube.internal";
  EXPECT_EQ(OriginClient(server.baseUrl(), options).request(Method::kGet, "/").status, 200);
}

TEST_F(OriginClientTest, PresentsTheClientCertificateWhenTheServerAsks) {
  test::RawHttpServer server(echo, server_files_, client_files_.certificate);
  EXPECT_EQ(errorOf([&] { OriginClient(server.baseUrl(), trusting()).request(Method::kGet, "/"); })
                .code(),
            ErrorCode::kUnavailable);
  OriginOptions options = trusting();
  options.tls.client_certificate_pem = client_certificate_.certificate_pem;
  options.tls.client_key_pem = client_certificate_.private_key_pem;
  EXPECT_EQ(OriginClient(server.baseUrl(), options).request(Method::kGet, "/").status, 200);
}

TEST_F(OriginClientTest, StreamsABodyAsItArrives) {
  test::RawHttpServer server(echo);
  OriginClient client(server.baseUrl(), {});
  std::string received;
  int pieces = 0;
  const ClientResponse head = client.stream(
      Method::kGet, "/chunks", {},
      [&](std::string_view data) {
        received += data;
        ++pieces;
        return true;
      },
      5s);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(received, "one two three");
  EXPECT_GE(pieces, 1);
  // An error answer is read whole, not streamed.
  const ClientResponse missing = client.stream(
      Method::kGet, "/missing", {}, [](std::string_view) { return true; }, 5s);
  EXPECT_EQ(missing.status, 404);
  EXPECT_THAT(missing.body, HasSubstr("\"kind\":\"Status\""));
}

TEST_F(OriginClientTest, RefusesWhatItCannotUse) {
  OriginOptions options;
  options.tls.ca_pem = "not a certificate";
  EXPECT_EQ(errorOf([&] { OriginClient("https://127.0.0.1:1", options); }).code(),
            ErrorCode::kInvalidConfiguration);
  EXPECT_EQ(errorOf([] { OriginClient("ftp://host", {}); }).code(), ErrorCode::kInvalidArgument);
  std::uint16_t port = 0;
  {
    test::RawHttpServer closed([](const std::string&) { return std::string(); });
    port = closed.port();
  }
  const Error refused = errorOf([&] {
    OriginClient("http://127.0.0.1:" + std::to_string(port), {}).request(Method::kGet, "/");
  });
  EXPECT_EQ(refused.code(), ErrorCode::kUnavailable);
  EXPECT_THAT(refused.cause(), HasSubstr("connecting failed"));
}

}  // namespace
}  // namespace meshery::http
