#include "api_client.hpp"

#include <CLI/CLI.hpp>
#include <cctype>

#include "meshery/cli/endpoint.hpp"
#include "meshery/cli/output.hpp"
#include "meshery/core/error.hpp"
#include "meshery/http/client.hpp"
#include "progress.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

/// Upper bound for --page and --pagesize.
constexpr std::size_t kMaxNumber = 1000000;

std::string dialUrl(Endpoint endpoint) {
  if (endpoint.host == "localhost") endpoint.host = "127.0.0.1";
  return endpoint.baseUrl();
}

std::string itemCount(std::size_t count, const std::string& noun) {
  return "Total number of " + noun + ": " + std::to_string(count) + "\n";
}

}  // namespace

void addListFlags(CLI::App& command, ListFlags& flags) {
  command.add_option("--page", flags.page, "Page to show, counting from 1")
      ->check(CLI::Range(std::size_t{1}, kMaxNumber));
  command.add_option("--pagesize", flags.page_size, "Items per page (server default when omitted)")
      ->check(CLI::Range(std::size_t{1}, kMaxNumber));
  command.add_flag("--count", flags.count, "Print only the total number of items");
  command.add_option("-o,--output", flags.output, "Output format: json or yaml");
}

void addSearchCommand(CLI::App& noun, Session& session, const std::string& description,
                      SearchAction search) {
  auto* command = noun.add_subcommand("search", description);
  auto text = std::make_shared<std::string>();
  auto flags = std::make_shared<ListFlags>();
  command->add_option("text", *text, "Text to look for (case-insensitive)")->required();
  command->add_option("-o,--output", flags->output, "Output format: json or yaml");
  command->callback([&session, text, flags, search = std::move(search)] {
    session.setAction([&session, text, flags, search] { search(session, *text, *flags); });
  });
}

QueryParams pageParams(const ListFlags& flags) {
  QueryParams params{{"page", std::to_string(flags.page - 1)}};
  if (flags.page_size > 0) params.emplace_back("pagesize", std::to_string(flags.page_size));
  return params;
}

ApiClient::ApiClient(Session& session, std::string_view prefix)
    : session_(session),
      prefix_(prefix),
      endpoint_(session.selectedContext().context.endpoint),
      client_(std::make_unique<http::Client>(
          dialUrl(parseEndpoint(endpoint_)),
          http::ClientOptions{std::chrono::seconds(30), "mesheryctl"})),
      // Registering, exporting or generating a large model takes a while.
      patient_client_(std::make_unique<http::Client>(
          dialUrl(parseEndpoint(endpoint_)),
          http::ClientOptions{std::chrono::minutes(10), "mesheryctl"})) {}

ApiClient::~ApiClient() = default;

namespace {

std::string targetOf(std::string_view prefix, std::string_view path, const QueryParams& query) {
  std::string target = std::string(prefix) + std::string(path);
  char separator = '?';
  for (const auto& [key, value] : query) {
    target += separator + key + "=" + percentEncode(value);
    separator = '&';
  }
  return target;
}

}  // namespace

http::ClientResponse ApiClient::send(http::Method method, std::string target, std::string body,
                                          const std::string& waiting) {
  http::ClientResponse response;
  try {
    http::Headers headers;
    if (!body.empty()) headers.set("Content-Type", "application/json");
    http::Client& client = waiting.empty() ? *client_ : *patient_client_;
    auto future = client.requestAsync(method, std::move(target), std::move(body), std::move(headers));
    if (!waiting.empty()) {
      Progress progress(session_.err(), session_.interactive(), waiting);
      while (future.wait_for(std::chrono::milliseconds(200)) != std::future_status::ready) {
        progress.update();
      }
    }
    response = future.get();
  } catch (const Error& error) {
    if (error.code() != ErrorCode::kUnavailable && error.code() != ErrorCode::kTimeout) throw;
    throw Error(
        error.code(), "the Meshery server at " + endpoint_ + " did not answer", error.message(),
        "Start it with 'mesheryctl system start', or check the current context's endpoint.");
  }
  if (response.status >= 400) throw response.toError();
  return response;
}

