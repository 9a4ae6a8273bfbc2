-- 宣传推介活动 (五进, issue #14 item 2): what a published winner did to spread lifelong learning, recorded
-- by its unit, the campaign's organiser, or the province that forwarded it. The statistics read
-- (id, nomination_id, kind, occurred_on, audience) per kind and month: keep those names.
CREATE TABLE winner_activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The published winner: its nomination in the round that published it.
  nomination_id uuid NOT NULL REFERENCES nominations (id),
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  -- Scope, fixed at recording: the campaign organiser's tree path (who organises and who is above it),
  -- the nomination's unit, the unit that first reported a forwarded winner, and the province it is
  -- listed under (the organiser of a provincial round, the forwarding province of a national one).
  organiser_path text NOT NULL,
  unit_id uuid NOT NULL REFERENCES organisations (id),
  source_unit_id uuid REFERENCES organisations (id),
  province_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('campus', 'community', 'enterprise', 'barracks', 'countryside', 'other')),
  form text NOT NULL CHECK (length(form) BETWEEN 1 AND 30),
  occurred_on date NOT NULL,
  place text NOT NULL CHECK (length(place) BETWEEN 1 AND 100),
  host text NOT NULL CHECK (length(host) BETWEEN 1 AND 100),
  audience integer NOT NULL CHECK (audience >= 0),
  report text NOT NULL CHECK (length(report) BETWEEN 1 AND 1000),
  recorded_by uuid NOT NULL REFERENCES accounts (id),
  recorded_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX winner_activities_by_nomination ON winner_activities (nomination_id, occurred_on);
CREATE INDEX winner_activities_by_scope ON winner_activities (organiser_path text_pattern_ops, occurred_on);
CREATE INDEX winner_activities_by_month ON winner_activities (occurred_on, kind);

-- Photos of an activity: the original as uploaded (signed-in readers only) and a resized JPEG beside it,
-- the only copy the public site shows.
CREATE TABLE winner_activity_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES winner_activities (id) ON DELETE CASCADE,
  storage_key text NOT NULL,
  public_key text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  bytes bigint NOT NULL,
  sha256 text NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES accounts (id),
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX winner_activity_photos_by_activity ON winner_activity_photos (activity_id, uploaded_at);
