-- Connections (clusters' contexts, Prometheus servers…), their state in
-- Meshery's connection state machine, and their credential sealed by the
-- server's SecretBox (the store never sees it in the clear).

CREATE TABLE connections (
  id              uuid PRIMARY KEY,
  owner_id        uuid NOT NULL,
  organization_id uuid NOT NULL,
  visibility      text NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  name            text NOT NULL,
  kind            text NOT NULL,
  type            text NOT NULL DEFAULT '',
  sub_type        text NOT NULL DEFAULT '',
  status          text NOT NULL CHECK (status IN ('discovered', 'registered', 'connected',
                    'ignored', 'maintenance', 'disconnected', 'deleted', 'not found')),
  metadata        jsonb NOT NULL DEFAULT '{}',
  credential      text NOT NULL DEFAULT '',
  UNIQUE (owner_id, kind, name)
);

CREATE INDEX connections_kind_status ON connections (kind, status);
