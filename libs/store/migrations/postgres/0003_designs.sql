-- Saved designs (Meshery's MesheryPattern) and every saved revision of each.
-- `design` is the design document (json keeps it byte for byte);
-- source_content keeps the imported bytes for "original" exports.

CREATE TABLE designs (
  id              uuid PRIMARY KEY,
  owner_id        uuid NOT NULL,
  organization_id uuid NOT NULL,
  visibility      text NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  name            text NOT NULL,
  source_type     text NOT NULL,
  revision        bigint NOT NULL,
  design          json NOT NULL,
  source_name     text NOT NULL DEFAULT '',
  source_content  bytea NOT NULL DEFAULT ''
);

CREATE INDEX designs_organization_updated ON designs (organization_id, updated_at);

CREATE TABLE design_revisions (
  design_id uuid NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
  revision  bigint NOT NULL,
  saved_at  timestamptz NOT NULL,
  saved_by  uuid NOT NULL,
  name      text NOT NULL,
  design    json NOT NULL,
  PRIMARY KEY (design_id, revision)
);
