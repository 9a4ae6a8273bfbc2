-- Nominations by reporting units, and the registry of previous winners they are checked against.

CREATE TABLE nominations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  unit_id uuid NOT NULL REFERENCES organisations (id),
  category text NOT NULL CHECK (category IN ('star', 'project')),
  state text NOT NULL DEFAULT 'draft',
  -- 事迹特别感人 / 特别受百姓喜爱: at most one per unit and category, checked on marking.
  special boolean NOT NULL DEFAULT false,
  -- 排序 in the unit's 推介登记表; null until submitted.
  rank integer CHECK (rank > 0),
  -- The nominee's or the programme's name, kept beside the form for lists and matching.
  title text NOT NULL DEFAULT '',
  form jsonb NOT NULL DEFAULT '{}',
  -- What was submitted, frozen, with the SHA-256 of its canonical JSON.
  snapshot jsonb,
  content_hash text,
  submitted_at timestamptz,
  return_reason text,
  forwarded_from uuid REFERENCES nominations (id),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX nominations_campaign_unit ON nominations (campaign_id, unit_id, category, state);

CREATE TABLE previous_winners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The organiser who keeps this record; organisers below see the records above them too.
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  year integer NOT NULL,
  level text NOT NULL,
  category text NOT NULL CHECK (category IN ('star', 'project')),
  name text NOT NULL,
  province_or_unit text,
  work_unit text,
  birth_date date,
  id_number text,
  credit_code text,
  imported_by uuid REFERENCES accounts (id),
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX previous_winners_id_number ON previous_winners (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX previous_winners_credit_code ON previous_winners (credit_code) WHERE credit_code IS NOT NULL;
