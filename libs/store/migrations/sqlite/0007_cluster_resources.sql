-- What MeshSync discovered in connected clusters: one row per Kubernetes
-- object, kept up to date from lists and watches. label_index holds the
-- labels as "|key=value|…|" for label filters.

CREATE TABLE cluster_resources (
  id               TEXT PRIMARY KEY NOT NULL,
  cluster_id       TEXT NOT NULL,
  api_version      TEXT NOT NULL,
  kind             TEXT NOT NULL,
  namespace        TEXT NOT NULL DEFAULT '',
  name             TEXT NOT NULL,
  uid              TEXT NOT NULL,
  resource_version TEXT NOT NULL DEFAULT '',
  label_index      TEXT NOT NULL DEFAULT '|',
  object           TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

CREATE INDEX cluster_resources_listing ON cluster_resources (kind, namespace, name);
CREATE INDEX cluster_resources_cluster_kind ON cluster_resources (cluster_id, api_version, kind);
