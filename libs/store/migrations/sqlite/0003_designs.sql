-- Saved designs (Meshery's MesheryPattern) and every saved revision of each.
-- `design` is the design document as JSON text; source_content keeps the
-- imported bytes (a manifest, a Compose file, an archive) for "original"
-- exports.

CREATE TABLE designs (
  id              TEXT PRIMARY KEY NOT NULL,
  owner_id        TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  visibility      TEXT NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  name            TEXT NOT NULL,
  source_type     TEXT NOT NULL,
  revision        INTEGER NOT NULL,
  design          TEXT NOT NULL CHECK (json_valid(design)),
  source_name     TEXT NOT NULL DEFAULT '',
  source_content  BLOB NOT NULL DEFAULT x''
);

CREATE INDEX designs_organization_updated ON designs (organization_id, updated_at);

CREATE TABLE design_revisions (
  design_id TEXT NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
  revision  INTEGER NOT NULL,
  saved_at  TEXT NOT NULL,
  saved_by  TEXT NOT NULL,
  name      TEXT NOT NULL,
  design    TEXT NOT NULL,  -- the same text as designs.design, checked there
  PRIMARY KEY (design_id, revision)
);
