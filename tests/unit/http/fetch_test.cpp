// fetchUrl() against our own server (plain http) and a small TLS server with
// a certificate made at test time.

#include "meshery/http/fetch.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "meshery/http/server.hpp"
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

Response redirect(int status, std::string location) {
  Response response = Response::text("moved", "text/plain", status);
  response.headers.set("Location", std::move(location));
  return response;
}

class FetchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Router router;
    router.add(Method::kGet, "/hello",
               [](Request& request) {
                 return Response::text(
                     "hello, " + std::string(request.headers.get("User-Agent").value_or("?")),
                     "text/plain; charset=utf-8");
               },
               {Dispatch::kInline});
    router.add(Method::kGet, "/chain/{n}",
               [](Request& request) {
                 int n = std::stoi(request.pathParam("n"));
                 return n == 0 ? Response::text("landed")
                               : redirect(302, "/chain/" + std::to_string(n - 1));
               },
               {Dispatch::kInline});
    router.add(Method::kGet, "/dir/relative",
               [](Request&) { return redirect(301, "../hello?from=relative"); },
               {Dispatch::kInline});
    router.add(Method::kGet, "/absolute",
               [this](Request&) { return redirect(307, base_ + "/hello"); }, {Dispatch::kInline});
    router.add(Method::kGet, "/down",
               [](Request&) { return Response::text("down", "text/plain", 503); },
               {Dispatch::kInline});
    router.add(Method::kGet, "/loop", [](Request&) { return redirect(308, "/loop"); },
               {Dispatch::kInline});
    router.add(Method::kGet, "/big",
               [](Request&) { return Response::text(std::string(2 << 20, 'b')); });
    router.add(Method::kGet, "/stream", [this](Request&) {
      // An event stream has no Content-Length: its body ends when the server closes.
      return Response::eventStream([this](SseStream& stream) {
        const std::string data(64 * 1024, 's');
        for (int i = 0; i < 64 && stream.open(); ++i) {
          if (!stream.send("chunk", data)) break;
        }
        stream_ended_ = true;
      });
    });
    router.add(Method::kGet, "/slow", [](Request&) {
      std::this_thread::sleep_for(1500ms);
      return Response::text("too late");
    });
    ServerOptions options;
    options.port = 0;
    options.access_log = false;
    options.drain_timeout = 3s;
    server_ = std::make_unique<Server>(options, std::move(router));
    server_->start();
    base_ = "http://127.0.0.1:" + std::to_string(server_->port());
  }

  void TearDown() override { server_->stop(); }

  std::unique_ptr<Server> server_;
  std::string base_;
  std::atomic<bool> stream_ended_{false};
};

TEST_F(FetchTest, ReturnsTheBodyOfA200) {
  FetchResult result = fetchUrl(base_ + "/hello");
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.body, "hello, meshery");
  EXPECT_EQ(result.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(result.final_url, base_ + "/hello");

  FetchOptions options;
  options.user_agent = "meshery-test/1";
  EXPECT_EQ(fetchUrl(base_ + "/hello#fragment", options).body, "hello, meshery-test/1");
}

TEST_F(FetchTest, A404IsNotFoundNamingTheUrl) {
  Error error = errorOf([&] { fetchUrl(base_ + "/nothing/here"); });
  EXPECT_EQ(error.code(), ErrorCode::kNotFound);
  EXPECT_THAT(error.message(), HasSubstr(base_ + "/nothing/here"));
  EXPECT_THAT(error.message(), HasSubstr("404"));
}

TEST_F(FetchTest, OtherFailuresAreUnavailableWithTheStatus) {
  Error error = errorOf([&] { fetchUrl(base_ + "/down"); });
  EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
  EXPECT_THAT(error.message(), HasSubstr(base_ + "/down answered 503 Service Unavailable"));
}

TEST_F(FetchTest, FollowsARedirectChain) {
  FetchResult result = fetchUrl(base_ + "/chain/5");
  EXPECT_EQ(result.body, "landed");
  EXPECT_EQ(result.final_url, base_ + "/chain/0");
}

