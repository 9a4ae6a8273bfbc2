-- Expert review (issue #12): the expert pool of a campaign, review rounds, conflicts of interest (回避),
-- assignments, reviews by criterion, the shortlist the chair proposes and the organiser confirms, and
-- the platform's own notifications. Experts are accounts (role expert); "expert_id" is the account.

-- Who reviews in a campaign, with the facts conflicts are computed from. An expert sits on one or both
-- panels (stars, projects) and may chair a panel; the relations are what the expert declares
-- (core/review/conflict-facts.ts DeclaredRelation).
CREATE TABLE review_experts (
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  expert_id uuid NOT NULL REFERENCES accounts (id),
  panels text[] NOT NULL CHECK (cardinality(panels) > 0 AND panels <@ ARRAY['star', 'project']::text[]),
  chair_of text[] NOT NULL DEFAULT '{}' CHECK (chair_of <@ panels),
  employer_name text,
  employer_credit_code text,
  -- Two-digit province code (GB/T 2260) the expert belongs to; null when unknown.
  province text CHECK (province ~ '^[1-9][0-9]$'),
  field text NOT NULL DEFAULT '',
  id_number text,
  min_load integer NOT NULL DEFAULT 0 CHECK (min_load >= 0),
  max_load integer CHECK (max_load IS NULL OR max_load >= min_load),
  relations jsonb NOT NULL DEFAULT '[]',
  invited_by uuid REFERENCES accounts (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, expert_id)
);

CREATE TABLE review_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  position integer NOT NULL CHECK (position >= 1),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  kind text NOT NULL CHECK (kind IN ('online', 'meeting')),
  state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'open', 'closed')),
  opens_on date,
  closes_at timestamptz NOT NULL,
  reviews_per_nomination integer NOT NULL DEFAULT 3 CHECK (reviews_per_nomination BETWEEN 1 AND 30),
  blind_fields text[] NOT NULL DEFAULT '{}' CHECK (blind_fields <@ ARRAY['unit', 'contacts', 'idNumbers']::text[]),
  -- Experts see the other experts' scores of a nomination once their own is submitted.
  show_others_after_submit boolean NOT NULL DEFAULT false,
  -- The seed of the last automatic assignment (reproducible: the same seed gives the same assignment).
  assignment_seed integer,
  -- Set when the experts were told the round closes within 24 hours (sent once).
  closing_notified_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, position),
  UNIQUE (campaign_id, name)
);
CREATE UNIQUE INDEX review_rounds_one_open ON review_rounds (campaign_id) WHERE state = 'open';

-- The experts of a round (a meeting may have fewer than the online round).
CREATE TABLE review_round_experts (
  round_id uuid NOT NULL REFERENCES review_rounds (id) ON DELETE CASCADE,
  expert_id uuid NOT NULL REFERENCES accounts (id),
  PRIMARY KEY (round_id, expert_id)
);

