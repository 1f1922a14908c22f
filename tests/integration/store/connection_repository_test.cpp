// Connections, against every backend: saved with their state, metadata and
// sealed credential; names unique per owner and kind; listed with filters.
#include <gtest/gtest.h>

#include <string>

#include "meshery/core/error.hpp"
#include "meshery/store/secret_box.hpp"
#include "meshery/store/store.hpp"
#include "repository_suite.hpp"

namespace meshery::store {
namespace {

class ConnectionRepositorySuite : public RepositorySuite {
 protected:
  Connection connectionNamed(const std::string& name, const std::string& kind = "kubernetes",
                             ConnectionStatus status = ConnectionStatus::kConnected) {
    Connection connection;
    connection.meta.id = Uuid::v4();
    connection.meta.owner_id = owner_;
    connection.meta.organization_id = organization_;
    connection.meta.visibility = Visibility::kPrivate;
    connection.meta.created_at = at(1'700'000'000'000);
    connection.meta.updated_at = at(1'700'000'000'000);
    connection.name = name;
    connection.kind = kind;
    connection.type = "platform";
    connection.sub_type = "orchestration";
    connection.status = status;
    connection.metadata = {{"context", name}, {"server", "https://10.0.0.1:6443"}};
    return connection;
  }

  Uuid owner_ = Uuid::v4();
  Uuid organization_ = Uuid::v4();
};

TEST_P(ConnectionRepositorySuite, KeepsStatusMetadataAndTheSealedCredential) {
  const SecretBox box = SecretBox::fromKeyFile(dir_.path() / "keys" / "credentials.key");
  Connection connection = connectionNamed("kind-dev");
  connection.sealed_credential = box.seal("token: s3cret");
  store().connections().upsert(connection);
  const auto found = reopen().connections().find(connection.meta.id);
  ASSERT_TRUE(found.has_value());
  expectSameMeta(found->meta, connection.meta);
  EXPECT_EQ(found->name, "kind-dev");
  EXPECT_EQ(found->status, ConnectionStatus::kConnected);
  EXPECT_EQ(found->metadata, connection.metadata);
  EXPECT_EQ(found->sealed_credential, connection.sealed_credential);
  EXPECT_EQ(box.open(found->sealed_credential), "token: s3cret");
  EXPECT_EQ(found->sealed_credential.find("s3cret"), std::string::npos);

  Connection changed = *found;
  changed.status = ConnectionStatus::kDisconnected;
  changed.meta.updated_at = at(1'700'000'500'000);
  store().connections().upsert(changed);
  const auto again = store().connections().findByName(owner_, "kubernetes", "kind-dev");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->status, ConnectionStatus::kDisconnected);
  EXPECT_EQ(again->meta.created_at, connection.meta.created_at);
  EXPECT_FALSE(store().connections().findByName(owner_, "prometheus", "kind-dev").has_value());
}

TEST_P(ConnectionRepositorySuite, ANameIsTakenOncePerOwnerAndKind) {
  store().connections().upsert(connectionNamed("prod"));
  try {
    store().connections().upsert(connectionNamed("prod"));
    ADD_FAILURE() << "a second \"prod\" was stored";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kAlreadyExists);
    EXPECT_NE(error.message().find("\"prod\""), std::string::npos);
  }
  store().connections().upsert(connectionNamed("prod", "prometheus"));  // another kind
  EXPECT_EQ(store().connections().list({}).total_count, 2);
}

TEST_P(ConnectionRepositorySuite, ListsByKindStatusAndNameInPages) {
  for (const char* name : {"alpha-dev", "beta-dev", "gamma-prod", "delta-dev"})
    store().connections().upsert(connectionNamed(name));
  store().connections().upsert(
      connectionNamed("epsilon-dev", "kubernetes", ConnectionStatus::kNotFound));
  store().connections().upsert(connectionNamed("metrics", "prometheus"));
  ConnectionQuery query;
  query.kinds = {"kubernetes"};
  query.statuses = {ConnectionStatus::kConnected, ConnectionStatus::kNotFound};
  query.search = "DEV";
  query.page_size = 2;
  const ConnectionPage first = store().connections().list(query);
  EXPECT_EQ(first.total_count, 4);
  ASSERT_EQ(first.connections.size(), 2U);
  EXPECT_EQ(first.connections[0].name, "alpha-dev");
  EXPECT_EQ(first.connections[1].name, "beta-dev");
  query.page = 1;
  const ConnectionPage second = store().connections().list(query);
  ASSERT_EQ(second.connections.size(), 2U);
  EXPECT_EQ(second.connections[1].name, "epsilon-dev");
  query.statuses = {ConnectionStatus::kNotFound};
  query.page = 0;
  EXPECT_EQ(store().connections().list(query).total_count, 1);
  ConnectionQuery others;
  others.owner_id = Uuid::v4();
  EXPECT_EQ(store().connections().list(others).total_count, 0);
  ConnectionQuery all;
  all.page_size = 0;
  EXPECT_EQ(store().connections().list(all).connections.size(), 6U);
}

TEST_P(ConnectionRepositorySuite, RemovesAConnection) {
  const Connection connection = connectionNamed("gone");
  store().connections().upsert(connection);
  EXPECT_TRUE(store().connections().remove(connection.meta.id));
  EXPECT_FALSE(store().connections().remove(connection.meta.id));
  EXPECT_FALSE(store().connections().find(connection.meta.id).has_value());
}

INSTANTIATE_TEST_SUITE_P(store, ConnectionRepositorySuite,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backendName);

}  // namespace
}  // namespace meshery::store
