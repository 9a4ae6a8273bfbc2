-- Issue 13: the public half of the decision. 公示 of the confirmed 拟推介名单 with its corrections,
-- objections (异议) and their handling, approval (审定) and the published result, the units' own 公示.

-- One 公示 of a campaign's shortlist. Its entries are copied from the nominations when it is drafted and
-- carry public fields only (never ID numbers, phones or addresses).
CREATE TABLE announcements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  -- The organiser whose site it is on (the public index lists announcements by organiser and year).
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  year integer NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'scheduled', 'open', 'closed')),
  title text NOT NULL,
  -- The notice's opening paragraph and how to object: where, how (address, phone, mail), by whom.
  intro text NOT NULL DEFAULT '',
  objection_contact jsonb NOT NULL DEFAULT '{}',
  -- In whose name it is signed (e.g. 中国成人教育协会) and on which day.
  issuer text NOT NULL,
  -- The period on the official calendar: start day, the working days counted, whether the start counts.
  start_day date,
  end_day date,
  working_days integer NOT NULL DEFAULT 5 CHECK (working_days BETWEEN 1 AND 30),
  count_start boolean NOT NULL DEFAULT true,
  opened_at timestamptz,
  closed_at timestamptz,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
-- One announcement per campaign: a change of the list is a correction on it, a restart a new period.
CREATE UNIQUE INDEX announcements_one_per_campaign ON announcements (campaign_id);
CREATE INDEX announcements_public ON announcements (organisation_id, year) WHERE state IN ('open', 'closed');

CREATE TABLE announcement_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  announcement_id uuid NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  nomination_id uuid NOT NULL REFERENCES nominations (id),
  category text NOT NULL CHECK (category IN ('star', 'project')),
  position integer NOT NULL,
  special boolean NOT NULL DEFAULT false,
  -- Public fields: the star's name or the project's name; province or unit; the project's entity.
  name text NOT NULL,
  unit text NOT NULL,
  entity text,
  -- Taken off the list (an objection upheld): when and why, shown as a dated correction.
  removed_at timestamptz,
  removed_reason text,
  UNIQUE (announcement_id, nomination_id)
);

-- Dated corrections shown on the public page: an entry removed, the period restarted (重新公示).
CREATE TABLE announcement_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  announcement_id uuid NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  entry_id uuid REFERENCES announcement_entries (id),
  kind text NOT NULL CHECK (kind IN ('entry_removed', 'restarted')),
  day date NOT NULL,
  text text NOT NULL,
  created_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX announcement_corrections_by_announcement ON announcement_corrections (announcement_id, created_at);

-- Objections (异议) made through the public page. The objector's identity is personal data: only the
-- organiser's handlers see it, and every view is logged (objection_identity_views).
CREATE TABLE objections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  announcement_id uuid NOT NULL REFERENCES announcements (id),
  entry_id uuid NOT NULL REFERENCES announcement_entries (id),
  -- What the objector keeps to look the status up (with their phone number).
  receipt text NOT NULL UNIQUE,
  state text NOT NULL DEFAULT 'received'
    CHECK (state IN ('received', 'rejected', 'investigating', 'upheld_proposed', 'upheld', 'dismissed', 'replied')),
  objector_kind text NOT NULL CHECK (objector_kind IN ('person', 'unit')),
  -- person: { name, idNumber, workplace, phone }; unit: { unitName, contactName, phone }.
  objector jsonb NOT NULL,
  -- SHA-256 of the objector's phone: a status lookup (receipt + phone) is checked without reading the identity.
  phone_hash text NOT NULL,
  facts text NOT NULL,
  submitted_at timestamptz NOT NULL,
  -- Working-day deadlines, computed on the official calendar when the objection arrives or moves.
  accept_due date,
  conclude_due date,
  reply_due date,
  -- 调查核实: the nominating unit asked to explain by a day, and what it said.
  explanation_requested_at timestamptz,
  explanation_due date,
  explanation text,
  explained_at timestamptz,
  -- The conclusion (成立/不成立/不予受理) as answered, and who signed: the handler and, for 成立, the admin.
  conclusion text CHECK (conclusion IN ('rejected', 'upheld', 'dismissed')),
  conclusion_reason text,
  proposed_by uuid REFERENCES accounts (id),
  confirmed_by uuid REFERENCES accounts (id),
  reply text,
  replied_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX objections_by_announcement ON objections (announcement_id, state);

