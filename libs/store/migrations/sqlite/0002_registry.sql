-- Registry definitions imported at run time (bundled models are read from the
-- models directory at every start and never stored), and the statuses users
-- set on any registry entity, bundled or imported. A document is the
-- definition in Meshery's v1beta1 wire casing; the store does not interpret it.
-- `seq` keeps the order in which definitions were first stored.

CREATE TABLE registry_definitions (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  owner_id        TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  visibility      TEXT NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  entity_type     TEXT NOT NULL
                  CHECK (entity_type IN ('model', 'component', 'relationship', 'policy')),
  document        TEXT NOT NULL CHECK (json_valid(document))
);

CREATE INDEX registry_definitions_entity_type ON registry_definitions (entity_type, seq);

CREATE TABLE registry_statuses (
  id          TEXT PRIMARY KEY NOT NULL,
  entity_type TEXT NOT NULL
              CHECK (entity_type IN ('model', 'component', 'relationship', 'policy')),
  status      TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
