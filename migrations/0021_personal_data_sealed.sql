-- Personal data at rest (issue 15, item 5; docs/decisions/0016): a nomination's 身份证号, phones and
-- address are stored sealed (AES-256-GCM envelopes in place of the text in form and snapshot). What the
-- registry and the duplicate checks compare is a keyed hash (HMAC-SHA-256) beside the row. Rows written
-- before this migration are still clear (data_key_id null); the start of the platform and
-- `tuijie rotate-key` seal them.
ALTER TABLE nominations
  ADD COLUMN id_number_hash text,
  ADD COLUMN birth_date_hash text,
  -- The key every envelope of this row (form and snapshot) is sealed with; null: not sealed yet.
  ADD COLUMN data_key_id text;

CREATE INDEX nominations_id_number_hash ON nominations (id_number_hash) WHERE id_number_hash IS NOT NULL;
CREATE INDEX nominations_data_key_id ON nominations (data_key_id);
