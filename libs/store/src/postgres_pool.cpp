#include "postgres_pool.hpp"

#include <string_view>

#include "meshery/core/error.hpp"

namespace meshery::store {
namespace {

/// libpq waits forever for an unreachable host unless told otherwise.
std::string withConnectTimeout(const std::string& url) {
  if (url.find("connect_timeout=") != std::string::npos) return url;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=10";
}

/// libpq explains over several indented lines; one line reads better in logs.
std::string oneLine(std::string_view text) {
  std::string line;
  for (char c : text) {
    if (c != '\n' && c != '\t') {
      line += c;
    } else if (!line.empty() && line.back() != ' ') {
      line += ' ';
    }
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

}  // namespace

PostgresPool::PostgresPool(const std::string& url, std::size_t size)
    : url_(withConnectTimeout(url)), server_(redactPassword(url)), size_(size) {
  idle_.push_back(connect());
  open_ = 1;
}

PostgresPool::~PostgresPool() = default;

std::unique_ptr<pqxx::connection> PostgresPool::connect() {
  try {
    auto connection = std::make_unique<pqxx::connection>(url_);
    pqxx::nontransaction session(*connection);
    session.exec("SET TIME ZONE 'UTC'; SET datestyle TO 'ISO, YMD'");
    return connection;
  } catch (const std::exception& error) {
    std::string cause = oneLine(error.what());
    throw Error(ErrorCode::kUnavailable, "cannot connect to PostgreSQL at " + server_, cause,
                "start the PostgreSQL server, or fix host, port, user, password and database in "
                "the store URL (postgres://user@host:5432/meshery)");
  }
}

PostgresPool::Lease PostgresPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(*this, connect());
  } catch (...) {
    lock.lock();
    --open_;
    available_.notify_one();
    throw;
  }
}

void PostgresPool::giveBack(std::unique_ptr<pqxx::connection> connection, bool discarded) {
  {
    std::lock_guard lock(mutex_);
    if (discarded || !connection->is_open()) {
      --open_;
    } else {
      idle_.push_back(std::move(connection));
    }
  }
  available_.notify_one();
}

std::size_t PostgresPool::connections() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace meshery::store
