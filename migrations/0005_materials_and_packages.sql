-- Uploaded photos, videos and documents: one row per file in a nomination's material slot.
CREATE TABLE materials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nomination_id uuid NOT NULL REFERENCES nominations (id) ON DELETE CASCADE,
  -- Which of the campaign's material sets (star, project, specialStar, specialProject) and which slot.
  set_key text NOT NULL,
  slot_id text NOT NULL,
  -- The tus upload this file arrived through; null for copies the server made (conversions).
  upload_id text UNIQUE,
  -- Where the original bytes are kept, byte for byte.
  storage_key text NOT NULL,
  -- The user's file name, cleaned of path characters; shown and used in packages, never as a path.
  file_name text NOT NULL,
  bytes bigint NOT NULL,
  sha256 text NOT NULL,
  -- pending: queued for the check; passed: no error; failed: an error finding; (converting for copies).
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('converting', 'pending', 'passed', 'failed')),
  probed jsonb,
  findings jsonb NOT NULL DEFAULT '[]',
  -- Organiser waivers of error findings for this file: [{ code, reason, by, at }].
  waivers jsonb NOT NULL DEFAULT '[]',
  -- A converted copy points at its original; the unit chooses which of the two is submitted.
  converted_from uuid REFERENCES materials (id) ON DELETE CASCADE,
  -- 0–100 while a conversion runs; null otherwise.
  progress integer,
  -- False for the one of an original/converted pair that is not to be submitted.
  chosen boolean NOT NULL DEFAULT true,
  -- Storage key of the thumbnail (photo) or poster frame (video), once made.
  preview_key text,
  uploaded_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX materials_nomination ON materials (nomination_id, set_key, slot_id);

-- Submission packages (ZIP of forms, tables and material) built in the background.
CREATE TABLE export_packages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  -- null: the whole campaign (organiser); else one reporting unit's package.
  unit_id uuid REFERENCES organisations (id),
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'building', 'ready', 'failed')),
  -- Files written so far out of the files the package will hold.
  done integer NOT NULL DEFAULT 0,
  total integer NOT NULL DEFAULT 0,
  storage_key text,
  bytes bigint,
  sha256 text,
  error text,
  requested_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX export_packages_campaign ON export_packages (campaign_id, created_at DESC);
