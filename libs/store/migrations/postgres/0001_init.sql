-- Organisations, users and their preferences. Every entity carries the
-- EntityMeta columns; ids are native uuid, timestamps timestamptz
-- (microsecond precision), preferences jsonb.

CREATE TABLE organizations (
  id              uuid PRIMARY KEY,
  owner_id        uuid NOT NULL,
  organization_id uuid NOT NULL,
  visibility      text NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  name            text NOT NULL,
  description     text NOT NULL DEFAULT ''
);

CREATE TABLE users (
  id              uuid PRIMARY KEY,
  owner_id        uuid NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations (id),
  visibility      text NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  user_id         text NOT NULL UNIQUE,
  first_name      text NOT NULL DEFAULT '',
  last_name       text NOT NULL DEFAULT '',
  email           text NOT NULL DEFAULT '',
  avatar_url      text NOT NULL DEFAULT '',
  provider        text NOT NULL DEFAULT ''
);

CREATE INDEX users_organization_id ON users (organization_id);

CREATE TABLE user_preferences (
  id              uuid PRIMARY KEY,
  owner_id        uuid NOT NULL,
  organization_id uuid NOT NULL,
  visibility      text NOT NULL CHECK (visibility IN ('private', 'public', 'published')),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  user_id         uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  preferences     jsonb NOT NULL
);
