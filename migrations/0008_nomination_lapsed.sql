-- 逾期视为自动放弃: when the platform withdrew a draft or returned nomination at its unit's deadline
-- (null for everything else), so the organiser sees who missed the deadline.
ALTER TABLE nominations ADD COLUMN lapsed_at timestamptz;

-- The deadline job looks for work still open at a deadline: only drafts and returned nominations.
CREATE INDEX nominations_open_work ON nominations (campaign_id, unit_id) WHERE state IN ('draft', 'returned');
