-- Connections (clusters' contexts, Prometheus servers…), their state in
-- Meshery's connection state machine, and their credential sealed by the
-- server's SecretBox (the store never sees it in the clear).

CREATE TABLE connections (
  id              TEXT PRIMARY KEY NOT NULL,
  owner_id        TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  visibility      TEXT NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  name            TEXT NOT NULL,
  kind            TEXT NOT NULL,
  type            TEXT NOT NULL DEFAULT '',
  sub_type        TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL CHECK (status IN ('discovered', 'registered', 'connected',
                    'ignored', 'maintenance', 'disconnected', 'deleted', 'not found')),
  metadata        TEXT NOT NULL DEFAULT '{}',
  credential      TEXT NOT NULL DEFAULT '',
  UNIQUE (owner_id, kind, name)
);

CREATE INDEX connections_kind_status ON connections (kind, status);
