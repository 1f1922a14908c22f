-- Organisations, users and their preferences. Every entity carries the
-- EntityMeta columns; ids are canonical UUID text, timestamps ISO 8601 UTC
-- text with microseconds ("2024-05-01T12:34:56.123456Z"), which sorts in
-- time order.

CREATE TABLE organizations (
  id              TEXT PRIMARY KEY NOT NULL,
  owner_id        TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  visibility      TEXT NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  name            TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE users (
  id              TEXT PRIMARY KEY NOT NULL,
  owner_id        TEXT NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  visibility      TEXT NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  user_id         TEXT NOT NULL UNIQUE,
  first_name      TEXT NOT NULL DEFAULT '',
  last_name       TEXT NOT NULL DEFAULT '',
  email           TEXT NOT NULL DEFAULT '',
  avatar_url      TEXT NOT NULL DEFAULT '',
  provider        TEXT NOT NULL DEFAULT ''
);

CREATE INDEX users_organization_id ON users (organization_id);

CREATE TABLE user_preferences (
  id              TEXT PRIMARY KEY NOT NULL,
  owner_id        TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  visibility      TEXT NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  user_id         TEXT NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  preferences     TEXT NOT NULL CHECK (json_valid(preferences))
);