-- A reporting unit asks that named experts of the pool not review its nomination (at most 3, checked by
-- the platform against core's MAX_EXCLUSIONS), each with a reason.
CREATE TABLE review_exclusion_requests (
  nomination_id uuid NOT NULL REFERENCES nominations (id),
  expert_id uuid NOT NULL REFERENCES accounts (id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  requested_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (nomination_id, expert_id)
);

-- An expert declares a conflict (回避) on a nomination, with a reason; never dismissed.
CREATE TABLE review_declarations (
  nomination_id uuid NOT NULL REFERENCES nominations (id),
  expert_id uuid NOT NULL REFERENCES accounts (id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (nomination_id, expert_id)
);

-- The organiser dismisses a computed conflict that is a false positive (同名不同人), with a reason.
CREATE TABLE review_dismissals (
  nomination_id uuid NOT NULL REFERENCES nominations (id),
  expert_id uuid NOT NULL REFERENCES accounts (id),
  code text NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  dismissed_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (nomination_id, expert_id, code)
);

-- Conflicts as computed by core's findConflicts, kept so that every query can leave out what an expert
-- must not see by a join. Recomputed for a campaign whenever its pool, declarations, requests,
-- dismissals or nominations change. A pair is here when it has reasons, dismissed or not.
CREATE TABLE review_conflicts (
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  nomination_id uuid NOT NULL REFERENCES nominations (id),
  expert_id uuid NOT NULL REFERENCES accounts (id),
  conflicted boolean NOT NULL,
  reasons jsonb NOT NULL DEFAULT '[]',
  dismissed jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (nomination_id, expert_id)
);
CREATE INDEX review_conflicts_by_expert ON review_conflicts (expert_id, campaign_id) WHERE conflicted;

-- Who reviews what in a round: automatic (from the seed) or manual (by the organiser, on top).
CREATE TABLE review_assignments (
  round_id uuid NOT NULL REFERENCES review_rounds (id),
  nomination_id uuid NOT NULL REFERENCES nominations (id),
  expert_id uuid NOT NULL REFERENCES accounts (id),
  source text NOT NULL CHECK (source IN ('automatic', 'manual')),
  assigned_by uuid REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, nomination_id, expert_id)
);
CREATE INDEX review_assignments_by_expert ON review_assignments (expert_id, round_id);

-- One expert's review of one nomination in one round: scores by criterion against the rubric as it was
-- when the review began (a snapshot, so a later edit of the rules never changes a score's meaning).
CREATE TABLE reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL,
  nomination_id uuid NOT NULL,
  expert_id uuid NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),
  rubric jsonb NOT NULL,
  scores jsonb NOT NULL DEFAULT '{}',
  comment text NOT NULL DEFAULT '',
  recommendation text CHECK (recommendation IN ('recommend', 'may_recommend', 'not_recommend')),
  propose_special boolean NOT NULL DEFAULT false,
  -- T = 100 · Σ(weight · score) / Σ(weight · max), set on submission.
  total numeric,
  -- SHA-256 of the submitted content (scores, comment, recommendation, special, rubric): frozen.
  content_hash text,
  submitted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, nomination_id, expert_id),
  FOREIGN KEY (round_id, nomination_id, expert_id)
    REFERENCES review_assignments (round_id, nomination_id, expert_id)
);

-- The chair's proposed 拟推介名单 of one category, staged until the organiser confirms it; confirming
-- applies every entry through the nomination transition function. Entries:
-- [{ nominationId, decision: 'shortlisted' | 'not_selected', special, reason }].
CREATE TABLE shortlist_proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  round_id uuid NOT NULL REFERENCES review_rounds (id),
  category text NOT NULL CHECK (category IN ('star', 'project')),
  method text NOT NULL CHECK (method IN ('mean', 'trimmed', 'zscore')),
  entries jsonb NOT NULL,
  note text NOT NULL DEFAULT '',
  proposed_by uuid REFERENCES accounts (id),
  proposed_at timestamptz NOT NULL DEFAULT now(),
  confirmed_by uuid REFERENCES accounts (id),
  confirmed_at timestamptz
);
CREATE INDEX shortlist_proposals_by_campaign ON shortlist_proposals (campaign_id, category, proposed_at DESC);

-- Messages inside the platform (the bell), each to one account; mailed too when SMTP is configured.
-- dedupe_key keeps a reminder from being sent twice (a job that runs again after a crash).
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id),
  kind text NOT NULL CHECK (kind IN ('review_assigned', 'round_closing', 'reviews_complete', 'shortlist_proposed')),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  link text,
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  emailed_at timestamptz,
  UNIQUE (account_id, dedupe_key)
);
CREATE INDEX notifications_unread ON notifications (account_id, created_at DESC) WHERE read_at IS NULL;

-- Accounts may carry an e-mail address for the second channel.
ALTER TABLE accounts ADD COLUMN email text;
