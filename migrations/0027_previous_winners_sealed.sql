-- The registry's 身份证号 at rest (issue 15, item 5; docs/decisions/0016): sealed like a nomination's,
-- an AES-256-GCM envelope in id_number_sealed and the keyed match hash (HMAC-SHA-256) in
-- id_number_hash, which the registry check, the search by whole number and the natural key use. Rows
-- written before this migration keep the clear id_number (data_key_id null) until the start of the
-- platform or `tuijie rotate-key` seals them and clears it: SQL cannot hold the key.
ALTER TABLE previous_winners
  ADD COLUMN id_number_sealed jsonb,
  ADD COLUMN id_number_hash text,
  ADD COLUMN data_key_id text;

-- A person is one record by the hash of the number (the clear number only until the row is sealed).
-- Dropping the column drops its unique index; both are made again over the new key.
ALTER TABLE previous_winners DROP COLUMN natural_key;
ALTER TABLE previous_winners
  ADD COLUMN natural_key text GENERATED ALWAYS AS (
    coalesce(
      id_number_hash,
      id_number,
      credit_code || '|' || name,
      name || '|' || coalesce(province_or_unit, '') || '|' || coalesce(work_unit, '')
    )
  ) STORED;
CREATE UNIQUE INDEX previous_winners_natural_key
  ON previous_winners (organisation_id, year, level, category, natural_key);

DROP INDEX previous_winners_id_number;
CREATE INDEX previous_winners_id_number_hash ON previous_winners (id_number_hash)
  WHERE id_number_hash IS NOT NULL;
CREATE INDEX previous_winners_data_key_id ON previous_winners (data_key_id);
