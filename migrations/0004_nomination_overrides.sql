-- Warnings an organiser accepted for a nomination, each with its reason: [{ code, reason, by, at }].
ALTER TABLE nominations ADD COLUMN overrides jsonb NOT NULL DEFAULT '[]';
