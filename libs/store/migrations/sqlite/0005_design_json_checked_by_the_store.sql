-- designs.design is checked as JSON by the store before it is written
-- (simdjson: a few milliseconds for a design of several MB) instead of by
-- CHECK (json_valid(design)), which took 20 ms of every save of a
-- 1,000-component design. SQLite cannot drop a CHECK in place, so the table
-- is rebuilt; its revisions are set aside first, as dropping `designs` would
-- delete them (ON DELETE CASCADE).

CREATE TABLE design_revisions_kept AS SELECT * FROM design_revisions;
DROP TABLE design_revisions;

CREATE TABLE designs_unchecked (
  id              TEXT PRIMARY KEY NOT NULL,
  owner_id        TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  visibility      TEXT NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  name            TEXT NOT NULL,
  source_type     TEXT NOT NULL,
  revision        INTEGER NOT NULL,
  design          TEXT NOT NULL,  -- JSON, checked by the store
  source_name     TEXT NOT NULL DEFAULT '',
  source_content  BLOB NOT NULL DEFAULT x''
);
INSERT INTO designs_unchecked
SELECT id, owner_id, organization_id, visibility, created_at, updated_at, name, source_type,
       revision, design, source_name, source_content
FROM designs;
DROP TABLE designs;
ALTER TABLE designs_unchecked RENAME TO designs;
CREATE INDEX designs_organization_updated ON designs (organization_id, updated_at);

CREATE TABLE design_revisions (
  design_id TEXT NOT NULL REFERENCES designs (id) ON DELETE CASCADE,
  revision  INTEGER NOT NULL,
  saved_at  TEXT NOT NULL,
  saved_by  TEXT NOT NULL,
  name      TEXT NOT NULL,
  design    TEXT,  -- NULL for the current revision: designs.design holds it
  PRIMARY KEY (design_id, revision)
);
INSERT INTO design_revisions (design_id, revision, saved_at, saved_by, name, design)
SELECT design_id, revision, saved_at, saved_by, name, design FROM design_revisions_kept;
DROP TABLE design_revisions_kept;
