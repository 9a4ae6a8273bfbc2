-- Experts' 身份证号 at rest (issue 15, item 5; docs/decisions/0016): sealed as nominees' are, an
-- AES-256-GCM envelope in id_number_sealed and the keyed match hash in id_number_hash, which the
-- conflict-of-interest check compares with the nominees' hashes. Rows written before this migration
-- keep the clear id_number (data_key_id null) until the start or `tuijie rotate-key` seals them.
ALTER TABLE review_experts
  ADD COLUMN id_number_sealed jsonb,
  ADD COLUMN id_number_hash text,
  ADD COLUMN data_key_id text;

CREATE INDEX review_experts_data_key_id ON review_experts (data_key_id);
