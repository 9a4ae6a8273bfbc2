-- A unit may ask its organiser to look at one of its drafts (to waive a file that cannot be made to
-- pass); until then, and again once taken back, the draft is the unit's own and the organiser sees a count.
ALTER TABLE nominations ADD COLUMN review_requested_at timestamptz;

-- The stamped paper forms (and, nationally, a disc or USB stick) each reporting unit posts to the
-- organiser before the deadline: one record per unit and campaign, from dispatch to receipt.
CREATE TABLE paper_dispatches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  unit_id uuid NOT NULL REFERENCES organisations (id),
  -- dispatched: the unit posted it; received: the organiser recorded what arrived (the dispatch fields
  -- stay empty when a parcel arrived whose dispatch the unit never recorded).
  state text NOT NULL CHECK (state IN ('dispatched', 'received')),
  courier text,
  tracking_number text,
  dispatched_on date,
  dispatched_by uuid REFERENCES accounts (id),
  -- The stamped pages as scanned (PDF or JPEG), optional; kept in the file storage.
  scan_storage_key text,
  scan_file_name text,
  scan_format text CHECK (scan_format IN ('pdf', 'jpeg')),
  scan_bytes bigint,
  scan_sha256 text,
  received_on date,
  copies_received integer CHECK (copies_received >= 0),
  seal_present boolean,
  -- null where the campaign asks for no disc or USB stick.
  disc_readable boolean,
  receipt_note text,
  received_by uuid REFERENCES accounts (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, unit_id)
);
