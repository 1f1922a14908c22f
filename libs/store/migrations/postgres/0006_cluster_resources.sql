-- What MeshSync discovered in connected clusters: one row per Kubernetes
-- object, kept up to date from lists and watches. label_index holds the
-- labels as "|key=value|…|" for label filters.

CREATE TABLE cluster_resources (
  id               uuid PRIMARY KEY,
  cluster_id       uuid NOT NULL,
  api_version      text NOT NULL,
  kind             text NOT NULL,
  namespace        text NOT NULL DEFAULT '',
  name             text NOT NULL,
  uid              text NOT NULL,
  resource_version text NOT NULL DEFAULT '',
  label_index      text NOT NULL DEFAULT '|',
  object           jsonb NOT NULL,
  updated_at       timestamptz NOT NULL
);

CREATE INDEX cluster_resources_listing ON cluster_resources (kind, namespace, name);
CREATE INDEX cluster_resources_cluster_kind ON cluster_resources (cluster_id, api_version, kind);