TEST_F(FetchTest, ResolvesRelativeAndAbsoluteLocations) {
  FetchResult relative = fetchUrl(base_ + "/dir/relative");
  EXPECT_EQ(relative.body, "hello, meshery");
  EXPECT_EQ(relative.final_url, base_ + "/hello?from=relative");
  EXPECT_EQ(fetchUrl(base_ + "/absolute").final_url, base_ + "/hello");
}

TEST_F(FetchTest, StopsAfterMaxRedirects) {
  Error error = errorOf([&] { fetchUrl(base_ + "/chain/6"); });
  EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
  EXPECT_THAT(error.message(), HasSubstr("too many redirects"));
  EXPECT_THAT(error.cause(), HasSubstr("more than 5 redirects"));

  Error loop = errorOf([&] { fetchUrl(base_ + "/loop", {.max_redirects = 2}); });
  EXPECT_EQ(loop.code(), ErrorCode::kUnavailable);
  EXPECT_THAT(loop.cause(), HasSubstr("more than 2 redirects"));

  Error none = errorOf([&] { fetchUrl(base_ + "/chain/1", {.max_redirects = 0}); });
  EXPECT_THAT(none.message(), HasSubstr("too many redirects"));
}

TEST_F(FetchTest, RefusesABodyOverTheLimitByContentLength) {
  Error error = errorOf([&] { fetchUrl(base_ + "/big", {.max_bytes = 1 << 20}); });
  EXPECT_EQ(error.code(), ErrorCode::kPayloadTooLarge);
  EXPECT_THAT(error.message(), HasSubstr("1048576 bytes"));
  EXPECT_THAT(error.cause(), HasSubstr("Content-Length is 2097152"));
  EXPECT_EQ(fetchUrl(base_ + "/big", {.max_bytes = 2 << 20}).body.size(), 2U << 20);
}

TEST_F(FetchTest, StopsReadingABodyWithoutLengthAtTheLimit) {
  Error error = errorOf([&] { fetchUrl(base_ + "/stream", {.max_bytes = 1 << 20}); });
  EXPECT_EQ(error.code(), ErrorCode::kPayloadTooLarge);
  EXPECT_THAT(error.cause(), HasSubstr("while being read"));
}

TEST_F(FetchTest, TimesOutAsAWhole) {
  Error error = errorOf([&] { fetchUrl(base_ + "/slow", {.timeout = 200ms}); });
  EXPECT_EQ(error.code(), ErrorCode::kTimeout);
  EXPECT_THAT(error.message(), HasSubstr("200 ms"));
}

TEST(Fetch, RefusesOtherSchemesAndBadUrls) {
  for (std::string url : {"ftp://example.com/chart.tgz", "file:///etc/passwd",
                          "example.com/chart.tgz", "http://", "http://user:secret@example.com/",
                          "http://example.com:99999/", "http://exa mple.com/", "gopher://x"}) {
    Error error = errorOf([&] { fetchUrl(url); });
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument) << url;
    EXPECT_FALSE(error.remedy().empty()) << url;
  }
}

TEST(Fetch, RefusesLinkLocalAddressesBeforeConnecting) {
  // A long timeout: the refusal must come from the address check, not from
  // waiting for a connection that cannot succeed here.
  for (std::string url : {"http://169.254.169.254/latest/meta-data/", "https://169.254.1.1:8443/",
                          "http://[fe80::1]/", "http://[::ffff:169.254.169.254]/"}) {
    Error error = errorOf([&] { fetchUrl(url, {.timeout = 60s}); });
    EXPECT_EQ(error.code(), ErrorCode::kPermissionDenied) << url;
    EXPECT_THAT(error.cause(), HasSubstr("link-local")) << url;
  }
}

TEST(Fetch, ReadsChunkedBodiesAndStopsThemAtTheLimit) {
  const std::string body(3 << 20, 'c');
  test::RawHttpServer server(
      [&](const std::string&) { return test::chunkedResponse(body, 16 * 1024); });
  EXPECT_EQ(fetchUrl(server.baseUrl() + "/chunked", {.max_bytes = 4 << 20}).body, body);
  Error error = errorOf([&] { fetchUrl(server.baseUrl() + "/chunked", {.max_bytes = 1 << 20}); });
  EXPECT_EQ(error.code(), ErrorCode::kPayloadTooLarge);
  EXPECT_THAT(error.cause(), HasSubstr("while being read"));
}

