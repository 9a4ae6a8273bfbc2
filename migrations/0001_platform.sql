-- Organisations, accounts, sessions, login throttling and the audit log.

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid REFERENCES organisations (id),
  -- Ids from the root down to this organisation, '/a/b/c/': a subtree is `path LIKE '/a/b/%'`.
  path text NOT NULL UNIQUE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  type text NOT NULL,
  region_code text,
  disabled boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_sibling_name ON organisations (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), name);
CREATE INDEX organisations_path ON organisations (path text_pattern_ops);

CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  username text NOT NULL CHECK (length(username) BETWEEN 3 AND 64),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  phone text,
  disabled boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  password_changed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_username ON accounts (lower(username));
CREATE INDEX accounts_organisation ON accounts (organisation_id);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Only a hash of the cookie's token is stored: a leaked table does not log anyone in.
  token_hash text NOT NULL UNIQUE,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username ON login_failures (lower(username), at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES accounts (id),
  actor_name text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  -- Path of the organisation the entry concerns: who may read it follows the organisation tree.
  scope_path text NOT NULL,
  before jsonb,
  after jsonb,
  ip text
);
CREATE INDEX audit_log_scope ON audit_log (scope_path text_pattern_ops, at DESC);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
