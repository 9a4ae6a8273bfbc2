-- Objectors' identities at rest (issue 15, item 5; docs/decisions/0016): an objection's objector (name,
-- 身份证号, workplace or unit, contact, phone) is kept as one envelope in place of the JSON, and phone_hash,
-- which the objector's status lookup compares, becomes the keyed hash (HMAC) of the phone instead of a
-- plain SHA-256 anyone could reverse by trying every number. Rows written before this migration stay as
-- they were (data_key_id null) until the start or `tuijie rotate-key` seals them: SQL cannot hold the key.
ALTER TABLE objections ADD COLUMN data_key_id text;
CREATE INDEX objections_data_key_id ON objections (data_key_id);
