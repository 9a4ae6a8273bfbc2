-- Accounts' phones at rest (issue 15, item 5; docs/decisions/0016): an account's phone becomes an
-- AES-256-GCM envelope in phone_sealed (its mask is all anyone is shown). Rows written before this
-- migration stay as they were (data_key_id null) until the start or `tuijie rotate-key` seals them: SQL
-- cannot hold the key. (Apart from 0030 so that older migration tests can seed today's accounts.)
ALTER TABLE accounts
  ADD COLUMN phone_sealed jsonb,
  ADD COLUMN data_key_id text;
CREATE INDEX accounts_data_key_id ON accounts (data_key_id);