-- The handling log of an objection, in order: every move and note, by whom.
CREATE TABLE objection_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  objection_id uuid NOT NULL REFERENCES objections (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('transition', 'note', 'explanation_requested', 'explanation_received', 'file_added')),
  label text NOT NULL,
  note text NOT NULL DEFAULT '',
  actor_id uuid REFERENCES accounts (id),
  actor_name text,
  created_at timestamptz NOT NULL
);
CREATE INDEX objection_events_by_objection ON objection_events (objection_id, created_at);

-- Files of an objection: the objector's evidence, the handler's findings, the unit's explanation.
CREATE TABLE objection_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  objection_id uuid NOT NULL REFERENCES objections (id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('evidence', 'investigation', 'explanation')),
  storage_key text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg')),
  bytes bigint NOT NULL,
  sha256 text NOT NULL,
  uploaded_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE objection_identity_views (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  objection_id uuid NOT NULL REFERENCES objections (id) ON DELETE CASCADE,
  account_id uuid NOT NULL REFERENCES accounts (id),
  viewed_at timestamptz NOT NULL
);

-- 审定: the approver's decision on the campaign's final list, approved or sent back with a reason.
CREATE TABLE campaign_approvals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  decision text NOT NULL CHECK (decision IN ('approved', 'returned')),
  reason text NOT NULL DEFAULT '',
  decided_by uuid NOT NULL REFERENCES accounts (id),
  decided_by_name text NOT NULL,
  decided_at timestamptz NOT NULL
);
CREATE INDEX campaign_approvals_by_campaign ON campaign_approvals (campaign_id, decided_at DESC);

-- The published result notice (印发通知公布): one per campaign, its list frozen at publication.
CREATE TABLE result_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL UNIQUE REFERENCES campaigns (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  year integer NOT NULL,
  title text NOT NULL,
  doc_number text NOT NULL DEFAULT '',
  -- In whose names it goes out, in order (e.g. 全民终身学习活动周领导小组, 中国成人教育协会).
  issuers text[] NOT NULL,
  body text NOT NULL DEFAULT '',
  -- [{ category, name, unit, entity, special, province }] in the official order.
  entries jsonb NOT NULL,
  docx_key text,
  pdf_key text,
  xlsx_key text,
  published_by uuid REFERENCES accounts (id),
  published_at timestamptz NOT NULL
);
CREATE INDEX result_notices_public ON result_notices (organisation_id, year);

-- Published winners enter the registry by themselves: the record knows its campaign and nomination.
ALTER TABLE previous_winners
  ADD COLUMN campaign_id uuid REFERENCES campaigns (id),
  ADD COLUMN nomination_id uuid REFERENCES nominations (id);

-- A reporting unit's own 公示 of what it nominates (where, from, to; a link or a file), for the
-- organiser's formal check; optionally shown on the platform's public site.
CREATE TABLE unit_publicities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  unit_id uuid NOT NULL REFERENCES organisations (id),
  place text NOT NULL,
  url text,
  from_day date NOT NULL,
  to_day date NOT NULL,
  -- A screenshot (JPEG/PNG) or PDF of the notice as it was posted.
  storage_key text,
  file_name text,
  content_type text CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  bytes bigint,
  -- The nominations it announced; null means every nomination the unit submits in the campaign.
  nomination_ids uuid[],
  published boolean NOT NULL DEFAULT false,
  recorded_by uuid REFERENCES accounts (id),
  recorded_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX unit_publicities_by_campaign ON unit_publicities (campaign_id, unit_id);

-- What the public half tells people of, in the bell.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
  'review_assigned', 'round_closing', 'reviews_complete', 'shortlist_proposed',
  'objection_received', 'objection_to_confirm', 'explanation_requested', 'approval_requested', 'approval_returned'
));
