-- Registry definitions imported at run time (bundled models are read from the
-- models directory at every start and never stored), and the statuses users
-- set on any registry entity, bundled or imported. A document is the
-- definition in Meshery's v1beta1 wire casing, as `json`, which validates it
-- and gives it back byte for byte (jsonb would reorder its keys). `seq` keeps
-- the order in which definitions were first stored.

CREATE TABLE registry_definitions (
  seq             bigserial UNIQUE,
  id              uuid PRIMARY KEY,
  owner_id        uuid NOT NULL,
  organization_id uuid NOT NULL,
  visibility      text NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  entity_type     text NOT NULL
                  CHECK (entity_type IN ('model', 'component', 'relationship', 'policy')),
  document        json NOT NULL
);

CREATE INDEX registry_definitions_entity_type ON registry_definitions (entity_type, seq);

CREATE TABLE registry_statuses (
  id          uuid PRIMARY KEY,
  entity_type text NOT NULL
              CHECK (entity_type IN ('model', 'component', 'relationship', 'policy')),
  status      text NOT NULL,
  updated_at  timestamptz NOT NULL
);
