-- Submission packages (issue #15 item 5): an identical request reuses the ready package built from the same
-- inputs (inputs_hash), and packages expire: the newest few of each scope are kept for a retention period,
-- the others move to 'expired' and a sweep deletes their files (core/documents/package-retention.ts).
ALTER TABLE export_packages ADD COLUMN inputs_hash text;

ALTER TABLE export_packages DROP CONSTRAINT export_packages_state_check;
ALTER TABLE export_packages
  ADD CONSTRAINT export_packages_state_check
  CHECK (state IN ('queued', 'building', 'ready', 'failed', 'expired'));

CREATE INDEX export_packages_scope ON export_packages (campaign_id, unit_id, state, created_at DESC);
