#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace CLI {
class App;
}

#include "meshery/http/message.hpp"

namespace meshery::http {
class Client;
struct ClientResponse;
}

namespace meshery::cli {

class Session;

/// Query parameters of one request, in order; values are percent-encoded
/// when the target is built.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// Flags shared by the registry's list commands. `page` is 1-based for
/// people; the API counts pages from 0.
struct ListFlags {
  std::size_t page = 1;       ///< --page
  std::size_t page_size = 0;  ///< --pagesize; 0 leaves the server's default
  bool count = false;         ///< --count
  std::string output;         ///< -o/--output
};

/// Adds --page, --pagesize, --count and -o/--output to `command`.
void addListFlags(CLI::App& command, ListFlags& flags);

/// The action of a `search <text>` subcommand.
using SearchAction =
    std::function<void(Session& session, const std::string& text, const ListFlags& flags)>;
/// Adds `search <text> [-o json|yaml]` to `noun`; `search` runs after parsing.
void addSearchCommand(CLI::App& noun, Session& session, const std::string& description,
                      SearchAction search);

/// `page` (0-based) and `pagesize` for the API from `flags`.
QueryParams pageParams(const ListFlags& flags);

/// Where an ApiClient's paths start: the registry (Meshery's deprecated but
/// widest-supported prefix) or the designs.
inline constexpr std::string_view kRegistryApi = "/api/meshmodels/";
inline constexpr std::string_view kDesignApi = "/api/pattern";

/// Talks to the current context's server over REST, under one path prefix.
/// Not thread-safe.
class ApiClient {
 public:
  /// Uses the endpoint of the session's current context; paths are relative
  /// to `prefix`.
  explicit ApiClient(Session& session, std::string_view prefix = kRegistryApi);
  ~ApiClient();
  ApiClient(const ApiClient&) = delete;
  ApiClient& operator=(const ApiClient&) = delete;

  /// GET <prefix>`path` with `query`: the page envelope. Throws
  /// Error: kUnavailable (with a remedy) when the server cannot be reached,
  /// the server's own error for 4xx/5xx answers.
  nlohmann::json get(std::string_view path, const QueryParams& query);

  /// POST <prefix>`path` with a JSON body; the JSON answer. While the
  /// server works, `waiting` is shown as progress on stderr. Errors as get().
  nlohmann::json post(std::string_view path, const nlohmann::json& body,
                      const std::string& waiting);

  /// GET <prefix>`path` with `query`, the response as received (for
  /// files such as exported archives). Errors as get().
  http::ClientResponse download(std::string_view path, const QueryParams& query,
                                const std::string& waiting);

  /// DELETE <prefix>`path`; the JSON answer. Errors as get().
  nlohmann::json remove(std::string_view path);

  /// `method` <prefix>`path` with `query` and a JSON body; the JSON answer,
  /// with `waiting` shown as post() shows it. Errors as get().
  nlohmann::json call(http::Method method, std::string_view path, const QueryParams& query,
                      const nlohmann::json& body, const std::string& waiting);

 private:
  /// Sends on the quick client, or on the patient one when `waiting` is set.
  http::ClientResponse send(http::Method method, std::string target, std::string body,
                            const std::string& waiting);

  Session& session_;
  std::string prefix_;
  std::string endpoint_;
  std::unique_ptr<http::Client> client_;          ///< 30 s: lists and views
  std::unique_ptr<http::Client> patient_client_;  ///< 10 min: imports, exports, generation
};

/// Percent-encodes `text` for a path segment or a query value.
std::string percentEncode(std::string_view text);

/// The string at `pointer` ("/model/name") in `item`, or "-" when absent.
std::string field(const nlohmann::json& item, const char* pointer);

/// POSTs `body` to `path` of `client` (showing `waiting` meanwhile). With
/// `output` json or yaml the answer is printed as such and nothing is returned;
/// otherwise the answer is returned for the command's own text.
std::optional<nlohmann::json> postForText(Session& session, ApiClient& client,
                                          std::string_view path, const nlohmann::json& body,
                                          const std::string& waiting, const std::string& output);

/// Prints the `failures` of a register or generate answer, one per line:
/// "N file(s) not imported:" then "  path: message (cause)". Nothing when none.
void printFailures(std::ostream& out, const nlohmann::json& answer);

/// Describes one kind of list the registry commands print.
struct ListView {
  std::string noun;                                             ///< plural, e.g. "models"
  std::vector<std::string> headers;                             ///< table columns
  std::vector<std::string> (*row)(const nlohmann::json& item);  ///< cells of one item
  std::string key;  ///< the envelope's key of the items when it is not `noun`
};

/// Prints `envelope[view.noun]`: the items as JSON/YAML with -o, else a table
/// with a "Total number of <noun>: N" footer (only that line with --count).
void printList(Session& session, const nlohmann::json& envelope, const ListView& view,
               const ListFlags& flags);

}  // namespace meshery::cli