TEST(Fetch, ConnectionRefusedIsUnavailable) {
  std::uint16_t port = 0;
  {
    test::RawHttpServer closed([](const std::string&) { return std::string(); });
    port = closed.port();
  }
  Error error = errorOf([&] { fetchUrl("http://127.0.0.1:" + std::to_string(port) + "/"); });
  EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
  EXPECT_FALSE(error.cause().empty());
}

class FetchTlsTest : public ::testing::Test {
 protected:
  FetchTlsTest()
      : files_(test::writeCertificate(test::makeSelfSignedCertificate({"localhost"}, {"127.0.0.1"}),
                                      dir_.path(), "server")),
        server_([](const std::string& head) { return answer(head); }, files_) {}

  static std::string answer(const std::string& head) {
    if (head.starts_with("GET /downgrade ")) {
      return "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/hello\r\nContent-Length: "
             "0\r\n\r\n";
    }
    const bool has_sni_host = head.find("Host: localhost:") != std::string::npos;
    std::string body = has_sni_host ? "secure hello (localhost)" : "secure hello";
    return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  }

  std::string url(const std::string& host, const std::string& path) const {
    return "https://" + host + ":" + std::to_string(server_.port()) + path;
  }

  test::TempDir dir_;
  test::CertificateFiles files_;
  test::RawHttpServer server_;
};

TEST_F(FetchTlsTest, TrustsTheServerThroughTheCaFile) {
  FetchOptions options;
  options.ca_file = files_.certificate.string();
  FetchResult by_name = fetchUrl(url("localhost", "/hello"), options);
  EXPECT_EQ(by_name.status, 200);
  EXPECT_EQ(by_name.body, "secure hello (localhost)");
  EXPECT_EQ(fetchUrl(url("127.0.0.1", "/hello"), options).body, "secure hello");
}

TEST_F(FetchTlsTest, RefusesAnUntrustedCertificateWithAClearMessage) {
  Error error = errorOf([&] { fetchUrl(url("127.0.0.1", "/hello")); });
  EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
  EXPECT_THAT(error.message(), HasSubstr("TLS certificate"));
  EXPECT_THAT(error.cause(), HasSubstr("certificate verify failed: self-signed certificate"));
  EXPECT_THAT(error.remedy(), HasSubstr("CA file"));
}

TEST_F(FetchTlsTest, RefusesACertificateForAnotherName) {
  auto other = test::writeCertificate(test::makeSelfSignedCertificate({"other.example"}, {}),
                                      dir_.path(), "other");
  test::RawHttpServer server([](const std::string& head) { return answer(head); }, other);
  FetchOptions options;
  options.ca_file = other.certificate.string();
  Error error = errorOf([&] { fetchUrl(server.baseUrl() + "/hello", options); });
  EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
  EXPECT_THAT(error.cause(), HasSubstr("mismatch"));
}

TEST_F(FetchTlsTest, SkipsVerificationWhenAskedTo) {
  FetchOptions options;
  options.insecure_skip_verify = true;
  EXPECT_EQ(fetchUrl(url("127.0.0.1", "/hello"), options).body, "secure hello");
}

TEST_F(FetchTlsTest, RefusesARedirectToPlainHttp) {
  FetchOptions options;
  options.ca_file = files_.certificate.string();
  Error error = errorOf([&] { fetchUrl(url("127.0.0.1", "/downgrade"), options); });
  EXPECT_EQ(error.code(), ErrorCode::kPermissionDenied);
  EXPECT_THAT(error.message(), HasSubstr("https to http"));
}

TEST_F(FetchTlsTest, AnUnreadableCaFileIsAConfigurationError) {
  FetchOptions options;
  options.ca_file = (dir_.path() / "missing.pem").string();
  Error error = errorOf([&] { fetchUrl(url("127.0.0.1", "/hello"), options); });
  EXPECT_EQ(error.code(), ErrorCode::kInvalidConfiguration);
  EXPECT_THAT(error.message(), HasSubstr("missing.pem"));
}

}  // namespace
}  // namespace meshery::http