nlohmann::json ApiClient::get(std::string_view path, const QueryParams& query) {
  return send(http::Method::kGet, targetOf(prefix_, path, query), {}, {}).json();
}

nlohmann::json ApiClient::post(std::string_view path, const nlohmann::json& body,
                                    const std::string& waiting) {
  return send(http::Method::kPost, targetOf(prefix_, path, {}), body.dump(), waiting)
      .json();
}

nlohmann::json ApiClient::remove(std::string_view path) {
  return send(http::Method::kDelete, targetOf(prefix_, path, {}), {}, {}).json();
}

nlohmann::json ApiClient::call(http::Method method, std::string_view path,
                               const QueryParams& query, const nlohmann::json& body,
                               const std::string& waiting) {
  return send(method, targetOf(prefix_, path, query), body.dump(), waiting).json();
}

http::ClientResponse ApiClient::download(std::string_view path, const QueryParams& query,
                                              const std::string& waiting) {
  return send(http::Method::kGet, targetOf(prefix_, path, query), {}, waiting);
}

std::optional<nlohmann::json> postForText(Session& session, ApiClient& client,
                                          std::string_view path, const nlohmann::json& body,
                                          const std::string& waiting, const std::string& output) {
  const auto format = parseOutputFormat(output);
  nlohmann::json answer = client.post(path, body, waiting);
  if (format == OutputFormat::kText) return answer;
  session.out() << renderDocument(answer, format);
  return std::nullopt;
}

void printFailures(std::ostream& out, const nlohmann::json& answer) {
  const auto failures = answer.value("failures", nlohmann::json::array());
  if (failures.empty()) return;
  out << failures.size() << " file(s) not imported:\n";
  for (const auto& failure : failures) {
    const auto& error = failure["error"];
    out << "  " << failure.value("path", "?") << ": " << error.value("error", "");
    std::string cause = error.value("cause", "");
    if (!cause.empty()) out << " (" << cause << ")";
    out << "\n";
  }
}

std::string percentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4U];
      encoded += kHex[c & 0x0FU];
    }
  }
  return encoded;
}

std::string field(const nlohmann::json& item, const char* pointer) {
  const nlohmann::json::json_pointer location(pointer);
  if (!item.contains(location)) return "-";
  const auto& value = item.at(location);
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>().empty() ? "-" : value.get<std::string>();
  return value.dump();
}

void printList(Session& session, const nlohmann::json& envelope, const ListView& view,
               const ListFlags& flags) {
  const auto format = parseOutputFormat(flags.output);
  const std::size_t total = envelope.value("total_count", std::size_t{0});
  const nlohmann::json items =
      envelope.value(view.key.empty() ? view.noun : view.key, nlohmann::json::array());
  if (flags.count) {
    if (format == OutputFormat::kText) {
      session.out() << itemCount(total, view.noun);
    } else {
      session.out() << renderDocument({{"total_count", total}}, format);
    }
    return;
  }
  if (format != OutputFormat::kText) {
    session.out() << renderDocument(items, format);
    return;
  }
  if (items.empty()) {
    session.out() << (total == 0
                          ? "No " + view.noun + " found.\n"
                          : "Page " + std::to_string(flags.page) + " has no " + view.noun + ".\n");
    session.out() << itemCount(total, view.noun);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& item : items) rows.push_back(view.row(item));
  session.out() << renderTable(view.headers, rows) << itemCount(total, view.noun);
  const std::size_t page_size = envelope.value("page_size", items.size());
  if (page_size > 0 && flags.page * page_size < total) {
    const std::size_t pages = (total + page_size - 1) / page_size;
    session.out() << "Page " << flags.page << " of " << pages << "; see more with --page "
                  << flags.page + 1 << ".\n";
  }
}

}  // namespace meshery::cli
