-- Campaigns with versioned rules, per-unit deadline extensions, and organisers' calendar adjustments.

CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organiser_id uuid NOT NULL REFERENCES organisations (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  level text NOT NULL,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  -- The current rules; every version, with what changed, is kept in campaign_rule_versions.
  rules jsonb NOT NULL,
  rules_version integer NOT NULL DEFAULT 1,
  template_id text,
  copied_from uuid REFERENCES campaigns (id),
  -- Derived from rules.deadline for queries and the deadline check; null while not yet set.
  deadline_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_organiser ON campaigns (organiser_id, year DESC);

CREATE TABLE campaign_rule_versions (
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  rules_version integer NOT NULL,
  rules jsonb NOT NULL,
  -- [{ path, message }] against the previous version; [] for the first.
  changes jsonb NOT NULL DEFAULT '[]',
  -- Whether units had already started when this change was made: they are shown such changes.
  after_opening boolean NOT NULL DEFAULT false,
  changed_by uuid REFERENCES accounts (id),
  changed_by_name text,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, rules_version)
);

CREATE TABLE campaign_extensions (
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  until timestamptz NOT NULL,
  reason text NOT NULL,
  granted_by uuid REFERENCES accounts (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, organisation_id)
);

CREATE TABLE calendar_overrides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  note text NOT NULL DEFAULT '',
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, date)
);

CREATE TABLE calendar_confirmed_years (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  year integer NOT NULL,
  confirmed_by uuid REFERENCES accounts (id),
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, year)
);
